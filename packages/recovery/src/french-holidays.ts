/**
 * French public holidays (jours fériés) of metropolitan France, for any year
 * (Code du travail L3133-1): 1 January, Easter Monday, 1 May, 8 May, Ascension
 * (Easter + 39 days), Whit Monday (Easter + 50), 14 July, 15 August, 1 November,
 * 11 November, 25 December. Alsace-Moselle's Good Friday and 26 December are not
 * in the metropolitan list. No contact is made on them by default.
 */
import { type IsoDate, addDays, isoDate } from '@amiable/domain';

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day) as IsoDate;
}

export interface PublicHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

const cache = new Map<number, readonly PublicHoliday[]>();

export function frenchPublicHolidays(year: number): readonly PublicHoliday[] {
  const known = cache.get(year);
  if (known) return known;
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  const list: PublicHoliday[] = [
    { date: `${y}-01-01`, name: 'Jour de l’an' },
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    { date: `${y}-05-01`, name: 'Fête du Travail' },
    { date: `${y}-05-08`, name: 'Victoire 1945' },
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    { date: `${y}-07-14`, name: 'Fête nationale' },
    { date: `${y}-08-15`, name: 'Assomption' },
    { date: `${y}-11-01`, name: 'Toussaint' },
    { date: `${y}-11-11`, name: 'Armistice 1918' },
    { date: `${y}-12-25`, name: 'Noël' },
  ];
  list.sort((p, q) => p.date.localeCompare(q.date));
  cache.set(year, list);
  return list;
}

export function isFrenchPublicHoliday(date: IsoDate): boolean {
  return frenchPublicHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}

/** 0 = Sunday … 6 = Saturday, computed on the calendar date (no time zone). */
export function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
