import { Anchor, Badge, Code, Group, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DispatchDto } from '../../api/types';
import { useLinkProps } from '../../lib/links';
import { useFormat } from '../../lib/use-format';
import { Figure } from '../calculator/Figure';
import { ChannelLabel } from './ChannelLabel';
import { DispatchStatusBadge } from './DispatchStatusBadge';

/** Amounts of recovery actions come without a currency: the planner works in euros. */
export const RECOVERY_CURRENCY = 'EUR';

interface DispatchHeaderProps {
  readonly dispatch: DispatchDto;
  /** Position in the worklist's priority order (1 = first). */
  readonly rank?: number;
}

/** Who, what and how much for one recovery action: the top of every worklist, approval and review card. */
export function DispatchHeader({ dispatch, rank }: DispatchHeaderProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkProps = useLinkProps();
  return (
    <Stack gap="xs">
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Group gap="sm">
          {rank !== undefined ? (
            <Badge variant="filled" color="dark" data-testid="dispatch-rank">
              {t('recovery.dispatch.priority', { rank })}
            </Badge>
          ) : null}
          <Anchor {...linkProps(`/debtors/${dispatch.debtor.id}`)} fw={600} data-testid="dispatch-debtor">
            {dispatch.debtor.name}
          </Anchor>
          <ChannelLabel channel={dispatch.channel} />
          {dispatch.campaign ? dispatch.campaign.name : <Code>{dispatch.stepId}</Code>}
        </Group>
        <Group gap="xs">
          <DispatchStatusBadge status={dispatch.status} />
          <Anchor {...linkProps(`/recovery/cases/${dispatch.caseId}`)} size="sm">
            {t('recovery.dispatch.openCase')}
          </Anchor>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" verticalSpacing="xs">
        <Figure label={t('recovery.dispatch.creditor')} testId="dispatch-creditor">
          {dispatch.creditor.name}
        </Figure>
        <Figure label={t('recovery.dispatch.invoices')} testId="dispatch-invoices">
          {dispatch.invoiceNumbers.length > 0 ? dispatch.invoiceNumbers.join(', ') : '—'}
        </Figure>
        <Figure label={t('recovery.dispatch.outstanding')} testId="dispatch-outstanding">
          {format.amount(dispatch.outstanding, RECOVERY_CURRENCY)}
        </Figure>
        <Figure label={t('recovery.dispatch.occurrence')}>{format.date(dispatch.occurrence)}</Figure>
        <Figure label={t('recovery.cases.columns.assignee')} testId="dispatch-assignee">
          {dispatch.assignee?.name ?? '—'}
        </Figure>
      </SimpleGrid>
    </Stack>
  );
}
