import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildQuery } from '../../api/client';
import { useAging } from '../../api/invoices';
import type { AgingReport } from '../../api/types';
import { AgingOverview } from '../../components/AgingOverview';
import { CreditorSelect } from '../../components/CreditorSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/use-format';

function Totals({ report }: { readonly report: AgingReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Paper withBorder p="md" radius="md" data-testid="total-outstanding">
        <Text size="sm" c="dimmed">
          {t('dashboard.outstanding')}
        </Text>
        {report.totals.length === 0 ? (
          <Text fw={700} size="xl">
            {format.cents(0, 'EUR')}
          </Text>
        ) : (
          report.totals.map((total) => (
            <Group key={total.currency} gap="xs" align="baseline">
              <Text fw={700} size="xl">
                {format.amount(total.outstanding, total.currency)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('invoiceCount', { count: total.count })}
              </Text>
            </Group>
          ))
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" data-testid="total-overdue">
        <Text size="sm" c="dimmed">
          {t('dashboard.overdue')}
        </Text>
        {report.totals.length === 0 ? (
          <Text fw={700} size="xl">
            {format.cents(0, 'EUR')}
          </Text>
        ) : (
          report.totals.map((total) => (
            <Text key={total.currency} fw={700} size="xl" c="red.8">
              {format.amount(total.overdue, total.currency)}
            </Text>
          ))
        )}
      </Paper>
    </SimpleGrid>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [creditorId, setCreditorId] = useState<string | null>(null);
  const aging = useAging(creditorId ? { creditorId } : {});

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('dashboard.title')}
          </Title>
          {aging.data ? (
            <Text c="dimmed" size="sm">
              {t('dashboard.asOf', { date: format.date(aging.data.today) })}
            </Text>
          ) : null}
        </Stack>
        <CreditorSelect
          value={creditorId}
          onChange={setCreditorId}
          label={t('dashboard.creditor')}
          emptyLabel={t('dashboard.allCreditors')}
          hideWhenSingle
          testId="dashboard-creditor"
        />
      </Group>
      {aging.isPending ? <Loading /> : null}
      {aging.isError ? <ErrorAlert error={aging.error} onRetry={() => void aging.refetch()} /> : null}
      {aging.data ? (
        <>
          <Totals report={aging.data} />
          {aging.data.lines.length === 0 ? (
            <Text c="dimmed" data-testid="aging-empty">
              {t('dashboard.empty')}
            </Text>
          ) : null}
          <AgingOverview lines={aging.data.lines} hrefFor={(bucket) => `/invoices${buildQuery({ status: 'open', bucket, creditorId })}`} />
        </>
      ) : null}
    </Stack>
  );
}
