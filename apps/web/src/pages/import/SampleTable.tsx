import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../api/types';
import { isKnownField } from './mapping';

interface SampleTableProps {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly headerLine: number;
  readonly mapping: ColumnMapping;
}

/** The first rows of the file under its own header row, each column showing the field it is mapped to. */
export function SampleTable({ headers, rows, headerLine, mapping }: SampleTableProps) {
  const { t } = useTranslation();
  const fieldOf = (index: number) => Object.entries(mapping).find(([, column]) => column === index)?.[0];
  const width = Math.max(headers.length, ...rows.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, index) => index);

  return (
    <Table.ScrollContainer minWidth={Math.min(1600, 140 * width)}>
      <Table striped withTableBorder withColumnBorders fz="xs" data-testid="import-sample-table">
        <Table.Caption>{t('import.sample.caption', { line: headerLine })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((index) => {
              const field = fieldOf(index);
              return (
                <Table.Th key={index} style={{ whiteSpace: 'nowrap' }}>
                  {headers[index] ?? ''}
                  {field ? (
                    <Text size="xs" c="blue.7" fw={400}>
                      → {isKnownField(field) ? t(`import.mapping.fields.${field}`) : field}
                    </Text>
                  ) : null}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, rowIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity but their position
            <Table.Tr key={rowIndex}>
              {columns.map((index) => (
                <Table.Td key={index} style={{ whiteSpace: 'nowrap' }}>
                  {row[index] ?? ''}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
