import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { buildQuery } from '../../api/client';
import type { Debtor } from '../../api/types';
import { AgingOverview } from '../../components/AgingOverview';
import { Section } from '../../components/Section';
import { useFormat } from '../../lib/use-format';

export function BalanceSection({ debtor }: { readonly debtor: Debtor }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = [
    { key: 'outstanding', label: t('debtor.outstanding'), amounts: debtor.balance.outstanding, color: undefined },
    { key: 'overdue', label: t('debtor.overdue'), amounts: debtor.balance.overdue, color: 'red.8' },
    { key: 'credit', label: t('debtor.credit'), amounts: debtor.balance.credit, color: 'green.8' },
  ];
  return (
    <Section title={t('debtor.balance')} testId="debtor-balance">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {figures.map((figure) => (
            <div key={figure.key} data-testid={`debtor-balance-${figure.key}`}>
              <Text size="sm" c="dimmed">
                {figure.label}
              </Text>
              <Text fw={700} size="lg" c={figure.amounts.length > 0 ? figure.color : undefined}>
                {figure.amounts.length > 0 ? format.amounts(figure.amounts) : format.cents(0, 'EUR')}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {t('debtor.aging')}
        </Text>
        <AgingOverview
          lines={debtor.balance.aging}
          hrefFor={(bucket) => `/invoices${buildQuery({ status: 'open', bucket, debtorId: debtor.id })}`}
        />
      </Stack>
    </Section>
  );
}
