import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignPreview, useCancelCampaign, useLaunchCampaign } from '../../../api/recovery-campaigns';
import type { CampaignDto } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { isConflict } from '../issues';
import { CampaignPreviewPanel } from './CampaignPreviewPanel';

/** Launching a draft, after a confirmation that shows the preview of what will leave and when. */
export function LaunchCampaign({ campaign }: { readonly campaign: CampaignDto }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const preview = useCampaignPreview(campaign.id, opened);
  const launch = useLaunchCampaign(campaign.id);
  const close = () => {
    setOpened(false);
    launch.reset();
  };
  const confirm = () =>
    launch.mutate(undefined, {
      onSuccess: (launched) => {
        notifications.show({ color: 'green', message: t('recovery.campaigns.launch.done', { count: launched.progress.total }) });
        setOpened(false);
      },
    });
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="campaign-launch">
        {t('recovery.campaigns.launch.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        size="xl"
        title={t('recovery.campaigns.launch.title', { name: campaign.name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md" data-testid="campaign-launch-dialog">
          <Text size="sm">{t('recovery.campaigns.launch.body')}</Text>
          {preview.isPending ? <Loading /> : null}
          {preview.isError ? <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} /> : null}
          {preview.data ? <CampaignPreviewPanel preview={preview.data} /> : null}
          {launch.isError ? (
            isConflict(launch.error) ? (
              <Alert color="orange" data-testid="conflict-error">
                {t('recovery.campaigns.launch.conflict')}
              </Alert>
            ) : (
              <ErrorAlert error={launch.error} />
            )
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={confirm}
              loading={launch.isPending}
              disabled={!preview.data || preview.data.cases === 0}
              data-testid="campaign-launch-confirm"
            >
              {t('recovery.campaigns.launch.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Cancelling a draft or a sending campaign, after a confirmation. */
export function CancelCampaign({ campaign }: { readonly campaign: CampaignDto }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const cancel = useCancelCampaign(campaign.id);
  const confirm = () =>
    cancel.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('recovery.campaigns.cancel.done') });
        setOpened(false);
      },
    });
  return (
    <>
      <Button variant="light" color="red" onClick={() => setOpened(true)} data-testid="campaign-cancel">
        {t('recovery.campaigns.cancel.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('recovery.campaigns.cancel.title', { name: campaign.name })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md" data-testid="campaign-cancel-dialog">
          <Text size="sm">{t('recovery.campaigns.cancel.body')}</Text>
          {cancel.isError ? <ErrorAlert error={cancel.error} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('recovery.campaigns.cancel.keep')}
            </Button>
            <Button color="red" onClick={confirm} loading={cancel.isPending} data-testid="campaign-cancel-confirm">
              {t('recovery.campaigns.cancel.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
