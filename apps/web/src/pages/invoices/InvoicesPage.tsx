import { Button, Group, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { invoicesExportUrl } from '../../api/invoices';
import { applyFilterChanges, filtersFromSearch } from './filters';
import { InvoiceDrawer, useOpenInvoice } from './InvoiceDrawer';
import { type FilterChanges, InvoiceFilters } from './InvoiceFilters';
import { InvoiceTable } from './InvoiceTable';

export function InvoicesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query string is the identity of the filters
  const filters = useMemo(() => filtersFromSearch(params), [search]);
  const { open } = useOpenInvoice();
  const change = (changes: FilterChanges) => setParams((previous) => applyFilterChanges(previous, changes), { replace: true });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('invoices.title')}
        </Title>
        <Button component="a" href={invoicesExportUrl(filters)} variant="default" download data-testid="invoice-export">
          {t('invoices.export')}
        </Button>
      </Group>
      <InvoiceFilters filters={filters} onChange={change} />
      <InvoiceTable filters={filters} onSort={(sort, order) => change({ sort, order })} onOpen={open} />
      <InvoiceDrawer />
    </Stack>
  );
}
