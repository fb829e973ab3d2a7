import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { CHANNEL_ICONS } from './channels';

/** A channel's glyph and name ("📞 Appel"). */
export function ChannelLabel({ channel, size = 'sm' }: { readonly channel: Channel; readonly size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" component="span" data-channel={channel}>
      <span aria-hidden>{CHANNEL_ICONS[channel]}</span>
      <Text span size={size}>
        {t(`recovery.channels.${channel}`)}
      </Text>
    </Group>
  );
}
