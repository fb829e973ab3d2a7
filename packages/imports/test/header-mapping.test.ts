import { describe, expect, it } from 'vitest';
import { type ColumnMapping, guessMapping, headerSignature, type MappableField, missingRequiredFields } from '../src/index.js';

/** The field each header alone maps to. */
function fieldOf(header: string): MappableField | undefined {
  const mapping = guessMapping([header]);
  return (Object.keys(mapping) as MappableField[])[0];
}

describe('guessMapping', () => {
  it.each<[MappableField, string[]]>([
    [
      'invoiceNumber',
      [
        'N° facture',
        'Numéro de facture',
        'Facture',
        'N° pièce',
        'Pièce',
        'Référence',
        'Invoice number',
        'Invoice No',
        'Invoice No.',
        'Document number',
        'NUMERO_FACTURE',
      ],
    ],
    ['documentType', ['Type', 'Type de pièce', 'Nature']],
    [
      'issueDate',
      ['Date', 'Date facture', 'Date de facture', "Date d'émission", 'Date pièce', 'Invoice date', 'Issue date', 'DATE FACTURE'],
    ],
    ['dueDate', ["Date d'échéance", 'Échéance', 'Date échéance', 'Due date', 'date_echeance', 'ECHEANCE']],
    ['amountExclTax', ['Montant HT', 'Total HT', 'HT', 'Amount excl. tax', 'Net amount', 'Montant HT (€)']],
    ['amountInclTax', ['Montant TTC', 'Total TTC', 'TTC', 'Montant', 'Amount incl. tax', 'Total', 'Amount', 'Montant TTC (EUR)']],
    [
      'outstanding',
      [
        'Reste dû',
        'Reste à payer',
        'Solde',
        'Montant restant',
        'Montant dû',
        'Montant du',
        'Outstanding',
        'Balance',
        'Amount due',
        'Open amount',
        'RESTE DU',
      ],
    ],
    ['debit', ['Débit', 'Debit']],
    ['credit', ['Crédit', 'Credit']],
    ['currency', ['Devise', 'Currency']],
    ['debtorName', ['Raison sociale', 'Client', 'Nom client', 'Nom', 'Débiteur', 'Société', 'Customer', 'Customer name', 'Company']],
    ['debtorKind', ['Type client', 'Particulier/Professionnel']],
    ['debtorSiren', ['SIREN', 'N° SIREN']],
    ['debtorSiret', ['SIRET', 'N° SIRET']],
    ['debtorVat', ['TVA intracommunautaire', 'N° TVA', 'VAT number']],
    ['debtorAccountCode', ['Code client', 'N° client', 'Compte client', 'Compte auxiliaire', 'Customer ID', 'Account']],
    ['debtorEmail', ['Email', 'E-mail', 'Courriel', 'Mail']],
    ['debtorPhone', ['Téléphone', 'Tél', 'Tél.', 'Phone']],
    ['contactName', ['Contact', 'Interlocuteur']],
    ['debtorAddress1', ['Adresse', 'Adresse 1', 'Address']],
    ['debtorAddress2', ['Adresse 2', "Complément d'adresse"]],
    ['debtorPostalCode', ['Code postal', 'CP', 'Postal code', 'ZIP']],
    ['debtorCity', ['Ville', 'Commune', 'City']],
    ['debtorCountry', ['Pays', 'Country']],
    ['orderReference', ['Référence commande', 'N° commande', 'Bon de commande', 'PO', 'Order reference']],
    ['contractReference', ['Contrat', 'N° contrat', 'Contract']],
    ['description', ['Libellé', 'Désignation', 'Description', 'Objet']],
    ['paymentReference', ['Référence de paiement', 'Payment reference']],
  ])('maps every way of writing %s', (field, headers) => {
    for (const header of headers) expect(fieldOf(header), header).toBe(field);
  });

  it('prefers the most specific header', () => {
    const headers = ['Date', "Date d'échéance", 'Montant', 'Montant HT', 'Montant TTC', 'Reste dû', 'Client', 'Code client'];
    expect(guessMapping(headers)).toEqual({
      issueDate: 0,
      dueDate: 1,
      amountExclTax: 3,
      amountInclTax: 4,
      outstanding: 5,
      debtorName: 6,
      debtorAccountCode: 7,
    });
  });

  it('matches a header that contains a known one, the longest winning', () => {
    expect(guessMapping(['Date échéance facture', 'Montant HT de la ligne', 'Solde restant dû au 31/12'])).toEqual({
      dueDate: 0,
      amountExclTax: 1,
      outstanding: 2,
    });
  });

  it('gives each field one column, the more specific header winning, and leaves unknown headers unmapped', () => {
    expect(guessMapping(['Facture', 'N° facture', 'Couleur préférée', ''])).toEqual({ invoiceNumber: 1 });
  });

  it('maps a French accounting export', () => {
    const headers =
      "N° facture;Type;Date facture;Date d'échéance;Montant HT;Montant TTC;Reste dû;Devise;Code client;Raison sociale;SIREN;Email;Téléphone;Adresse;Code postal;Ville".split(
        ';',
      );
    const mapping = guessMapping(headers);
    expect(mapping).toEqual({
      invoiceNumber: 0,
      documentType: 1,
      issueDate: 2,
      dueDate: 3,
      amountExclTax: 4,
      amountInclTax: 5,
      outstanding: 6,
      currency: 7,
      debtorAccountCode: 8,
      debtorName: 9,
      debtorSiren: 10,
      debtorEmail: 11,
      debtorPhone: 12,
      debtorAddress1: 13,
      debtorPostalCode: 14,
      debtorCity: 15,
    });
    expect(missingRequiredFields(mapping)).toEqual([]);
  });
});

describe('missingRequiredFields', () => {
  it('asks for a number, an issue date, a debtor and an amount', () => {
    expect(missingRequiredFields({})).toEqual(['invoiceNumber', 'issueDate', 'debtorName', 'amountInclTax']);
  });

  it('accepts a SIREN for the debtor and debit/credit columns for the amount', () => {
    const mapping: ColumnMapping = { invoiceNumber: 0, issueDate: 1, debtorSiren: 2, debit: 3, credit: 4 };
    expect(missingRequiredFields(mapping)).toEqual([]);
  });
});

describe('headerSignature', () => {
  it('ignores case, accents, spacing and punctuation', () => {
    expect(headerSignature(['N° facture', "Date d'échéance", 'Montant TTC'])).toBe(
      headerSignature(['n° FACTURE ', 'date d echeance', 'MONTANT  TTC']),
    );
  });

  it('ignores empty trailing columns', () => {
    expect(headerSignature(['Facture', 'Montant'])).toBe(headerSignature(['Facture', 'Montant', '', '']));
  });

  it('differs when columns differ or move, since a mapping points at column positions', () => {
    const signature = headerSignature(['Facture', 'Date', 'Montant']);
    expect(headerSignature(['Facture', 'Date', 'Total'])).not.toBe(signature);
    expect(headerSignature(['Date', 'Facture', 'Montant'])).not.toBe(signature);
  });

  it('is a short stable key', () => {
    expect(headerSignature(['Facture', 'Date', 'Montant'])).toMatch(/^h1:[0-9a-f]{32}$/);
  });
});
