import { Anchor, Badge, Button, Divider, Drawer, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { invoiceDocumentUrl, useInvoice } from '../../api/invoices';
import type { Allocation, Invoice } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useSession } from '../../components/Session';
import { StatusBadge } from '../../components/StatusBadge';
import { useLinkProps } from '../../lib/links';
import { canWorkDebtors } from '../../lib/permissions';
import { useFormat } from '../../lib/use-format';
import { OpenDisputeForm, ResolveDisputeForm } from './DisputeForms';

/** The open invoice is a query parameter (?invoice=<id>), so the drawer works on any page and survives a reload. */
export const INVOICE_PARAM = 'invoice';

export function useOpenInvoice() {
  const [params, setParams] = useSearchParams();
  const open = (id: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set(INVOICE_PARAM, id);
      return next;
    });
  const close = () =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete(INVOICE_PARAM);
        return next;
      },
      { replace: true },
    );
  return { openId: params.get(INVOICE_PARAM), open, close };
}

function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400} c="dimmed" w="45%">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function AllocationSource({ allocation }: { readonly allocation: Allocation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const source = allocation.source;
  if (source.kind === 'credit-note') return <>{t('invoice.allocation.creditNote', { number: source.number })}</>;
  const date = format.date(source.receivedOn);
  return (
    <>
      {source.reference
        ? t('invoice.allocation.paymentReference', { date, reference: source.reference })
        : t('invoice.allocation.payment', { date })}
    </>
  );
}

function InvoiceDetail({ invoice }: { readonly invoice: Invoice }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const linkProps = useLinkProps();
  const money = (amount: string | null) => (amount === null ? '—' : format.amount(amount, invoice.currency));
  const mayWork = canWorkDebtors(me.role);
  const hasOpenDispute = invoice.disputes.some((dispute) => dispute.resolvedAt === null);
  const references: [string, string | null][] = [
    [t('invoice.orderReference'), invoice.orderReference],
    [t('invoice.contractReference'), invoice.contractReference],
    [t('invoice.paymentReference'), invoice.paymentReference],
    [t('invoice.paymentTerms'), invoice.paymentTerms],
    [t('invoice.precedingInvoice'), invoice.precedingInvoiceNumber],
    [t('invoice.description'), invoice.description],
  ];

  return (
    <Stack gap="md" data-testid="invoice-detail" data-invoice-id={invoice.id}>
      <Group gap="sm">
        <StatusBadge status={invoice.status} />
        {invoice.daysOverdue > 0 ? (
          <Text size="sm" c="red.8">
            {t('invoice.daysOverdue', { count: invoice.daysOverdue })}
          </Text>
        ) : null}
      </Group>

      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          <Field label={t('invoice.debtor')}>
            <Anchor {...linkProps(`/debtors/${invoice.debtor.id}`)} size="sm">
              {invoice.debtor.name}
            </Anchor>
          </Field>
          <Field label={t('invoice.creditor')}>{invoice.creditor.name}</Field>
          <Field label={t('invoice.issueDate')}>{format.date(invoice.issueDate)}</Field>
          <Field label={t('invoice.dueDate')}>{format.date(invoice.dueDate)}</Field>
          <Field label={t('invoice.source')}>{t(`invoice.sources.${invoice.source}`)}</Field>
        </Table.Tbody>
      </Table>

      <Paper withBorder p="sm" radius="md">
        <Title order={3} size="h5" mb="xs">
          {t('invoice.amounts')}
        </Title>
        <Table withRowBorders={false} verticalSpacing={4} data-testid="invoice-amounts">
          <Table.Tbody>
            <Field label={t('invoice.amountExclTax')}>{money(invoice.amountExclTax)}</Field>
            <Field label={t('invoice.amountInclTax')}>{money(invoice.amountInclTax)}</Field>
            <Field label={t('invoice.amountDue')}>{money(invoice.amountDue)}</Field>
            <Field label={t('invoice.paidOutside')}>{money(invoice.paidOutside)}</Field>
            <Field label={t('invoice.settled')}>{money(invoice.settled)}</Field>
            <Field label={t('invoice.outstanding')}>
              <Text fw={700} size="sm" data-testid="invoice-outstanding">
                {money(invoice.outstanding)}
              </Text>
            </Field>
          </Table.Tbody>
        </Table>
      </Paper>

      {references.some(([, value]) => value) ? (
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('invoice.references')}</Table.Caption>
          <Table.Tbody>
            {references
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <Field key={label} label={label}>
                  {value}
                </Field>
              ))}
          </Table.Tbody>
        </Table>
      ) : null}

      {invoice.hasDocument ? (
        <Button
          component="a"
          href={invoiceDocumentUrl(invoice.id)}
          target="_blank"
          rel="noopener"
          variant="light"
          data-testid="invoice-document"
        >
          {t('invoice.document')}
        </Button>
      ) : null}

      <Divider />
      <Title order={3} size="h5">
        {t('invoice.allocations')}
      </Title>
      {invoice.allocations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('invoice.allocationsEmpty')}
        </Text>
      ) : (
        <Table data-testid="invoice-allocations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoice.allocation.date')}</Table.Th>
              <Table.Th>{t('invoice.allocation.source')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('invoice.allocation.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.allocations.map((allocation) => (
              <Table.Tr key={allocation.id} style={allocation.reversedAt ? { textDecoration: 'line-through' } : undefined}>
                <Table.Td>{format.dateTime(allocation.createdAt)}</Table.Td>
                <Table.Td>
                  <AllocationSource allocation={allocation} />
                  {allocation.reversedAt ? (
                    <Badge ml="xs" size="xs" color="gray">
                      {t('invoice.allocation.reversed')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{money(allocation.amount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Divider />
      <Title order={3} size="h5">
        {t('invoice.disputes')}
      </Title>
      {invoice.disputes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('invoice.disputesEmpty')}
        </Text>
      ) : null}
      {invoice.disputes.map((dispute) => (
        <Paper key={dispute.id} withBorder p="sm" radius="md" data-testid="invoice-dispute">
          <Stack gap={6}>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('invoice.dispute.opened', { date: format.dateTime(dispute.openedAt), name: dispute.openedBy })}
              </Text>
              <Badge color={dispute.resolvedAt ? 'green' : 'orange'} variant="light" size="sm">
                {dispute.resolvedAt ? t('invoice.dispute.stateResolved') : t('invoice.dispute.stateOpen')}
              </Badge>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {dispute.reason}
            </Text>
            {dispute.resolvedAt ? (
              <>
                <Text size="xs" c="dimmed">
                  {t('invoice.dispute.resolved', { date: format.dateTime(dispute.resolvedAt), name: dispute.resolvedBy ?? '—' })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {dispute.resolution}
                </Text>
              </>
            ) : mayWork ? (
              <ResolveDisputeForm invoiceId={invoice.id} disputeId={dispute.id} />
            ) : null}
          </Stack>
        </Paper>
      ))}
      {mayWork && !hasOpenDispute ? <OpenDisputeForm invoiceId={invoice.id} /> : null}
    </Stack>
  );
}

/** The invoice detail drawer, opened by ?invoice=<id>. */
export function InvoiceDrawer() {
  const { t } = useTranslation();
  const { openId, close } = useOpenInvoice();
  const invoice = useInvoice(openId);
  const title = invoice.data
    ? invoice.data.kind === 'credit-note'
      ? t('invoice.creditNoteTitle', { number: invoice.data.number })
      : t('invoice.title', { number: invoice.data.number })
    : t('common.loading');

  return (
    <Drawer
      opened={openId !== null}
      onClose={close}
      position="right"
      size="lg"
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="invoice-drawer"
    >
      {invoice.isPending && openId !== null ? <Loading /> : null}
      {invoice.isError ? <ErrorAlert error={invoice.error} onRetry={() => void invoice.refetch()} /> : null}
      {invoice.data && openId !== null ? <InvoiceDetail invoice={invoice.data} /> : null}
    </Drawer>
  );
}
