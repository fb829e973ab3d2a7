import { AGING_BUCKETS } from '@amiable/domain';
import { Button, CloseButton, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebtor } from '../../api/debtors';
import type { InvoiceFilters as Filters } from '../../api/invoices';
import { CreditorSelect } from '../../components/CreditorSelect';
import { DebouncedTextInput } from '../../components/DebouncedTextInput';
import { addMonths, todayInParis } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { type FILTER_KEYS, PRESCRIPTION_HORIZONS, STATUS_FILTERS } from './filters';

export type FilterChanges = Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>;

interface AmountFilterProps {
  readonly label: string;
  readonly value: string | undefined;
  readonly onCommit: (value: string | undefined) => void;
  readonly testId: string;
}

/** An amount typed the French way ("1 234,56"), sent to the API as "1234.56" once the field is left. */
function AmountFilter({ label, value, onCommit, testId }: AmountFilterProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = (canonical: string | undefined) => (canonical ? (format.language === 'fr' ? canonical.replace('.', ',') : canonical) : '');
  const [text, setText] = useState(shown(value));
  const [invalid, setInvalid] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of the value resets the text
  useEffect(() => {
    setText(shown(value));
    setInvalid(false);
  }, [value]);

  const commit = () => {
    if (text.trim() === '') {
      setInvalid(false);
      onCommit(undefined);
      return;
    }
    const parsed = format.parseAmount(text);
    setInvalid(parsed === null);
    if (parsed !== null) onCommit(parsed);
  };

  return (
    <TextInput
      label={label}
      inputMode="decimal"
      placeholder={t('invoices.filters.amountPlaceholder')}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      error={invalid ? t('invoices.filters.invalidAmount') : undefined}
      data-testid={testId}
    />
  );
}

/** A list opened from a debtor's aging is filtered on that debtor: say so, and let the user drop it. */
function DebtorFilter({ debtorId, onClear }: { readonly debtorId: string; readonly onClear: () => void }) {
  const { t } = useTranslation();
  const debtor = useDebtor(debtorId);
  return (
    <Group gap={4} data-testid="filter-debtor">
      <Text size="sm" fw={500}>
        {t('invoices.filters.debtor', { name: debtor.data?.name ?? '…' })}
      </Text>
      <CloseButton size="sm" aria-label={t('invoices.filters.clearDebtor')} onClick={onClear} />
    </Group>
  );
}

interface PrescriptionFilterProps {
  readonly value: string | undefined;
  readonly onChange: (value: string | undefined) => void;
}

/**
 * "Near prescription": a horizon of 3, 6 or 12 months from today in Paris becomes the date the API
 * takes (prescriptionBefore, YYYY-MM-DD). A date that matches no horizon today (a bookmark from
 * another day) stays selectable as such.
 */
function PrescriptionFilter({ value, onChange }: PrescriptionFilterProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayInParis();
  const horizons = PRESCRIPTION_HORIZONS.map((months) => ({
    value: addMonths(today, months),
    label: t('invoices.filters.prescriptionWithin', { count: months }),
  }));
  const other =
    value && !horizons.some((horizon) => horizon.value === value)
      ? [{ value, label: t('invoices.filters.prescriptionBefore', { date: format.date(value) }) }]
      : [];
  return (
    <NativeSelect
      label={t('invoices.filters.prescription')}
      title={t('invoices.filters.prescriptionHelp')}
      value={value ?? ''}
      onChange={(event) => onChange(event.currentTarget.value || undefined)}
      data={[{ value: '', label: t('invoices.filters.prescriptionAny') }, ...horizons, ...other]}
      data-testid="filter-prescription"
    />
  );
}

interface InvoiceFiltersProps {
  readonly filters: Filters;
  readonly onChange: (changes: FilterChanges) => void;
}

export function InvoiceFilters({ filters, onChange }: InvoiceFiltersProps) {
  const { t } = useTranslation();
  const hasFilters = Boolean(
    filters.debtorId ||
      filters.status ||
      filters.bucket ||
      filters.creditorId ||
      filters.search ||
      filters.tag ||
      filters.minAmount ||
      filters.maxAmount ||
      filters.prescriptionBefore,
  );

  return (
    <Stack gap="xs">
      {filters.debtorId ? <DebtorFilter debtorId={filters.debtorId} onClear={() => onChange({ debtorId: undefined })} /> : null}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm" verticalSpacing="xs">
        <DebouncedTextInput
          label={t('invoices.filters.search')}
          placeholder={t('invoices.filters.searchPlaceholder')}
          type="search"
          value={filters.search ?? ''}
          onCommit={(search) => onChange({ search })}
          data-testid="filter-search"
        />
        <NativeSelect
          label={t('invoices.filters.status')}
          value={filters.status ?? ''}
          onChange={(event) => onChange({ status: event.currentTarget.value })}
          data={[
            { value: '', label: t('invoices.filters.any') },
            ...STATUS_FILTERS.map((status) => ({ value: status, label: t(`statusFilter.${status}`) })),
          ]}
          data-testid="filter-status"
        />
        <NativeSelect
          label={t('invoices.filters.bucket')}
          value={filters.bucket ?? ''}
          onChange={(event) => onChange({ bucket: event.currentTarget.value })}
          data={[
            { value: '', label: t('invoices.filters.any') },
            ...AGING_BUCKETS.map((bucket) => ({ value: bucket, label: t(`buckets.${bucket}`) })),
          ]}
          data-testid="filter-bucket"
        />
        <CreditorSelect
          label={t('invoices.filters.creditor')}
          emptyLabel={t('invoices.filters.any')}
          value={filters.creditorId ?? null}
          onChange={(creditorId) => onChange({ creditorId: creditorId ?? undefined })}
          testId="filter-creditor"
        />
        <DebouncedTextInput
          label={t('invoices.filters.tag')}
          value={filters.tag ?? ''}
          onCommit={(tag) => onChange({ tag })}
          data-testid="filter-tag"
        />
        <AmountFilter
          label={t('invoices.filters.minAmount')}
          value={filters.minAmount}
          onCommit={(minAmount) => onChange({ minAmount })}
          testId="filter-min-amount"
        />
        <AmountFilter
          label={t('invoices.filters.maxAmount')}
          value={filters.maxAmount}
          onCommit={(maxAmount) => onChange({ maxAmount })}
          testId="filter-max-amount"
        />
        <PrescriptionFilter value={filters.prescriptionBefore} onChange={(prescriptionBefore) => onChange({ prescriptionBefore })} />
        <Group align="flex-end">
          <Button
            variant="subtle"
            disabled={!hasFilters}
            onClick={() =>
              onChange({
                debtorId: undefined,
                status: undefined,
                bucket: undefined,
                creditorId: undefined,
                search: undefined,
                tag: undefined,
                minAmount: undefined,
                maxAmount: undefined,
                prescriptionBefore: undefined,
              })
            }
            data-testid="filter-reset"
          >
            {t('invoices.filters.reset')}
          </Button>
        </Group>
      </SimpleGrid>
    </Stack>
  );
}
