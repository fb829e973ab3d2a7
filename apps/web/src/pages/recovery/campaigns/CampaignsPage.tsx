import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useCampaigns } from '../../../api/recovery-campaigns';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useSession } from '../../../components/Session';
import { canManageRecovery } from '../../../lib/permissions';
import { useFormat } from '../../../lib/use-format';
import { ChannelLabel } from '../ChannelLabel';
import { CampaignProgressBar } from './CampaignProgressBar';
import { CampaignStatusBadge } from './CampaignStatusBadge';

/** "Campagnes": the campaigns, newest first, with their progress (read again every few seconds while one sends). */
export function CampaignsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const [, navigate] = useLocation();
  const campaigns = useCampaigns();
  const manager = canManageRecovery(me.role);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('recovery.campaigns.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('recovery.campaigns.intro')}
          </Text>
        </div>
        {manager ? (
          <Button onClick={() => navigate('/recovery/campaigns/new')} data-testid="campaign-new">
            {t('recovery.campaigns.new')}
          </Button>
        ) : null}
      </Group>
      {manager ? null : (
        <Alert color="gray" data-testid="campaigns-read-only">
          {t('recovery.campaigns.readOnly')}
        </Alert>
      )}
      {campaigns.isPending ? <Loading /> : null}
      {campaigns.isError ? <ErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} /> : null}
      {campaigns.data ? (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="campaign-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recovery.campaigns.columns.name')}</Table.Th>
                <Table.Th>{t('recovery.campaigns.columns.channel')}</Table.Th>
                <Table.Th>{t('recovery.campaigns.columns.status')}</Table.Th>
                <Table.Th w="30%">{t('recovery.campaigns.columns.progress')}</Table.Th>
                <Table.Th>{t('recovery.campaigns.columns.nextDate')}</Table.Th>
                <Table.Th>{t('recovery.campaigns.columns.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaigns.data.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="md" data-testid="campaign-table-empty">
                      {t('recovery.campaigns.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {campaigns.data.map((c) => (
                <Table.Tr
                  key={c.id}
                  data-testid="campaign-row"
                  data-status={c.status}
                  onClick={() => navigate(`/recovery/campaigns/${c.id}`)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td fw={500}>{c.name}</Table.Td>
                  <Table.Td>
                    <ChannelLabel channel={c.channel} />
                  </Table.Td>
                  <Table.Td>
                    <CampaignStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>{c.status === 'draft' ? null : <CampaignProgressBar progress={c.progress} />}</Table.Td>
                  <Table.Td>{format.date(c.progress.nextDate)}</Table.Td>
                  <Table.Td>{format.dateTime(c.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
