import { Button, Paper, Stack, Text } from '@mantine/core';
import { type ChangeEvent, type DragEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface DropZoneProps {
  readonly onFile: (file: File) => void;
  readonly busy: boolean;
  readonly disabled?: boolean;
}

const ACCEPT =
  '.csv,.txt,.tsv,.xlsx,.pdf,.xml,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/pdf,application/xml,text/xml';

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** Drop a file or pick one; the real <input type=file> stays in the page (keyboard, screen readers, end-to-end tests). */
export function DropZone({ onFile, busy, disabled = false }: DropZoneProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [over, setOver] = useState(false);
  const [focused, setFocused] = useState(false);
  const inactive = busy || disabled;

  const take = (file: File | undefined) => {
    if (file && !inactive) onFile(file);
  };

  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      data-testid="import-drop-zone"
      onDragOver={(event: DragEvent) => {
        event.preventDefault();
        if (!inactive) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event: DragEvent) => {
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer.files[0]);
      }}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-6)' : undefined,
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
        textAlign: 'center',
      }}
    >
      <Stack gap="xs" align="center">
        <Text fw={500}>{busy ? t('import.upload.analysing') : t('import.upload.drop')}</Text>
        <Text size="sm" c="dimmed">
          {t('import.upload.or')}
        </Text>
        <Button
          component="label"
          htmlFor={inputId}
          loading={busy}
          disabled={inactive}
          style={focused ? { outline: '2px solid var(--mantine-color-blue-6)', outlineOffset: 2 } : undefined}
        >
          {t('import.upload.browse')}
        </Button>
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          disabled={inactive}
          aria-label={t('import.upload.input')}
          data-testid="import-file-input"
          style={visuallyHidden}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onChange={(event: ChangeEvent<HTMLInputElement>) => {
            take(event.currentTarget.files?.[0]);
            event.currentTarget.value = '';
          }}
        />
        <Text size="xs" c="dimmed">
          {t('import.upload.formats')}
        </Text>
      </Stack>
    </Paper>
  );
}
