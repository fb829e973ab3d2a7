import { Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { useAgents, useCases } from '../../api/recovery-cases';
import type { CaseState } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useSession } from '../../components/Session';
import { canManageRecovery } from '../../lib/permissions';
import { CaseAssignBar } from './CaseAssignBar';
import { CASE_STATES } from './CaseStateBadge';
import { CaseTable } from './CaseTable';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isCaseState = (value: string | null): value is CaseState => (CASE_STATES as readonly (string | null)[]).includes(value);

/**
 * "Dossiers": every case with its state and agent, filterable by state and by agent (?state=, ?assignee= in the
 * URL; the signed-in member's own cases first). A manager ticks cases and gives them to a member in one step.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canAssign = canManageRecovery(me.role);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const requested = params.get('state');
  const state = isCaseState(requested) ? requested : undefined;
  const agents = useAgents();
  const wanted = params.get('assignee');
  const assignee = wanted === 'none' || (wanted && UUID.test(wanted)) ? wanted : undefined;
  const cases = useCases({ limit: 500, ...(state ? { state } : {}), ...(assignee ? { assignee } : {}) });
  // Only what the list shows counts as ticked: a filter that hides a ticked case also leaves it out of the action.
  const selectedIds = (cases.data ?? []).filter((c) => ticked.has(c.id)).map((c) => c.id);
  /** Changes one filter of the URL, keeping the other. */
  const filter = (name: 'state' | 'assignee', value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    navigate(query ? `/recovery/cases?${query}` : '/recovery/cases', { replace: true });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('recovery.cases.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('recovery.cases.intro')}
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={t('recovery.cases.assignee')}
            value={assignee ?? ''}
            onChange={(event) => filter('assignee', event.currentTarget.value)}
            data={[
              { value: '', label: t('recovery.cases.allAssignees') },
              { value: me.user.id, label: t('recovery.cases.mine') },
              { value: 'none', label: t('recovery.cases.unassigned') },
              ...(agents.data ?? []).filter((a) => a.id !== me.user.id).map((a) => ({ value: a.id, label: a.name })),
            ]}
            data-testid="case-filter-assignee"
          />
          <NativeSelect
            label={t('recovery.cases.state')}
            value={state ?? ''}
            onChange={(event) => filter('state', event.currentTarget.value)}
            data={[
              { value: '', label: t('recovery.cases.allStates') },
              ...CASE_STATES.map((value) => ({ value, label: t(`recovery.caseStates.${value}`) })),
            ]}
            data-testid="case-filter-state"
          />
        </Group>
      </Group>
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.data && selectedIds.length > 0 ? <CaseAssignBar caseIds={selectedIds} onDone={() => setTicked(new Set())} /> : null}
      {cases.data ? (
        <CaseTable
          cases={cases.data}
          {...(canAssign
            ? {
                selection: {
                  selected: ticked,
                  toggle: (id: string) =>
                    setTicked((current) => {
                      const next = new Set(current);
                      if (!next.delete(id)) next.add(id);
                      return next;
                    }),
                  toggleAll: (on: boolean) => setTicked(new Set(on ? cases.data.map((c) => c.id) : [])),
                },
              }
            : {})}
        />
      ) : null}
    </Stack>
  );
}
