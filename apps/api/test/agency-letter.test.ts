/**
 * Agency letters from a case: the tenant's agency identity (GET/PUT
 * /api/tenant/agency-profile, agency tenants only, SIREN/IBAN/BIC checked with
 * the field named), refused with AGENCY_PROFILE_MISSING while there is none, and
 * a second agency letter on the case recalling the first by reference and date
 * (CPCE R124-4).
 */
import { documentContent, inTenant, verifyDocument } from '@amiable/db';
import { creditorReference, groupReference } from '@amiable/letters';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { havePoppler, pdfText } from './pdf-text.js';
import { type LettersSetup, RATES_2026_H2, startLettersApi } from './letters-setup.js';

let setup: LettersSetup;
let call: LettersSetup['call'];

const PROFILE = {
  name: 'Recouvrement Rhône SAS',
  siren: '123 456 782',
  address: { line1: '8 quai Saint-Antoine', postalCode: '69002', city: 'Lyon' },
  email: 'contact@recouvrement-rhone.fr',
  phone: '04 78 00 00 00',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'agrifrpp',
};

beforeAll(async () => {
  setup = await startLettersApi();
  call = setup.call;
  // An agency letter states the penalties: the rates table needs the current half-year.
  expect((await call('PUT', '/api/legal/rates/2026-H2', RATES_2026_H2)).status).toBe(200);
});
afterAll(async () => {
  await setup?.api.close();
});

async function letterText(documentId: string): Promise<string> {
  return pdfText((await call('GET', `/api/documents/${documentId}/content`)).raw);
}

describe('agency identity', () => {
  it('is null until saved, and only an agency tenant has one', async () => {
    expect((await call('GET', '/api/tenant/agency-profile')).body).toBeNull();
    const company = await call('PUT', '/api/tenant/agency-profile', PROFILE);
    expect(company.status).toBe(409);
    expect(company.body.code).toBe('TENANT_NOT_AGENCY');
    const letter = await call('POST', `/api/recovery/cases/${setup.caseId}/letters`, { type: 'agency-letter' });
    expect(letter.status).toBe(422);
    expect(letter.body).toMatchObject({ code: 'AGENCY_PROFILE_MISSING', message: expect.stringContaining('Agence de recouvrement') });
    await setup.api.db.admin.query(`UPDATE amiable.tenant SET kind = 'agency' WHERE id = $1`, [setup.tenantId]);
  });

  it('names a bad SIREN, IBAN or BIC and saves nothing', async () => {
    const refused = await call('PUT', '/api/tenant/agency-profile', {
      ...PROFILE,
      siren: '123456789',
      iban: 'FR7630006000011234567890188',
      bic: 'XX',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.issues.map((i: { field: string; code: string }) => [i.field, i.code])).toEqual([
      ['siren', 'invalid_siren'],
      ['iban', 'invalid_iban'],
      ['bic', 'invalid_bic'],
    ]);
    expect((await call('GET', '/api/tenant/agency-profile')).body).toBeNull();
  });

  it('saves and reads back the identity, normalised', async () => {
    const saved = await call('PUT', '/api/tenant/agency-profile', PROFILE);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      name: 'Recouvrement Rhône SAS',
      siren: '123456782',
      address: { line1: '8 quai Saint-Antoine', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      updatedBy: expect.any(String),
    });
    expect((await call('GET', '/api/tenant/agency-profile')).body).toEqual(saved.body);
  });

  it('is saved by the owner only (a manager reads it)', async () => {
    const key = await call('POST', '/api/api-keys', { name: 'Clé gestionnaire', role: 'manager' });
    expect(key.status).toBe(201);
    const asManager = { authorization: `Bearer ${key.body.secret}` };
    expect((await call('GET', '/api/tenant/agency-profile', undefined, asManager)).body).toMatchObject({ siren: '123456782' });
    expect((await call('PUT', '/api/tenant/agency-profile', PROFILE, asManager)).status).toBe(403);
  });
});

describe('agency letters from a case', () => {
  it('prints the agency, and the second letter recalls the first by reference and date', async () => {
    const letters = `/api/recovery/cases/${setup.caseId}/letters`;
    const first = await call('POST', letters, { type: 'agency-letter' });
    expect(first.status).toBe(201);
    const second = await call('POST', letters, { type: 'agency-letter' });
    expect(second.status).toBe(201);
    const facts = await inTenant(setup.api.db.app, { tenantId: setup.tenantId }, async (tx) => ({
      first: (await documentContent(tx, first.body.id))?.facts as { input: { reference: string; firstLetter?: unknown } },
      second: (await documentContent(tx, second.body.id))?.facts as { input: { firstLetter?: unknown; agency?: { name: string } } },
    }));
    const reference = groupReference(creditorReference(facts.first.input.reference));
    expect(facts.first.input.firstLetter).toBeUndefined();
    expect(facts.second.input).toMatchObject({
      firstLetter: { reference, date: '2026-11-23' },
      agency: { name: 'Recouvrement Rhône SAS' },
    });
    // Archived with its agency and its recall, it renders again to the same bytes.
    const verified = await inTenant(setup.api.db.app, { tenantId: setup.tenantId }, (tx) => verifyDocument(tx, second.body.id));
    expect(verified?.identical).toBe(true);
    if (!havePoppler) return;
    const firstText = await letterText(first.body.id);
    expect(firstText).toContain('Recouvrement Rhône SAS');
    expect(firstText).not.toContain('Notre premier courrier');
    const secondText = await letterText(second.body.id);
    expect(secondText).toContain('Notre premier courrier');
    expect(secondText).toContain(reference);
  });
});
