import { Alert, Button, Checkbox, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmImport, usePreviewImport } from '../../api/imports';
import type { ColumnMapping, ImportBatch, ImportMode, ImportPreview } from '../../api/types';
import { CreditorSelect } from '../../components/CreditorSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/use-format';
import { CountsSentence } from './Counts';
import { MappingEditor } from './MappingEditor';
import { requiredFields, sameMapping, unmappedRequired } from './mapping';
import { RejectedRowsTable } from './RejectedRowsTable';
import { SampleTable } from './SampleTable';

const DELIMITER_KEYS: Record<string, 'semicolon' | 'comma' | 'tab' | 'pipe'> = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'pipe' };

function LayoutFacts({ preview }: { readonly preview: ImportPreview }) {
  const { t } = useTranslation();
  const layout = preview.layout;
  const delimiterKey = layout?.delimiter ? DELIMITER_KEYS[layout.delimiter] : undefined;
  const facts: [string, string][] = [[t('import.preview.format'), t(`import.preview.formats.${preview.format}`)]];
  if (layout?.encoding) facts.push([t('import.preview.encoding'), layout.encoding]);
  if (layout?.delimiter)
    facts.push([t('import.preview.delimiter'), delimiterKey ? t(`import.preview.delimiters.${delimiterKey}`) : layout.delimiter]);
  if (layout?.sheet) facts.push([t('import.preview.sheet'), layout.sheet]);
  if (layout) {
    facts.push([t('import.preview.headerLine'), String(layout.headerLine)]);
    facts.push([t('import.preview.decimalSeparator'), layout.decimalSeparator]);
  }
  facts.push([t('import.preview.rowCount'), String(preview.rowCount)]);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="import-layout">
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text size="sm" fw={500}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

interface ImportPreviewPanelProps {
  readonly preview: ImportPreview;
  readonly onPreview: (preview: ImportPreview) => void;
  readonly onConfirmed: (batch: ImportBatch) => void;
  readonly onCancel: () => void;
}

/** Preview, mapping, dry run and confirmation of one uploaded file. */
export function ImportPreviewPanel({ preview, onPreview, onConfirmed, onCancel }: ImportPreviewPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  const [creditorId, setCreditorId] = useState<string | null>(preview.creditorId);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');
  const [remember, setRemember] = useState(true);
  // Fields the API ever reported missing for this file stay marked as required.
  const [reported, setReported] = useState<ReadonlySet<string>>(() => new Set(preview.missingFields));
  const recheck = usePreviewImport();
  const confirm = useConfirmImport();

  const layout = preview.layout;
  const required = useMemo(() => requiredFields(reported), [reported]);
  const missing = layout ? unmappedRequired(required, mapping, preview.mappableFields) : [];
  const dirty = (layout !== null && !sameMapping(mapping, preview.mapping)) || creditorId !== preview.creditorId;
  const check = preview.check;
  const creditorProblem = preview.problem?.code === 'IMPORT_CREDITOR_REQUIRED' ? preview.problem.message : undefined;
  const canConfirm = !dirty && preview.problem === null && check !== null && missing.length === 0;

  const body = () => ({ ...(layout ? { mapping } : {}), ...(creditorId ? { creditorId } : {}) });

  const runRecheck = () =>
    recheck.mutate(
      { id: preview.id, body: body() },
      {
        onSuccess: (next) => {
          setReported((current) => new Set([...current, ...next.missingFields]));
          setMapping(next.mapping);
          setCreditorId(next.creditorId ?? creditorId);
          onPreview(next);
        },
      },
    );

  const runConfirm = () =>
    confirm.mutate({ id: preview.id, body: { ...body(), mode, rememberMapping: remember } }, { onSuccess: onConfirmed });

  return (
    <Stack gap="md" data-testid="import-preview">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('import.preview.title', { filename: preview.filename })}
        </Title>
        <Button variant="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
      <LayoutFacts preview={preview} />

      {preview.problem && !creditorProblem ? (
        <Alert color="red" role="alert" data-testid="import-problem">
          {preview.problem.message}
        </Alert>
      ) : null}

      <CreditorSelect
        label={t('import.upload.creditor')}
        emptyLabel={t('import.upload.creditorPlaceholder')}
        value={creditorId}
        onChange={setCreditorId}
        error={creditorId === preview.creditorId ? creditorProblem : undefined}
        description={t('import.upload.creditorHelp')}
        testId="import-creditor"
      />

      {layout ? (
        <Paper withBorder p="md" radius="md">
          <Title order={3} size="h4" mb="sm">
            {t('import.mapping.title')}
          </Title>
          <MappingEditor
            fields={preview.mappableFields}
            headers={layout.headers}
            mapping={mapping}
            required={required}
            missing={missing}
            onChange={setMapping}
            disabled={recheck.isPending || confirm.isPending}
          />
        </Paper>
      ) : null}

      {layout && preview.sampleRows.length > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('import.sample.title')}
          </Title>
          <SampleTable headers={layout.headers} rows={preview.sampleRows} headerLine={layout.headerLine} mapping={mapping} />
        </Stack>
      ) : null}

      <Group gap="sm">
        <Button variant={dirty ? 'filled' : 'default'} onClick={runRecheck} loading={recheck.isPending} data-testid="import-recheck">
          {t('import.recheck')}
        </Button>
        {dirty ? (
          <Text size="sm" c="orange.8" data-testid="import-dirty">
            {t('import.mapping.dirty')}
          </Text>
        ) : null}
      </Group>
      {recheck.isError ? <ErrorAlert error={recheck.error} /> : null}

      {check ? (
        <Paper withBorder p="md" radius="md" data-testid="import-check" style={dirty ? { opacity: 0.6 } : undefined}>
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('import.check.title')}
            </Title>
            <CountsSentence counts={check.counts} tense="check" testId="import-check-counts" />
            {check.outstandingByCurrency.length > 0 ? (
              <Text size="sm" c="dimmed">
                {t('import.check.outstanding', { amount: format.amounts(check.outstandingByCurrency) })}
              </Text>
            ) : null}
            {check.rejected.length > 0 ? <RejectedRowsTable rows={check.rejected} /> : null}
          </Stack>
        </Paper>
      ) : null}

      <Radio.Group
        label={t('import.mode.label')}
        value={mode}
        onChange={(value) => setMode(value === 'valid-rows-only' ? 'valid-rows-only' : 'all-or-nothing')}
        data-testid="import-mode"
      >
        <Stack gap="xs" mt="xs">
          <Radio
            value="all-or-nothing"
            label={t('import.mode.allOrNothing')}
            description={t('import.mode.allOrNothingHelp')}
            data-testid="import-mode-all-or-nothing"
          />
          <Radio
            value="valid-rows-only"
            label={t('import.mode.validRowsOnly')}
            description={t('import.mode.validRowsOnlyHelp')}
            data-testid="import-mode-valid-rows-only"
          />
        </Stack>
      </Radio.Group>
      {mode === 'all-or-nothing' && check && check.counts.rejected > 0 ? (
        <Alert color="orange" data-testid="import-mode-warning">
          {t('import.mode.warning')}
        </Alert>
      ) : null}

      {layout ? (
        <Checkbox label={t('import.remember')} checked={remember} onChange={(event) => setRemember(event.currentTarget.checked)} />
      ) : null}

      {confirm.isError ? <ErrorAlert error={confirm.error} /> : null}
      <Group gap="sm">
        <Button onClick={runConfirm} loading={confirm.isPending} disabled={!canConfirm} data-testid="import-confirm">
          {t('import.confirm')}
        </Button>
        {!canConfirm && !dirty ? (
          <Text size="sm" c="dimmed">
            {t('import.blocked')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
