/**
 * Bulk campaigns through the API, on the harness's fake clock: a draft, its preview
 * (who, which day under the rules of contact, rendered samples), the launch writing
 * one message per case with its job due at the start of the sending window of its
 * day, a second launch changing nothing, cancellation, the roles, bad bodies named
 * field by field in the caller's language, and another tenant seeing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './harness.js';

let api: TestApi;
let cookie: string;
const origin = 'http://localhost:3000';

async function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const response = await api.app.inject({
    method,
    url,
    headers: { cookie, origin, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

/** Moves the fake clock, and signs in again: the session would have expired meanwhile. */
async function at(instant: string) {
  api.clock.set(instant);
  cookie = await api.login('owner@campagnes.test');
}

let creditorId: string;
const debtors: Record<string, string> = {};

async function debtor(name: string, email: string | null, dueDates: string[], tags: string[] = []): Promise<string> {
  const created = await call('POST', '/api/debtors', { kind: 'business', name, tags });
  expect(created.status).toBe(201);
  if (email)
    expect((await call('POST', `/api/debtors/${created.body.id}/contacts`, { name: 'Comptabilité', email, isPrimary: true })).status).toBe(
      201,
    );
  for (const [i, dueDate] of dueDates.entries()) {
    const invoice = await call('POST', '/api/invoices', {
      creditorId,
      debtorId: created.body.id,
      number: `${name.slice(0, 3).toUpperCase()}-${i + 1}`,
      issueDate: '2026-09-01',
      dueDate,
      amountInclTax: '1000.00',
    });
    expect(invoice.status).toBe(201);
  }
  debtors[name] = created.body.id;
  return created.body.id;
}

const TEMPLATES = {
  fr: {
    subject: 'Nouvelles coordonnées bancaires de {{creditorName}}',
    body: 'Bonjour {{debtorName}},\n{{invoiceList}}\nTotal : {{totalDue}}',
  },
  en: { subject: 'New bank details of {{creditorName}}', body: 'Hello {{debtorName}},\n{{invoiceList}}\nTotal: {{totalDue}}' },
};
const campaign = (name: string, filter: Record<string, unknown> = {}) => ({ name, channel: 'email', templates: TEMPLATES, filter });

beforeAll(async () => {
  api = await startTestApi();
  await api.createTenantWithOwner('Campagnes SAS', 'owner@campagnes.test');
  cookie = await api.login('owner@campagnes.test');
  creditorId = (await call('POST', '/api/creditors', { legalName: 'Ateliers Durand SAS', siren: '732829320' })).body.id;
  // Monday 23 November 2026: the planner sends Café du Port its first reminder today (due 20th, reminder at +3).
  await debtor('Café du Port', 'cafe@port.example', ['2026-11-20']);
  expect((await call('POST', '/api/recovery/plan')).body).toMatchObject({ created: 1 });
  await debtor('Boulangerie Lefèvre', 'compta@lefevre.example', ['2026-10-01', '2026-11-02'], ['boulangerie']);
  await debtor('Garage Martin', 'garage@martin.example', ['2026-11-15'], ['garage']);
  await debtor('Sans Adresse SARL', null, ['2026-10-10']);
  await debtor('Pas Encore Dû', 'pasdu@example.fr', ['2026-12-31']);
  // Tuesday 24, 10:00 in Paris: the sending window (09:00–18:00) is open.
  await at('2026-11-24T10:00:00+01:00');
});
afterAll(async () => {
  await api.close();
});

