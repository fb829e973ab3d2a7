/**
 * Rules of contact (per tenant, respectful defaults): the seeds ask never to exert
 * abusive or repeated pressure. A contact that would break one is postponed to the
 * first day that respects them all.
 */
import { type IsoDate, addDays, daysBetween } from '@amiable/domain';
import { dayOfWeek, isFrenchPublicHoliday } from './french-holidays.js';

export type NoContactDay = 'saturday' | 'sunday' | 'holiday';

export interface ContactLimits {
  /** At most this many contacts with one debtor in any 7 consecutive days. */
  readonly maxContactsPerWeek: number;
  /** At least this many days from one contact to the next (3: a contact on the 3rd, the next on the 6th at the earliest). */
  readonly minDaysBetweenContacts: number;
  readonly noContactOn: readonly NoContactDay[];
}

export const DEFAULT_CONTACT_LIMITS: ContactLimits = {
  maxContactsPerWeek: 2,
  minDaysBetweenContacts: 3,
  noContactOn: ['saturday', 'sunday', 'holiday'],
};

/** Whether the calendar allows any contact on `date` (weekends, French public holidays). */
export function isContactDay(date: IsoDate, limits: ContactLimits): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 6 && limits.noContactOn.includes('saturday')) return false;
  if (weekday === 0 && limits.noContactOn.includes('sunday')) return false;
  if (limits.noContactOn.includes('holiday') && isFrenchPublicHoliday(date)) return false;
  return true;
}

/** Whether one more contact with a debtor on `date` respects every rule, given its past contacts (dates, any order). */
export function mayContact(date: IsoDate, previous: readonly IsoDate[], limits: ContactLimits): boolean {
  if (!isContactDay(date, limits)) return false;
  const weekStart = addDays(date, -6);
  let inWeek = 0;
  for (const contact of previous) {
    if (contact > date) continue;
    if (daysBetween(contact, date) < limits.minDaysBetweenContacts) return false;
    if (contact >= weekStart) inWeek++;
  }
  return inWeek < limits.maxContactsPerWeek;
}

/** The first day from `date` on that allows a contact (looks a year ahead at most). */
export function firstContactDay(date: IsoDate, previous: readonly IsoDate[], limits: ContactLimits): IsoDate | null {
  for (let day = date, i = 0; i < 366; i++, day = addDays(day, 1)) if (mayContact(day, previous, limits)) return day;
  return null;
}
