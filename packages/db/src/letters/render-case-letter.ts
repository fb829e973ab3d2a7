/**
 * A case's letter rendered as the planned actions send it: the facts read from the
 * ledger, the text this creditor uses for the type, the claim at the letter's date.
 * A letter stating penalties is never printed with a guessed rate (rates missing:
 * refused); the others state the principal only. A refusal comes with its reason,
 * which the review queue shows.
 */
import { type RenderLetterResult, renderLetter, statesComputedAmounts } from '@amiable/letters';
import type { Tx } from '../tenant-transaction.js';
import { type CaseLetter, type CaseLetterRequest, loadCaseLetter } from './case-letter.js';
import { type ArchivedLetterFacts, letterFacts } from './documents.js';
import { type StoredLetterTemplate, currentLetterTemplate } from './letter-templates.js';

export type RenderedCaseLetter =
  | {
      readonly ok: true;
      readonly letter: CaseLetter;
      readonly out: Extract<RenderLetterResult, { ok: true }>;
      readonly template: StoredLetterTemplate;
      /** What the archive keeps to render it again. */
      readonly facts: ArchivedLetterFacts;
    }
  | { readonly ok: false; readonly reason: string; readonly notFound?: true };

export async function renderCaseLetter(tx: Tx, request: CaseLetterRequest): Promise<RenderedCaseLetter> {
  const letter = await loadCaseLetter(tx, request);
  if (!letter) return { ok: false, reason: 'case not found', notFound: true };
  if (!letter.claim.ok && statesComputedAmounts(request.letterType)) {
    const halfYear = letter.claim.error.params?.halfYear;
    return { ok: false, reason: `${letter.claim.error.code}${halfYear ? ` ${halfYear}` : ''}: rates missing` };
  }
  const claim = letter.claim.ok ? letter.claim.value : undefined;
  const template = await currentLetterTemplate(tx, letter.creditorId, request.letterType, letter.lang);
  const out = await renderLetter(letter.input, { lang: letter.lang, template: template.fields, claim, logo: letter.logo ?? undefined });
  if (!out.ok) {
    const missing = [
      ...out.missing.map((m) => `${m.mention} (${m.lacking.join(', ')})`),
      ...out.templateIssues.map((i) => `template ${i.field} ${i.code}`),
    ];
    return { ok: false, reason: `mandatory mentions missing: ${missing.join('; ')}` };
  }
  return { ok: true, letter, out, template, facts: letterFacts(letter.input, claim ?? null, letter.lang, template.fields, letter.logo) };
}
