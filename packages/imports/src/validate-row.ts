/**
 * Turns one CSV/XLSX row into a fully validated InvoiceRecord, or into the
 * list of everything wrong with it; never into a partial record. Messages
 * quote cells as written in the file, because that is what the user will
 * search for in it.
 */
import { type CurrencyCode, type DocumentKind, type FieldIssueCode, type IsoDate, isCurrencyCode } from '@amiable/domain';
import { type DecimalSeparator, formatCents, numberToCents, parseAmountCents } from './amount.js';
import { DOCUMENT_TYPE_CHOICES, parseDocumentType } from './choices.js';
import { dateCellToIso, numberToIsoDate, parseDate } from './date.js';
import { FirstLineTable } from './first-lines.js';
import { memoize } from './memo.js';
import { type CellReader, F, MAX_DESCRIPTION_LENGTH, MAX_NUMBER_LENGTH, MAX_TEXT_LENGTH } from './row-fields.js';
import { cellText, type RawCell, type RawRow } from './table-rows.js';
import { type ColumnMapping, MAPPABLE_FIELDS, type ReadItem, type RowIssue } from './types.js';
import { readDebtor } from './validate-debtor.js';

export interface RowValidatorOptions {
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly decimalSeparator: DecimalSeparator;
  readonly defaultCurrency: CurrencyCode;
}

const documentTypeOf = memoize(parseDocumentType);

interface Parsed<T> {
  readonly value: T;
  readonly text: string;
}

interface Total extends Parsed<number> {
  /** The field whose column the amount was read from. */
  readonly field: number;
}

/** One validator per file: it remembers invoice numbers to report duplicates within the file. */
export class RowValidator implements CellReader {
  /** Column of each field (by ordinal), -1 when unmapped. */
  private readonly columns = new Int32Array(MAPPABLE_FIELDS.length).fill(-1);
  /** The header text naming each field's column in messages. */
  private readonly labels: string[] = [];
  private readonly decimalSeparator: DecimalSeparator;
  private readonly defaultCurrency: CurrencyCode;
  /** Invoice and credit-note numbers already met: the same number may be used once by each kind. */
  private readonly invoiceNumbers = new FirstLineTable();
  private readonly creditNoteNumbers = new FirstLineTable();
  /** The last document type read: files repeat "Facture" on nearly every row. */
  private lastTypeText = '';
  private lastType: DocumentKind | null = null;
  private issues: RowIssue[] | null = null;
  private line = 0;
  private cells: readonly RawCell[] = [];

  constructor(options: RowValidatorOptions) {
    for (const field of MAPPABLE_FIELDS) {
      const column = options.mapping[field];
      if (column !== undefined) this.columns[F[field]] = column;
      const header = column === undefined ? undefined : options.headers[column];
      this.labels[F[field]] = column === undefined ? field : header ? header : `column ${column + 1}`;
    }
    this.decimalSeparator = options.decimalSeparator;
    this.defaultCurrency = options.defaultCurrency;
  }

  validate(row: RawRow): ReadItem {
    this.issues = null;
    this.line = row.line;
    this.cells = row.cells;

    const number = this.text(F.invoiceNumber, MAX_NUMBER_LENGTH);
    if (number === '') this.report(F.invoiceNumber, 'required');

    let declaredKind: DocumentKind | null = null;
    const typeText = this.text(F.documentType);
    if (typeText !== '') {
      if (typeText !== this.lastTypeText) {
        this.lastTypeText = typeText;
        this.lastType = documentTypeOf(typeText);
      }
      declaredKind = this.lastType;
      if (!declaredKind) this.report(F.documentType, 'invalid_choice', { value: typeText, allowed: DOCUMENT_TYPE_CHOICES });
    }

    const issueDate = this.date(F.issueDate);
    if (issueDate === null) this.report(F.issueDate, 'required');
    const dueDate = this.date(F.dueDate);
    if (issueDate && dueDate && dueDate.value < issueDate.value) {
      this.report(F.dueDate, 'due_before_issue', { due: dueDate.text, issue: issueDate.text });
    }

    const total = this.total();
    let kind: DocumentKind = declaredKind ?? 'invoice';
    // Exports write credit notes as negative invoices; the record carries positive amounts and the kind.
    let sign = 1;
    if (total && total.value < 0) {
      if (declaredKind === 'invoice') this.report(total.field, 'negative_amount', { value: total.text });
      else {
        kind = 'credit-note';
        sign = -1;
      }
    }
    const totalCents = total ? total.value * sign : 0;
    const exclTax = this.signedAmount(F.amountExclTax, sign);
    // Compared only with a usable total: a refused negative one would add noise, not information.
    const comparable = total !== undefined && totalCents >= 0;
    if (comparable && exclTax && exclTax.value > totalCents) {
      this.report(F.amountExclTax, 'amount_excl_above_incl', { excl: exclTax.text, incl: total.text });
    }
    const outstanding = this.signedAmount(F.outstanding, sign);
    if (comparable && outstanding && outstanding.value > totalCents) {
      this.report(F.outstanding, 'outstanding_above_total', { outstanding: outstanding.text, total: total.text });
    }

    let currency = this.defaultCurrency;
    const currencyText = this.text(F.currency);
    if (currencyText !== '') {
      const code = currencyText === 'EUR' || currencyText === '€' ? 'EUR' : currencyText.toUpperCase();
      if (code === 'EUR' || isCurrencyCode(code)) currency = code;
      else this.report(F.currency, 'invalid_currency', { value: currencyText });
    }

    const debtor = readDebtor(this);
    const orderReference = this.text(F.orderReference, MAX_TEXT_LENGTH);
    const contractReference = this.text(F.contractReference, MAX_TEXT_LENGTH);
    const description = this.text(F.description, MAX_DESCRIPTION_LENGTH);
    const paymentReference = this.text(F.paymentReference, MAX_TEXT_LENGTH);

    if (number !== '') {
      const firstLine = (kind === 'credit-note' ? this.creditNoteNumbers : this.invoiceNumbers).firstLine(number, this.line);
      if (firstLine !== -1) this.report(F.invoiceNumber, 'duplicate_in_file', { value: number, firstLine });
    }

    const issues = this.issues as RowIssue[] | null;
    if (issues || !issueDate || !total || !debtor) return { issues: issues ?? [], line: this.line };
    return {
      record: {
        line: this.line,
        kind,
        number,
        issueDate: issueDate.value,
        dueDate: dueDate ? dueDate.value : null,
        currency,
        amountExclTaxCents: exclTax ? exclTax.value : null,
        amountInclTaxCents: totalCents,
        amountDueCents: totalCents,
        outstandingCents: outstanding ? outstanding.value : null,
        orderReference: orderReference || null,
        contractReference: contractReference || null,
        description: description || null,
        paymentReference: paymentReference || null,
        paymentTerms: null,
        precedingInvoiceNumber: null,
        debtor,
        seller: null,
      },
    };
  }

