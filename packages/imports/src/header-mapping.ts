/**
 * Guesses which column holds which field from the header texts of French and
 * English accounting exports. A header equal to a known label wins over one
 * that merely contains it, and a longer label wins over a shorter one, so
 * "Date d'échéance" is the due date (not the issue date) and "Montant HT" the
 * amount excluding tax (not the total).
 */
import { createHash } from 'node:crypto';
import { labelTokens, normalizeLabel } from './normalize-label.js';
import type { ColumnMapping, MappableField } from './types.js';

const LABELS: Readonly<Record<MappableField, readonly string[]>> = {
  invoiceNumber: [
    'N° facture',
    'Numéro de facture',
    'Facture',
    'N° pièce',
    'Pièce',
    'Référence',
    'Réf',
    'Référence facture',
    'N° document',
    'Invoice number',
    'Invoice No',
    'Invoice',
    'Invoice ID',
    'Invoice reference',
    'Document number',
    'Document No',
    'Numéro',
    'N° avoir',
    "Numéro d'avoir",
    'Avoir',
    'Credit note number',
  ],
  documentType: [
    'Type',
    'Type de pièce',
    'Type de document',
    'Type document',
    'Nature',
    'Nature de pièce',
    'Document type',
    'Facture/Avoir',
  ],
  issueDate: [
    'Date',
    'Date facture',
    'Date de facture',
    "Date d'émission",
    'Date émission',
    'Date pièce',
    'Date document',
    'Date de création',
    'Invoice date',
    'Issue date',
    'Document date',
    'Date facturation',
  ],
  dueDate: [
    "Date d'échéance",
    'Échéance',
    'Date échéance',
    'Date limite de paiement',
    'Date limite',
    'Due date',
    'Payment due date',
    'Due',
  ],
  amountExclTax: ['Montant HT', 'Total HT', 'HT', 'Amount excl. tax', 'Amount excluding tax', 'Net amount', 'Net', 'Base HT'],
  amountInclTax: [
    'Montant TTC',
    'Total TTC',
    'TTC',
    'Montant',
    'Montant facture',
    'Montant de la facture',
    'Amount incl. tax',
    'Amount including tax',
    'Total',
    'Amount',
    'Gross amount',
    'Invoice amount',
    'Invoice total',
  ],
  outstanding: [
    'Reste dû',
    'Reste à payer',
    'Restant dû',
    'Solde',
    'Solde restant',
    'Solde dû',
    'Montant restant',
    'Montant restant dû',
    'Montant dû',
    'Reste à recouvrer',
    'Outstanding',
    'Outstanding amount',
    'Balance',
    'Balance due',
    'Amount due',
    'Open amount',
    'Remaining amount',
  ],
  debit: ['Débit', 'Debit', 'Montant débit'],
  credit: ['Crédit', 'Credit', 'Montant crédit'],
  currency: ['Devise', 'Currency', 'Monnaie', 'Code devise', 'Currency code'],
  debtorName: [
    'Raison sociale',
    'Client',
    'Nom client',
    'Nom du client',
    'Nom',
    'Débiteur',
    'Nom débiteur',
    'Société',
    'Entreprise',
    'Tiers',
    'Nom du tiers',
    'Customer',
    'Customer name',
    'Company',
    'Company name',
    'Debtor',
    'Name',
  ],
  debtorKind: [
    'Type client',
    'Type de client',
    'Particulier/Professionnel',
    'Professionnel/Particulier',
    'Catégorie client',
    'Customer type',
    'B2B/B2C',
  ],
  debtorSiren: ['SIREN', 'N° SIREN', 'SIREN client'],
  debtorSiret: ['SIRET', 'N° SIRET', 'SIRET client'],
  debtorVat: [
    'TVA intracommunautaire',
    'N° TVA',
    'N° TVA intracommunautaire',
    'TVA intracom',
    'N° TVA intracom',
    'TVA intra',
    'Numéro de TVA',
    'VAT number',
    'VAT No',
    'VAT ID',
    'VAT',
  ],
  debtorAccountCode: [
    'Code client',
    'N° client',
    'Compte client',
    'Compte auxiliaire',
    'Compte tiers',
    'Code tiers',
    'Référence client',
    'Compte',
    'Customer ID',
    'Customer code',
    'Customer No',
    'Customer account',
    'Account',
    'Account number',
  ],
  debtorEmail: ['Email', 'E-mail', 'Courriel', 'Mail', 'Adresse e-mail', 'Adresse mail', 'Email address'],
  debtorPhone: ['Téléphone', 'Tél', 'Phone', 'Phone number', 'Telephone', 'Portable', 'Mobile'],
  contactName: ['Contact', 'Interlocuteur', 'Nom du contact', 'Nom contact', 'Contact name'],
  debtorAddress1: ['Adresse', 'Adresse 1', 'Adresse ligne 1', 'Rue', 'Address', 'Address 1', 'Address line 1', 'Street'],
  debtorAddress2: ['Adresse 2', "Complément d'adresse", 'Adresse ligne 2', 'Address 2', 'Address line 2'],
  debtorPostalCode: ['Code postal', 'CP', 'Postal code', 'ZIP', 'ZIP code', 'Postcode'],
  debtorCity: ['Ville', 'Commune', 'City', 'Town', 'Localité'],
  debtorCountry: ['Pays', 'Country', 'Code pays', 'Country code'],
  orderReference: [
    'Référence commande',
    'N° commande',
    'Bon de commande',
    'N° bon de commande',
    'Commande',
    'PO',
    'PO number',
    'Purchase order',
    'Order reference',
    'Order number',
  ],
  contractReference: ['Contrat', 'N° contrat', 'Référence contrat', 'Contract', 'Contract reference', 'Contract number'],
  description: ['Libellé', 'Désignation', 'Description', 'Objet', 'Intitulé', 'Label'],
  paymentReference: ['Référence de paiement', 'Référence paiement', 'Payment reference', 'Référence virement', 'RUM'],
};

