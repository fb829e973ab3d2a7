/** Flag readers of the calc commands: each bad value is a UsageError naming its flag. */
import { type Cents, type IsoDate, isIsoDate, parseDecimalAmount } from '@amiable/domain';
import { parseRatePercent } from '@amiable/legal';
import { UsageError } from '../../args.js';

export function dateFlag(value: string | undefined, flag: string, fr: boolean): IsoDate {
  if (value === undefined) throw new UsageError(fr ? `${flag} est obligatoire (AAAA-MM-JJ)` : `${flag} is required (YYYY-MM-DD)`);
  if (!isIsoDate(value))
    throw new UsageError(
      fr
        ? `${flag} attend une date AAAA-MM-JJ (reçu : ${JSON.stringify(value)})`
        : `${flag} expects a date YYYY-MM-DD (got ${JSON.stringify(value)})`,
    );
  return value;
}

/** "1200.00" or "1200,00"; no thousands separators, at most two decimals, not negative. */
export function amountFlag(value: string | undefined, flag: string, fr: boolean): Cents {
  if (value === undefined) throw new UsageError(fr ? `${flag} est obligatoire` : `${flag} is required`);
  const cents = /^-?\d+(,\d{1,2})?$/.test(value.trim()) ? parseDecimalAmount(value.replace(',', '.')) : parseDecimalAmount(value);
  if (cents === null)
    throw new UsageError(
      fr
        ? `${flag} attend un montant comme 1200.00 (reçu : ${JSON.stringify(value)})`
        : `${flag} expects an amount such as 1200.00 (got ${JSON.stringify(value)})`,
    );
  if (cents < 0)
    throw new UsageError(fr ? `${flag} ne peut pas être négatif (reçu : ${value})` : `${flag} cannot be negative (got ${value})`);
  return cents;
}

export function choiceFlag<T extends string>(value: string | undefined, flag: string, choices: readonly T[], fr: boolean, fallback?: T): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(fr ? `${flag} est obligatoire (${choices.join('|')})` : `${flag} is required (${choices.join('|')})`);
  }
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(
      fr
        ? `${flag} attend ${choices.join(' ou ')} (reçu : ${JSON.stringify(value)})`
        : `${flag} expects ${choices.join(' or ')} (got ${JSON.stringify(value)})`,
    );
  return value as T;
}

export function rateFlag(value: string | undefined, flag: string, fr: boolean): number | null {
  if (value === undefined) return null;
  const bp = parseRatePercent(value);
  if (bp === null || bp > 10_000)
    throw new UsageError(
      fr
        ? `${flag} attend un taux annuel en pourcentage, par ex. 15 ou 12.15 (reçu : ${JSON.stringify(value)})`
        : `${flag} expects a yearly rate in percent, e.g. 15 or 12.15 (got ${JSON.stringify(value)})`,
    );
  return bp;
}

/** --payment DATE:AMOUNT, e.g. 2025-05-01:500.00 */
export function paymentFlag(value: string, fr: boolean): { date: IsoDate; cents: Cents } {
  const [date = '', amount, ...rest] = value.split(':');
  if (amount === undefined || rest.length > 0)
    throw new UsageError(
      fr
        ? `--payment attend DATE:MONTANT, par ex. 2025-05-01:500.00 (reçu : ${JSON.stringify(value)})`
        : `--payment expects DATE:AMOUNT, e.g. 2025-05-01:500.00 (got ${JSON.stringify(value)})`,
    );
  const cents = amountFlag(amount, '--payment', fr);
  if (cents === 0)
    throw new UsageError(
      fr ? `--payment : le montant doit être positif (reçu : ${value})` : `--payment: the amount must be positive (got ${value})`,
    );
  return { date: dateFlag(date, '--payment', fr), cents };
}
