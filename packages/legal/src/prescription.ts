/**
 * Prescription (limitation period): the last day the creditor may act in court.
 * - Between professionals, or a merchant and a non-merchant: 5 years (C. com. L110-4;
 *   C. civ. 2224 for the general rule).
 * - A professional against a consumer, for goods or services supplied: 2 years
 *   (C. conso. L218-2).
 * Start: the day the claim became payable (the due date; C. civ. 2224). Last day =
 * start + N years, same day number, or the last day of the month when that day does
 * not exist (C. civ. 2229: acquired when the last day of the term is over).
 * An acknowledgment of the debt by the debtor — a partial payment counts as one —
 * interrupts it and starts a full new period from its date (C. civ. 2240, 2231). A
 * reminder or a formal notice, even by registered letter, changes nothing (Cass. com.
 * 18 mai 2022, n° 20-23.204). An acknowledgment after the claim is time-barred does not
 * revive it (there is nothing left to interrupt); it is reported as ignored.
 */
import type { IsoDate } from '@amiable/domain';
import { addYears } from './half-year.js';
import type { DebtorKind } from './late-interest.js';

export const PRESCRIPTION_YEARS: Readonly<Record<DebtorKind, number>> = { business: 5, consumer: 2 };

export const PRESCRIPTION_ARTICLES: Readonly<Record<DebtorKind, string>> = {
  business: 'C. com. L110-4 ; C. civ. 2224',
  consumer: 'C. conso. L218-2',
};

export interface PrescriptionInput {
  readonly debtor: DebtorKind;
  /** The due date (or the day the claim became payable). */
  readonly start: IsoDate;
  /** Acknowledgments and partial payments (C. civ. 2240). */
  readonly interruptions?: readonly IsoDate[];
}

export interface Prescription {
  readonly lastDay: IsoDate;
  readonly years: number;
  readonly article: string;
  /** The interruption the current period runs from, if any. */
  readonly runsFrom: IsoDate;
  readonly ignoredInterruptions: readonly IsoDate[];
}

export function prescriptionOf(input: PrescriptionInput): Prescription {
  const years = PRESCRIPTION_YEARS[input.debtor];
  let runsFrom = input.start;
  let lastDay = addYears(input.start, years);
  const ignored: IsoDate[] = [];
  for (const date of [...(input.interruptions ?? [])].sort()) {
    if (date < input.start) continue; // before the claim was payable: nothing ran yet
    if (date > lastDay) {
      ignored.push(date);
      continue;
    }
    const restarted = addYears(date, years); // C. civ. 2231: a new period of the same length
    if (restarted > lastDay) {
      lastDay = restarted;
      runsFrom = date;
    }
  }
  return { lastDay, years, article: PRESCRIPTION_ARTICLES[input.debtor], runsFrom, ignoredInterruptions: ignored };
}