  report(field: number, code: FieldIssueCode, params?: Record<string, string | number>): void {
    const column = this.labels[field] ?? '';
    const entry: RowIssue = params ? { line: this.line, column, code, params } : { line: this.line, column, code };
    if (this.issues) this.issues.push(entry);
    else this.issues = [entry];
  }

  text(field: number, maxLength?: number): string {
    const column = this.columns[field] ?? -1;
    if (column < 0) return '';
    const cell = this.cells[column];
    let text = typeof cell === 'string' ? cell.trim() : cellText(cell);
    // ="00123" is how some tools force Excel to keep a cell as text.
    if (text.charCodeAt(0) === 61 && text.length >= 3 && text.startsWith('="') && text.endsWith('"')) text = text.slice(2, -1);
    if (maxLength !== undefined && text.length > maxLength) this.report(field, 'too_long', { max: maxLength });
    return text;
  }

  isMapped(field: number): boolean {
    return this.columns[field] !== -1;
  }

  /** null when the cell is empty; undefined when it is invalid (already reported). */
  private date(field: number): Parsed<IsoDate> | null | undefined {
    const column = this.columns[field] ?? -1;
    if (column < 0) return null;
    const cell = this.cells[column];
    let value: IsoDate | null;
    let text: string;
    if (cell instanceof Date) {
      value = dateCellToIso(cell);
      text = value ?? String(cell);
    } else if (typeof cell === 'number') {
      value = numberToIsoDate(cell);
      text = value ?? String(cell);
    } else {
      text = this.text(field);
      if (text === '') return null;
      value = parseDate(text);
    }
    if (value === null) {
      this.report(field, 'invalid_date', { value: text });
      return undefined;
    }
    return { value, text };
  }

  private amount(field: number): Parsed<number> | null | undefined {
    const column = this.columns[field] ?? -1;
    if (column < 0) return null;
    const cell = this.cells[column];
    let text: string;
    let cents: number | 'invalid_amount' | 'amount_too_large';
    if (typeof cell === 'number') {
      text = String(cell);
      const result = numberToCents(cell);
      cents = result.ok ? result.cents : result.code;
    } else {
      text = this.text(field);
      if (text === '') return null;
      cents = parseAmountCents(text, this.decimalSeparator);
    }
    if (typeof cents !== 'number') {
      this.report(field, cents, { value: text });
      return undefined;
    }
    return { value: cents, text };
  }

  /** The signed total: the amount incl. tax, or debit minus credit for ledger-style exports. */
  private total(): Total | undefined {
    const total = this.amount(F.amountInclTax);
    if (total) return { value: total.value, text: total.text, field: F.amountInclTax };
    if (total === undefined) return undefined;
    if (this.columns[F.debit] === -1 && this.columns[F.credit] === -1) {
      this.report(F.amountInclTax, 'required');
      return undefined;
    }
    const debit = this.amount(F.debit);
    const credit = this.amount(F.credit);
    if (debit === undefined || credit === undefined) return undefined;
    if (debit === null && credit === null) {
      this.report(this.columns[F.debit] !== -1 ? F.debit : F.credit, 'required');
      return undefined;
    }
    if (credit === null) return { value: debit?.value ?? 0, text: debit?.text ?? '', field: F.debit };
    if (debit === null) return { value: -credit.value, text: credit.text, field: F.credit };
    const cents = debit.value - credit.value;
    return { value: cents, text: formatCents(cents, this.decimalSeparator), field: F.debit };
  }

  /** An optional amount in the record's direction (negated for a negative-total credit note); negative after that is an error. */
  private signedAmount(field: number, sign: number): Parsed<number> | null {
    const amount = this.amount(field);
    if (!amount) return null;
    const value = amount.value * sign;
    if (value < 0) {
      this.report(field, 'negative_amount', { value: amount.text });
      return null;
    }
    return { value, text: amount.text };
  }
}
