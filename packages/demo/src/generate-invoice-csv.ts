/**
 * A synthetic invoice import file, as French accounting tools export their
 * open items ("balance âgée", "factures non soldées"), for import benchmarks
 * of a million rows and more.
 *
 * Memory stays bounded: rows are produced one at a time and handed out in
 * chunks of about 64 KiB; the only state that grows is one cached line tail
 * per debtor (O(debtors), never O(rows)). Every field is built from word
 * lists without ';', '"' or line breaks, so the file needs no quoting.
 */
import type { Cents, IsoDate } from '@amiable/domain';
import { csvAmount, divFloor, inclTaxOf, VAT_INTERMEDIATE, VAT_REDUCED, VAT_STANDARD } from './amounts.js';
import { assertIsoDate, assertSeed, frenchDate, toDayNumber } from './calendar.js';
import { OTHER_CITIES, REGIONAL_CITIES, STREET_NAMES, STREET_TYPES } from './cities.js';
import { businessName, type Sector } from './french-names.js';
import { EMAIL_DOMAINS, fictionPhone, sirenFromBody, slugify } from './identifiers.js';
import { hashSeed, Prng } from './random.js';

export const INVOICE_CSV_HEADER =
  "N° facture;Type;Date facture;Date d'échéance;Montant HT;Montant TTC;Reste dû;Devise;Code client;Raison sociale;SIREN;Email;Téléphone;Adresse;Code postal;Ville";

export interface InvoiceCsvOptions {
  /** Number of data rows (invoices and credit notes). */
  readonly invoices: number;
  readonly seed: number;
  /** Due dates are spread over the aging buckets relative to this day. */
  readonly today: IsoDate;
  /** Distinct debtors the rows are spread over; default max(100, invoices / 20). */
  readonly debtors?: number;
  /** Approximate chunk length in characters; default 64 Ki. */
  readonly chunkSize?: number;
}

const SECTORS: readonly (readonly [Sector, number])[] = [
  ['restauration', 14],
  ['BTP', 18],
  ['industrie', 14],
  ['transport', 7],
  ['commerce', 18],
  ['immobilier', 6],
  ['services', 14],
  ['santé', 6],
  ['agriculture', 3],
];

/** Excluding-tax ranges in cents by debtor size (index 0–3: micro, small, medium, large). */
const AMOUNT_RANGES: readonly (readonly [number, number])[] = [
  [4_500, 90_000],
  [12_000, 300_000],
  [40_000, 1_200_000],
  [150_000, 4_000_000],
];
const SIZE_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 35],
  [1, 35],
  [2, 22],
  [3, 8],
];

const PAYMENT_TERMS: readonly (readonly [number, number])[] = [
  [30, 55],
  [45, 30],
  [60, 15],
];

/** Not yet due: the row is then issued within the last `term` days, so it falls due between today and today + term − 1. */
const NOT_DUE = [-1, -1] as const;

/** Days past due per aging bucket (the domain's `agingBucketOf` bounds), weighted like an open-items export: mostly recent, a long tail. */
const OVERDUE_BUCKETS: readonly (readonly [readonly [number, number], number])[] = [
  [NOT_DUE, 36],
  [[1, 30], 22],
  [[31, 60], 14],
  [[61, 90], 9],
  [[91, 180], 11],
  [[181, 400], 8],
];

/**
 * A string built by concatenation is a rope in V8; reading one character
 * flattens it in place. Pieces reused on every row (debtor tails, dates) are
 * flattened once so that joining a chunk copies them instead of walking
 * their ropes again each time — three times faster on a million rows.
 */
function flattened(text: string): string {
  text.charCodeAt(0);
  return text;
}

interface CsvDebtor {
  /** "Code client;Raison sociale;SIREN;Email;Téléphone;Adresse;Code postal;Ville" */
  readonly tail: string;
  readonly size: number;
}

/**
 * Debtor `index`, from a stream of its own so it is the same whatever the row
 * count. The SIREN body is an affine bijection of the index, so SIRENs are
 * unique without remembering the ones already used.
 */
function csvDebtor(seed: number, index: number): CsvDebtor {
  const rng = Prng.of('amiable-csv', seed, 'debtor', index);
  const sector = rng.weighted(SECTORS);
  const name = businessName(sector, rng);
  const city = rng.pick(rng.chance(0.6) ? REGIONAL_CITIES : OTHER_CITIES);
  const sirenBody = 30_000_000 + ((index * 7_919 + (hashSeed('amiable-csv', seed) % 60_000_000)) % 60_000_000);
  const code = `C${String(index + 1).padStart(6, '0')}`;
  const email = `${rng.pick(['compta', 'contact', 'factures'])}@${slugify(name)}.${rng.pick(EMAIL_DOMAINS)}`;
  const street = `${rng.skewedInt(1, 180)} ${rng.weighted(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`;
  const phone = fictionPhone(city.zone, rng.int(0, 9_999));
  const tail = `${code};${name};${sirenFromBody(sirenBody)};${email};${phone};${street};${city.postalCode};${city.name}`;
  return { tail: flattened(tail), size: rng.weighted(SIZE_WEIGHTS) };
}

