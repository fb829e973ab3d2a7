/**
 * A payment plan produced from a case (POST /api/recovery/cases/{id}/letters,
 * type payment-plan): the instalments the caller agreed go into the letter and
 * its archived facts; a plan with dates out of order or a total below the
 * principal due (3 650,50 € on the setup's case) is refused with the rows named,
 * in the caller's language, and nothing is stored.
 */
import { documentContent, inTenant, verifyDocument } from '@amiable/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { havePoppler, pdfText } from './pdf-text.js';
import { type LettersSetup, startLettersApi } from './letters-setup.js';

let setup: LettersSetup;
let call: LettersSetup['call'];
const letters = () => `/api/recovery/cases/${setup.caseId}/letters`;

beforeAll(async () => {
  setup = await startLettersApi();
  call = setup.call;
});
afterAll(async () => {
  await setup?.api.close();
});

// The setup's clock says 2026-11-23; the case's open invoices come to 3 650,50 €.
const PLAN = [
  { dueDate: '2026-12-15', amount: '1250.00' },
  { dueDate: '2027-01-15', amount: '1200.00' },
  { dueDate: '2027-02-15', amount: '1200.50' },
];

describe('payment plan from a case', () => {
  it('produces the plan as a PDF listing the instalments, archived with them', async () => {
    const produced = await call('POST', letters(), { type: 'payment-plan', installments: PLAN });
    expect(produced.status).toBe(201);
    expect(produced.body).toMatchObject({ letterType: 'payment-plan', kind: 'letter', delivery: 'to-print' });
    const archive = await inTenant(setup.api.db.app, { tenantId: setup.tenantId }, async (tx) => ({
      facts: (await documentContent(tx, produced.body.id))?.facts as { input: { installments: unknown } },
      verified: await verifyDocument(tx, produced.body.id),
    }));
    expect(archive.facts.input.installments).toEqual([
      { dueDate: '2026-12-15', amountCents: 125_000 },
      { dueDate: '2027-01-15', amountCents: 120_000 },
      { dueDate: '2027-02-15', amountCents: 120_050 },
    ]);
    expect(archive.verified?.identical).toBe(true);
    if (!havePoppler) return;
    const text = pdfText((await call('GET', `/api/documents/${produced.body.id}/content`)).raw);
    for (const date of ['15/12/2026', '15/01/2027', '15/02/2027']) expect(text).toContain(date);
    // Typst positions spaces rather than printing them: the text layer has plain spaces in amounts.
    expect(text).toMatch(/1 ?250,00 €/);
    expect(text).toMatch(/1 ?200,50 €/);
  });

  it('names the rows whose dates go backwards or precede the letter, in French', async () => {
    const before = (await call('GET', `/api/recovery/cases/${setup.caseId}/documents`)).body.length;
    const refused = await call('POST', letters(), {
      type: 'payment-plan',
      installments: [
        { dueDate: '2026-11-01', amount: '100.00' },
        { dueDate: '2027-01-15', amount: '1800.00' },
        { dueDate: '2027-01-10', amount: '1800.00' },
        { dueDate: '2027-02-15', amount: 'douze' },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.issues).toEqual([
      { field: 'installments[0].dueDate', code: 'before_letter_date', message: expect.stringContaining('date de la lettre') },
      { field: 'installments[2].dueDate', code: 'not_after_previous', message: expect.stringContaining('échéance précédente') },
      { field: 'installments[3].amount', code: 'invalid_amount', message: expect.any(String) },
    ]);
    expect((await call('GET', `/api/recovery/cases/${setup.caseId}/documents`)).body).toHaveLength(before);
  });

  it('refuses a plan whose total is below the principal due, in the caller’s language', async () => {
    const short = [
      { dueDate: '2026-12-15', amount: '1000.00' },
      { dueDate: '2027-01-15', amount: '1000.00' },
    ];
    const fr = await call('POST', letters(), { type: 'payment-plan', installments: short });
    expect(fr.status).toBe(400);
    expect(fr.body.issues).toEqual([{ field: 'installments', code: 'plan_below_due', message: expect.stringContaining('principal dû') }]);
    expect(fr.body.issues[0].message.replace(/\s/g, ' ')).toContain('3 650,50');
    const en = await call('POST', letters(), { type: 'payment-plan', installments: short }, { 'accept-language': 'en' });
    expect(en.body.issues).toEqual([{ field: 'installments', code: 'plan_below_due', message: expect.stringContaining('principal due') }]);
  });

  it('requires instalments for a plan, and refuses them for another type', async () => {
    const none = await call('POST', letters(), { type: 'payment-plan' });
    expect(none.status).toBe(400);
    expect(none.body.issues).toEqual([expect.objectContaining({ field: 'installments', code: 'required' })]);
    const other = await call('POST', letters(), { type: 'reminder', installments: PLAN });
    expect(other.status).toBe(400);
    expect(other.body.issues).toEqual([expect.objectContaining({ field: 'installments', code: 'invalid_value' })]);
    const many = Array.from({ length: 61 }, (_, i) => ({ dueDate: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`, amount: '100.00' }));
    expect((await call('POST', letters(), { type: 'payment-plan', installments: many })).status).toBe(400);
  });
});
