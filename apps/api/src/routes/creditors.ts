import { Creditor, CreditorInput, CreditorPatch, IdParams, Page } from '@amiable/contract';
import { getCreditorLogo, listCreditors } from '@amiable/db';
import { createCreditor, setCreditorLogo, updateCreditor } from '@amiable/ledger';
import { Type } from 'typebox';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { creditorDto } from '../mappers.js';
import { authorize } from '../request-context.js';
import type { App } from '../app-type.js';
import { inCallerTenant } from '../tenant-scope.js';

const ref = { $ref: 'Error#' } as const;

export async function creditorRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Créanciers'];
  app.get('/creditors', { schema: { tags, summary: 'Creditors of the tenant', response: { 200: Page(Creditor) } } }, async (request) => {
    const principal = authorize(request, 'ledger:read');
    const items = await inCallerTenant(deps, request, principal, ({ tx }) => listCreditors(tx));
    return { items: items.map(creditorDto), nextCursor: null };
  });

  app.get(
    '/creditors/:id',
    { schema: { tags, summary: 'One creditor', params: IdParams, response: { 200: Creditor, 404: ref } } },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const creditor = await inCallerTenant(deps, request, principal, ({ store }) => store.creditors.get(request.params.id));
      return creditor ? creditorDto(creditor) : fail({ code: 'NOT_FOUND' });
    },
  );

  app.post(
    '/creditors',
    { schema: { tags, summary: 'Create a creditor', body: CreditorInput, response: { 201: Creditor, 400: ref, 409: ref } } },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:write');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) => createCreditor(request.body, ctx, store));
      if (!result.ok) fail(result.error);
      return reply.status(201).send(creditorDto(result.value));
    },
  );

  app.patch(
    '/creditors/:id',
    {
      schema: {
        tags,
        summary: 'Change a creditor',
        params: IdParams,
        body: CreditorPatch,
        response: { 200: Creditor, 400: ref, 404: ref, 409: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        updateCreditor(request.params.id, request.body, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return creditorDto(result.value);
    },
  );

  app.put(
    '/creditors/:id/logo',
    {
      schema: {
        tags,
        summary: 'Upload the creditor logo (multipart field "file", PNG or JPEG, at most 1 MB)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: Creditor, 404: ref, 413: ref, 415: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:write');
      const file = await request.file({ limits: { fileSize: 1024 * 1024 } });
      if (!file) fail({ code: 'VALIDATION_FAILED', issues: [{ field: 'file', code: 'required' }] });
      const bytes = await file.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') fail({ code: 'FILE_TOO_LARGE', params: { maxMegabytes: 1 } });
        throw error;
      });
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) =>
        setCreditorLogo(request.params.id, bytes, ctx, store),
      );
      if (!result.ok) fail(result.error);
      return creditorDto(result.value);
    },
  );

  app.get(
    '/creditors/:id/logo',
    { schema: { tags, summary: 'The creditor logo', params: IdParams, response: { 200: Type.Any(), 404: ref } } },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:read');
      const logo = await inCallerTenant(deps, request, principal, ({ tx }) => getCreditorLogo(tx, request.params.id));
      if (!logo) fail({ code: 'NOT_FOUND' });
      return reply.type(logo.contentType).send(logo.content);
    },
  );
}
