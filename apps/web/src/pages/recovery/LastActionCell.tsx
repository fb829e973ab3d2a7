import { Code, Group, Text } from '@mantine/core';
import type { CaseSummary } from '../../api/types';
import { useFormat } from '../../lib/use-format';
import { ChannelLabel } from './ChannelLabel';
import { DispatchStatusBadge } from './DispatchStatusBadge';

/** A case's last action: step, channel, day and status. */
export function LastActionCell({ action }: { readonly action: CaseSummary['lastAction'] }) {
  const format = useFormat();
  if (!action) return <Text size="sm">—</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <Code>{action.stepId}</Code>
      <ChannelLabel channel={action.channel} />
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {format.date(action.occurrence)}
      </Text>
      <DispatchStatusBadge status={action.status} />
    </Group>
  );
}
