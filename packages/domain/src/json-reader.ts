/**
 * Reads untrusted JSON (a CLI input file, an API body outside Fastify's schemas)
 * field by field, collecting every problem with the path of its field
 * ("debtors[0].invoices[1].dueDate") instead of stopping at the first: users fix a
 * file in one pass. Amounts are decimal strings ("1200.00"), dates YYYY-MM-DD.
 */
import { isIsoDate } from './dates.js';
import type { FieldIssueCode } from './error-codes.js';
import type { FieldIssue } from './result.js';
import { parseDecimalAmount } from './money.js';

type Json = unknown;

export class JsonReader {
  readonly issues: FieldIssue[] = [];
  /** Where each unique value (invoice number, debtor id, step id) first appeared. */
  private readonly seen = new Map<string, string>();
  fail(field: string, code: FieldIssueCode, params?: Record<string, string | number>): null {
    this.issues.push(params ? { field, code, params } : { field, code });
    return null;
  }
  private shown(value: Json): string {
    return (JSON.stringify(value) ?? String(value)).slice(0, 60);
  }
  object(value: Json, field: string): Record<string, Json> | null {
    if (value === undefined) return this.fail(field, 'required');
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return this.fail(field, 'invalid_format', { value: this.shown(value) });
    return value as Record<string, Json>;
  }
  array(value: Json, field: string): Json[] | null {
    if (value === undefined) return this.fail(field, 'required');
    if (!Array.isArray(value)) return this.fail(field, 'invalid_format', { value: this.shown(value) });
    return value;
  }
  string(value: Json, field: string, max = 200): string | null {
    if (value === undefined || value === null || value === '') return this.fail(field, 'required');
    if (typeof value !== 'string') return this.fail(field, 'invalid_format', { value: this.shown(value) });
    if (value.length > max) return this.fail(field, 'too_long', { max });
    return value;
  }
  /** An optional string: absent, null or "" give undefined without an issue. */
  optionalString(value: Json, field: string, max = 200): string | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    return this.string(value, field, max) ?? undefined;
  }
  date(value: Json, field: string): string | null {
    const text = this.string(value, field);
    if (text === null) return null;
    return isIsoDate(text) ? text : this.fail(field, 'invalid_iso_date', { value: text });
  }
  integer(value: Json, field: string, min: number, max: number): number | null {
    if (value === undefined) return this.fail(field, 'required');
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(field, 'invalid_format', { value: this.shown(value) });
    if (value < min || value > max) return this.fail(field, 'out_of_range', { value: `${value} (${min} … ${max})`, min, max });
    return value;
  }
  /** A decimal string amount in cents; strictly positive unless `allowZero`. */
  amount(value: Json, field: string, allowZero = false): number | null {
    const text = this.string(value, field);
    if (text === null) return null;
    const cents = parseDecimalAmount(text);
    if (cents === null) return this.fail(field, 'invalid_amount', { value: text });
    if (cents < 0 || (cents === 0 && !allowZero)) return this.fail(field, 'negative_amount', { value: text });
    return cents;
  }
  choice<T extends string>(value: Json, field: string, allowed: readonly T[]): T | null {
    const text = this.string(value, field);
    if (text === null) return null;
    return (allowed as readonly string[]).includes(text)
      ? (text as T)
      : this.fail(field, 'invalid_choice', { value: text, allowed: allowed.join(', ') });
  }
  /** False (and an issue) when `value` already appeared in `kind` at another field. */
  unique(kind: string, value: string, field: string): boolean {
    const first = this.seen.get(`${kind}\u0000${value}`);
    if (first !== undefined) {
      this.fail(field, 'duplicate_value', { value, first });
      return false;
    }
    this.seen.set(`${kind}\u0000${value}`, field);
    return true;
  }
}
