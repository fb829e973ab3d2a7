import { PassThrough } from 'node:stream';
import {
  AgingQuery,
  AgingReport,
  AllocationInput,
  DisputeInput,
  DisputeParams,
  IdParams,
  Invoice,
  InvoiceInput,
  InvoiceListQuery,
  InvoicePatch,
  InvoiceSummary,
  Page,
  ResolveDisputeInput,
} from '@amiable/contract';
import { type InvoiceFilter, agingReport, allInvoices, getInvoiceDetail, getInvoiceDocument, listInvoicesOfTenant } from '@amiable/db';
import { formatDateFr, formatDecimalAmount, parisDateOf } from '@amiable/domain';
import { allocate, attachInvoiceDocument, createInvoice, openDispute, resolveDispute, updateInvoice } from '@amiable/ledger';
import type { FastifyRequest } from 'fastify';
import { CSV_BOM, csvCell, csvLine } from '../csv.js';
import type { ApiDeps } from '../deps.js';
import { contentDisposition } from '../content-disposition.js';
import { fail } from '../http-errors.js';
import { agingDto, amount, invoiceDto, invoiceSummaryDto } from '../mappers.js';
import { centsOf, cursorOf } from '../params.js';
import { authorize } from '../request-context.js';
import type { App } from '../app-type.js';
import { inCallerTenant, tenantContextOf } from '../tenant-scope.js';

const ref = { $ref: 'Error#' } as const;

function filterOf(q: import('typebox').Static<typeof InvoiceListQuery>): InvoiceFilter {
  return {
    status: q.status,
    bucket: q.bucket,
    kind: q.kind,
    debtorId: q.debtorId,
    creditorId: q.creditorId,
    tag: q.tag,
    currency: q.currency,
    minAmountCents: q.minAmount === undefined ? undefined : centsOf(q.minAmount, 'query.minAmount'),
    maxAmountCents: q.maxAmount === undefined ? undefined : centsOf(q.maxAmount, 'query.maxAmount'),
    search: q.search,
    prescriptionBefore: q.prescriptionBefore,
  };
}

const STATUS_LABELS = {
  fr: { due: 'À échoir', overdue: 'En retard', disputed: 'En litige', paid: 'Payée' },
  en: { due: 'Not yet due', overdue: 'Overdue', disputed: 'Disputed', paid: 'Paid' },
};

