/**
 * The template editor's preview: a text being edited, rendered on the fictitious
 * case of its type or on a real case, as the PDF or as the e-mail — exactly what
 * producing the letter would give, and nothing stored. The same facts give the
 * same bytes, so two previews of an unchanged text are identical.
 */
import type { AppError } from '@amiable/domain';
import type { Locale } from '@amiable/i18n';
import type { ClaimTotals } from '@amiable/legal';
import {
  type Lang,
  type LetterEmail,
  type LetterInput,
  type LetterTemplate,
  type LetterType,
  composeLetter,
  renderLetter,
  renderLetterEmail,
  sampleLetterInput,
} from '@amiable/letters';
import { checkIssues } from './check-issues.js';

export interface PreviewFacts {
  readonly input: LetterInput;
  readonly claim: ClaimTotals | undefined;
  /** A real case's letterhead logo, as producing the letter would print it. */
  readonly logo?: { readonly bytes: Uint8Array; readonly format: 'png' | 'svg' } | undefined;
}

/** The fictitious case the editor checks a text against (every data mention satisfied). */
export function sampleFacts(type: LetterType): PreviewFacts {
  return { input: sampleLetterInput(type), claim: undefined };
}

export type PreviewResult =
  | { ok: true; value: { format: 'pdf'; pdf: Uint8Array } | { format: 'email'; email: LetterEmail } }
  | { ok: false; error: AppError };

export async function previewLetter(
  facts: PreviewFacts,
  text: { lang: Lang; fields: LetterTemplate; format: 'pdf' | 'email' },
  locale: Locale,
): Promise<PreviewResult> {
  const options = { lang: text.lang, template: text.fields, claim: facts.claim, logo: facts.logo };
  const refused = (result: Parameters<typeof checkIssues>[0]): PreviewResult => ({
    ok: false,
    error: { code: 'VALIDATION_FAILED', issues: checkIssues(result, locale) },
  });
  if (text.format === 'pdf') {
    const rendered = await renderLetter(facts.input, options);
    return rendered.ok ? { ok: true, value: { format: 'pdf', pdf: rendered.pdf } } : refused(rendered);
  }
  const composed = await composeLetter(facts.input, options);
  return composed.ok ? { ok: true, value: { format: 'email', email: renderLetterEmail(composed.document) } } : refused(composed);
}
