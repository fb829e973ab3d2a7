import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useCampaign } from '../../../api/recovery-campaigns';
import type { CampaignDto } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { useSession } from '../../../components/Session';
import { useLinkProps } from '../../../lib/links';
import { canManageRecovery } from '../../../lib/permissions';
import { ChannelLabel } from '../ChannelLabel';
import { CampaignStatusBadge } from './CampaignStatusBadge';
import { CancelCampaign, LaunchCampaign } from './CampaignActions';
import { CampaignEditor } from './CampaignEditor';
import { CampaignProgressPanel } from './CampaignProgressPanel';

function Header({ title, campaign }: { readonly title: string; readonly campaign: CampaignDto | null }) {
  const { t } = useTranslation();
  const linkProps = useLinkProps();
  return (
    <div>
      <Anchor {...linkProps('/recovery/campaigns')} size="sm">
        {t('recovery.campaigns.back')}
      </Anchor>
      <Group gap="sm" mt={4}>
        <Title order={1} size="h2" data-testid="campaign-title">
          {title}
        </Title>
        {campaign ? <CampaignStatusBadge status={campaign.status} /> : null}
        {campaign ? <ChannelLabel channel={campaign.channel} /> : null}
      </Group>
    </div>
  );
}

/** A new campaign (id "new"): its editor; saving it opens its own page. */
function NewCampaign({ readOnly }: { readonly readOnly: boolean }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <Stack gap="md">
      <Header title={t('recovery.campaigns.editor.titleNew')} campaign={null} />
      <CampaignEditor
        campaign={null}
        readOnly={readOnly}
        onSaved={(saved) => navigate(`/recovery/campaigns/${saved.id}`, { replace: true })}
      />
    </Stack>
  );
}

/** "Campagne": a draft is edited, previewed and launched; a launched campaign shows its progress and can be cancelled. */
export function CampaignPage({ id }: { readonly id: string }) {
  const me = useSession();
  const manager = canManageRecovery(me.role);
  return id === 'new' ? <NewCampaign readOnly={!manager} /> : <SavedCampaign id={id} manager={manager} />;
}

function SavedCampaign({ id, manager }: { readonly id: string; readonly manager: boolean }) {
  const { t } = useTranslation();
  const campaign = useCampaign(id);
  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <ErrorAlert error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const c = campaign.data;
  return (
    <Stack gap="md">
      <Header title={t('recovery.campaigns.editor.titleEdit', { name: c.name })} campaign={c} />
      {manager ? null : (
        <Alert color="gray" data-testid="campaigns-read-only">
          {t('recovery.campaigns.readOnly')}
        </Alert>
      )}
      {manager && (c.status === 'draft' || c.status === 'sending') ? (
        <Group gap="xs">
          {c.status === 'draft' ? <LaunchCampaign campaign={c} /> : null}
          <CancelCampaign campaign={c} />
        </Group>
      ) : null}
      {c.status === 'draft' ? (
        // A save comes back with a new updatedAt: the editor starts again from what the API kept.
        <CampaignEditor key={c.updatedAt} campaign={c} readOnly={!manager} onSaved={() => undefined} />
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="campaign-subject">
            {c.templates.fr?.subject ?? c.templates.en?.subject}
          </Text>
          <CampaignProgressPanel campaign={c} />
        </>
      )}
    </Stack>
  );
}
