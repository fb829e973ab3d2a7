import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../api/types';
import { DeliveryBadge } from '../letters/DeliveryBadge';
import { documentTypeLabel } from '../letters/document-labels';
import { useFormat } from '../../lib/use-format';
import { CASE_STATES } from './CaseStateBadge';
import { DispatchStatusBadge } from './DispatchStatusBadge';
import type { TimelineEntry } from './timeline';

type PromiseStatus = 'open' | 'kept' | 'broken' | 'cancelled';
const PROMISE_COLORS: Record<PromiseStatus, string> = { open: 'teal', kept: 'green', broken: 'red', cancelled: 'gray' };
const isPromiseStatus = (status: string): status is PromiseStatus => status in PROMISE_COLORS;
const isCaseState = (state: string): state is CaseState => (CASE_STATES as readonly string[]).includes(state);

/** Transitions carry states as plain strings: a known one is named, anything else shown as received. */
function useStateName() {
  const { t } = useTranslation();
  return (state: string) => (isCaseState(state) ? t(`recovery.caseStates.${state}`) : state);
}

/** The headline of a timeline entry: the change of state, the action and its status, or the promise and its status. */
export function TimelineEntryTitle({ entry }: { readonly entry: TimelineEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const stateName = useStateName();
  if (entry.kind === 'transition') {
    const { fromState, toState } = entry.transition;
    return fromState
      ? t('recovery.case.transition', { from: stateName(fromState), to: stateName(toState) })
      : t('recovery.case.opened', { to: stateName(toState) });
  }
  if (entry.kind === 'document') {
    return (
      <Group gap="xs" component="span">
        <span>
          {t('letters.documents.timeline', {
            kind: t(`letters.documents.kinds.${entry.document.kind}`),
            type: documentTypeLabel(t, entry.document),
          })}
        </span>
        <DeliveryBadge delivery={entry.document.delivery} />
      </Group>
    );
  }
  if (entry.kind === 'dispatch') {
    return (
      <Group gap="xs" component="span">
        <span>
          {t('recovery.case.dispatch', {
            channel: t(`recovery.channels.${entry.dispatch.channel}`),
            step: entry.dispatch.campaign?.name ?? entry.dispatch.stepId,
          })}
        </span>
        <DispatchStatusBadge status={entry.dispatch.status} />
      </Group>
    );
  }
  const status = entry.promise.status;
  return (
    <Group gap="xs" component="span">
      <span>{t('recovery.case.promise', { until: format.date(entry.promise.until) })}</span>
      <Badge size="sm" variant="light" color={isPromiseStatus(status) ? PROMISE_COLORS[status] : 'gray'} data-status={status}>
        {isPromiseStatus(status) ? t(`recovery.promiseStatus.${status}`) : status}
      </Badge>
    </Group>
  );
}
