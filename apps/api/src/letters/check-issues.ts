/**
 * A failed letter check as VALIDATION_FAILED issues (a save, a preview, a letter
 * produced for a case): each template problem with its paragraph, line and column,
 * and each missing mandatory mention with where to fix it, in the caller's language.
 */
import type { FieldIssue } from '@amiable/domain';
import type { Locale } from '@amiable/i18n';
import { type ComposeResult, MENTION_LABELS, type MissingMention, templateIssueMessage } from '@amiable/letters';

type Failed = Extract<ComposeResult, { ok: false }>;

/**
 * Where a missing mention must be fixed: the paragraph the law names (the express
 * demand, the consequences), any paragraph when the text must print one of some
 * variables somewhere, else the data of the case ("creditor.siren").
 */
function mentionFields(m: MissingMention, prefix: string): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const lacking of m.lacking) {
    const field =
      m.mention === 'express-demand'
        ? `${prefix}.demand`
        : m.mention === 'consequences'
          ? `${prefix}.consequences`
          : lacking.startsWith('{{')
            ? prefix
            : (lacking.split(/[ |+]/)[0] ?? lacking);
    byField.set(field, [...(byField.get(field) ?? []), lacking]);
  }
  return byField;
}

/** A failed check as VALIDATION_FAILED issues: each template problem and each missing mention, named. */
export function checkIssues(result: Failed, locale: Locale, prefix = 'fields'): FieldIssue[] {
  const template: FieldIssue[] = result.templateIssues.map((i) => ({
    field: `${prefix}.${i.field}`,
    code: 'invalid_template',
    params: { message: templateIssueMessage(i, locale) },
  }));
  const mentions: FieldIssue[] = result.missing.flatMap((m) =>
    [...mentionFields(m, prefix)].map(([field, lacking]) => ({
      field,
      code: 'missing_mention' as const,
      params: { mention: MENTION_LABELS[m.mention][locale], lacking: lacking.join(', ') },
    })),
  );
  return [...template, ...mentions];
}
