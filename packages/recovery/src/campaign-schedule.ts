/**
 * The day each message of a bulk campaign goes out, under the rules of contact.
 *
 * Unlike the planner, which decides one day at a time and only ever looks back, a
 * campaign books days ahead: a message postponed to Thursday is a contact on
 * Thursday, and other contacts may already be booked after it (an earlier
 * campaign). So a day is checked against contacts on both sides — the minimum gap
 * with every other contact, and at most N contacts in every 7-day window that
 * holds the day.
 */
import { type IsoDate, addDays, toDayNumber } from '@amiable/domain';
import { type ContactLimits, isContactDay } from './contact-rules.js';

/** Whether one more contact with a debtor on `date` respects every rule, given its other contacts, before or after it. */
export function mayContactAround(date: IsoDate, contacts: readonly IsoDate[], limits: ContactLimits): boolean {
  if (!isContactDay(date, limits)) return false;
  const day = toDayNumber(date);
  const near: number[] = [];
  for (const contact of contacts) {
    const offset = toDayNumber(contact) - day;
    if (Math.abs(offset) < limits.minDaysBetweenContacts) return false;
    if (Math.abs(offset) <= 6) near.push(offset);
  }
  // Each of the seven windows of 7 days that contain `date` must have room for one more contact.
  for (let start = -6; start <= 0; start++) {
    let inWindow = 0;
    for (const offset of near) if (offset >= start && offset <= start + 6) inWindow++;
    if (inWindow >= limits.maxContactsPerWeek) return false;
  }
  return true;
}

/** A year ahead at most, like the planner's postponements. */
const HORIZON_DAYS = 366;

/** The first day from `from` on that allows one more contact, or null when none does within a year. */
export function firstCampaignDay(from: IsoDate, contacts: readonly IsoDate[], limits: ContactLimits): IsoDate | null {
  for (let day = from, i = 0; i < HORIZON_DAYS; i++, day = addDays(day, 1)) if (mayContactAround(day, contacts, limits)) return day;
  return null;
}

export interface CampaignTarget {
  /** What the day is returned for (a case, or a debtor × creditor pair without a case yet). */
  readonly key: string;
  readonly debtorId: string;
}

/**
 * A day for every target, in the order given: the rules count per debtor, so a debtor
 * owing two creditors (two cases, two messages) gets its second message on a later day.
 * `contacts` are the debtors' other contacts, past and booked.
 */
export function scheduleCampaign(
  targets: readonly CampaignTarget[],
  from: IsoDate,
  contacts: ReadonlyMap<string, readonly IsoDate[]>,
  limits: ContactLimits,
): Map<string, IsoDate | null> {
  const booked = new Map<string, IsoDate[]>();
  const days = new Map<string, IsoDate | null>();
  for (const target of targets) {
    let own = booked.get(target.debtorId);
    if (!own) {
      own = [...(contacts.get(target.debtorId) ?? [])];
      booked.set(target.debtorId, own);
    }
    const day = firstCampaignDay(from, own, limits);
    if (day) own.push(day);
    days.set(target.key, day);
  }
  return days;
}
