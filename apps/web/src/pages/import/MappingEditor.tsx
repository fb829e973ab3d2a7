import { NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../api/types';
import { isKnownField, setMappedColumn } from './mapping';

interface MappingEditorProps {
  /** ImportPreview.mappableFields, in the API's order. */
  readonly fields: readonly string[];
  /** The file's header row. */
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly required: ReadonlySet<string>;
  /** Required fields without a column: flagged in red. */
  readonly missing: readonly string[];
  readonly onChange: (mapping: ColumnMapping) => void;
  readonly disabled?: boolean;
}

/** One select per mappable field, listing the file's columns. */
export function MappingEditor({ fields, headers, mapping, required, missing, onChange, disabled }: MappingEditorProps) {
  const { t } = useTranslation();
  const columns = [
    { value: '', label: t('import.mapping.unmapped') },
    ...headers.map((header, index) => ({
      value: String(index),
      label: header.trim()
        ? t('import.mapping.column', { index: index + 1, header: header.trim() })
        : t('import.mapping.untitledColumn', { index: index + 1 }),
    })),
  ];

  return (
    <Stack gap="xs" data-testid="import-mapping">
      <Text size="sm" c="dimmed">
        {t('import.mapping.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
        {fields.map((field) => {
          const column = mapping[field];
          const isMissing = missing.includes(field);
          return (
            <NativeSelect
              key={field}
              label={isKnownField(field) ? t(`import.mapping.fields.${field}`) : field}
              withAsterisk={required.has(field)}
              value={column === undefined ? '' : String(column)}
              onChange={(event) => {
                const value = event.currentTarget.value;
                onChange(setMappedColumn(mapping, field, value === '' ? null : Number(value)));
              }}
              data={columns}
              error={isMissing ? t('import.mapping.missing') : undefined}
              disabled={disabled}
              data-testid={`import-mapping-${field}`}
              data-missing={isMissing ? 'true' : undefined}
            />
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
