import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RateRow } from '../../api/types';
import { RateTableRow } from './RateTableRow';

interface RatesTableProps {
  readonly rows: readonly RateRow[];
  readonly onCorrect?: (row: RateRow) => void;
}

/** The rates per half-year, most recent first. */
export function RatesTable({ rows, onCorrect }: RatesTableProps) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('rates.empty')}
      </Text>
    );
  }
  const sorted = [...rows].sort((a, b) => b.halfYear.localeCompare(a.halfYear));
  const columns = onCorrect ? 9 : 8;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="rates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rates.columns.halfYear')}</Table.Th>
            <Table.Th ta="right">{t('rates.columns.ecb')}</Table.Th>
            <Table.Th ta="right">{t('rates.columns.b2bDefault')}</Table.Th>
            <Table.Th ta="right">{t('rates.columns.legalIndividual')}</Table.Th>
            <Table.Th ta="right">{t('rates.columns.legalOther')}</Table.Th>
            <Table.Th ta="right">{t('rates.columns.floor')}</Table.Th>
            <Table.Th>{t('rates.columns.origin')}</Table.Th>
            <Table.Th>{t('rates.columns.sources')}</Table.Th>
            {onCorrect ? (
              <Table.Th>
                <VisuallyHidden>{t('rates.correct')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <RateTableRow key={row.halfYear} row={row} onCorrect={onCorrect} columns={columns} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
