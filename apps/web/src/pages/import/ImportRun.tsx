import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isImportFinished, useImportBatch } from '../../api/imports';
import type { ImportBatch } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLinkProps } from '../../lib/links';
import { useFormat } from '../../lib/use-format';
import { CountsSentence } from './Counts';
import { RejectedRowsTable } from './RejectedRowsTable';

const RESULT_COLORS = { completed: 'green', rejected: 'orange', failed: 'red' } as const;

function Result({ batch, onAnother }: { readonly batch: ImportBatch; readonly onAnother: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkProps = useLinkProps();
  const status = batch.status === 'rejected' || batch.status === 'failed' ? batch.status : 'completed';
  return (
    <Alert color={RESULT_COLORS[status]} title={t(`import.result.${status}`)} data-testid="import-result" data-status={batch.status}>
      <Stack gap="sm">
        {batch.error ? <Text size="sm">{batch.error.message}</Text> : null}
        <CountsSentence counts={batch.counts} tense="result" testId="import-result-counts" />
        {batch.outstandingByCurrency.length > 0 && status === 'completed' ? (
          <Text size="sm">{t('import.check.outstanding', { amount: format.amounts(batch.outstandingByCurrency) })}</Text>
        ) : null}
        {batch.rejected.length > 0 ? <RejectedRowsTable rows={batch.rejected} /> : null}
        <Group gap="sm">
          <Button onClick={onAnother} data-testid="import-another">
            {t('import.result.another')}
          </Button>
          {status === 'completed' ? (
            <Button component="a" {...linkProps('/invoices')} variant="default">
              {t('import.result.viewInvoices')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}

/** Follows a confirmed import (GET /api/imports/:id every second) and shows its outcome. */
export function ImportRun({ batchId, onAnother }: { readonly batchId: string; readonly onAnother: () => void }) {
  const { t } = useTranslation();
  const batch = useImportBatch(batchId);

  if (batch.isError) return <ErrorAlert error={batch.error} onRetry={() => void batch.refetch()} />;
  if (!batch.data || !isImportFinished(batch.data.status)) {
    const status = batch.data?.status ?? 'queued';
    const label =
      status === 'running'
        ? t('import.progress.running')
        : status === 'pending'
          ? t('import.progress.pending')
          : t('import.progress.queued');
    return (
      <Paper withBorder p="lg" radius="md" data-testid="import-progress" data-status={status}>
        <Group gap="sm" role="status" aria-live="polite">
          <Loader size="sm" />
          <Text>{label}</Text>
        </Group>
      </Paper>
    );
  }
  return <Result batch={batch.data} onAnother={onAnother} />;
}
