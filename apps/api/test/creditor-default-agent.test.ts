/**
 * Who follows a creditor's new cases (PUT /api/recovery/creditors/{id}/default-agent):
 * a team gives each client to one person. The cases the planner or a campaign opens
 * for that creditor from then on are born assigned to them; the cases already open
 * keep theirs. A default agent who is disabled is skipped (the case opens
 * unassigned), and one made a viewer or removed from the team is taken off the
 * creditor and off the cases they follow, each case's journal saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LettersSetup, RATES_2026_H2, inviteMember, startLettersApi } from './letters-setup.js';

let setup: LettersSetup;
let call: LettersSetup['call'];
const defaultAgent = (creditorId: string) => `/api/recovery/creditors/${creditorId}/default-agent`;

const invite = (email: string, displayName: string, role: 'agent' | 'viewer') => inviteMember(call, email, displayName, role);

/** A new debtor with one overdue invoice of the setup's creditor; the planner then opens its case. */
async function newCase(name: string, siren: string, number: string): Promise<{ debtorId: string }> {
  const debtor = await call('POST', '/api/debtors', { kind: 'business', name, siren });
  expect(debtor.status).toBe(201);
  const invoice = await call('POST', '/api/invoices', {
    creditorId: setup.creditorId,
    debtorId: debtor.body.id,
    number,
    issueDate: '2026-09-01',
    dueDate: '2026-10-01',
    amountInclTax: '300.00',
  });
  expect(invoice.status).toBe(201);
  return { debtorId: debtor.body.id };
}

async function assigneeOfDebtor(debtorId: string): Promise<string | null> {
  const cases = (await call('GET', `/api/recovery/cases?debtorId=${debtorId}`)).body;
  expect(cases).toHaveLength(1);
  return cases[0].assignee?.name ?? null;
}

beforeAll(async () => {
  setup = await startLettersApi();
  call = setup.call;
  expect((await call('PUT', '/api/legal/rates/2026-H2', RATES_2026_H2)).status).toBe(200);
});
afterAll(async () => {
  await setup?.api.close();
});

