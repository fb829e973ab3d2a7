/**
 * Integer-only money helpers for generated documents. VAT rates are basis
 * points so that "amount × (1 + rate)" never goes through a float.
 */
import type { Cents } from '@amiable/domain';

/** French VAT rates in basis points: standard 20 %, intermediate 10 % (works in dwellings), reduced 5.5 % (energy renovation). */
export const VAT_STANDARD = 2000;
export const VAT_INTERMEDIATE = 1000;
export const VAT_REDUCED = 550;

/** ⌊a / b⌋ for non-negative integers, exactly. */
export function divFloor(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** Amount including tax = excl + VAT rounded half-up to the cent, computed in integers. */
export function inclTaxOf(exclCents: Cents, rateBasisPoints: number): Cents {
  const scaled = exclCents * rateBasisPoints; // tax in 1/10000 of a cent
  const tax = divFloor(scaled, 10_000) + (scaled % 10_000 >= 5_000 ? 1 : 0);
  return exclCents + tax;
}

/** "1234,56": decimal comma, no thousands separator, as French accounting exports write amounts. */
export function csvAmount(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const fraction = abs % 100;
  return `${sign}${divFloor(abs, 100)},${fraction < 10 ? '0' : ''}${fraction}`;
}
