import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDebtorActivity } from '../../api/debtors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/use-format';

/** The debtor's journal: who did what, when (Paris time) and through which channel. Summaries come localised from the API. */
export function ActivityLog({ debtorId }: { readonly debtorId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const activity = useDebtorActivity(debtorId);
  const items = activity.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section title={t('debtor.activity')} testId="debtor-activity">
      {activity.isPending ? <Loading /> : null}
      {activity.isError ? <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} /> : null}
      {activity.isSuccess ? (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="activity-log" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('debtor.activityColumns.date')}</Table.Th>
                <Table.Th>{t('debtor.activityColumns.actor')}</Table.Th>
                <Table.Th>{t('debtor.activityColumns.channel')}</Table.Th>
                <Table.Th>{t('debtor.activityColumns.summary')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      {t('debtor.activityEmpty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {items.map((entry) => (
                <Table.Tr key={entry.id} data-testid="activity-row" data-action={entry.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
                  </Table.Td>
                  <Table.Td>{entry.actor.label}</Table.Td>
                  <Table.Td>{t(`debtor.channels.${entry.channel}`)}</Table.Td>
                  <Table.Td>{entry.summary}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMore
        hasNextPage={activity.hasNextPage}
        isFetchingNextPage={activity.isFetchingNextPage}
        fetchNextPage={activity.fetchNextPage}
        testId="activity-load-more"
      />
    </Section>
  );
}
