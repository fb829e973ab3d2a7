/**
 * The agent in charge of a case (PUT /api/recovery/cases/{id}/assignee): a manager
 * gives the case to a member who may act on cases; the case shows them, the
 * debtor's journal says so in the reader's language, and the letters produced
 * from then on name them as the person to contact (the e-mails' Reply-To is
 * checked by the worker's letter-dispatch test). A viewer, a member of another
 * tenant or an unknown id is refused with the field named, and nothing changes.
 * A manager also gives many cases at once (PUT /api/recovery/cases/assignee): all
 * or nothing, an unknown case named by its place in the request.
 */
import { documentContent, inTenant } from '@amiable/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LettersSetup, RATES_2026_H2, inviteMember, startLettersApi } from './letters-setup.js';
import { havePoppler, pdfText } from './pdf-text.js';

let setup: LettersSetup;
let call: LettersSetup['call'];
const assignee = () => `/api/recovery/cases/${setup.caseId}/assignee`;

const invite = (email: string, displayName: string, role: 'agent' | 'viewer') => inviteMember(call, email, displayName, role);

let lastLetterId = '';
async function letterContact(): Promise<{ name: string; email?: string }> {
  const produced = await call('POST', `/api/recovery/cases/${setup.caseId}/letters`, { type: 'reminder' });
  expect(produced.status).toBe(201);
  lastLetterId = produced.body.id;
  const content = await inTenant(setup.api.db.app, { tenantId: setup.tenantId }, (tx) => documentContent(tx, produced.body.id));
  if (!content) throw new Error('document not archived');
  return (content.facts as { input: { contact: { name: string; email?: string } } }).input.contact;
}

beforeAll(async () => {
  setup = await startLettersApi();
  call = setup.call;
  // Letters state penalties at today's date (2026-11-23): the half-year's rates are needed.
  expect((await call('PUT', '/api/legal/rates/2026-H2', RATES_2026_H2)).status).toBe(200);
});
afterAll(async () => {
  await setup?.api.close();
});

