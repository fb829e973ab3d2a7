import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RatePeriod } from '../../api/types';
import { formatPercent } from '../../lib/format';
import { useFormat } from '../../lib/use-format';

/** Each stretch of days at one rate: a period crossing 1 January or 1 July is split. */
export function PeriodsTable({ periods }: { readonly periods: readonly RatePeriod[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (periods.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('calculator.lateFees.periodsEmpty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="late-fees-periods">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calculator.lateFees.columns.from')}</Table.Th>
            <Table.Th>{t('calculator.lateFees.columns.to')}</Table.Th>
            <Table.Th ta="right">{t('calculator.lateFees.columns.days')}</Table.Th>
            <Table.Th ta="right">{t('calculator.lateFees.columns.rate')}</Table.Th>
            <Table.Th>{t('calculator.lateFees.columns.halfYear')}</Table.Th>
            <Table.Th>{t('calculator.lateFees.columns.basis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((period) => (
            <Table.Tr key={`${period.from}-${period.to}`} data-testid="late-fees-period-row" data-basis={period.basis}>
              <Table.Td>{format.date(period.from)}</Table.Td>
              <Table.Td>{format.date(period.to)}</Table.Td>
              <Table.Td ta="right">{period.days}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatPercent(format.language, period.ratePercent)}
              </Table.Td>
              <Table.Td>{period.halfYear}</Table.Td>
              <Table.Td>{t(`calculator.bases.${period.basis}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