export async function invoiceRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Factures'];
  const detail = async (request: FastifyRequest, id: string) => {
    const principal = authorize(request, 'ledger:read');
    const found = await inCallerTenant(deps, request, principal, ({ tx, today }) => getInvoiceDetail(tx, id, today));
    return found ? invoiceDto(found) : fail({ code: 'NOT_FOUND' });
  };

  app.get(
    '/invoices',
    {
      schema: {
        tags,
        summary:
          'Invoices and credit notes: filters (status, aging bucket, amount, debtor, creditor, tag…), sorting, cursor pagination. Default: most overdue first.',
        querystring: InvoiceListQuery,
        response: { 200: Page(InvoiceSummary), 400: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const q = request.query;
      const page = await listInvoicesOfTenant(deps.db.app, tenantContextOf(principal), {
        filter: filterOf(q),
        sort: q.sort ?? 'dueDate',
        order: q.order ?? 'asc',
        cursor: cursorOf(q.cursor),
        limit: q.limit ?? 50,
        today: parisDateOf(deps.clock.now()),
      });
      return { items: page.items.map(invoiceSummaryDto), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/invoices/export.csv',
    {
      schema: {
        tags,
        summary: 'The same list as CSV (semicolon, UTF-8 with BOM, French decimals), every page',
        querystring: InvoiceListQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:read');
      const filter = filterOf(request.query);
      const fr = request.locale === 'fr';
      const out = new PassThrough();
      const header = fr
        ? [
            'N° facture',
            'Type',
            'Créancier',
            'Raison sociale',
            'Date facture',
            "Date d'échéance",
            'Montant TTC',
            'Reste dû',
            'Devise',
            'Statut',
            'Retard (jours)',
          ]
        : [
            'Invoice number',
            'Type',
            'Creditor',
            'Customer',
            'Invoice date',
            'Due date',
            'Amount incl. tax',
            'Outstanding',
            'Currency',
            'Status',
            'Days overdue',
          ];
      const money = (cents: number) => (fr ? formatDecimalAmount(cents).replace('.', ',') : formatDecimalAmount(cents));
      const date = (value: string | null) => (value === null ? '' : fr ? formatDateFr(value) : value);
      inCallerTenant(deps, request, principal, async ({ tx, today }) => {
        out.write(CSV_BOM + csvLine(header.map((h) => csvCell(h))));
        for await (const i of allInvoices(tx, filter, today)) {
          const line = csvLine([
            csvCell(i.number),
            csvCell(i.kind === 'invoice' ? (fr ? 'Facture' : 'Invoice') : fr ? 'Avoir' : 'Credit note'),
            csvCell(i.creditor.name),
            csvCell(i.debtor.name),
            csvCell(date(i.issueDate), 'number'),
            csvCell(date(i.dueDate), 'number'),
            csvCell(money(i.amountInclTaxCents), 'number'),
            csvCell(money(i.outstandingCents), 'number'),
            csvCell(i.currency),
            csvCell(STATUS_LABELS[request.locale][i.status]),
            csvCell(i.daysOverdue, 'number'),
          ]);
          if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
        }
      })
        .then(() => out.end())
        .catch((error: unknown) => {
          request.log.error({ err: error }, 'CSV export failed');
          out.destroy(error as Error);
        });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${fr ? 'factures' : 'invoices'}.csv"; filename*=UTF-8''${fr ? 'factures' : 'invoices'}.csv`,
        )
        .send(out);
    },
  );

  app.get(
    '/invoices/aging',
    {
      schema: {
        tags,
        summary: 'Aged balance (balance âgée) of open invoices, per bucket and currency',
        querystring: AgingQuery,
        response: { 200: AgingReport },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      return inCallerTenant(deps, request, principal, async ({ tx, today }) => {
        const lines = await agingReport(tx, { today, creditorId: request.query.creditorId, debtorId: request.query.debtorId });
        const totals = new Map<string, { count: number; outstanding: number; overdue: number }>();
        for (const line of lines) {
          const total = totals.get(line.currency) ?? { count: 0, outstanding: 0, overdue: 0 };
          total.count += line.count;
          total.outstanding += line.amountCents;
          if (line.bucket !== 'not-due' && line.bucket !== 'no-due-date') total.overdue += line.amountCents;
          totals.set(line.currency, total);
        }
        return {
          today,
          lines: agingDto(lines),
          totals: [...totals].map(([currency, t]) => ({
            currency,
            count: t.count,
            outstanding: amount(t.outstanding),
            overdue: amount(t.overdue),
          })),
        };
      });
    },
  );

  app.post(
    '/invoices',
    {
      schema: {
        tags,
        summary: 'Create an invoice or credit note by hand',
        body: InvoiceInput,
        response: { 201: Invoice, 400: ref, 409: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const b = request.body;
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        createInvoice(
          {
            ...b,
            amountExclTaxCents:
              b.amountExclTax === undefined || b.amountExclTax === null ? null : centsOf(b.amountExclTax, 'amountExclTax'),
            amountInclTaxCents: centsOf(b.amountInclTax, 'amountInclTax'),
            amountDueCents: b.amountDue === undefined ? undefined : centsOf(b.amountDue, 'amountDue'),
            source: principal.kind === 'api-key' ? 'api' : 'manual',
          },
          ctx,
          store,
        ),
      );
      if (!result.ok) fail(result.error);
      return reply.status(201).send(await detail(request, result.value.id));
    },
  );

  app.get(
    '/invoices/:id',
    { schema: { tags, summary: 'One invoice with its allocations and disputes', params: IdParams, response: { 200: Invoice, 404: ref } } },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    '/invoices/:id',
    {
      schema: {
        tags,
        summary: 'Correct the due date or references (amounts change through credit notes or re-imports)',
        params: IdParams,
        body: InvoicePatch,
        response: { 200: Invoice, 400: ref, 404: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        updateInvoice(request.params.id, request.body, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return detail(request, request.params.id);
    },
  );

  app.put(
    '/invoices/:id/document',
    {
      schema: {
        tags,
        summary: 'Attach the original invoice (multipart field "file", PDF)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: Invoice, 404: ref, 413: ref, 415: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const file = await request.file();
      if (!file) fail({ code: 'VALIDATION_FAILED', issues: [{ field: 'file', code: 'required' }] });
      const content = await file.toBuffer();
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        attachInvoiceDocument(request.params.id, { filename: file.filename, content }, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return detail(request, request.params.id);
    },
  );

  app.get(
    '/invoices/:id/document',
    { schema: { tags, summary: 'The original invoice (PDF)', params: IdParams, produces: ['application/pdf'], response: { 404: ref } } },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:read');
      const document = await inCallerTenant(deps, request, principal, ({ tx }) => getInvoiceDocument(tx, request.params.id));
      if (!document) fail({ code: 'NOT_FOUND' });
      return reply
        .type(document.contentType)
        .header('content-disposition', contentDisposition('inline', document.filename))
        .send(document.content);
    },
  );

  app.post(
    '/invoices/:id/disputes',
    {
      schema: {
        tags,
        summary: 'Open a dispute (the debtor contests the invoice)',
        params: IdParams,
        body: DisputeInput,
        response: { 201: Invoice, 404: ref, 409: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'debtor:work');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        openDispute(request.params.id, request.body.reason, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return reply.status(201).send(await detail(request, request.params.id));
    },
  );

  app.post(
    '/invoices/:id/disputes/:disputeId/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve a dispute',
        params: DisputeParams,
        body: ResolveDisputeInput,
        response: { 200: Invoice, 404: ref, 409: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'debtor:work');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        resolveDispute(request.params.id, request.params.disputeId, request.body.resolution, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/invoices/:id/allocations',
    {
      schema: {
        tags,
        summary: 'Apply this credit note to an invoice of the same debtor and creditor',
        params: IdParams,
        body: AllocationInput,
        response: { 201: Invoice, 400: ref, 404: ref, 409: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        allocate(
          { kind: 'credit-note', id: request.params.id },
          request.body.invoiceId,
          centsOf(request.body.amount, 'amount'),
          ctx,
          store,
        ),
      );
      if (!result.ok) fail(result.error);
      return reply.status(201).send(await detail(request, request.params.id));
    },
  );
}
