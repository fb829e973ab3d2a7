import type { CreditorRecord, LedgerStore } from '@amiable/ledger';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import { type AddressColumns, addressOf, isUniqueViolation } from './rows.js';

interface CreditorRow extends AddressColumns {
  id: string;
  legal_name: string;
  trade_name: string | null;
  legal_form: string | null;
  siren: string | null;
  siret: string | null;
  vat_number: string | null;
  iban: string | null;
  bic: string | null;
  email: string | null;
  phone: string | null;
  logo_file_id: string | null;
  letter_legal_mentions: string | null;
  recovery_contact_name: string | null;
  recovery_contact_email: string | null;
  recovery_contact_phone: string | null;
  created_at: Date;
  updated_at: Date;
}

export function creditorOf(row: CreditorRow): CreditorRecord {
  return {
    id: row.id,
    legalName: row.legal_name,
    tradeName: row.trade_name,
    legalForm: row.legal_form,
    siren: row.siren,
    siret: row.siret,
    vatNumber: row.vat_number,
    address: addressOf(row),
    iban: row.iban,
    bic: row.bic,
    email: row.email,
    phone: row.phone,
    logoFileId: row.logo_file_id,
    letterLegalMentions: row.letter_legal_mentions,
    recoveryContact: row.recovery_contact_name
      ? { name: row.recovery_contact_name, email: row.recovery_contact_email, phone: row.recovery_contact_phone }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function creditorRepository(tx: Tx): LedgerStore['creditors'] {
  return {
    async get(id) {
      const row = await tx.maybeOne<CreditorRow>(sql`SELECT * FROM amiable.creditor WHERE id = ${id}`);
      return row ? creditorOf(row) : null;
    },
    async findBySiren(siren) {
      const row = await tx.maybeOne<CreditorRow>(sql`SELECT * FROM amiable.creditor WHERE siren = ${siren}`);
      return row ? creditorOf(row) : null;
    },
    async list() {
      return (await tx.query<CreditorRow>(sql`SELECT * FROM amiable.creditor ORDER BY legal_name, id`)).map(creditorOf);
    },
    async insert(c) {
      try {
        await tx.execute(sql`SAVEPOINT creditor_insert`);
        await tx.execute(sql`INSERT INTO amiable.creditor (tenant_id, id, legal_name, trade_name, legal_form, siren, siret, vat_number,
            address_line1, address_line2, postal_code, city, country, iban, bic, email, phone, logo_file_id, letter_legal_mentions,
            recovery_contact_name, recovery_contact_email, recovery_contact_phone, created_at, updated_at)
          VALUES (${tx.tenantId}, ${c.id}, ${c.legalName}, ${c.tradeName}, ${c.legalForm}, ${c.siren}, ${c.siret}, ${c.vatNumber},
            ${c.address.line1}, ${c.address.line2}, ${c.address.postalCode}, ${c.address.city}, ${c.address.country ?? 'FR'},
            ${c.iban}, ${c.bic}, ${c.email}, ${c.phone}, ${c.logoFileId}, ${c.letterLegalMentions},
            ${c.recoveryContact?.name ?? null}, ${c.recoveryContact?.email ?? null}, ${c.recoveryContact?.phone ?? null}, ${c.createdAt}, ${c.updatedAt})`);
        await tx.execute(sql`RELEASE SAVEPOINT creditor_insert`);
        return 'inserted';
      } catch (error) {
        if (!isUniqueViolation(error, 'creditor_siren_key')) throw error;
        await tx.execute(sql`ROLLBACK TO SAVEPOINT creditor_insert`);
        return 'duplicate-siren';
      }
    },
    async update(c) {
      try {
        await tx.execute(sql`SAVEPOINT creditor_update`);
        await tx.execute(sql`UPDATE amiable.creditor SET legal_name = ${c.legalName}, trade_name = ${c.tradeName}, legal_form = ${c.legalForm},
            siren = ${c.siren}, siret = ${c.siret}, vat_number = ${c.vatNumber}, address_line1 = ${c.address.line1}, address_line2 = ${c.address.line2},
            postal_code = ${c.address.postalCode}, city = ${c.address.city}, country = ${c.address.country ?? 'FR'}, iban = ${c.iban}, bic = ${c.bic},
            email = ${c.email}, phone = ${c.phone}, logo_file_id = ${c.logoFileId}, letter_legal_mentions = ${c.letterLegalMentions},
            recovery_contact_name = ${c.recoveryContact?.name ?? null}, recovery_contact_email = ${c.recoveryContact?.email ?? null},
            recovery_contact_phone = ${c.recoveryContact?.phone ?? null}, updated_at = ${c.updatedAt}
          WHERE id = ${c.id}`);
        await tx.execute(sql`RELEASE SAVEPOINT creditor_update`);
        return 'updated';
      } catch (error) {
        if (!isUniqueViolation(error, 'creditor_siren_key')) throw error;
        await tx.execute(sql`ROLLBACK TO SAVEPOINT creditor_update`);
        return 'duplicate-siren';
      }
    },
  };
}
