/**
 * The tenant's collection-agency identity (migration 0013): the name, SIREN and
 * address an agency's letters print (CPCE R124-4), and where to pay. One row per
 * tenant, saved by its owner; a bad SIREN, IBAN or BIC is refused with the field
 * named, before anything is written.
 */
import {
  type FieldIssue,
  isValidBic,
  isValidEmail,
  isValidIban,
  isValidPhone,
  isValidSiren,
  normalizeBic,
  normalizeIban,
} from '@amiable/domain';
import type { Party } from '@amiable/letters';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';

export interface AgencyProfileInput {
  readonly name: string;
  readonly siren: string;
  readonly address: {
    readonly line1: string;
    readonly line2?: string | null | undefined;
    readonly postalCode: string;
    readonly city: string;
    readonly country?: string | undefined;
  };
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly iban?: string | null | undefined;
  readonly bic?: string | null | undefined;
}

export interface AgencyProfile {
  readonly name: string;
  readonly siren: string;
  readonly address: { line1: string; line2: string | null; postalCode: string; city: string; country: string };
  readonly email: string | null;
  readonly phone: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
  readonly updatedAt: Date;
  readonly updatedBy: string;
}

const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The profile as stored (SIREN without spaces, IBAN and BIC upper-case), or every bad field. */
export function checkAgencyProfile(
  input: AgencyProfileInput,
): { ok: true; value: Omit<AgencyProfile, 'updatedAt' | 'updatedBy'> } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const siren = input.siren.replace(/\s/g, '');
  if (!isValidSiren(siren)) issues.push({ field: 'siren', code: 'invalid_siren', params: { value: input.siren } });
  const required = {
    name: input.name,
    'address.line1': input.address.line1,
    'address.postalCode': input.address.postalCode,
    'address.city': input.address.city,
  };
  for (const [field, value] of Object.entries(required)) if (!blank(value)) issues.push({ field, code: 'required' });
  const email = blank(input.email);
  if (email && !isValidEmail(email)) issues.push({ field: 'email', code: 'invalid_email', params: { value: email } });
  const phone = blank(input.phone);
  if (phone && !isValidPhone(phone)) issues.push({ field: 'phone', code: 'invalid_phone', params: { value: phone } });
  const iban = blank(input.iban) ? normalizeIban(input.iban as string) : null;
  if (iban && !isValidIban(iban)) issues.push({ field: 'iban', code: 'invalid_iban', params: { value: iban } });
  const bic = blank(input.bic) ? normalizeBic(input.bic as string) : null;
  if (bic && !isValidBic(bic)) issues.push({ field: 'bic', code: 'invalid_bic', params: { value: bic } });
  // A transfer needs both: an IBAN without its BIC (or the reverse) would print half a payment block.
  if (iban && !bic) issues.push({ field: 'bic', code: 'required' });
  if (bic && !iban) issues.push({ field: 'iban', code: 'required' });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      name: input.name.trim(),
      siren,
      address: {
        line1: input.address.line1.trim(),
        line2: blank(input.address.line2),
        postalCode: input.address.postalCode.trim(),
        city: input.address.city.trim(),
        country: input.address.country ?? 'FR',
      },
      email,
      phone,
      iban,
      bic,
    },
  };
}

interface Row {
  name: string;
  siren: string;
  address_line1: string;
  address_line2: string | null;
  postal_code: string;
  city: string;
  country: string;
  email: string | null;
  phone: string | null;
  iban: string | null;
  bic: string | null;
  updated_at: Date;
  updated_by: string;
}

export async function getAgencyProfile(tx: Tx): Promise<AgencyProfile | null> {
  const r = await tx.maybeOne<Row>(sql`SELECT * FROM amiable.agency_profile`);
  if (!r) return null;
  return {
    name: r.name,
    siren: r.siren,
    address: { line1: r.address_line1, line2: r.address_line2, postalCode: r.postal_code, city: r.city, country: r.country },
    email: r.email,
    phone: r.phone,
    iban: r.iban,
    bic: r.bic,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** Creates or replaces the tenant's profile; `by` names the person in the audit columns. */
export async function saveAgencyProfile(
  tx: Tx,
  input: AgencyProfileInput,
  by: string,
  now: Date,
): Promise<{ ok: true; value: AgencyProfile } | { ok: false; issues: FieldIssue[] }> {
  const checked = checkAgencyProfile(input);
  if (!checked.ok) return checked;
  const p = checked.value;
  await tx.execute(sql`INSERT INTO amiable.agency_profile (tenant_id, name, siren, address_line1, address_line2, postal_code, city, country,
                                                           email, phone, iban, bic, updated_at, updated_by)
    VALUES (${tx.tenantId}, ${p.name}, ${p.siren}, ${p.address.line1}, ${p.address.line2}, ${p.address.postalCode}, ${p.address.city},
            ${p.address.country}, ${p.email}, ${p.phone}, ${p.iban}, ${p.bic}, ${now}, ${by})
    ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name, siren = EXCLUDED.siren, address_line1 = EXCLUDED.address_line1,
      address_line2 = EXCLUDED.address_line2, postal_code = EXCLUDED.postal_code, city = EXCLUDED.city, country = EXCLUDED.country,
      email = EXCLUDED.email, phone = EXCLUDED.phone, iban = EXCLUDED.iban, bic = EXCLUDED.bic, updated_at = EXCLUDED.updated_at,
      updated_by = EXCLUDED.updated_by`);
  return { ok: true, value: { ...p, updatedAt: now, updatedBy: by } };
}

/** The agency as a letter prints it (LetterInput.agency). */
export function agencyParty(profile: AgencyProfile): Party {
  return {
    name: profile.name,
    siren: profile.siren,
    address: { ...profile.address, line2: profile.address.line2 ?? undefined },
    email: profile.email ?? undefined,
    phone: profile.phone ?? undefined,
    iban: profile.iban ?? undefined,
    bic: profile.bic ?? undefined,
  };
}
