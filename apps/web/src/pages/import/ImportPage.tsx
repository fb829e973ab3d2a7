import { Alert, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUploadImport } from '../../api/imports';
import type { ImportPreview } from '../../api/types';
import { CreditorSelect } from '../../components/CreditorSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../../components/Session';
import { canImport } from '../../lib/permissions';
import { DropZone } from './DropZone';
import { ImportHistory } from './ImportHistory';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { ImportRun } from './ImportRun';

type Step =
  | { readonly kind: 'upload' }
  | { readonly kind: 'preview'; readonly preview: ImportPreview }
  | { readonly kind: 'run'; readonly batchId: string };

/** Upload → preview and mapping → dry run → confirm → progress → result; history below. */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [step, setStep] = useState<Step>({ kind: 'upload' });
  const [creditorId, setCreditorId] = useState<string | null>(null);
  const upload = useUploadImport();
  const allowed = canImport(me.role);
  const restart = () => {
    upload.reset();
    setStep({ kind: 'upload' });
  };

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('import.title')}
      </Title>
      {!allowed ? (
        <Alert color="gray" data-testid="import-not-allowed">
          {t('import.notAllowed')}
        </Alert>
      ) : null}
      {allowed && step.kind === 'upload' ? (
        <Paper withBorder p="md" radius="md">
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('import.upload.title')}
            </Title>
            <CreditorSelect
              label={t('import.upload.creditor')}
              emptyLabel={t('import.upload.creditorPlaceholder')}
              value={creditorId}
              onChange={setCreditorId}
              description={t('import.upload.creditorHelp')}
              hideWhenSingle
              testId="import-upload-creditor"
            />
            <DropZone
              busy={upload.isPending}
              onFile={(file) => upload.mutate({ file, creditorId }, { onSuccess: (preview) => setStep({ kind: 'preview', preview }) })}
            />
            {upload.isError ? <ErrorAlert error={upload.error} /> : null}
          </Stack>
        </Paper>
      ) : null}
      {step.kind === 'preview' ? (
        <Paper withBorder p="md" radius="md">
          <ImportPreviewPanel
            key={step.preview.id}
            preview={step.preview}
            onPreview={(preview) => setStep({ kind: 'preview', preview })}
            onConfirmed={(batch) => setStep({ kind: 'run', batchId: batch.id })}
            onCancel={restart}
          />
        </Paper>
      ) : null}
      {step.kind === 'run' ? <ImportRun batchId={step.batchId} onAnother={restart} /> : null}
      <ImportHistory />
    </Stack>
  );
}
