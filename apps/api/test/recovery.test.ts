/**
 * Recovery through the API, on the harness's fake clock (Monday 23 November 2026):
 * default scenarios, preview without writing, the planner on demand, cases and
 * their timeline, the agents' worklist with call outcomes (a promise pauses the
 * case), approvals of formal notices, the review queue, scenario editing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './harness.js';

let api: TestApi;
let cookie: string;
const origin = 'http://localhost:3000';

async function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const response = await api.app.inject({
    method,
    url,
    headers: { cookie, origin },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}

let creditorId: string;
async function debtorWith(name: string, dueDates: string[]): Promise<string> {
  const debtor = await call('POST', '/api/debtors', {
    kind: 'business',
    name,
    email: `compta@${name.toLowerCase().replace(/\W/g, '')}.example`,
  });
  expect(debtor.status).toBe(201);
  for (const [i, dueDate] of dueDates.entries()) {
    const invoice = await call('POST', '/api/invoices', {
      creditorId,
      debtorId: debtor.body.id,
      number: `${name.slice(0, 3).toUpperCase()}-${i + 1}`,
      issueDate: '2026-09-01',
      dueDate,
      amountInclTax: '1000.00',
    });
    expect(invoice.status).toBe(201);
  }
  return debtor.body.id;
}

beforeAll(async () => {
  api = await startTestApi();
  await api.createTenantWithOwner('Relances SAS', 'owner@relances.test');
  cookie = await api.login('owner@relances.test');
  creditorId = (await call('POST', '/api/creditors', { legalName: 'Ateliers Durand SAS', siren: '732829320' })).body.id;
});
afterAll(async () => {
  await api.close();
});

describe('recovery', () => {
  let reminderDebtor: string;
  let callDebtor: string;
  let noticeDebtor: string;

  it('ships three French scenarios, the professionals one by default', async () => {
    const scenarios = await call('GET', '/api/recovery/scenarios');
    expect(scenarios.body.map((s: { name: string; isDefault: boolean }) => [s.name, s.isDefault])).toEqual([
      ['Professionnels', true],
      ['Consommateurs', false],
      ['Grands comptes', false],
    ]);
    expect(scenarios.body[0].steps.find((s: { id: string }) => s.id === 'formal-notice')).toMatchObject({
      channel: 'registered-letter',
      requiresApproval: true,
    });
  });

  it('previews the coming actions without writing anything, then plans today’s', async () => {
    reminderDebtor = await debtorWith('Boulangerie Lefevre', ['2026-11-20']); // reminder-1 at +3 = today
    callDebtor = await debtorWith('Cafe du Port', ['2026-11-01']); // call at +22 = today
    noticeDebtor = await debtorWith('Garage Martin', ['2026-10-19']); // formal notice at +35 = today

    const preview = await call('GET', '/api/recovery/preview?days=10');
    expect(preview.status).toBe(200);
    const today = preview.body.actions
      .filter((a: { date: string }) => a.date === '2026-11-23')
      .map((a: { stepId: string; channel: string }) => `${a.stepId} ${a.channel}`);
    expect(today.sort()).toEqual(['call call', 'formal-notice registered-letter', 'reminder-1 email']);
    expect((await call('GET', '/api/recovery/cases')).body).toEqual([]); // nothing was written

    const plan = await call('POST', '/api/recovery/plan');
    expect(plan.body).toMatchObject({ date: '2026-11-23', cases: 3, planned: 3, created: 3 });
    expect((await call('POST', '/api/recovery/plan')).body).toMatchObject({ created: 0 });
    const cases = await call('GET', '/api/recovery/cases');
    expect(cases.body.map((c: { state: string }) => c.state)).toEqual(['in-progress', 'in-progress', 'in-progress']);
  });

  it('puts the call on the worklist; a promise to pay logged from it pauses the case until that date', async () => {
    const worklist = await call('GET', '/api/recovery/dispatches?view=worklist');
    expect(worklist.body).toHaveLength(1);
    expect(worklist.body[0]).toMatchObject({
      channel: 'call',
      stepId: 'call',
      status: 'planned',
      debtor: { id: callDebtor },
      outstanding: '1000.00',
    });
    const missing = await call('POST', `/api/recovery/dispatches/${worklist.body[0].id}/outcome`, { outcome: 'promise' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('promiseUntil');
    const logged = await call('POST', `/api/recovery/dispatches/${worklist.body[0].id}/outcome`, {
      outcome: 'promise',
      promiseUntil: '2026-12-10',
      note: 'Virement annoncé',
    });
    expect(logged.status).toBe(204);
    expect((await call('GET', '/api/recovery/dispatches?view=worklist')).body).toEqual([]);
    const detail = await call('GET', `/api/recovery/cases/${worklist.body[0].caseId}`);
    expect(detail.body.state).toBe('promise-to-pay');
    expect(detail.body.promises).toEqual([expect.objectContaining({ until: '2026-12-10', status: 'open' })]);
    expect(detail.body.transitions.map((t: { toState: string }) => t.toState)).toEqual(['in-progress', 'promise-to-pay']);
    // Paused until 10 December inclusive: the next action is on or after the 11th.
    expect(detail.body.nextActions[0].date >= '2026-12-11').toBe(true);
    expect(detail.body.nextActions[0].stepId).toBe('formal-notice');
  });

  it('holds the formal notice for a manager’s approval', async () => {
    const approvals = await call('GET', '/api/recovery/dispatches?view=approvals');
    expect(approvals.body.map((d: { stepId: string; debtor: { id: string } }) => [d.stepId, d.debtor.id])).toEqual([
      ['formal-notice', noticeDebtor],
    ]);
    expect(
      (await call('POST', `/api/recovery/dispatches/${approvals.body[0].id}/approval`, { decision: 'approve', note: 'OK' })).status,
    ).toBe(204);
    expect((await call('GET', '/api/recovery/dispatches?view=approvals')).body).toEqual([]);
    const again = await call('POST', `/api/recovery/dispatches/${approvals.body[0].id}/approval`, { decision: 'approve' });
    expect(again.status).toBe(409);
  });

  it('lists uncertain actions for review and sends one again on request', async () => {
    const sent = (await call('GET', `/api/recovery/dispatches?channel=email`)).body[0];
    expect(sent.debtor.id).toBe(reminderDebtor);
    await api.db.admin.query("UPDATE amiable.dispatch SET status = 'uncertain', last_error = 'timeout' WHERE id = $1", [sent.id]);
    const review = await call('GET', '/api/recovery/dispatches?view=review');
    expect(review.body.map((d: { id: string; lastError: string }) => [d.id, d.lastError])).toEqual([[sent.id, 'timeout']]);
    expect(
      (
        await call('POST', `/api/recovery/dispatches/${sent.id}/review`, {
          resolution: 'send-again',
          note: 'Le serveur de mail ne l’a pas reçu',
        })
      ).status,
    ).toBe(204);
    const jobs = await api.db.admin.query(
      "SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'recovery-dispatch' AND key LIKE $1",
      [`%dispatch:${sent.id}`],
    );
    expect(jobs.rows[0].n).toBe(1);
    expect((await call('GET', '/api/recovery/dispatches?view=review')).body).toEqual([]);
  });

  it('keeps automatic recovery off until a manager switches it on', async () => {
    expect((await call('GET', '/api/recovery/contact-policy')).body).toMatchObject({
      automatic: false,
      maxContactsPerWeek: 2,
      noContactOn: ['saturday', 'sunday', 'holiday'],
    });
    const policy = {
      maxContactsPerWeek: 2,
      minDaysBetweenContacts: 4,
      noContactOn: ['sunday', 'holiday'],
      windowStart: '08:30',
      windowEnd: '17:00',
      automatic: true,
    };
    expect((await call('PUT', '/api/recovery/contact-policy', policy)).body).toEqual(policy);
    expect((await call('GET', '/api/recovery/contact-policy')).body).toEqual(policy);
    const bad = await call('PUT', '/api/recovery/contact-policy', { ...policy, windowEnd: '08:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].field).toBe('windowEnd');
  });

  it('edits a scenario, refusing unknown placeholders with the field named', async () => {
    const [pro] = (await call('GET', '/api/recovery/scenarios')).body;
    const bad = await call('PUT', `/api/recovery/scenarios/${pro.id}`, {
      name: pro.name,
      steps: [{ id: 'reminder-1', offsetDays: 3, channel: 'email', templates: { fr: { subject: 'Relance {{numero}}', body: 'Bonjour' } } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ field: 'steps[0].templates.fr.subject', code: 'invalid_choice' });
    const ok = await call('PUT', `/api/recovery/scenarios/${pro.id}`, {
      name: pro.name,
      steps: [
        ...pro.steps.map((s: Record<string, unknown>) => ({ ...s, minOutstanding: null })),
        { id: 'late-call', offsetDays: 90, channel: 'call', templates: { fr: { subject: 'Appel', body: 'Appeler {{debtorName}}' } } },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.steps.at(-1)).toMatchObject({ id: 'late-call', offsetDays: 90 });
  });

  it('moves a case to litigation with its reason, which cancels what was still planned', async () => {
    const cases = (await call('GET', '/api/recovery/cases')).body;
    const notice = cases.find((c: { debtor: { id: string } }) => c.debtor.id === noticeDebtor);
    expect(
      (
        await call('POST', `/api/recovery/cases/${notice.id}/transition`, {
          state: 'ready-for-litigation',
          reason: 'Aucune réponse à la mise en demeure',
        })
      ).status,
    ).toBe(204);
    const detail = (await call('GET', `/api/recovery/cases/${notice.id}`)).body;
    expect(detail.state).toBe('ready-for-litigation');
    expect(detail.dispatches.map((d: { status: string }) => d.status)).toEqual(['cancelled']);
    expect(detail.nextActions).toEqual([]);
    const closedWithoutReason = await call('POST', `/api/recovery/cases/${notice.id}/transition`, { state: 'closed', reason: 'fin' });
    expect(closedWithoutReason.status).toBe(409);
  });
});
