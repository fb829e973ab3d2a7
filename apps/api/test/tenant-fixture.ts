/**
 * A tenant with one of everything, built through the HTTP API as its owner:
 * creditor with logo, debtor with contact and note, invoices in every status
 * and aging bucket, an attached PDF, a credit note applied to an invoice,
 * payments with allocations, a dispute, a pending import, an API key, a
 * second member, and an agency identity (the tenant made an agency).
 * `secrets` lists every id and every distinctive text, so a response of
 * another tenant can be searched for any of them.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { TestApi } from './harness.js';
import { APP_ORIGIN, TINY_PDF, TINY_PNG, multipart } from './http-helpers.js';

export interface TenantIds {
  readonly tenantId: string;
  readonly ownerId: string;
  readonly memberId: string;
  readonly creditorId: string;
  readonly debtorId: string;
  readonly contactId: string;
  readonly noteId: string;
  /** Overdue (31–60 days), with the PDF, a payment allocation and the credit-note allocation. */
  readonly invoiceId: string;
  readonly disputedInvoiceId: string;
  readonly paidInvoiceId: string;
  readonly creditNoteId: string;
  readonly paymentId: string;
  readonly paidPaymentId: string;
  readonly paymentAllocationId: string;
  readonly creditNoteAllocationId: string;
  readonly disputeId: string;
  readonly importId: string;
  readonly apiKeyId: string;
  /** Recovery: a scenario, the case of the debtor and an action the planner made for it. */
  readonly scenarioId: string;
  readonly caseId: string;
  readonly dispatchId: string;
  /** A draft bulk campaign aimed at the debtor's tag. */
  readonly campaignId: string;
  /** A letter produced for the case (courtesy reminder, to print), made from the creditor's own text. */
  readonly documentId: string;
}

export interface TenantFixture {
  readonly label: string;
  readonly ids: TenantIds;
  readonly cookie: string;
  /** A manager API key of the tenant. */
  readonly apiKey: string;
  readonly creditorSiren: string;
  readonly debtorSiren: string;
  readonly invoiceNumber: string;
  /** Every id and distinctive text of this tenant. */
  readonly secrets: readonly string[];
}

