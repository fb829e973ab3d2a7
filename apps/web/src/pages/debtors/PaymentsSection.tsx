import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDebtorPayments } from '../../api/debtors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { Loading } from '../../components/Loading';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/use-format';

export function PaymentsSection({ debtorId }: { readonly debtorId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const payments = useDebtorPayments(debtorId);
  const items = payments.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Section title={t('debtor.payments')} testId="debtor-payments">
      {payments.isPending ? <Loading /> : null}
      {payments.isError ? <ErrorAlert error={payments.error} onRetry={() => void payments.refetch()} /> : null}
      {payments.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('debtor.paymentsEmpty')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table data-testid="payment-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('debtor.payment.receivedOn')}</Table.Th>
                <Table.Th>{t('debtor.payment.creditor')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('debtor.payment.amount')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('debtor.payment.allocated')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('debtor.payment.unallocated')}</Table.Th>
                <Table.Th>{t('debtor.payment.method')}</Table.Th>
                <Table.Th>{t('debtor.payment.reference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((payment) => (
                <Table.Tr key={payment.id} data-testid="payment-row" style={payment.reversedAt ? { opacity: 0.6 } : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(payment.receivedOn)}</Table.Td>
                  <Table.Td>{payment.creditor.name}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {format.amount(payment.amount, payment.currency)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {format.amount(payment.allocated, payment.currency)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                    {format.amount(payment.unallocated, payment.currency)}
                  </Table.Td>
                  <Table.Td>{t(`debtor.methods.${payment.method}`)}</Table.Td>
                  <Table.Td>
                    {payment.reference ?? '—'}
                    {payment.reversedAt ? (
                      <Badge ml="xs" size="xs" color="gray" title={payment.reversalReason ?? undefined}>
                        {t('debtor.payment.reversed')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <LoadMore
        hasNextPage={payments.hasNextPage}
        isFetchingNextPage={payments.isFetchingNextPage}
        fetchNextPage={payments.fetchNextPage}
      />
    </Section>
  );
}
