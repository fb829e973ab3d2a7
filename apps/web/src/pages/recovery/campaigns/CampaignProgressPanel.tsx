import { Anchor, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCampaignMessages } from '../../../api/recovery-campaigns';
import type { CampaignDto } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { Section } from '../../../components/Section';
import { useLinkProps } from '../../../lib/links';
import { useFormat } from '../../../lib/use-format';
import { DispatchStatusBadge } from '../DispatchStatusBadge';
import { CampaignProgressBar } from './CampaignProgressBar';

const COUNTS = ['planned', 'sending', 'sent', 'skipped', 'uncertain', 'failed', 'cancelled'] as const;

/** A launched campaign: where its messages stand (read again every few seconds while it sends), and each message. */
export function CampaignProgressPanel({ campaign }: { readonly campaign: CampaignDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const linkProps = useLinkProps();
  const messages = useCampaignMessages(campaign.id, campaign.status === 'sending');
  const p = campaign.progress;
  return (
    <Stack gap="md">
      <Section title={t('recovery.campaigns.progress.title')} testId="campaign-progress-section">
        <Stack gap="sm">
          {campaign.launchedAt ? (
            <Text size="sm" c="dimmed">
              {t('recovery.campaigns.progress.launched', { date: format.dateTime(campaign.launchedAt), by: campaign.launchedBy })}
              {campaign.cancelledAt
                ? ` — ${t('recovery.campaigns.progress.cancelledAt', { date: format.dateTime(campaign.cancelledAt) })}`
                : ''}
            </Text>
          ) : null}
          <CampaignProgressBar progress={p} />
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
            {COUNTS.map((key) => (
              <div key={key}>
                <Text size="xs" c="dimmed">
                  {t(`recovery.campaigns.progress.counts.${key}`)}
                </Text>
                <Text fw={600} data-testid={`campaign-count-${key}`}>
                  {p[key]}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          {p.nextDate ? <Text size="sm">{t('recovery.campaigns.progress.nextDate', { date: format.date(p.nextDate) })}</Text> : null}
          {campaign.excluded && campaign.excluded.noRecipient + campaign.excluded.unschedulable > 0 ? (
            <Text size="sm" c="orange" data-testid="campaign-excluded">
              {t('recovery.campaigns.progress.excluded', campaign.excluded)}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('recovery.campaigns.progress.skippedHelp')} {p.uncertain + p.failed > 0 ? t('recovery.campaigns.progress.review') : null}
          </Text>
        </Stack>
      </Section>
      <Section title={t('recovery.campaigns.messages.title')} testId="campaign-messages">
        {messages.isPending ? <Loading /> : null}
        {messages.isError ? <ErrorAlert error={messages.error} onRetry={() => void messages.refetch()} /> : null}
        {messages.data ? (
          <Table.ScrollContainer minWidth={820}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('recovery.campaigns.messages.columns.debtor')}</Table.Th>
                  <Table.Th>{t('recovery.campaigns.messages.columns.creditor')}</Table.Th>
                  <Table.Th>{t('recovery.campaigns.messages.columns.date')}</Table.Th>
                  <Table.Th>{t('recovery.campaigns.messages.columns.status')}</Table.Th>
                  <Table.Th>{t('recovery.campaigns.messages.columns.recipient')}</Table.Th>
                  <Table.Th>{t('recovery.campaigns.messages.columns.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {messages.data.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="sm">
                        {t('recovery.campaigns.messages.empty')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {messages.data.map((m) => (
                  <Table.Tr key={m.id} data-testid="campaign-message" data-status={m.status}>
                    <Table.Td>
                      <Anchor {...linkProps(`/recovery/cases/${m.caseId}`)} fz="sm">
                        {m.debtor.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{m.creditor.name}</Table.Td>
                    <Table.Td>{format.date(m.occurrence)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <DispatchStatusBadge status={m.status} />
                      </Group>
                    </Table.Td>
                    <Table.Td>{m.recipient ?? ''}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {m.lastError ?? ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Section>
    </Stack>
  );
}
