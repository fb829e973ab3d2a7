import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type InvoiceFilters, useInvoices } from '../../api/invoices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { SortableTh } from '../../components/SortableTh';
import { StatusBadge } from '../../components/StatusBadge';
import { useLinkProps } from '../../lib/links';
import { useFormat } from '../../lib/use-format';
import { DEFAULT_ORDER, DEFAULT_SORT, type InvoiceSort, PAGE_SIZE, type SortOrder } from './filters';

interface InvoiceTableProps {
  readonly filters: InvoiceFilters;
  readonly onSort: (sort: InvoiceSort, order: SortOrder) => void;
  readonly onOpen: (invoiceId: string) => void;
  /** On a debtor's page the debtor column says nothing. */
  readonly hideDebtor?: boolean;
}

/** The server-sorted, cursor-paginated invoice list. */
export function InvoiceTable({ filters, onSort, onOpen, hideDebtor = false }: InvoiceTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkProps = useLinkProps();
  const query = useInvoices({ ...filters, limit: PAGE_SIZE });
  const sort = filters.sort ?? DEFAULT_SORT;
  const order = filters.order ?? DEFAULT_ORDER;

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const invoices = query.data.pages.flatMap((page) => page.items);
  const th = (column: InvoiceSort, label: string, align: 'left' | 'right' = 'left') => (
    <SortableTh column={column} sort={sort} order={order} onSort={onSort} label={label} align={align}>
      {label}
    </SortableTh>
  );

  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={hideDebtor ? 820 : 980}>
        <Table striped highlightOnHover data-testid="invoice-table" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              {th('number', t('invoices.columns.number'))}
              {hideDebtor ? null : th('debtorName', t('invoices.columns.debtor'))}
              <Table.Th>{t('invoices.columns.creditor')}</Table.Th>
              {th('issueDate', t('invoices.columns.issueDate'))}
              {th('dueDate', t('invoices.columns.dueDate'))}
              {th('amount', t('invoices.columns.amount'), 'right')}
              {th('outstanding', t('invoices.columns.outstanding'), 'right')}
              <Table.Th style={{ textAlign: 'right' }}>{t('invoices.columns.daysOverdue')}</Table.Th>
              <Table.Th>{t('invoices.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={hideDebtor ? 8 : 9}>
                  <Text c="dimmed" ta="center" py="md" data-testid="invoice-table-empty">
                    {t('invoices.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {invoices.map((invoice) => (
              <Table.Tr
                key={invoice.id}
                data-testid="invoice-row"
                data-invoice-id={invoice.id}
                data-status={invoice.status}
                onClick={() => onOpen(invoice.id)}
                style={{ cursor: 'pointer' }}
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor
                      component="button"
                      type="button"
                      fz="sm"
                      fw={500}
                      aria-label={t('invoices.openDetail', { number: invoice.number })}
                      onClick={(event) => {
                        event.stopPropagation();
                        onOpen(invoice.id);
                      }}
                    >
                      {invoice.number}
                    </Anchor>
                    {invoice.kind === 'credit-note' ? (
                      <Badge size="xs" variant="outline" color="grape">
                        {t('invoices.creditNote')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                {hideDebtor ? null : (
                  <Table.Td>
                    <Anchor {...linkProps(`/debtors/${invoice.debtor.id}`, { isolated: true })} fz="sm">
                      {invoice.debtor.name}
                    </Anchor>
                  </Table.Td>
                )}
                <Table.Td>{invoice.creditor.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(invoice.issueDate)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(invoice.dueDate)}</Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {format.amount(invoice.amountInclTax, invoice.currency)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={500}>
                  {format.amount(invoice.outstanding, invoice.currency)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{invoice.daysOverdue > 0 ? invoice.daysOverdue : '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge status={invoice.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('common.shown', { count: invoices.length })}
      </Text>
      <LoadMore
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        testId="invoice-load-more"
      />
    </Stack>
  );
}
