import {
  Activity,
  ActivityQuery,
  Contact,
  ContactInput,
  ContactPatch,
  Debtor,
  DebtorInput,
  DebtorListQuery,
  DebtorPatch,
  DebtorSummary,
  IdParams,
  Note,
  NoteInput,
  Page,
  Uuid,
} from '@amiable/contract';
import { getDebtorDetail, listActivity, listDebtors, listNotes } from '@amiable/db';
import { activitySummary } from '@amiable/i18n';
import { addContact, addNote, createDebtor, removeContact, updateContact, updateDebtor } from '@amiable/ledger';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { contactDto, debtorDto, debtorSummaryDto } from '../mappers.js';
import { cursorOf } from '../params.js';
import { authorize } from '../request-context.js';
import type { App } from '../app-type.js';
import { inCallerTenant } from '../tenant-scope.js';

const ref = { $ref: 'Error#' } as const;
const ContactParams = Type.Object({ id: Uuid, contactId: Uuid });

export async function debtorRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Débiteurs'];
  const detail = async (request: FastifyRequest, id: string) => {
    const principal = authorize(request, 'ledger:read');
    const found = await inCallerTenant(deps, request, principal, ({ tx, today }) => getDebtorDetail(tx, id, today));
    return found ? debtorDto(found) : fail({ code: 'NOT_FOUND' });
  };

  app.get(
    '/debtors',
    {
      schema: {
        tags,
        summary: 'Debtors with their open balance (filters, sort, cursor pagination)',
        querystring: DebtorListQuery,
        response: { 200: Page(DebtorSummary), 400: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const q = request.query;
      const page = await inCallerTenant(deps, request, principal, ({ tx, today }) =>
        listDebtors(tx, {
          filter: { search: q.search, kind: q.kind, tag: q.tag, creditorId: q.creditorId, overdue: q.overdue },
          sort: q.sort ?? 'name',
          order: q.order ?? (q.sort === 'outstanding' ? 'desc' : 'asc'),
          cursor: cursorOf(q.cursor),
          limit: q.limit ?? 50,
          today,
        }),
      );
      return { items: page.items.map(debtorSummaryDto), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/debtors',
    { schema: { tags, summary: 'Create a debtor', body: DebtorInput, response: { 201: Debtor, 400: ref, 409: ref } } },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) => createDebtor(request.body, ctx, store));
      if (!result.ok) fail(result.error);
      return reply.status(201).send(await detail(request, result.value.id));
    },
  );

  app.get(
    '/debtors/:id',
    { schema: { tags, summary: 'A debtor: identity, contacts, balance and aging', params: IdParams, response: { 200: Debtor, 404: ref } } },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    '/debtors/:id',
    {
      schema: {
        tags,
        summary: 'Change a debtor',
        params: IdParams,
        body: DebtorPatch,
        response: { 200: Debtor, 400: ref, 404: ref, 409: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'debtor:work');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        updateDebtor(request.params.id, request.body, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/debtors/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact person',
        params: IdParams,
        body: ContactInput,
        response: { 201: Contact, 400: ref, 404: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'debtor:work');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        addContact(request.params.id, request.body, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return reply.status(201).send(contactDto(result.value));
    },
  );

  app.patch(
    '/debtors/:id/contacts/:contactId',
    {
      schema: {
        tags,
        summary: 'Change a contact person',
        params: ContactParams,
        body: ContactPatch,
        response: { 200: Contact, 400: ref, 404: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'debtor:work');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        updateContact(request.params.id, request.params.contactId, request.body, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return contactDto(result.value);
    },
  );

  app.delete(
    '/debtors/:id/contacts/:contactId',
    { schema: { tags, summary: 'Remove a contact person', params: ContactParams, response: { 204: Type.Null(), 404: ref } } },
    async (request, reply) => {
      const principal = authorize(request, 'debtor:work');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        removeContact(request.params.id, request.params.contactId, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/debtors/:id/notes',
    {
      schema: {
        tags,
        summary: 'Notes on a debtor, newest first',
        params: IdParams,
        querystring: ActivityQuery,
        response: { 200: Page(Note), 404: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const page = await inCallerTenant(deps, request, principal, async ({ tx, store }) => {
        if (!(await store.debtors.get(request.params.id))) return null;
        return listNotes(tx, { debtorId: request.params.id, cursor: cursorOf(request.query.cursor), limit: request.query.limit ?? 50 });
      });
      if (!page) fail({ code: 'NOT_FOUND' });
      return { items: page.items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/debtors/:id/notes',
    { schema: { tags, summary: 'Add a note', params: IdParams, body: NoteInput, response: { 201: Note, 400: ref, 404: ref } } },
    async (request, reply) => {
      const principal = authorize(request, 'debtor:work');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        addNote(request.params.id, request.body.body, ctx, store),
      );
      if (!result.ok) fail(result.error);
      const author = principal.kind === 'user' ? principal.displayName : principal.name;
      return reply
        .status(201)
        .send({ id: result.value.id, body: request.body.body.trim(), author, createdAt: result.value.createdAt.toISOString() });
    },
  );

  app.get(
    '/debtors/:id/activity',
    {
      schema: {
        tags,
        summary: "The debtor's activity log (who did what, when, from where), newest first",
        params: IdParams,
        querystring: ActivityQuery,
        response: { 200: Page(Activity), 404: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const page = await inCallerTenant(deps, request, principal, async ({ tx, store }) => {
        if (!(await store.debtors.get(request.params.id))) return null;
        return listActivity(tx, { debtorId: request.params.id, cursor: cursorOf(request.query.cursor), limit: request.query.limit ?? 50 });
      });
      if (!page) fail({ code: 'NOT_FOUND' });
      return {
        items: page.items.map((a) => ({
          id: a.id,
          occurredAt: a.occurredAt.toISOString(),
          actor: { kind: a.actorKind, label: a.actorLabel },
          channel: a.channel,
          ip: a.ip,
          action: a.action,
          summary: activitySummary(request.locale, a.action, a.details),
          details: a.details,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
