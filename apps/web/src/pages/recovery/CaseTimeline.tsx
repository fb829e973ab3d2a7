import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, DocumentDto } from '../../api/types';
import { TimelineEntryBody } from './TimelineEntryBody';
import { TimelineEntryTitle } from './TimelineEntryTitle';
import { CHANNEL_ICONS } from './channels';
import { type TimelineEntry, caseTimeline } from './timeline';

const BULLETS: Record<TimelineEntry['kind'], string> = { transition: '⇄', promise: '🤝', dispatch: '', document: '📄' };

/** State changes with who and why, actions with their status, promises with theirs, documents sent, oldest first. */
export function CaseTimeline({ detail, documents }: { readonly detail: CaseDetail; readonly documents?: readonly DocumentDto[] }) {
  const { t } = useTranslation();
  const entries = caseTimeline(detail, documents);
  if (entries.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('recovery.case.timelineEmpty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={26} lineWidth={2} active={entries.length - 1} data-testid="case-timeline">
      {entries.map((entry) => (
        <Timeline.Item
          key={entry.key}
          bullet={<span aria-hidden>{entry.kind === 'dispatch' ? CHANNEL_ICONS[entry.dispatch.channel] : BULLETS[entry.kind]}</span>}
          title={<TimelineEntryTitle entry={entry} />}
          data-testid="timeline-entry"
          data-kind={entry.kind}
        >
          <TimelineEntryBody entry={entry} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
