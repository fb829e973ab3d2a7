/**
 * French rates are fixed per half-year (semestre): C. com. L441-10 II takes the ECB
 * rate "en vigueur au 1er janvier" for January–June and "au 1er juillet" for
 * July–December; CMF L313-2 fixes the legal interest rate "semestriellement".
 * A half-year is written "2025-H1" / "2025-H2".
 */
import { type IsoDate, isoDate } from '@amiable/domain';

export type HalfYear = string;

const HALF_YEAR_RE = /^(\d{4})-H([12])$/;

export function isHalfYear(value: string): boolean {
  const match = HALF_YEAR_RE.exec(value);
  return match !== null && Number(match[1]) >= 1900 && Number(match[1]) <= 2999;
}

export function halfYearOf(date: IsoDate): HalfYear {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-H${month <= 6 ? 1 : 2}`;
}

export function halfYearStart(halfYear: HalfYear): IsoDate {
  return `${halfYear.slice(0, 4)}-${halfYear.endsWith('1') ? '01' : '07'}-01`;
}

export function halfYearEnd(halfYear: HalfYear): IsoDate {
  return `${halfYear.slice(0, 4)}-${halfYear.endsWith('1') ? '06-30' : '12-31'}`;
}

export function nextHalfYear(halfYear: HalfYear): HalfYear {
  const year = Number(halfYear.slice(0, 4));
  return halfYear.endsWith('1') ? `${year}-H2` : `${year + 1}-H1`;
}

/**
 * The same day `years` later; 29 February becomes 28 February in a common year
 * (C. civ. 2229 counts the term to its last day; CPC 641 by analogy for a missing day).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** The same day number `months` later, or the last day of that month when it has no such day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  for (let day = Number(date.slice(8, 10)); day >= 28; day--) {
    const found = isoDate(year, month, day);
    if (found) return found;
  }
  return isoDate(year, month, Number(date.slice(8, 10))) as IsoDate;
}
