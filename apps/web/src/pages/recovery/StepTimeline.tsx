import { Badge, Code, Group, Text, Timeline, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChannelLabel } from './ChannelLabel';
import { CHANNEL_COLORS, CHANNEL_ICONS, offsetLabel } from './channels';
import { type StepForm, sortedByOffset } from './scenario-form';

interface StepTimelineProps {
  readonly steps: readonly StepForm[];
  readonly selectedKey: string | null;
  readonly onSelect: (key: string) => void;
  /** Keys of the steps the API refused. */
  readonly withErrors: ReadonlySet<string>;
}

/** A scenario's steps by day (J-5, J+3…), each with its channel; a click opens it in the step editor. */
export function StepTimeline({ steps, selectedKey, onSelect, withErrors }: StepTimelineProps) {
  const { t } = useTranslation();
  const prefix = t('recovery.dayPrefix');
  return (
    <Timeline bulletSize={28} lineWidth={2} data-testid="step-timeline">
      {sortedByOffset(steps).map((step) => {
        const offset = Number(step.offsetDays);
        const selected = step.key === selectedKey;
        const failed = withErrors.has(step.key);
        return (
          <Timeline.Item
            key={step.key}
            color={failed ? 'red' : CHANNEL_COLORS[step.channel]}
            bullet={<span aria-hidden>{CHANNEL_ICONS[step.channel]}</span>}
            lineVariant={offset < 0 ? 'dashed' : 'solid'}
          >
            <UnstyledButton
              onClick={() => onSelect(step.key)}
              aria-pressed={selected}
              data-testid="step-timeline-item"
              data-step-id={step.id}
              data-selected={selected}
              data-error={failed}
              style={{ borderRadius: 4, padding: '2px 6px', background: selected ? 'var(--mantine-color-blue-0)' : undefined }}
            >
              <Group gap={6} wrap="nowrap">
                <Badge variant={selected ? 'filled' : 'light'} color={failed ? 'red' : 'blue'} data-testid="step-offset">
                  {Number.isInteger(offset) && step.offsetDays.trim() ? offsetLabel(prefix, offset) : '?'}
                </Badge>
                <ChannelLabel channel={step.channel} />
              </Group>
              <Group gap={6} mt={2}>
                <Code>{step.id || '—'}</Code>
                {step.requiresApproval ? (
                  <Badge size="xs" color="yellow" variant="light">
                    {t('recovery.scenarios.editor.approval')}
                  </Badge>
                ) : null}
                {failed ? (
                  <Text size="xs" c="red.8" span>
                    ⚠
                  </Text>
                ) : null}
              </Group>
            </UnstyledButton>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
