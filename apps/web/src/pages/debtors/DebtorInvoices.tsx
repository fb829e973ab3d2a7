import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { DEFAULT_ORDER, DEFAULT_SORT, type InvoiceSort, type SortOrder } from '../invoices/filters';
import { InvoiceDrawer, useOpenInvoice } from '../invoices/InvoiceDrawer';
import { InvoiceTable } from '../invoices/InvoiceTable';

/** The invoice table of the Factures page, restricted to one debtor. */
export function DebtorInvoices({ debtorId }: { readonly debtorId: string }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ sort: InvoiceSort; order: SortOrder }>({ sort: DEFAULT_SORT, order: DEFAULT_ORDER });
  const { open } = useOpenInvoice();
  return (
    <Section title={t('debtor.invoices')} testId="debtor-invoices">
      <InvoiceTable
        filters={{ debtorId, sort: sort.sort, order: sort.order }}
        onSort={(nextSort, order) => setSort({ sort: nextSort, order })}
        onOpen={open}
        hideDebtor
      />
      <InvoiceDrawer />
    </Section>
  );
}
