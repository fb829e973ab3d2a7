import { Checkbox, Group, NativeSelect, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { DebouncedTextInput } from '../../components/DebouncedTextInput';
import { DebtorTable } from './DebtorTable';
import { DEBTOR_KINDS, applyDebtorChanges, debtorFiltersFromSearch } from './filters';

export function DebtorsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the identity of the filters
  const filters = useMemo(() => debtorFiltersFromSearch(params), [search]);
  const change = (changes: Record<string, string | undefined>) =>
    setParams((previous) => applyDebtorChanges(previous, changes), { replace: true });

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('debtors.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <DebouncedTextInput
          label={t('debtors.filters.search')}
          placeholder={t('debtors.filters.searchPlaceholder')}
          type="search"
          value={filters.search ?? ''}
          onCommit={(value) => change({ search: value })}
          data-testid="debtor-filter-search"
        />
        <NativeSelect
          label={t('debtors.filters.kind')}
          value={filters.kind ?? ''}
          onChange={(event) => change({ kind: event.currentTarget.value })}
          data={[{ value: '', label: t('common.all') }, ...DEBTOR_KINDS.map((kind) => ({ value: kind, label: t(`debtor.kinds.${kind}`) }))]}
          data-testid="debtor-filter-kind"
        />
        <DebouncedTextInput
          label={t('debtors.filters.tag')}
          value={filters.tag ?? ''}
          onCommit={(value) => change({ tag: value })}
          data-testid="debtor-filter-tag"
        />
        <Group align="flex-end" pb={6}>
          <Checkbox
            label={t('debtors.filters.overdueOnly')}
            checked={filters.overdue === true}
            onChange={(event) => change({ overdue: event.currentTarget.checked ? 'true' : undefined })}
            data-testid="debtor-filter-overdue"
          />
        </Group>
      </SimpleGrid>
      <DebtorTable filters={filters} onSort={(sort, order) => change({ sort, order })} />
    </Stack>
  );
}
