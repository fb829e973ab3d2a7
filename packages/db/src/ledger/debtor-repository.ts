import type { ContactRecord, DebtorRecord, LedgerStore } from '@amiable/ledger';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import { type AddressColumns, addressOf, isUniqueViolation } from './rows.js';

export interface DebtorRow extends AddressColumns {
  id: string;
  kind: 'business' | 'consumer';
  name: string;
  siren: string | null;
  siret: string | null;
  vat_number: string | null;
  email: string | null;
  phone: string | null;
  preferred_locale: 'fr' | 'en';
  tags: string[];
  scenario_id?: string | null;
  created_at: Date;
  updated_at: Date;
}

export function debtorOf(row: DebtorRow): DebtorRecord {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    siren: row.siren,
    siret: row.siret,
    vatNumber: row.vat_number,
    email: row.email,
    phone: row.phone,
    address: addressOf(row),
    preferredLocale: row.preferred_locale,
    tags: row.tags,
    scenarioId: row.scenario_id ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ContactRow extends AddressColumns {
  id: string;
  debtor_id: string;
  name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  preferred_locale: 'fr' | 'en';
  is_primary: boolean;
}

export function contactOf(row: ContactRow): ContactRecord {
  return {
    id: row.id,
    debtorId: row.debtor_id,
    name: row.name,
    jobTitle: row.job_title,
    email: row.email,
    phone: row.phone,
    address: addressOf(row),
    preferredLocale: row.preferred_locale,
    isPrimary: row.is_primary,
  };
}

export function debtorRepository(tx: Tx): LedgerStore['debtors'] {
  return {
    async get(id) {
      const row = await tx.maybeOne<DebtorRow>(sql`SELECT * FROM amiable.debtor WHERE id = ${id}`);
      return row ? debtorOf(row) : null;
    },
    async findBySiren(siren) {
      const row = await tx.maybeOne<DebtorRow>(sql`SELECT * FROM amiable.debtor WHERE siren = ${siren}`);
      return row ? debtorOf(row) : null;
    },
    async insert(d, nameKey) {
      try {
        await tx.execute(sql`SAVEPOINT debtor_insert`);
        await tx.execute(sql`INSERT INTO amiable.debtor (tenant_id, id, kind, name, name_key, siren, siret, vat_number, email, phone,
            address_line1, address_line2, postal_code, city, country, preferred_locale, tags, created_at, updated_at)
          VALUES (${tx.tenantId}, ${d.id}, ${d.kind}, ${d.name}, ${nameKey}, ${d.siren}, ${d.siret}, ${d.vatNumber}, ${d.email}, ${d.phone},
            ${d.address.line1}, ${d.address.line2}, ${d.address.postalCode}, ${d.address.city}, ${d.address.country ?? 'FR'},
            ${d.preferredLocale}, ${d.tags}, ${d.createdAt}, ${d.updatedAt})`);
        await tx.execute(sql`RELEASE SAVEPOINT debtor_insert`);
        return 'inserted';
      } catch (error) {
        if (!isUniqueViolation(error, 'debtor_siren_key')) throw error;
        await tx.execute(sql`ROLLBACK TO SAVEPOINT debtor_insert`);
        return 'duplicate-siren';
      }
    },
    async update(d, nameKey) {
      try {
        await tx.execute(sql`SAVEPOINT debtor_update`);
        await tx.execute(sql`UPDATE amiable.debtor SET kind = ${d.kind}, name = ${d.name}, name_key = ${nameKey}, siren = ${d.siren}, siret = ${d.siret},
            vat_number = ${d.vatNumber}, email = ${d.email}, phone = ${d.phone}, address_line1 = ${d.address.line1}, address_line2 = ${d.address.line2},
            postal_code = ${d.address.postalCode}, city = ${d.address.city}, country = ${d.address.country ?? 'FR'},
            preferred_locale = ${d.preferredLocale}, tags = ${d.tags}, updated_at = ${d.updatedAt}
          WHERE id = ${d.id}`);
        await tx.execute(sql`RELEASE SAVEPOINT debtor_update`);
        return 'updated';
      } catch (error) {
        if (!isUniqueViolation(error, 'debtor_siren_key')) throw error;
        await tx.execute(sql`ROLLBACK TO SAVEPOINT debtor_update`);
        return 'duplicate-siren';
      }
    },
    async getContact(debtorId, contactId) {
      const row = await tx.maybeOne<ContactRow>(sql`SELECT * FROM amiable.contact WHERE debtor_id = ${debtorId} AND id = ${contactId}`);
      return row ? contactOf(row) : null;
    },
    async insertContact(c, now) {
      await tx.execute(sql`INSERT INTO amiable.contact (tenant_id, id, debtor_id, name, job_title, email, phone, address_line1, address_line2,
          postal_code, city, country, preferred_locale, is_primary, created_at, updated_at)
        VALUES (${tx.tenantId}, ${c.id}, ${c.debtorId}, ${c.name}, ${c.jobTitle}, ${c.email}, ${c.phone}, ${c.address.line1}, ${c.address.line2},
          ${c.address.postalCode}, ${c.address.city}, ${c.address.country}, ${c.preferredLocale}, ${c.isPrimary}, ${now}, ${now})`);
    },
    async updateContact(c, now) {
      await tx.execute(sql`UPDATE amiable.contact SET name = ${c.name}, job_title = ${c.jobTitle}, email = ${c.email}, phone = ${c.phone},
          address_line1 = ${c.address.line1}, address_line2 = ${c.address.line2}, postal_code = ${c.address.postalCode}, city = ${c.address.city},
          country = ${c.address.country}, preferred_locale = ${c.preferredLocale}, is_primary = ${c.isPrimary}, updated_at = ${now}
        WHERE debtor_id = ${c.debtorId} AND id = ${c.id}`);
    },
    async deleteContact(debtorId, contactId) {
      return (await tx.execute(sql`DELETE FROM amiable.contact WHERE debtor_id = ${debtorId} AND id = ${contactId}`)) === 1;
    },
    async clearPrimaryContact(debtorId, exceptContactId) {
      await tx.execute(
        sql`UPDATE amiable.contact SET is_primary = false WHERE debtor_id = ${debtorId} AND id <> ${exceptContactId} AND is_primary`,
      );
    },
    async insertNote(n) {
      await tx.execute(sql`INSERT INTO amiable.debtor_note (tenant_id, id, debtor_id, body, author_kind, author_id, author_label, created_at)
        VALUES (${tx.tenantId}, ${n.id}, ${n.debtorId}, ${n.body}, ${n.authorKind}, ${n.authorId}, ${n.authorLabel}, ${n.createdAt})`);
    },
  };
}