function validateOptions(options: InvoiceCsvOptions): { debtors: number; chunkSize: number } {
  const { invoices, seed, today } = options;
  if (!Number.isSafeInteger(invoices) || invoices < 0) throw new RangeError(`invoices must be a non-negative integer, got ${invoices}`);
  assertSeed(seed);
  assertIsoDate(today, 'today');
  const debtors = options.debtors ?? Math.max(100, Math.floor(invoices / 20));
  if (!Number.isSafeInteger(debtors) || debtors < 1) throw new RangeError(`debtors must be a positive integer, got ${debtors}`);
  const chunkSize = options.chunkSize ?? 65_536;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  return { debtors, chunkSize };
}

/**
 * Yields the file as text chunks: the header line first, then rows, all ending
 * in "\r\n". A sync generator so it can be consumed with for…of, for await…of,
 * or `Readable.from()` piped to stdout or a file (the pipe's back-pressure
 * paces the generator).
 */
export function* generateInvoiceCsv(options: InvoiceCsvOptions): Generator<string, void, undefined> {
  const { debtors, chunkSize } = validateOptions(options);
  const { invoices, seed } = options;
  const today = toDayNumber(options.today);
  const rng = Prng.of('amiable-csv', seed, options.today, 'rows');
  const debtorCache: (CsvDebtor | undefined)[] = [];
  // Dates only span ~15 months around today, so their formatting is cached.
  const dateCache = new Map<number, string>();
  const dateText = (day: number): string => {
    let text = dateCache.get(day);
    if (text === undefined) {
      text = flattened(frenchDate(day));
      dateCache.set(day, text);
    }
    return text;
  };

  let pieces: string[] = [INVOICE_CSV_HEADER, '\r\n'];
  let length = INVOICE_CSV_HEADER.length + 2;
  for (let i = 1; i <= invoices; i++) {
    // Half the rows go to any debtor, half mostly to the first ones: a few big accounts, a long tail.
    const index = rng.chance(0.5) ? rng.int(0, debtors - 1) : Math.floor(rng.next() * rng.next() * debtors);
    let debtor = debtorCache[index];
    if (debtor === undefined) {
      debtor = csvDebtor(seed, index);
      debtorCache[index] = debtor;
    }
    const creditNote = rng.chance(0.01);
    const term = rng.weighted(PAYMENT_TERMS);
    const bucket = rng.weighted(OVERDUE_BUCKETS);
    const daysOverdue = bucket === NOT_DUE ? -rng.int(0, term - 1) : rng.int(bucket[0], bucket[1]);
    const dueDay = today - daysOverdue;
    const issueDay = dueDay - term;
    const [low, high] = AMOUNT_RANGES[debtor.size] ?? [4_500, 90_000];
    const excl: Cents = rng.skewedInt(low, high);
    const vatDraw = rng.next();
    const incl = inclTaxOf(excl, vatDraw < 0.92 ? VAT_STANDARD : vatDraw < 0.97 ? VAT_INTERMEDIATE : VAT_REDUCED);
    let outstanding: Cents = incl;
    if (!creditNote) {
      const paidDraw = rng.next();
      if (paidDraw < 0.08) outstanding = 0;
      else if (paidDraw < 0.2) outstanding = Math.max(1, incl - Math.max(1, divFloor(incl * rng.int(10, 90), 100)));
    }
    const issue = dateText(issueDay);
    // A credit note has no due date of its own; exports repeat its issue date.
    const due = creditNote ? issue : dateText(dueDay);
    const exclText = csvAmount(excl);
    const inclText = csvAmount(incl);
    const outstandingText = csvAmount(outstanding);
    // Pieces, not one concatenated line: joining flat pieces once per chunk is
    // cheaper than building a rope per row and flattening it on output.
    const number = String(i).padStart(9, '0');
    const type = creditNote ? ';Avoir;' : ';Facture;';
    pieces.push(
      creditNote ? 'AV-' : 'FA-',
      number,
      type,
      issue,
      ';',
      due,
      ';',
      exclText,
      ';',
      inclText,
      ';',
      outstandingText,
      ';EUR;',
      debtor.tail,
      '\r\n',
    );
    // 34 = "FA-" + two dates + the fixed separators + ";EUR;" + CRLF.
    length += 34 + number.length + type.length + exclText.length + inclText.length + outstandingText.length + debtor.tail.length;
    if (length >= chunkSize) {
      yield pieces.join('');
      pieces = [];
      length = 0;
    }
  }
  if (pieces.length > 0) yield pieces.join('');
}
