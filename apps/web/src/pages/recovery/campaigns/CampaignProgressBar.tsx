import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignDto } from '../../../api/types';

/** How many of a campaign's messages were handled (sent, skipped, cancelled, or in the review queue), out of all. */
export function CampaignProgressBar({ progress }: { readonly progress: CampaignDto['progress'] }) {
  const { t } = useTranslation();
  const handled = progress.total - progress.planned - progress.sending;
  const share = (value: number) => (progress.total === 0 ? 0 : (100 * value) / progress.total);
  return (
    <Group gap="xs" wrap="nowrap" data-testid="campaign-progress" data-handled={handled} data-total={progress.total}>
      <Progress.Root size="lg" style={{ flex: 1, minWidth: 120 }}>
        <Progress.Section value={share(progress.sent)} color="green" />
        <Progress.Section value={share(progress.skipped + progress.cancelled)} color="gray" />
        <Progress.Section value={share(progress.uncertain + progress.failed)} color="orange" />
      </Progress.Root>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('recovery.campaigns.handled', { handled, total: progress.total })}
      </Text>
    </Group>
  );
}