interface Label {
  readonly field: MappableField;
  readonly tokens: readonly string[];
  readonly text: string;
}

const ALL_LABELS: readonly Label[] = Object.entries(LABELS).flatMap(([field, labels]) =>
  labels.map((label) => ({ field: field as MappableField, tokens: labelTokens(label), text: normalizeLabel(label) })),
);

const EXACT = new Map<string, MappableField>();
for (const label of ALL_LABELS) if (!EXACT.has(label.text)) EXACT.set(label.text, label.field);

interface Candidate {
  readonly field: MappableField;
  readonly score: number;
}

/**
 * The best field for one header, with a score: exact matches score above
 * 1000, contained labels 100 + 10 per word (+ the share of the header they
 * cover, so "Nom" in "Nom client" loses to an exact "Nom client").
 */
export function matchHeader(header: string): Candidate | null {
  const tokens = labelTokens(header);
  if (tokens.length === 0) return null;
  const exact = EXACT.get(tokens.join(' '));
  if (exact) return { field: exact, score: 1000 + tokens.length };
  let best: Candidate | null = null;
  for (const label of ALL_LABELS) {
    if (label.tokens.length === 0 || label.tokens.length >= tokens.length) continue;
    if (!containsRun(tokens, label.tokens)) continue;
    const score = 100 + 10 * label.tokens.length + label.tokens.length / tokens.length;
    if (!best || score > best.score) best = { field: label.field, score };
  }
  return best;
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let k = 0; k < needle.length; k++) if (haystack[start + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Each field gets at most one column and each column at most one field, best scores first, leftmost column on ties. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const candidates: { column: number; field: MappableField; score: number }[] = [];
  headers.forEach((header, column) => {
    const match = matchHeader(header);
    if (match) candidates.push({ column, ...match });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const usedColumns = new Set<number>();
  for (const { column, field } of candidates) {
    if (mapping[field] !== undefined || usedColumns.has(column)) continue;
    mapping[field] = column;
    usedColumns.add(column);
  }
  return mapping;
}

/** How many cells of a row read as known headers (the header row is the first with two or more). */
export function countKnownHeaders(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) if (cell.trim() !== '' && matchHeader(cell)) count++;
  return count;
}

/**
 * A stable key for "the same export layout", to remember a tenant's mapping.
 * It keeps the column order because a mapping points at column positions: the
 * same headers in another order must not reuse it.
 */
export function headerSignature(headers: readonly string[]): string {
  const normalized = headers.map(normalizeLabel);
  while (normalized.length > 0 && normalized[normalized.length - 1] === '') normalized.pop();
  return `h1:${createHash('sha256').update(normalized.join('\u001f')).digest('hex').slice(0, 32)}`;
}

/** Required fields with no column: invoice number, issue date, a debtor (name or SIREN) and an amount (total or debit/credit). */
export function missingRequiredFields(mapping: ColumnMapping): MappableField[] {
  const missing: MappableField[] = [];
  if (mapping.invoiceNumber === undefined) missing.push('invoiceNumber');
  if (mapping.issueDate === undefined) missing.push('issueDate');
  if (mapping.debtorName === undefined && mapping.debtorSiren === undefined && mapping.debtorSiret === undefined)
    missing.push('debtorName');
  if (mapping.amountInclTax === undefined && mapping.debit === undefined && mapping.credit === undefined) missing.push('amountInclTax');
  return missing;
}
