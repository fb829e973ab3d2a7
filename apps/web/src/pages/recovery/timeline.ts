import type { CaseDetail, CasePromise, CaseTransition, DispatchDto, DocumentDto } from '../../api/types';
import { todayInParis } from '../../lib/format';

export type TimelineEntry =
  | { readonly kind: 'transition'; readonly key: string; readonly date: string; readonly at: string; readonly transition: CaseTransition }
  | { readonly kind: 'dispatch'; readonly key: string; readonly date: string; readonly at: string; readonly dispatch: DispatchDto }
  | { readonly kind: 'promise'; readonly key: string; readonly date: string; readonly at: string; readonly promise: CasePromise }
  | { readonly kind: 'document'; readonly key: string; readonly date: string; readonly at: string; readonly document: DocumentDto };

/** ISO dates and instants compare as plain strings (no locale collation: "~" must sort after digits). */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A case's history in one list, oldest first: state changes (at their instant, dated in Paris),
 * actions (on their planned day), promises (at the end of the day they were made) and the documents
 * archived for it — letters and e-mails — at the instant they were produced.
 */
export function caseTimeline(
  detail: Pick<CaseDetail, 'transitions' | 'dispatches' | 'promises'>,
  documents: readonly DocumentDto[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...detail.transitions.map((transition, index) => ({
      kind: 'transition' as const,
      key: `transition-${index}`,
      date: todayInParis(new Date(transition.occurredAt)),
      at: transition.occurredAt,
      transition,
    })),
    ...detail.dispatches.map((dispatch) => ({
      kind: 'dispatch' as const,
      key: `dispatch-${dispatch.id}`,
      date: dispatch.occurrence,
      at: dispatch.updatedAt,
      dispatch,
    })),
    // A promise has a day but no time: it goes after what happened that day (the call it came from).
    ...detail.promises.map((promise) => ({
      kind: 'promise' as const,
      key: `promise-${promise.id}`,
      date: promise.madeOn,
      at: '~',
      promise,
    })),
    ...documents.map((document) => ({
      kind: 'document' as const,
      key: `document-${document.id}`,
      date: todayInParis(new Date(document.createdAt)),
      at: document.createdAt,
      document,
    })),
  ];
  return entries.sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.at, b.at));
}

/** The note kept with an action's outcome ({ outcome, note, by } or { decision, note, by }), if any. */
export function outcomeNote(outcome: unknown): string | null {
  if (typeof outcome !== 'object' || outcome === null || !('note' in outcome)) return null;
  return typeof outcome.note === 'string' && outcome.note ? outcome.note : null;
}
