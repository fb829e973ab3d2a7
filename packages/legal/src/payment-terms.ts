/**
 * Maximum payment terms between professionals (C. com. L441-10 I): 60 days after the
 * invoice date, or, when expressly stipulated, 45 days end of month. How "45 jours fin
 * de mois" is counted is not fixed by the text; two readings are used (end of month +
 * 45 days, or invoice + 45 days then end of that month). We flag an invoice only when
 * its due date is beyond what either reading allows, so a flag is never debatable.
 */
import { type IsoDate, addDays, daysBetween, daysInMonth, isoDate } from '@amiable/domain';

export type PaymentTermsStipulation = 'standard' | 'end-of-month-45';

export interface PaymentTermsCheck {
  readonly exceedsLegalMaximum: boolean;
  readonly termDays: number;
  /** The latest due date the law allows for this invoice. */
  readonly latestDueDate: IsoDate;
  readonly article: 'C. com. L441-10 I';
}

function endOfMonth(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return isoDate(year, month, daysInMonth(year, month)) as IsoDate;
}

export function checkPaymentTerms(
  issueDate: IsoDate,
  dueDate: IsoDate,
  stipulation: PaymentTermsStipulation = 'standard',
): PaymentTermsCheck {
  const sixtyDays = addDays(issueDate, 60);
  let latest = sixtyDays;
  if (stipulation === 'end-of-month-45') {
    const endThen45 = addDays(endOfMonth(issueDate), 45);
    const plus45ThenEnd = endOfMonth(addDays(issueDate, 45));
    latest = [sixtyDays, endThen45, plus45ThenEnd].sort().at(-1) as IsoDate;
  }
  return {
    exceedsLegalMaximum: dueDate > latest,
    termDays: daysBetween(issueDate, dueDate),
    latestDueDate: latest,
    article: 'C. com. L441-10 I',
  };
}