describe('the agent in charge of a case', () => {
  it('is chosen among the members who may act on cases, shown on the case, logged, and named in letters', async () => {
    const julie = await invite('julie.martin@lettres.test', 'Julie Martin', 'agent');
    const viewer = await invite('lecteur@lettres.test', 'Lecteur', 'viewer');
    const before = await letterContact();

    const agents = await call('GET', '/api/recovery/agents');
    expect(agents.status).toBe(200);
    expect(agents.body.map((a: { name: string; role: string }) => [a.name, a.role])).toEqual([
      ['Julie Martin', 'agent'],
      ['owner', 'owner'],
    ]);
    expect(agents.body.map((a: { id: string }) => a.id)).not.toContain(viewer);

    expect((await call('PUT', assignee(), { assigneeId: julie })).status).toBe(204);
    const shown = await call('GET', `/api/recovery/cases/${setup.caseId}`);
    expect(shown.body.assignee).toEqual({ id: julie, name: 'Julie Martin' });
    const listed = await call('GET', '/api/recovery/cases');
    expect(listed.body.find((c: { id: string }) => c.id === setup.caseId).assignee).toEqual({ id: julie, name: 'Julie Martin' });
    // The list filters by agent, or by cases nobody is in charge of.
    const ids = async (query: string) => (await call('GET', `/api/recovery/cases?${query}`)).body.map((c: { id: string }) => c.id);
    expect(await ids(`assignee=${julie}`)).toEqual([setup.caseId]);
    expect(await ids('assignee=none')).toEqual([]);
    expect(await ids(`assignee=${viewer}`)).toEqual([]);
    const bad = await call('GET', '/api/recovery/cases?assignee=julie');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('assignee');

    expect(await letterContact()).toMatchObject({ name: 'Julie Martin', email: 'julie.martin@lettres.test' });
    // A disabled account (someone who left; their mailbox may be closed) is no longer named: the creditor's
    // contact is, until a manager gives the case to someone else.
    await setup.api.db.admin.query('UPDATE amiable.app_user SET disabled_at = now() WHERE id = $1', [julie]);
    expect(await letterContact()).toEqual(before);
    await setup.api.db.admin.query('UPDATE amiable.app_user SET disabled_at = NULL WHERE id = $1', [julie]);
    expect(await letterContact()).toMatchObject({ name: 'Julie Martin' });
    if (havePoppler) {
      const text = pdfText((await call('GET', `/api/documents/${lastLetterId}/content`)).raw);
      expect(text).toContain('Votre interlocuteur, Julie Martin, se tient à votre disposition');
      expect(text).toContain('julie.martin@lettres.test');
    }

    const journal = await call('GET', `/api/debtors/${setup.debtorId}/activity?limit=100`);
    expect(journal.body.items.map((i: { summary: string }) => i.summary)).toContain('Dossier confié à Julie Martin');
    const journalEn = await call('GET', `/api/debtors/${setup.debtorId}/activity?limit=100`, undefined, { 'accept-language': 'en' });
    expect(journalEn.body.items.map((i: { summary: string }) => i.summary)).toContain('Case assigned to Julie Martin');

    // Taken back: the letters name the creditor's contact again.
    expect((await call('PUT', assignee(), { assigneeId: null })).status).toBe(204);
    expect((await call('GET', `/api/recovery/cases/${setup.caseId}`)).body.assignee).toBeNull();
    expect((await call('GET', '/api/recovery/cases?assignee=none')).body.map((c: { id: string }) => c.id)).toEqual([setup.caseId]);
    expect(await letterContact()).toEqual(before);
  });

  it('refuses a viewer, another tenant’s member or an unknown id, naming the field, and changes nothing', async () => {
    const viewer = (await call('GET', '/api/users')).body.items.find((m: { email: string }) => m.email === 'lecteur@lettres.test').userId;
    const other = await setup.api.createTenantWithOwner('Autre SAS', 'owner@autre.test');
    for (const id of [viewer, other.userId, '6f1d7c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f']) {
      const refused = await call('PUT', assignee(), { assigneeId: id });
      expect(refused.status).toBe(400);
      expect(refused.body.issues).toEqual([
        {
          field: 'assigneeId',
          code: 'not_an_agent',
          message: `« assigneeId » : « ${id} » n’est pas un membre actif de l’équipe pouvant suivre un dossier (propriétaire, responsable ou agent)`,
        },
      ]);
    }
    const malformed = await call('PUT', assignee(), { assigneeId: 'julie' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('assigneeId');
    expect((await call('GET', `/api/recovery/cases/${setup.caseId}`)).body.assignee).toBeNull();
    expect((await call('PUT', '/api/recovery/cases/6f1d7c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f/assignee', { assigneeId: null })).status).toBe(404);
  });

  it('gives many cases to one member at once, all or nothing, and takes them back', async () => {
    const debtor = await call('POST', '/api/debtors', { kind: 'business', name: 'Garage Petit SARL', siren: '443061841' });
    expect(debtor.status).toBe(201);
    const invoice = await call('POST', '/api/invoices', {
      creditorId: setup.creditorId,
      debtorId: debtor.body.id,
      number: 'F-2026-0201',
      issueDate: '2026-09-01',
      dueDate: '2026-10-01',
      amountInclTax: '300.00',
    });
    expect(invoice.status).toBe(201);
    expect((await call('POST', '/api/recovery/plan')).status).toBe(200);
    const caseIds: string[] = (await call('GET', '/api/recovery/cases')).body.map((c: { id: string }) => c.id);
    expect(caseIds).toHaveLength(2);
    const julie = (await call('GET', '/api/recovery/agents')).body.find((a: { name: string }) => a.name === 'Julie Martin').id;
    const assignees = async () =>
      (await call('GET', '/api/recovery/cases')).body.map((c: { assignee: { name: string } | null }) => c.assignee?.name ?? null);

    // One unknown case refuses the whole request (another tenant's: tenant-isolation.test.ts).
    const foreign = '6f1d7c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f';
    const refused = await call('PUT', '/api/recovery/cases/assignee', { caseIds: [caseIds[0], foreign], assigneeId: julie });
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([
      { field: 'caseIds[1]', code: 'unknown_case', message: `« caseIds[1] » : aucun dossier « ${foreign} » dans cet espace` },
    ]);
    expect(await assignees()).toEqual([null, null]);
    const tooMany = await call('PUT', '/api/recovery/cases/assignee', { caseIds: Array(501).fill(caseIds[0]), assigneeId: julie });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('caseIds');

    const given = await call('PUT', '/api/recovery/cases/assignee', { caseIds, assigneeId: julie });
    expect(given).toMatchObject({ status: 200, body: { changed: 2 } });
    expect(await assignees()).toEqual(['Julie Martin', 'Julie Martin']);
    // The actions of those cases show who follows them, and narrow to a member's cases or to nobody's.
    const actions = async (query: string) =>
      (await call('GET', `/api/recovery/dispatches?${query}`)).body.map((d: { caseId: string; assignee: { name: string } | null }) => [
        d.caseId,
        d.assignee?.name ?? null,
      ]);
    const everyAction = await actions('limit=500');
    expect(everyAction.length).toBeGreaterThan(0);
    expect(everyAction.every(([, name]: [string, string | null]) => name === 'Julie Martin')).toBe(true);
    expect(await actions(`assignee=${julie}&limit=500`)).toEqual(everyAction);
    expect(await actions('assignee=none')).toEqual([]);
    // Again: nothing changes, and the journal gets no second line.
    expect((await call('PUT', '/api/recovery/cases/assignee', { caseIds, assigneeId: julie })).body).toEqual({ changed: 0 });
    const journal = await call('GET', `/api/debtors/${debtor.body.id}/activity?limit=100`);
    expect(journal.body.items.map((i: { summary: string }) => i.summary).filter((s: string) => s.startsWith('Dossier confié'))).toEqual([
      'Dossier confié à Julie Martin',
    ]);

    expect((await call('PUT', '/api/recovery/cases/assignee', { caseIds, assigneeId: null })).body).toEqual({ changed: 2 });
    expect(await assignees()).toEqual([null, null]);
    expect(await actions(`assignee=${julie}`)).toEqual([]);
    expect((await actions('assignee=none&limit=500')).length).toBe(everyAction.length);
  });
});
