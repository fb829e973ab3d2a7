import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useImportHistory } from '../../api/imports';
import type { ImportBatch, ImportStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/use-format';

const STATUS_COLORS: Record<ImportStatus, string> = {
  pending: 'gray',
  queued: 'blue',
  running: 'blue',
  completed: 'green',
  rejected: 'orange',
  failed: 'red',
};

function Outcome({ batch }: { readonly batch: ImportBatch }) {
  const { t } = useTranslation();
  if (batch.status !== 'completed' && batch.status !== 'rejected') return <>{batch.error?.message ?? '—'}</>;
  const parts = [
    t('import.result.created', { count: batch.counts.created }),
    t('import.result.updated', { count: batch.counts.updated }),
    t('import.result.unchanged', { count: batch.counts.unchanged }),
  ];
  if (batch.counts.rejected > 0) parts.push(t('import.result.rejected', { count: batch.counts.rejected }));
  return <>{parts.join(' · ')}</>;
}

export function ImportHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useImportHistory();
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section title={t('import.history.title')} testId="import-history">
      {history.isPending ? <Loading /> : null}
      {history.isError ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
      {history.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('import.history.empty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="import-history-table" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.history.date')}</Table.Th>
                <Table.Th>{t('import.history.file')}</Table.Th>
                <Table.Th>{t('import.history.format')}</Table.Th>
                <Table.Th>{t('import.history.status')}</Table.Th>
                <Table.Th>{t('import.history.mode')}</Table.Th>
                <Table.Th>{t('import.history.result')}</Table.Th>
                <Table.Th>{t('import.history.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((batch) => (
                <Table.Tr key={batch.id} data-testid="import-history-row" data-status={batch.status}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(batch.createdAt)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{batch.filename}</Table.Td>
                  <Table.Td>{t(`import.preview.formats.${batch.format}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[batch.status]} variant="light" style={{ overflow: 'visible' }} miw="max-content">
                      {t(`import.statuses.${batch.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`import.modes.${batch.mode}`)}</Table.Td>
                  <Table.Td>
                    <Outcome batch={batch} />
                  </Table.Td>
                  <Table.Td>{batch.createdBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMore hasNextPage={history.hasNextPage} isFetchingNextPage={history.isFetchingNextPage} fetchNextPage={history.fetchNextPage} />
    </Section>
  );
}