describe('a campaign', () => {
  let id: string;

  it('is previewed with each case’s day under the rules of contact and its messages rendered, writing nothing', async () => {
    const preview = await call('POST', '/api/recovery/campaigns/preview', { channel: 'email', templates: TEMPLATES, filter: {} });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ firstDay: '2026-11-24', cases: 3, debtors: 3, unschedulable: 0 });
    expect(preview.body.noRecipient).toEqual({ count: 1, debtors: [{ id: debtors['Sans Adresse SARL'], name: 'Sans Adresse SARL' }] });
    // Contacted yesterday with 3 days between contacts: Thursday 26; the others today. Not yet due: left out.
    expect(Object.fromEntries(preview.body.items.map((i: { debtor: { name: string }; date: string }) => [i.debtor.name, i.date]))).toEqual({
      'Boulangerie Lefèvre': '2026-11-24',
      'Café du Port': '2026-11-26',
      'Garage Martin': '2026-11-24',
    });
    expect(preview.body.days).toEqual([
      { date: '2026-11-24', cases: 2 },
      { date: '2026-11-26', cases: 1 },
    ]);
    expect(preview.body.outstanding).toEqual([{ currency: 'EUR', amount: '4000.00' }]);
    expect(preview.body.samples[0]).toMatchObject({
      debtorName: 'Boulangerie Lefèvre',
      recipient: 'compta@lefevre.example',
      subject: 'Nouvelles coordonnées bancaires de Ateliers Durand SAS',
    });
    expect(preview.body.samples[0].body).toContain('Facture BOU-1 du 01/09/2026, échue le 01/10/2026 : 1\u202f000,00\u00a0€');
    expect(preview.body.samples[0].body).toContain('Total : 2\u202f000,00\u00a0€');
    // The filter: a tag, a minimum outstanding, days overdue.
    const tagged = await call('POST', '/api/recovery/campaigns/preview', {
      channel: 'email',
      templates: TEMPLATES,
      filter: { tags: ['Garage'] },
    });
    expect(tagged.body.items.map((i: { debtor: { name: string } }) => i.debtor.name)).toEqual(['Garage Martin']);
    const big = await call('POST', '/api/recovery/campaigns/preview', {
      channel: 'email',
      templates: TEMPLATES,
      filter: { minOutstanding: '1500' },
    });
    expect(big.body.items.map((i: { debtor: { name: string } }) => i.debtor.name)).toEqual(['Boulangerie Lefèvre']);
    const old = await call('POST', '/api/recovery/campaigns/preview', {
      channel: 'email',
      templates: TEMPLATES,
      filter: { minDaysOverdue: 30 },
    });
    expect(old.body.items.map((i: { debtor: { name: string } }) => i.debtor.name)).toEqual(['Boulangerie Lefèvre']);
    const all = await call('POST', '/api/recovery/campaigns/preview', {
      channel: 'email',
      templates: TEMPLATES,
      filter: { overdueOnly: false, search: 'pas encore' },
    });
    expect(all.body.items.map((i: { debtor: { name: string } }) => i.debtor.name)).toEqual(['Pas Encore Dû']);
    expect((await call('GET', '/api/recovery/campaigns')).body).toEqual([]);
  });

  it('moves past weekends and public holidays, and past the end of today’s window', async () => {
    const preview = () =>
      call('POST', '/api/recovery/campaigns/preview', { channel: 'email', templates: TEMPLATES, filter: { tags: ['garage'] } });
    await at('2026-11-27T19:00:00+01:00'); // Friday after 18:00 → Monday 30
    expect((await preview()).body).toMatchObject({ firstDay: '2026-11-28', items: [{ date: '2026-11-30' }] });
    await at('2026-11-24T17:59:00+01:00');
    expect((await preview()).body).toMatchObject({ firstDay: '2026-11-24', items: [{ date: '2026-11-24' }] });
    await at('2026-12-24T18:30:00+01:00'); // Christmas Eve after the window: 25 is a holiday, then the weekend
    expect((await preview()).body).toMatchObject({ firstDay: '2026-12-25', items: [{ date: '2026-12-28' }] });
    await at('2026-11-24T10:00:00+01:00');
  });

  it('is created as a draft, then launched: one message per case, each job due at the start of its day’s window', async () => {
    const created = await call('POST', '/api/recovery/campaigns', campaign('Changement de RIB'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', createdBy: 'owner', progress: { total: 0 }, filter: { overdueOnly: true } });
    id = created.body.id;
    const launched = await call('POST', `/api/recovery/campaigns/${id}/launch`);
    expect(launched.status).toBe(200);
    expect(launched.body).toMatchObject({
      status: 'sending',
      launchedBy: 'owner',
      excluded: { noRecipient: 1, unschedulable: 0 },
      progress: { total: 3, planned: 3, nextDate: '2026-11-24' },
    });
    const messages = (await call('GET', `/api/recovery/dispatches?campaignId=${id}`)).body;
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatchObject({
      scenarioId: null,
      campaign: { id, name: 'Changement de RIB' },
      stepId: 'campaign',
      channel: 'email',
    });
    const jobs = await api.db.admin.query<{ key: string; run_at: Date }>(
      "SELECT key, run_at FROM graphile_worker.jobs WHERE task_identifier = 'recovery-dispatch'",
    );
    const runAt = (debtorName: string) => {
      const dispatch = messages.find((m: { debtor: { name: string } }) => m.debtor.name === debtorName);
      return jobs.rows.find((j) => j.key.endsWith(`dispatch:${dispatch.id}`))?.run_at.toISOString();
    };
    expect(runAt('Boulangerie Lefèvre')).toBe('2026-11-24T09:00:00.000Z'); // launched at 10:00 Paris, inside the window
    expect(runAt('Café du Port')).toBe('2026-11-26T08:00:00.000Z'); // 09:00 in Paris on Thursday
    // The campaign's message is a contact: the planner plans no other contact with the bakery today.
    await call('POST', '/api/recovery/plan');
    const bakery = (await call('GET', `/api/recovery/cases?debtorId=${debtors['Boulangerie Lefèvre']}`)).body[0];
    const detail = (await call('GET', `/api/recovery/cases/${bakery.id}`)).body;
    expect(detail.dispatches.filter((d: { channel: string }) => d.channel !== 'task').map((d: { stepId: string }) => d.stepId)).toEqual([
      'campaign',
    ]);
    expect(detail.transitions[0]).toMatchObject({ toState: 'in-progress', reason: 'campaign "Changement de RIB" planned' });
  });

  it('cannot be launched or changed twice, even by two launches at once', async () => {
    const again = await call('POST', `/api/recovery/campaigns/${id}/launch`);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CAMPAIGN_NOT_DRAFT', message: expect.stringContaining('déjà été lancée') });
    expect((await call('PUT', `/api/recovery/campaigns/${id}`, campaign('Autre nom'))).body.code).toBe('CAMPAIGN_NOT_DRAFT');
    expect((await call('GET', `/api/recovery/dispatches?campaignId=${id}`)).body).toHaveLength(3);

    const second = (await call('POST', '/api/recovery/campaigns', campaign('Garages', { tags: ['garage'] }))).body.id;
    const both = await Promise.all([
      call('POST', `/api/recovery/campaigns/${second}/launch`),
      call('POST', `/api/recovery/campaigns/${second}/launch`),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const garage = (await call('GET', `/api/recovery/dispatches?campaignId=${second}`)).body;
    // Garage Martin gets the first campaign's message today: this one waits for the rules of contact.
    expect(garage.map((d: { occurrence: string }) => d.occurrence)).toEqual(['2026-11-27']);
  });

  it('is cancelled: its messages not handed to the worker are not sent', async () => {
    const cancelled = await call('POST', `/api/recovery/campaigns/${id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', progress: { total: 3, planned: 0, cancelled: 3 } });
    expect((await call('POST', `/api/recovery/campaigns/${id}/cancel`)).status).toBe(200);
    const list = (await call('GET', '/api/recovery/campaigns')).body;
    expect(list.map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
      ['Garages', 'sending'],
      ['Changement de RIB', 'cancelled'],
    ]);
  });

  it('shows campaign messages in the review queue and the case timeline', async () => {
    const [message] = (
      await call('GET', `/api/recovery/dispatches?campaignId=${(await call('GET', '/api/recovery/campaigns')).body[0].id}`)
    ).body;
    await api.db.admin.query("UPDATE amiable.dispatch SET status = 'uncertain', last_error = 'timeout' WHERE id = $1", [message.id]);
    const review = (await call('GET', '/api/recovery/dispatches?view=review')).body;
    expect(review.map((d: { id: string; campaign: { name: string } }) => [d.id, d.campaign.name])).toEqual([[message.id, 'Garages']]);
    expect((await call('POST', `/api/recovery/dispatches/${message.id}/review`, { resolution: 'cancel', note: 'Doublon' })).status).toBe(
      204,
    );
    expect((await call('GET', `/api/recovery/cases/${message.caseId}`)).status).toBe(200);
    for (const view of ['worklist', 'approvals']) expect((await call('GET', `/api/recovery/dispatches?view=${view}`)).status).toBe(200);
    // Nothing left to send: the campaign is done.
    expect((await call('GET', '/api/recovery/campaigns?status=done')).body.map((c: { name: string }) => c.name)).toEqual(['Garages']);
  });
});

describe('refusals', () => {
  it('names each bad field, in French by default and in English when asked', async () => {
    const body = { name: '', channel: 'fax', templates: { fr: { subject: 'x' } }, filter: { minOutstanding: 'beaucoup' }, foo: 1 };
    const fr = await call('POST', '/api/recovery/campaigns', body);
    expect(fr.status).toBe(400);
    const fields = fr.body.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'channel', 'templates.fr.body', 'filter.minOutstanding', 'foo']));
    expect(fr.body.message).toBe('Certaines données sont invalides.');
    const nameIssue = (b: { issues: { field: string; message: string }[] }) => b.issues.find((i) => i.field === 'name')?.message;
    expect(nameIssue(fr.body)).toContain('trop court');
    const en = await call('POST', '/api/recovery/campaigns', body, { 'accept-language': 'en' });
    expect(en.body.message).toBe('Some data is invalid.');
    expect(nameIssue(en.body)).toContain('too short');
    const placeholder = await call('POST', '/api/recovery/campaigns', {
      ...campaign('X'),
      templates: { fr: { subject: 'Relance {{numero}}', body: 'Bonjour' } },
    });
    expect(placeholder.body.issues).toEqual([expect.objectContaining({ field: 'templates.fr.subject', code: 'invalid_choice' })]);
    expect(placeholder.body.issues[0].message).toContain('{{numero}}');
    const none = await call('POST', '/api/recovery/campaigns/preview', { channel: 'email', templates: {}, filter: {} });
    expect(none.body.issues).toEqual([expect.objectContaining({ field: 'templates', code: 'required' })]);
  });

  it('refuses to launch an empty campaign, and lets only managers write', async () => {
    const empty = (await call('POST', '/api/recovery/campaigns', campaign('Personne', { search: 'introuvable' }))).body.id;
    const launched = await call('POST', `/api/recovery/campaigns/${empty}/launch`);
    expect(launched).toMatchObject({ status: 422, body: { code: 'CAMPAIGN_EMPTY' } });
    expect((await call('GET', `/api/recovery/campaigns/${empty}`)).body.status).toBe('draft');

    const key = (await call('POST', '/api/api-keys', { name: 'Agent', role: 'agent' })).body.secret;
    const asAgent = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      api.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload ? { payload: payload as object } : {}) });
    expect((await asAgent('GET', '/api/recovery/campaigns')).statusCode).toBe(200);
    expect((await asAgent('GET', `/api/recovery/campaigns/${empty}/preview`)).statusCode).toBe(200);
    expect((await asAgent('POST', `/api/recovery/campaigns/${empty}/launch`)).statusCode).toBe(403);
    expect((await asAgent('POST', `/api/recovery/campaigns/${empty}/cancel`)).statusCode).toBe(403);
    expect((await asAgent('POST', '/api/recovery/campaigns', campaign('Agent'))).statusCode).toBe(403);
  });

  it('keeps campaigns to their tenant', async () => {
    const mine = (await call('GET', '/api/recovery/campaigns')).body[0].id;
    await api.createTenantWithOwner('Autre SAS', 'owner@autre.test');
    const other = await api.login('owner@autre.test');
    const as = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
      api.app.inject({ method, url, headers: { cookie: other, origin }, ...(payload ? { payload: payload as object } : {}) });
    expect((await as('GET', '/api/recovery/campaigns')).json()).toEqual([]);
    for (const url of [`/api/recovery/campaigns/${mine}`, `/api/recovery/campaigns/${mine}/preview`])
      expect((await as('GET', url)).statusCode).toBe(404);
    for (const url of [`/api/recovery/campaigns/${mine}/launch`, `/api/recovery/campaigns/${mine}/cancel`])
      expect((await as('POST', url)).statusCode).toBe(404);
    const foreignCreditor = await as('POST', '/api/recovery/campaigns', campaign('Pirate', { creditorId }));
    expect(foreignCreditor.statusCode).toBe(400);
    expect(foreignCreditor.json().issues.map((i: { field: string }) => i.field)).toEqual(['filter.creditorId']);
    expect((await as('GET', `/api/recovery/dispatches?campaignId=${mine}`)).json()).toEqual([]);
  });
});
