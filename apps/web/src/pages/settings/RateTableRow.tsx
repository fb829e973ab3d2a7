import { Badge, Button, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RateRow } from '../../api/types';
import { formatPercent } from '../../lib/format';
import { useFormat } from '../../lib/use-format';

interface RateTableRowProps {
  readonly row: RateRow;
  /** Owners only: fill the form with this half-year. */
  readonly onCorrect?: (row: RateRow) => void;
  readonly columns: number;
}

/** One half-year, its sources folded into a second row opened on demand. */
export function RateTableRow({ row, onCorrect, columns }: RateTableRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const percent = (rate: string) => formatPercent(format.language, rate);
  const sourcesId = `rate-sources-${row.halfYear}`;

  return (
    <>
      <Table.Tr data-testid="rate-row" data-half-year={row.halfYear} data-origin={row.origin}>
        <Table.Td fw={500}>{row.halfYear}</Table.Td>
        <Table.Td ta="right">{percent(row.ecbRate)}</Table.Td>
        <Table.Td ta="right">{percent(row.b2bDefaultRate)}</Table.Td>
        <Table.Td ta="right">{percent(row.legalRateIndividual)}</Table.Td>
        <Table.Td ta="right">{percent(row.legalRateOther)}</Table.Td>
        <Table.Td ta="right">{percent(row.contractRateFloor)}</Table.Td>
        <Table.Td>
          <Badge size="sm" variant={row.origin === 'tenant' ? 'filled' : 'light'} color={row.origin === 'tenant' ? 'teal' : 'gray'}>
            {t(`rates.origins.${row.origin}`)}
          </Badge>
          {row.origin === 'tenant' && (row.updatedBy || row.updatedAt) ? (
            <Text size="xs" c="dimmed" data-testid="rate-updated">
              {t('rates.updated', { name: row.updatedBy ?? '—', date: format.dateTime(row.updatedAt) })}
            </Text>
          ) : null}
        </Table.Td>
        <Table.Td>
          <UnstyledButton
            aria-expanded={open}
            aria-controls={sourcesId}
            aria-label={t('rates.showSources', { halfYear: row.halfYear })}
            onClick={() => setOpen((value) => !value)}
            data-testid="rate-sources-toggle"
          >
            <Text size="sm" c="blue.7" td="underline">
              {t('rates.columns.sources')} {open ? '▴' : '▾'}
            </Text>
          </UnstyledButton>
        </Table.Td>
        {onCorrect ? (
          <Table.Td>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => onCorrect(row)}
              aria-label={t('rates.correctLabel', { halfYear: row.halfYear })}
              data-testid="rate-correct"
            >
              {t('rates.correct')}
            </Button>
          </Table.Td>
        ) : null}
      </Table.Tr>
      {open ? (
        <Table.Tr id={sourcesId} data-testid="rate-sources">
          <Table.Td colSpan={columns}>
            <Stack gap={2}>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {t('rates.sourceEcb', { source: row.sources.ecb })}
              </Text>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {t('rates.sourceLegal', { source: row.sources.legal })}
              </Text>
            </Stack>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
