import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { agingBucketOf, isIsoDate, isValidEmail, isValidSiren } from '@amiable/domain';
import { describe, expect, it } from 'vitest';
import { generateInvoiceCsv, INVOICE_CSV_HEADER } from '../src/index.js';

const TODAY = '2026-11-23';

function csvText(invoices: number, seed = 1, today = TODAY, debtors?: number): string {
  return [...generateInvoiceCsv({ invoices, seed, today, ...(debtors === undefined ? {} : { debtors }) })].join('');
}

/** "23/11/2026" → "2026-11-23" */
function isoOf(frenchDate: string): string {
  const [d, m, y] = frenchDate.split('/');
  return `${y}-${m}-${d}`;
}

/** "1234,56" → 123456 cents, or NaN when not in that exact format. */
function centsOf(amount: string): number {
  return /^\d+,\d\d$/.test(amount) ? Number(amount.replace(',', '')) : Number.NaN;
}

describe('generateInvoiceCsv', () => {
  it('starts with the exact header and ends every line with CRLF', () => {
    const text = csvText(50);
    expect(INVOICE_CSV_HEADER).toBe(
      "N° facture;Type;Date facture;Date d'échéance;Montant HT;Montant TTC;Reste dû;Devise;Code client;Raison sociale;SIREN;Email;Téléphone;Adresse;Code postal;Ville",
    );
    expect(text.startsWith(`${INVOICE_CSV_HEADER}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(52); // header + 50 rows + the empty string after the last CRLF
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('is deterministic per (seed, today) and differs across seeds', () => {
    expect(csvText(2_000, 5)).toBe(csvText(2_000, 5));
    expect(csvText(2_000, 5)).not.toBe(csvText(2_000, 6));
  });

  it('writes 10,000 rows that parse back with 16 valid fields each', () => {
    const lines = csvText(10_000, 3).split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(10_000);
    const numbers = new Set<string>();
    const debtorByCode = new Map<string, string>();
    const sirenByCode = new Map<string, string>();
    const buckets = new Map<string, number>();
    let creditNotes = 0;
    let paid = 0;
    let partial = 0;
    // Problems are collected rather than asserted one by one: 160,000 expect() calls would dominate the run.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, line: string) => {
      if (!ok && problems.length < 20) problems.push(`${what}: ${line}`);
    };
    for (const line of lines) {
      const fields = line.split(';');
      check(fields.length === 16 && !line.includes('"'), '16 unquoted fields', line);
      const [
        number = '',
        type = '',
        issue = '',
        due = '',
        excl = '',
        incl = '',
        outstanding = '',
        currency = '',
        code = '',
        name = '',
        siren = '',
        email = '',
        phone = '',
        address = '',
        postalCode = '',
        city = '',
      ] = fields;
      check(/^(FA|AV)-\d{9}$/.test(number) && !numbers.has(number), 'unique number', line);
      numbers.add(number);
      check((type === 'Facture' && number.startsWith('FA-')) || (type === 'Avoir' && number.startsWith('AV-')), 'type', line);
      check(/^\d\d\/\d\d\/\d{4}$/.test(issue) && /^\d\d\/\d\d\/\d{4}$/.test(due), 'dd/mm/yyyy dates', line);
      check(
        isIsoDate(isoOf(issue)) && isIsoDate(isoOf(due)) && isoOf(issue) <= TODAY && isoOf(due) >= isoOf(issue),
        'real dates in order',
        line,
      );
      const [exclCents, inclCents, outstandingCents] = [centsOf(excl), centsOf(incl), centsOf(outstanding)];
      check(
        Number.isSafeInteger(exclCents) && Number.isSafeInteger(inclCents) && Number.isSafeInteger(outstandingCents),
        'decimal-comma amounts',
        line,
      );
      check(exclCents >= 4_500 && inclCents >= exclCents && inclCents <= 4_800_000 && outstandingCents <= inclCents, 'amount bounds', line);
      check(currency === 'EUR', 'currency', line);
      check(isValidSiren(siren), 'SIREN', line);
      check(isValidEmail(email), 'e-mail', line);
      check(/^0[1-5] \d\d \d\d \d\d \d\d$/.test(phone), 'phone', line);
      check(/^\d+ \S+ \S/.test(address) && /^\d{5}$/.test(postalCode) && city.length > 1, 'address', line);
      // A debtor keeps its name and SIREN on every row.
      check((debtorByCode.get(code) ?? name) === name && (sirenByCode.get(code) ?? siren) === siren, 'stable debtor', line);
      debtorByCode.set(code, name);
      sirenByCode.set(code, siren);
      if (type === 'Avoir') creditNotes++;
      else {
        if (outstandingCents === 0) paid++;
        else if (outstandingCents < inclCents) partial++;
        const bucket = agingBucketOf(isoOf(due), TODAY);
        buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
      }
    }
    expect(problems).toEqual([]);
    // Debtors are reused across rows (default max(100, rows / 20) = 500) and SIRENs never shared between debtors.
    expect(debtorByCode.size).toBeLessThanOrEqual(500);
    expect(debtorByCode.size).toBeGreaterThan(300);
    expect(new Set(sirenByCode.values()).size).toBe(sirenByCode.size);
    expect(creditNotes).toBeGreaterThan(30);
    expect(creditNotes).toBeLessThan(200);
    expect(paid).toBeGreaterThan(300);
    expect(partial).toBeGreaterThan(500);
    expect(paid + partial).toBeLessThan(lines.length / 2);
    for (const bucket of ['not-due', '1-30', '31-60', '61-90', '91-180', 'over-180']) {
      expect(buckets.get(bucket) ?? 0, bucket).toBeGreaterThan(lines.length * 0.05);
    }
  });

  it('honours an explicit debtor count and keeps a debtor identical whatever the row count', () => {
    const few = csvText(1_000, 9, TODAY, 7).split('\r\n').slice(1, -1);
    expect(new Set(few.map((l) => l.split(';')[8])).size).toBe(7);
    const tailOf = (line: string) => line.split(';').slice(8).join(';');
    const small = new Map(few.map((l) => [l.split(';')[8], tailOf(l)]));
    const more = csvText(3_000, 9, TODAY, 7).split('\r\n').slice(1, -1);
    for (const line of more) expect(small.get(line.split(';')[8]) ?? tailOf(line)).toBe(tailOf(line));
  });

  it('hands out chunks of about 64 KiB', () => {
    const chunks = [...generateInvoiceCsv({ invoices: 5_000, seed: 1, today: TODAY })];
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(65_536);
      expect(chunk.length).toBeLessThan(65_536 + 1_000);
      expect(chunk.endsWith('\r\n')).toBe(true);
    }
  });

  it('produces just the header for zero rows and rejects bad options', () => {
    expect(csvText(0)).toBe(`${INVOICE_CSV_HEADER}\r\n`);
    expect(() => csvText(-1)).toThrow(RangeError);
    expect(() => csvText(1.5)).toThrow(RangeError);
    expect(() => csvText(10, 1, '2026-13-01')).toThrow(RangeError);
    expect(() => csvText(10, 1, TODAY, 0)).toThrow(RangeError);
  });

  it('streams 200,000 rows in bounded memory', () => {
    // Readings are taken right after a real collection, so they measure what the
    // generator keeps alive (its debtor cache: ~3 MB here), not garbage awaiting a GC.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let rows = -1; // the header line
    let chunks = 0;
    for (const chunk of generateInvoiceCsv({ invoices: 200_000, seed: 11, today: TODAY })) {
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) rows++;
      if (++chunks % 100 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    expect(rows).toBe(200_000);
    expect(chunks).toBeGreaterThan(500);
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
  });
});
