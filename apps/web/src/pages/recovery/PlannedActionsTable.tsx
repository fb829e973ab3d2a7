import { Anchor, Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlannedActionDto } from '../../api/types';
import { useLinkProps } from '../../lib/links';
import { useFormat } from '../../lib/use-format';
import { ChannelLabel } from './ChannelLabel';

interface PlannedActionsTableProps {
  readonly actions: readonly PlannedActionDto[];
  readonly empty: string;
  /** With a debtor column linking to the debtor's page; names known from the cases, a generic label otherwise. */
  readonly debtorNames?: ReadonlyMap<string, string>;
  readonly testId: string;
}

/** What the planner would do, by date: the preview tab and a case's next actions. */
export function PlannedActionsTable({ actions, empty, debtorNames, testId }: PlannedActionsTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkProps = useLinkProps();
  const withDebtor = debtorNames !== undefined;
  if (actions.length === 0) {
    return (
      <Text c="dimmed" size="sm" data-testid={`${testId}-empty`}>
        {empty}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={withDebtor ? 760 : 560}>
      <Table striped verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('recovery.preview.columns.date')}</Table.Th>
            {withDebtor ? <Table.Th>{t('recovery.preview.columns.debtor')}</Table.Th> : null}
            <Table.Th>{t('recovery.preview.columns.step')}</Table.Th>
            <Table.Th>{t('recovery.preview.columns.channel')}</Table.Th>
            <Table.Th>{t('recovery.preview.columns.approval')}</Table.Th>
            <Table.Th>{t('recovery.preview.columns.invoices')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((action) => (
            <Table.Tr
              key={`${action.date}-${action.caseId}-${action.stepId}`}
              data-testid={`${testId}-row`}
              data-date={action.date}
              data-channel={action.channel}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(action.date)}</Table.Td>
              {withDebtor ? (
                <Table.Td>
                  <Anchor {...linkProps(`/debtors/${action.debtorId}`)} size="sm" data-testid="planned-debtor-link">
                    {debtorNames.get(action.debtorId) ?? t('recovery.preview.debtorFallback')}
                  </Anchor>
                </Table.Td>
              ) : null}
              <Table.Td>
                <Code>{action.stepId}</Code>
              </Table.Td>
              <Table.Td>
                <ChannelLabel channel={action.channel} />
              </Table.Td>
              <Table.Td>
                {action.requiresApproval ? (
                  <Badge color="yellow" variant="light" size="sm">
                    {t('recovery.preview.needsApproval')}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{action.invoiceNumbers.join(', ') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