function expectStatus(response: LightMyRequestResponse, status: number, what: string): void {
  if (response.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${response.statusCode} ${response.body}`);
}

export async function buildTenantFixture(
  api: TestApi,
  label: string,
  sirens: { creditor: string; debtor: string },
): Promise<TenantFixture> {
  const slug = label.toLowerCase();
  const tenantName = `${label} Recouvrement`;
  const ownerEmail = `owner@${slug}.test`;
  const { tenantId, userId: ownerId } = await api.createTenantWithOwner(tenantName, ownerEmail);
  const cookie = await api.login(ownerEmail);
  const send = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, status = 201) => {
    const response = await api.app.inject({
      method,
      url,
      headers: { cookie, origin: APP_ORIGIN },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    expectStatus(response, status, `${label} ${method} ${url}`);
    return response.json() as Record<string, unknown> & { id: string };
  };
  const upload = async (url: string, file: Parameters<typeof multipart>[0], fields: Record<string, string> = {}, status = 200) => {
    const { payload, headers } = multipart(file, fields);
    const response = await api.app.inject({
      method: url.startsWith('/api/imports') ? 'POST' : 'PUT',
      url,
      payload,
      headers: { ...headers, cookie, origin: APP_ORIGIN },
    });
    expectStatus(response, status, `${label} upload ${url}`);
    return response.json() as Record<string, unknown> & { id: string };
  };

  const creditorName = `Créancier ${label} SAS`;
  const creditorId = (
    await send('POST', '/api/creditors', {
      legalName: creditorName,
      siren: sirens.creditor,
      email: `factures@creancier-${slug}.test`,
      // Letters print the creditor's and the debtor's postal addresses (mandatory mentions).
      address: { line1: `1 rue du Créancier ${label}`, line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
    })
  ).id;
  await upload(`/api/creditors/${creditorId}/logo`, { filename: 'logo.png', contentType: 'image/png', content: TINY_PNG });

  const debtorName = `Débiteur ${label} SARL`;
  const debtorId = (
    await send('POST', '/api/debtors', {
      kind: 'business',
      name: debtorName,
      siren: sirens.debtor,
      email: `compta@debiteur-${slug}.test`,
      address: { line1: `2 rue du Débiteur ${label}`, line2: null, postalCode: '75011', city: 'Paris', country: 'FR' },
      tags: [`tag-${slug}`],
    })
  ).id;
  const contactName = `Contact ${label} Dupont`;
  const contactId = (
    await send('POST', `/api/debtors/${debtorId}/contacts`, { name: contactName, email: `contact@debiteur-${slug}.test`, isPrimary: true })
  ).id;
  const noteBody = `Note confidentielle ${label}`;
  const noteId = (await send('POST', `/api/debtors/${debtorId}/notes`, { body: noteBody })).id;

  const prefix = label.toUpperCase();
  const invoice = async (
    suffix: string,
    issueDate: string,
    dueDate: string | null,
    amount: string,
    kind: 'invoice' | 'credit-note' = 'invoice',
  ) =>
    (
      await send('POST', '/api/invoices', {
        creditorId,
        debtorId,
        kind,
        number: `${prefix}-${suffix}`,
        issueDate,
        dueDate,
        amountInclTax: amount,
        description: `Prestation ${label} ${suffix}`,
      })
    ).id;
  // Today is 2026-11-23 on the fake clock.
  const invoiceNumber = `${prefix}-F-001`;
  const invoiceId = await invoice('F-001', '2026-09-01', '2026-10-01', '1200.00'); // 53 days: 31-60
  await invoice('F-002', '2026-11-01', '2026-12-31', '500.00'); // not due
  const disputedInvoiceId = await invoice('F-003', '2026-05-01', '2026-06-01', '300.00'); // 175 days: 91-180
  const paidInvoiceId = await invoice('F-004', '2026-08-01', '2026-08-15', '100.00');
  await invoice('F-005', '2026-11-10', null, '80.00'); // no due date
  await invoice('F-006', '2026-01-05', '2026-02-05', '70.00'); // over 180
  await invoice('F-007', '2026-10-01', '2026-11-10', '60.00'); // 1-30
  await invoice('F-008', '2026-08-01', '2026-09-10', '50.00'); // 61-90
  await invoice('F-009', '2026-05-01', '2026-06-10', '40.00'); // 91-180, open
  const creditNoteId = await invoice('A-001', '2026-10-15', null, '50.00', 'credit-note');

  await upload(`/api/invoices/${invoiceId}/document`, {
    filename: `facture-${slug}.pdf`,
    contentType: 'application/pdf',
    content: TINY_PDF,
  });
  await send('POST', `/api/invoices/${creditNoteId}/allocations`, { invoiceId, amount: '50.00' });

  const payment = await send('POST', '/api/payments', {
    creditorId,
    debtorId,
    amount: '300.00',
    receivedOn: '2026-11-20',
    method: 'transfer',
    reference: `VIR-${prefix}-1`,
    note: `Virement ${label}`,
    allocations: [{ invoiceId, amount: '200.00' }],
  });
  const paymentAllocationId = (payment.allocations as { id: string }[])[0]?.id ?? '';
  const paidPaymentId = (
    await send('POST', '/api/payments', {
      creditorId,
      debtorId,
      amount: '100.00',
      receivedOn: '2026-11-21',
      method: 'cheque',
      reference: `CHQ-${prefix}-2`,
      allocations: [{ invoiceId: paidInvoiceId, amount: '100.00' }],
    })
  ).id;
  const detail = await send('GET', `/api/invoices/${invoiceId}`, undefined, 200);
  const creditNoteAllocationId =
    (detail.allocations as { id: string; source: { kind: string } }[]).find((a) => a.source.kind === 'credit-note')?.id ?? '';

  const disputeReason = `Litige ${label} : prestation contestée`;
  const disputed = await send('POST', `/api/invoices/${disputedInvoiceId}/disputes`, { reason: disputeReason });
  const disputeId = (disputed.disputes as { id: string }[])[0]?.id ?? '';

  const importFilename = `export-${slug}.csv`;
  const csv = `N° facture;Date facture;Date d'échéance;Montant TTC;Raison sociale\n${prefix}-IMP-001;01/10/2026;31/10/2026;120,00;Client Import ${label}\n`;
  const importId = (
    await upload(
      '/api/imports',
      { filename: importFilename, contentType: 'text/csv', content: Buffer.from(csv, 'utf8') },
      { creditorId },
      201,
    )
  ).id;

  const keyName = `Clé ERP ${label}`;
  const created = (await send('POST', '/api/api-keys', { name: keyName, role: 'manager' })) as unknown as {
    apiKey: { id: string; prefix: string };
    secret: string;
  };
  const memberEmail = `viewer@${slug}.test`;
  const memberId = (await send('POST', '/api/users', {
    email: memberEmail,
    displayName: `Lecteur ${label}`,
    role: 'viewer',
  })) as unknown as { userId: string };

  // Recovery: the planner opens the debtor's case and plans its first action.
  await send('POST', '/api/recovery/plan', undefined, 200);
  const first = async (url: string) => ((await send('GET', url, undefined, 200)) as unknown as { id: string }[])[0]?.id ?? '';
  const scenarioId = await first('/api/recovery/scenarios');
  const caseId = await first('/api/recovery/cases');
  const dispatchId = await first('/api/recovery/dispatches');
  const campaignName = `Campagne ${label} de printemps`;
  const campaignId = (
    await send('POST', '/api/recovery/campaigns', {
      name: campaignName,
      channel: 'email',
      templates: { fr: { subject: `Objet ${campaignName}`, body: 'Bonjour {{debtorName}}' } },
      filter: { tags: [`tag-${slug}`], creditorId },
    })
  ).id;
  // Letters: the creditor's own text of a courtesy reminder, and one produced for the case.
  const shipped = (await send('GET', '/api/letter-templates/courtesy-reminder?lang=fr', undefined, 200)).shipped as Record<string, string>;
  const letterText = `Texte de lettre ${label}`;
  await send('POST', '/api/letter-templates/courtesy-reminder', {
    lang: 'fr',
    creditorId,
    fields: { ...shipped, closing: `${shipped.closing}\n\n${letterText}` },
  });
  const documentId = (await send('POST', `/api/recovery/cases/${caseId}/letters`, { type: 'courtesy-reminder', lang: 'fr' })).id;
  // An agency tenant's identity (one row per tenant, no id of its own): A must never read B's.
  await api.db.admin.query(`UPDATE amiable.tenant SET kind = 'agency' WHERE id = $1`, [tenantId]);
  const agencyName = `Agence ${label} Contentieux`;
  await send(
    'PUT',
    '/api/tenant/agency-profile',
    { name: agencyName, siren: sirens.creditor, address: { line1: `1 rue ${label}`, postalCode: '75001', city: 'Paris' } },
    200,
  );
  const ids: TenantIds = {
    tenantId,
    ownerId,
    memberId: memberId.userId,
    creditorId,
    debtorId,
    contactId,
    noteId,
    invoiceId,
    disputedInvoiceId,
    paidInvoiceId,
    creditNoteId,
    paymentId: payment.id,
    paidPaymentId,
    paymentAllocationId,
    creditNoteAllocationId,
    disputeId,
    importId,
    apiKeyId: created.apiKey.id,
    scenarioId,
    caseId,
    dispatchId,
    campaignId,
    documentId,
  };
  for (const [name, value] of Object.entries(ids)) if (!value) throw new Error(`${label}: no ${name}`);
  const secrets = [
    ...Object.values(ids),
    label,
    tenantName,
    ownerEmail,
    memberEmail,
    creditorName,
    sirens.creditor,
    sirens.debtor,
    debtorName,
    contactName,
    noteBody,
    `${prefix}-F-`,
    `${prefix}-A-001`,
    `${prefix}-IMP-001`,
    `VIR-${prefix}-1`,
    `CHQ-${prefix}-2`,
    disputeReason,
    importFilename,
    keyName,
    campaignName,
    letterText,
    agencyName,
    created.apiKey.prefix,
    `tag-${slug}`,
    `debiteur-${slug}.test`,
  ];
  return { label, ids, cookie, apiKey: created.secret, creditorSiren: sirens.creditor, debtorSiren: sirens.debtor, invoiceNumber, secrets };
}
