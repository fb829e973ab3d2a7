import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignPreview } from '../../../api/types';
import { useFormat } from '../../../lib/use-format';

/** What a launch would do now: the count, the messages per day, the first cases with their day, samples as the debtors will read them. */
export function CampaignPreviewPanel({ preview, stale }: { readonly preview: CampaignPreview; readonly stale?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const right = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
  return (
    <Stack gap="sm" data-testid="campaign-preview" style={stale ? { opacity: 0.6 } : undefined}>
      {stale ? (
        <Alert color="yellow" data-testid="campaign-preview-stale">
          {t('recovery.campaigns.preview.stale')}
        </Alert>
      ) : null}
      <Group gap="md" align="baseline">
        <Text fw={700} size="lg" data-testid="campaign-preview-count" data-cases={preview.cases}>
          {t('recovery.campaigns.preview.summary', { count: preview.cases, debtors: preview.debtors })}
        </Text>
        {preview.outstanding.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('recovery.campaigns.preview.outstanding', { amount: format.amounts(preview.outstanding) })}
          </Text>
        ) : null}
      </Group>
      {preview.cases === 0 ? <Alert color="gray">{t('recovery.campaigns.preview.empty')}</Alert> : null}
      {preview.noRecipient.count > 0 ? (
        <Alert color="orange" data-testid="campaign-preview-no-recipient">
          {t('recovery.campaigns.preview.noRecipient', {
            count: preview.noRecipient.count,
            names: preview.noRecipient.debtors.map((d) => d.name).join(', '),
          })}
        </Alert>
      ) : null}
      {preview.unschedulable > 0 ? (
        <Alert color="orange">{t('recovery.campaigns.preview.unschedulable', { count: preview.unschedulable })}</Alert>
      ) : null}
      {preview.cases > 0 ? (
        <>
          <Text size="sm">{t('recovery.campaigns.preview.firstDay', { date: format.date(preview.firstDay) })}</Text>
          <Group gap="xs" data-testid="campaign-preview-days">
            <Text size="sm" c="dimmed">
              {t('recovery.campaigns.preview.days')}
            </Text>
            {preview.days.map((d) => (
              <Badge key={d.date} variant="light" data-date={d.date}>
                {t('recovery.campaigns.preview.day', { date: format.date(d.date), count: d.cases })}
              </Badge>
            ))}
          </Group>
          {preview.days.length > 1 ? (
            <Text size="xs" c="dimmed">
              {t('recovery.campaigns.preview.postponed')}
            </Text>
          ) : null}
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing={4} fz="sm" data-testid="campaign-preview-items">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('recovery.campaigns.preview.columns.debtor')}</Table.Th>
                  <Table.Th>{t('recovery.campaigns.preview.columns.creditor')}</Table.Th>
                  <Table.Th>{t('recovery.campaigns.preview.columns.date')}</Table.Th>
                  <Table.Th style={right}>{t('recovery.campaigns.preview.columns.invoices')}</Table.Th>
                  <Table.Th style={right}>{t('recovery.campaigns.preview.columns.outstanding')}</Table.Th>
                  <Table.Th>{t('recovery.campaigns.preview.columns.recipient')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.items.map((item) => (
                  <Table.Tr key={`${item.debtor.id}-${item.creditor.id}`} data-testid="campaign-preview-item" data-date={item.date}>
                    <Table.Td>{item.debtor.name}</Table.Td>
                    <Table.Td>{item.creditor.name}</Table.Td>
                    <Table.Td>{format.date(item.date)}</Table.Td>
                    <Table.Td style={right}>{item.invoiceCount}</Table.Td>
                    <Table.Td style={right}>{format.amounts(item.outstanding)}</Table.Td>
                    <Table.Td>{item.recipient}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {preview.items.length < preview.cases ? (
            <Text size="xs" c="dimmed">
              {t('recovery.campaigns.preview.more', { shown: preview.items.length })}
            </Text>
          ) : null}
          <Title order={3} size="h5">
            {t('recovery.campaigns.preview.samples')}
          </Title>
          <SimpleGrid cols={{ base: 1, lg: Math.min(3, preview.samples.length) }} spacing="sm">
            {preview.samples.map((sample) => (
              <Paper key={`${sample.recipient}-${sample.date}`} withBorder p="sm" data-testid="campaign-sample">
                <Text size="xs" c="dimmed">
                  {t('recovery.campaigns.preview.to', { recipient: sample.recipient, date: format.date(sample.date) })}
                </Text>
                <Text fw={600} size="sm" mt={4} data-testid="campaign-sample-subject">
                  {sample.subject}
                </Text>
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="campaign-sample-body">
                  {sample.body}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}