describe('the default agent of a creditor', () => {
  let julie = '';

  it('is one of the members who may act on cases; anyone else is refused by the field, and nothing changes', async () => {
    julie = await invite('julie.martin@lettres.test', 'Julie Martin', 'agent');
    const viewer = await invite('lecteur@lettres.test', 'Lecteur', 'viewer');
    const other = await setup.api.createTenantWithOwner('Autre SAS', 'owner@autre.test');
    expect((await call('GET', '/api/recovery/default-agents')).body).toEqual([
      { creditorId: setup.creditorId, assigneeId: null, assigneeName: null },
    ]);
    for (const id of [viewer, other.userId, '6f1d7c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f']) {
      const refused = await call('PUT', defaultAgent(setup.creditorId), { assigneeId: id });
      expect(refused.status).toBe(400);
      expect(refused.body.issues).toEqual([
        {
          field: 'assigneeId',
          code: 'not_an_agent',
          message: `« assigneeId » : « ${id} » n’est pas un membre actif de l’équipe pouvant suivre un dossier (propriétaire, responsable ou agent)`,
        },
      ]);
    }
    expect((await call('PUT', defaultAgent(setup.creditorId), { assigneeId: 'julie' })).status).toBe(400);
    expect((await call('PUT', defaultAgent('6f1d7c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f'), { assigneeId: julie })).status).toBe(404);
    expect((await call('GET', '/api/recovery/default-agents')).body[0].assigneeId).toBeNull();
  });

  it('gets the cases opened for the creditor from then on, while the open ones keep theirs', async () => {
    const set = await call('PUT', defaultAgent(setup.creditorId), { assigneeId: julie });
    expect(set).toMatchObject({ status: 200, body: { creditorId: setup.creditorId, assigneeId: julie, assigneeName: 'Julie Martin' } });
    expect((await call('GET', '/api/recovery/default-agents')).body).toEqual([set.body]);
    const logged = await setup.api.db.admin.query(
      "SELECT actor_label, details FROM amiable.activity WHERE action = 'creditor.default-agent-set' AND subject_id = $1",
      [setup.creditorId],
    );
    expect(logged.rows).toEqual([
      { actor_label: 'owner', details: { name: 'Atelier Durand SARL', assigneeId: julie, assigneeName: 'Julie Martin' } },
    ]);

    const garage = await newCase('Garage Petit SARL', '443061841', 'F-2026-0201');
    expect((await call('POST', '/api/recovery/plan')).status).toBe(200);
    expect(await assigneeOfDebtor(garage.debtorId)).toBe('Julie Martin');
    expect(await assigneeOfDebtor(setup.debtorId)).toBeNull();
    // The agent's worklist has the new case's first action.
    const mine = (await call('GET', `/api/recovery/dispatches?assignee=${julie}&limit=500`)).body;
    expect(mine.map((d: { debtor: { name: string } }) => d.debtor.name)).toContain('Garage Petit SARL');
  });

  it('also gets the cases a campaign opens', async () => {
    const cafe = await newCase('Café du Port SAS', '542051180', 'F-2026-0301');
    const contact = { name: 'Comptabilité', email: 'compta@cafe-du-port.example', isPrimary: true };
    expect((await call('POST', `/api/debtors/${cafe.debtorId}/contacts`, contact)).status).toBe(201);
    const created = await call('POST', '/api/recovery/campaigns', {
      name: 'Nouvel IBAN',
      channel: 'email',
      templates: { fr: { subject: 'IBAN de {{creditorName}}', body: 'Bonjour {{debtorName}}' }, en: { subject: 'IBAN', body: 'Hello' } },
      filter: {},
    });
    expect(created.status).toBe(201);
    const launched = await call('POST', `/api/recovery/campaigns/${created.body.id}/launch`);
    expect(launched).toMatchObject({ status: 200, body: { status: 'sending' } });
    expect(await assigneeOfDebtor(cafe.debtorId)).toBe('Julie Martin');
  });

  it('is skipped while their account is disabled: the new case opens unassigned', async () => {
    await setup.api.db.admin.query('UPDATE amiable.app_user SET disabled_at = now() WHERE id = $1', [julie]);
    const bakery = await newCase('Boulangerie Leroy SARL', '356000000', 'F-2026-0401');
    expect((await call('POST', '/api/recovery/plan')).status).toBe(200);
    expect(await assigneeOfDebtor(bakery.debtorId)).toBeNull();
    await setup.api.db.admin.query('UPDATE amiable.app_user SET disabled_at = NULL WHERE id = $1', [julie]);
  });

  it('made a viewer, is taken off the creditor and off every case they follow, each journal saying why', async () => {
    const before = (await call('GET', `/api/recovery/cases?assignee=${julie}`)).body;
    expect(before.length).toBe(2);
    const demoted = await call('PATCH', `/api/users/${julie}`, { role: 'viewer' });
    expect(demoted.status).toBe(200);
    expect((await call('GET', `/api/recovery/cases?assignee=${julie}`)).body).toEqual([]);
    expect((await call('GET', '/api/recovery/default-agents')).body[0]).toMatchObject({ assigneeId: null, assigneeName: null });
    for (const c of before as { debtor: { id: string } }[]) {
      const journal = await call('GET', `/api/debtors/${c.debtor.id}/activity?limit=100`);
      expect(journal.body.items.map((i: { summary: string }) => i.summary)).toContain(
        'Dossier sans chargé de relance : son chargé est passé en lecture seule',
      );
    }
    // Made an agent again, they get nothing back by themselves: a manager gives the cases out again.
    expect((await call('PATCH', `/api/users/${julie}`, { role: 'agent' })).status).toBe(200);
    expect((await call('GET', `/api/recovery/cases?assignee=${julie}`)).body).toEqual([]);
  });

  it('removed from the team, leaves the creditor and their cases unassigned, each journal saying why', async () => {
    expect((await call('PUT', defaultAgent(setup.creditorId), { assigneeId: julie })).status).toBe(200);
    expect((await call('PUT', `/api/recovery/cases/${setup.caseId}/assignee`, { assigneeId: julie })).status).toBe(204);
    expect((await call('DELETE', `/api/users/${julie}`)).status).toBe(204);
    expect((await call('GET', `/api/recovery/cases/${setup.caseId}`)).body.assignee).toBeNull();
    expect((await call('GET', '/api/recovery/default-agents')).body[0]).toMatchObject({ assigneeId: null });
    const journal = await call('GET', `/api/debtors/${setup.debtorId}/activity?limit=100`);
    expect(journal.body.items.map((i: { summary: string }) => i.summary)).toContain(
      'Dossier sans chargé de relance : son chargé a quitté l’équipe',
    );
  });
});
