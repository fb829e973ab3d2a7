import { ScrollArea, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RejectedRow } from '../../api/types';

/** Every rejected row with its line, column and message, as the API reports them. */
export function RejectedRowsTable({ rows }: { readonly rows: readonly RejectedRow[] }) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={420} type="auto">
      <Table striped stickyHeader data-testid="import-rejected-table" fz="sm">
        <Table.Caption>{t('import.rejected.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ textAlign: 'right' }}>{t('import.rejected.line')}</Table.Th>
            <Table.Th>{t('import.rejected.column')}</Table.Th>
            <Table.Th>{t('import.rejected.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two issues may share line, column and code; the list never reorders
            <Table.Tr key={`${row.line}-${row.column}-${row.code}-${index}`} data-testid="import-rejected-row" data-line={row.line}>
              <Table.Td style={{ textAlign: 'right' }}>{row.line}</Table.Td>
              <Table.Td>{row.column}</Table.Td>
              <Table.Td>{row.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
