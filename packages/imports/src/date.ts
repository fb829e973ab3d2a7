/**
 * Calendar dates as French and international exports write them. A date is a
 * day, not an instant: a time part is accepted and ignored, and no time zone
 * is ever applied (a "2025-01-31T23:30:00-05:00" invoice is dated the 31st).
 */
import { daysInMonth, fromDayNumber, type IsoDate } from '@amiable/domain';

const DAY_FIRST_RE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}[:h]\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/;
const YEAR_FIRST_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
// FEC (the French legal accounting export) and CII format 102 write AAAAMMJJ.
const COMPACT_RE = /^((?:19|20)\d{2})(\d{2})(\d{2})$/;

/** A real calendar date between 1900 and 2999 as YYYY-MM-DD, or null (31/02, month 13…). */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!(year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Parses a non-empty date cell; null when it is not a real calendar date. */
export function parseDate(text: string): IsoDate | null {
  // The common case, DD/MM/YYYY, read digit by digit.
  if (text.length === 10 && text.charCodeAt(2) === 47 && text.charCodeAt(5) === 47) {
    const day = twoDigits(text, 0);
    const month = twoDigits(text, 3);
    const century = twoDigits(text, 6);
    const yearInCentury = twoDigits(text, 8);
    if (day >= 0 && month >= 0 && century >= 0 && yearInCentury >= 0) return isoDate(century * 100 + yearInCentury, month, day);
  }
  const s = text.trim();
  let match = DAY_FIRST_RE.exec(s);
  if (match) return isoDate(expandYear(match[4] ?? ''), Number(match[3]), Number(match[1]));
  match = YEAR_FIRST_RE.exec(s);
  if (match) return isoDate(Number(match[1]), Number(match[3]), Number(match[4]));
  match = COMPACT_RE.exec(s);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

/** The number written by two ASCII digits at `index`, or -1. */
function twoDigits(text: string, index: number): number {
  const tens = text.charCodeAt(index) - 48;
  const ones = text.charCodeAt(index + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (the POSIX strptime pivot). */
function expandYear(year: string): number {
  const value = Number(year);
  if (year.length !== 2) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

/** CII dates: format 102 is CCYYMMDD; 610 (CCYYMM) and 616 (CCYYWW) are not days and are refused. */
export function parseCiiDate(text: string, format: string | null): IsoDate | null {
  if (format !== null && format !== '102') return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** UBL dates are xsd:date, possibly with a time-zone suffix that does not change the day written. */
export function parseXsdDate(text: string): IsoDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/**
 * A spreadsheet date cell. exceljs turns the serial day number into a Date at
 * that day's midnight UTC, so the UTC day is the calendar day the user typed.
 * One second of slack absorbs the float error of serials like 45688.99999999.
 */
export function dateCellToIso(value: Date): IsoDate | null {
  const ms = value.getTime();
  if (!Number.isFinite(ms)) return null;
  const day = fromDayNumber(Math.floor((ms + 1000) / 86_400_000));
  return isoDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

/**
 * A number in a date column of a spreadsheet whose cell has no date format:
 * an AAAAMMJJ number, or an Excel serial day (1900 system, where serial 60 is
 * the fictitious 29 February 1900, so later serials count from 30 December 1899).
 */
export function numberToIsoDate(value: number): IsoDate | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  if (Number.isInteger(value) && value >= 19000101 && value <= 29991231) return parseDate(String(value));
  if (value < 61 || value >= 2_958_466) return null;
  return dateCellToIso(new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000));
}
