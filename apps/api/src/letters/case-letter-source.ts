/**
 * The facts a letter for a real case is rendered from: the ledger's view of the
 * case (packages/db loadCaseLetter) at today's date in Paris, and the legal
 * engine's claim. Shared by the preview on a case and by producing a letter.
 */
import { type CaseLetter, loadCaseLetter, type Tx } from '@amiable/db';
import { type AppError, type IsoDate, err } from '@amiable/domain';
import type { ClaimTotals } from '@amiable/legal';
import { type Lang, type LetterInput, type LetterType, statesComputedAmounts } from '@amiable/letters';

export interface CaseLetterSource {
  readonly caseLetter: CaseLetter;
  readonly input: LetterInput;
  readonly lang: Lang;
  /** The legal engine's claim with the real payment history; undefined when the letter states none. */
  readonly claim: ClaimTotals | undefined;
}

/**
 * The claim a letter is composed with. A letter that states penalties or the
 * amounts' breakdown is refused when the engine cannot compute them (a half-year
 * missing from the rates table: RATE_MISSING, which tells the owner how to add
 * it) — never printed with a guessed rate. The other types state the principal.
 */
export function claimOf(
  type: LetterType,
  caseLetter: CaseLetter,
): { ok: true; claim: ClaimTotals | undefined } | { ok: false; error: AppError } {
  if (caseLetter.claim.ok) return { ok: true, claim: caseLetter.claim.value };
  return statesComputedAmounts(type) ? { ok: false, error: caseLetter.claim.error } : { ok: true, claim: undefined };
}

export async function caseLetterSource(
  tx: Tx,
  request: { caseId: string; type: LetterType; lang: Lang | null; today: IsoDate; publicUrl: string },
): Promise<{ ok: true; value: CaseLetterSource } | { ok: false; error: AppError }> {
  const caseLetter = await loadCaseLetter(tx, {
    caseId: request.caseId,
    letterType: request.type,
    invoiceIds: null,
    date: request.today,
    lang: request.lang,
    sending: 'post',
    publicUrl: request.publicUrl,
  });
  if (!caseLetter) return err('NOT_FOUND');
  const claim = claimOf(request.type, caseLetter);
  if (!claim.ok) return claim;
  return { ok: true, value: { caseLetter, input: caseLetter.input, lang: caseLetter.lang, claim: claim.claim } };
}
