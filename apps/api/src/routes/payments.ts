import { AllocationInput, IdParams, Page, Payment, PaymentInput, PaymentListQuery, ReverseInput } from '@amiable/contract';
import { getPaymentView, listPayments } from '@amiable/db';
import { allocate, recordPayment, reverseAllocation, reversePayment } from '@amiable/ledger';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { paymentDto } from '../mappers.js';
import { authorize } from '../request-context.js';
import type { App } from '../app-type.js';
import { inCallerTenant } from '../tenant-scope.js';
import { cursorOf } from '../params.js';
import { centsOf } from '../params.js';

const ref = { $ref: 'Error#' } as const;
const NoContentSchema = Type.Null();

export async function paymentRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Règlements'];
  const view = async (request: FastifyRequest, id: string) => {
    const principal = authorize(request, 'ledger:read');
    const found = await inCallerTenant(deps, request, principal, ({ tx }) => getPaymentView(tx, id));
    return found ? paymentDto(found) : fail({ code: 'NOT_FOUND' });
  };

  app.get(
    '/payments',
    {
      schema: {
        tags,
        summary: 'Payments received, newest first',
        querystring: PaymentListQuery,
        response: { 200: Page(Payment), 400: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const q = request.query;
      const page = await inCallerTenant(deps, request, principal, ({ tx }) =>
        listPayments(tx, {
          debtorId: q.debtorId,
          creditorId: q.creditorId,
          unallocated: q.unallocated,
          cursor: cursorOf(q.cursor),
          limit: q.limit ?? 50,
        }),
      );
      return { items: page.items.map(paymentDto), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/payments',
    {
      schema: {
        tags,
        summary: 'Record a payment and apply it (explicitly, or oldest invoices first); the rest stays as credit',
        body: PaymentInput,
        response: { 201: Payment, 400: ref, 409: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const b = request.body;
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        recordPayment(
          {
            creditorId: b.creditorId,
            debtorId: b.debtorId,
            amountCents: centsOf(b.amount, 'amount'),
            currency: b.currency,
            receivedOn: b.receivedOn,
            method: b.method,
            reference: b.reference,
            note: b.note,
            allocations: b.allocations?.map((a, index) => ({
              invoiceId: a.invoiceId,
              amountCents: centsOf(a.amount, `allocations.${index}.amount`),
            })),
            autoAllocate: b.autoAllocate,
            source: principal.kind === 'api-key' ? 'api' : 'manual',
          },
          ctx,
          store,
        ),
      );
      if (!result.ok) fail(result.error);
      return reply.status(201).send(await view(request, result.value.payment.id));
    },
  );

  app.get(
    '/payments/:id',
    { schema: { tags, summary: 'One payment with its allocations', params: IdParams, response: { 200: Payment, 404: ref } } },
    async (request) => view(request, request.params.id),
  );

  app.post(
    '/payments/:id/allocations',
    {
      schema: {
        tags,
        summary: 'Apply part of the payment to an invoice',
        params: IdParams,
        body: AllocationInput,
        response: { 201: Payment, 400: ref, 404: ref, 409: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        allocate({ kind: 'payment', id: request.params.id }, request.body.invoiceId, centsOf(request.body.amount, 'amount'), ctx, store),
      );
      if (!result.ok) fail(result.error);
      return reply.status(201).send(await view(request, request.params.id));
    },
  );

  app.post(
    '/payments/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Reverse a payment (bounced, rejected); its allocations are undone',
        params: IdParams,
        body: ReverseInput,
        response: { 200: Payment, 404: ref, 409: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        reversePayment(request.params.id, request.body.reason, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return view(request, request.params.id);
    },
  );

  app.post(
    '/allocations/:id/reverse',
    {
      schema: {
        tags,
        summary: 'Undo one allocation (applied to the wrong invoice)',
        params: IdParams,
        body: ReverseInput,
        response: { 204: NoContentSchema, 404: ref, 409: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        reverseAllocation(request.params.id, request.body.reason, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return reply.status(204).send(null);
    },
  );
}
