import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { documentContentUrl } from '../../api/letters';
import { useFormat } from '../../lib/use-format';
import { shortSha } from '../letters/document-labels';
import { RECOVERY_CURRENCY } from './DispatchHeader';
import { engineReason } from './engine-reason';
import { type TimelineEntry, outcomeNote } from './timeline';

/** The details under a timeline entry: who and why, the action's invoices and error, the promise's amount. */
export function TimelineEntryBody({ entry }: { readonly entry: TimelineEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (entry.kind === 'transition') {
    return (
      <>
        <Text size="xs" c="dimmed">
          {t('recovery.case.by', { actor: entry.transition.actor, date: format.dateTime(entry.transition.occurredAt) })}
        </Text>
        <Text size="sm">{t('recovery.case.reason', { reason: engineReason(t, entry.transition.reason) })}</Text>
      </>
    );
  }
  if (entry.kind === 'document') {
    return (
      <Text size="xs" c="dimmed">
        {format.dateTime(entry.document.createdAt)} · SHA-256 {shortSha(entry.document.sha256)}… ·{' '}
        <Anchor href={documentContentUrl(entry.document.id)} download={entry.document.filename} size="xs">
          {t('letters.documents.download')}
        </Anchor>
      </Text>
    );
  }
  if (entry.kind === 'dispatch') {
    const note = outcomeNote(entry.dispatch.outcome);
    return (
      <>
        <Text size="xs" c="dimmed">
          {format.date(entry.dispatch.occurrence)} · {entry.dispatch.invoiceNumbers.join(', ') || '—'}
        </Text>
        {entry.dispatch.lastError ? (
          <Text size="sm" c="red.8">
            {t('recovery.dispatch.lastError', { error: entry.dispatch.lastError })}
          </Text>
        ) : null}
        {note ? <Text size="sm">{note}</Text> : null}
      </>
    );
  }
  return (
    <>
      <Text size="xs" c="dimmed">
        {t('recovery.case.promiseMeta', { date: format.date(entry.promise.madeOn) })}
      </Text>
      {entry.promise.amount ? (
        <Text size="sm">{t('recovery.case.promiseAmount', { amount: format.amount(entry.promise.amount, RECOVERY_CURRENCY) })}</Text>
      ) : null}
    </>
  );
}
