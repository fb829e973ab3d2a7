/**
 * The figures a letter states, computed by the legal engine at the letter's date:
 * principal still due, late-payment penalties (C. com. L441-10 II) or legal interest
 * (C. civ. 1231-6), the 40 € indemnity per late invoice (D441-5, never to a
 * consumer), the payment deadline and the structured payment reference.
 *
 * The letter file gives each invoice's outstanding amount, not its payment history,
 * so interest runs on the outstanding amount from the due date. The app, which has
 * the history, passes its own claim (ClaimTotals) instead.
 */
import { createHash } from 'node:crypto';
import { type IsoDate, addDays } from '@amiable/domain';
import { type ClaimTotals, claimTotals, rateTable } from '@amiable/legal';
import type { LetterInput } from './letter-input.js';
import { creditorReference } from './payment-reference.js';

export interface LetterFacts {
  readonly reference: string;
  readonly deadlineDate: IsoDate;
  readonly totalDueCents: number;
  readonly interestCents: number;
  readonly indemnityCents: number;
  readonly totalClaimedCents: number;
  readonly perInvoice: ReadonlyMap<string, { readonly daysLate: number; readonly interestCents: number; readonly indemnityCents: number }>;
  /** Why penalties could not be computed (a half-year missing from the rates), when so. */
  readonly claimProblem: { readonly code: string; readonly halfYear?: string } | null;
  readonly consumerWithoutNotice: boolean;
}

/** A reference body from the letter's own facts, stable for the same creditor, debtor and invoices. */
function derivedReferenceBody(input: LetterInput): string {
  const seed = [input.creditor.siren ?? input.creditor.name, input.debtor.name, ...input.invoices.map((i) => i.number).sort()].join(
    '\u0000',
  );
  // node:crypto rather than WebCrypto: the same digest, computed here rather than on libuv's thread pool.
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let n = 0n;
  for (const byte of digest.slice(0, 10)) n = (n << 8n) | BigInt(byte);
  return n.toString(36).toUpperCase().padStart(16, '0').slice(0, 16);
}

export async function computeLetterFacts(input: LetterInput, claim?: ClaimTotals): Promise<LetterFacts> {
  const reference = creditorReference(input.reference ?? derivedReferenceBody(input));
  const overdue = input.invoices.filter((i) => i.dueDate < input.date && i.outstandingCents > 0);
  // The letter itself is a consumer's formal notice: interest starts from it (C. civ. 1344-1), so none yet.
  const noticeDate = input.formalNoticeDate ?? (input.type === 'formal-notice' ? input.date : null);
  let problem: LetterFacts['claimProblem'] = null;
  let totals = claim ?? null;
  if (!totals && overdue.length > 0) {
    const computed = claimTotals(
      {
        debtor: input.debtor.kind,
        until: input.date,
        formalNoticeDate: noticeDate,
        contractRateBp: input.contractRateBp ?? null,
        invoices: overdue.map((i) => ({
          id: i.number,
          number: i.number,
          amountDueCents: i.outstandingCents,
          dueDate: i.dueDate,
          payments: [],
        })),
      },
      rateTable(input.rates ?? []),
    );
    if (computed.ok) totals = computed.value;
    else problem = { code: computed.error.code, halfYear: String(computed.error.params?.halfYear ?? '') };
  }
  const totalDueCents = input.invoices.reduce((s, i) => s + i.outstandingCents, 0);
  const interestCents = totals?.interestDueCents ?? 0;
  const indemnityCents = totals?.indemnityCents ?? 0;
  return {
    reference,
    deadlineDate: addDays(input.date, input.deadlineDays),
    totalDueCents,
    interestCents,
    indemnityCents,
    totalClaimedCents: totalDueCents + interestCents + indemnityCents,
    perInvoice: new Map(
      (totals?.lines ?? []).map((l) => [
        l.number,
        { daysLate: l.daysLate, interestCents: l.interestDueCents, indemnityCents: l.indemnityCents },
      ]),
    ),
    claimProblem: problem,
    consumerWithoutNotice: input.debtor.kind === 'consumer' && interestCents === 0,
  };
}
