import {
  IdParams,
  ImportBatch,
  ImportConfirmBody,
  ImportListQuery,
  ImportPreview as ImportPreviewSchema,
  ImportPreviewBody,
  Page,
} from '@amiable/contract';
import { getStoredFileContent, importRepository, listImportBatches, postgresImportUnitOfWork } from '@amiable/db';
import { errorMessage, issueMessage } from '@amiable/i18n';
import type { Locale } from '@amiable/i18n';
import type { RowIssue } from '@amiable/imports';
import { type ImportBatchRecord, type ImportPreview, confirmImport, previewImport, startImport } from '@amiable/ledger';
import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { amount } from '../mappers.js';
import { actorOf, authorize } from '../request-context.js';
import type { App } from '../app-type.js';
import { inCallerTenant } from '../tenant-scope.js';
import { cursorOf } from '../params.js';

const ref = { $ref: 'Error#' } as const;

function rejectedDto(locale: Locale, issues: readonly RowIssue[]) {
  return issues.map((issue) => ({
    line: issue.line,
    column: issue.column,
    code: issue.code,
    message: issueMessage(locale, { field: issue.column, code: issue.code, params: issue.params, line: issue.line }),
  }));
}

function byCurrency(values: Iterable<[string, number]>) {
  return [...values].map(([currency, cents]) => ({ currency, amount: amount(cents) }));
}

export function batchDto(locale: Locale, b: ImportBatchRecord): Static<typeof ImportBatch> {
  return {
    id: b.id,
    filename: b.filename,
    format: b.format,
    status: b.status,
    mode: b.mode,
    creditorId: b.creditorId,
    counts: b.counts,
    rejected: rejectedDto(locale, b.rejectedRows),
    totalOutstanding: amount(b.outstandingByCurrency.EUR ?? 0),
    outstandingByCurrency: byCurrency(Object.entries(b.outstandingByCurrency)),
    error: b.errorCode ? { code: b.errorCode, message: errorMessage(locale, b.errorCode) } : null,
    createdBy: b.actor.label,
    createdAt: b.createdAt.toISOString(),
    startedAt: b.startedAt?.toISOString() ?? null,
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

function previewDto(locale: Locale, p: ImportPreview): Static<typeof ImportPreviewSchema> {
  return {
    id: p.batch.id,
    filename: p.batch.filename,
    format: p.batch.format,
    creditorId: p.batch.creditorId,
    layout: p.layout
      ? {
          encoding: p.layout.encoding,
          delimiter: p.layout.delimiter,
          sheet: p.layout.sheet,
          headerLine: p.layout.headerLine,
          headers: [...p.layout.headers],
          decimalSeparator: p.layout.decimalSeparator,
        }
      : null,
    mapping: { ...p.mapping } as Record<string, number>,
    missingFields: [...p.missingFields],
    mappableFields: [...p.mappableFields],
    sampleRows: p.sampleRows.map((row) => [...row]),
    rowCount: p.rowCount,
    check: p.check
      ? {
          counts: p.check.counts,
          rejected: rejectedDto(locale, p.check.rejected),
          totalOutstanding: amount(p.check.outstandingByCurrency.get('EUR') ?? 0),
          outstandingByCurrency: byCurrency(p.check.outstandingByCurrency),
        }
      : null,
    problem: p.problem ? { code: p.problem.code, message: errorMessage(locale, p.problem.code, p.problem.params) } : null,
  };
}

export async function importRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Imports'];
  const context = (request: FastifyRequest) => {
    const principal = authorize(request, 'imports:run');
    return {
      principal,
      ctx: { actor: actorOf(request, principal), clock: deps.clock, ids: deps.ids },
      uow: postgresImportUnitOfWork(deps.db.app, {
        tenantId: principal.tenantId,
        userId: principal.kind === 'user' ? principal.userId : null,
      }),
    };
  };
  const contentOf = async (request: FastifyRequest, batchId: string) => {
    const principal = authorize(request, 'imports:run');
    return inCallerTenant(deps, request, principal, async ({ tx }) => {
      const batch = await importRepository(tx).getBatch(batchId);
      if (!batch?.fileId) return null;
      return (await getStoredFileContent(tx, batch.fileId))?.content ?? null;
    });
  };

  app.post(
    '/imports',
    {
      schema: {
        tags,
        summary:
          'Upload an invoice file (multipart field "file": CSV, XLSX, Factur-X/ZUGFeRD PDF, CII or UBL XML; optional fields creditorId, sheet). Nothing is imported yet: the answer shows the detected layout, the column mapping and what the import would do.',
        consumes: ['multipart/form-data'],
        response: { 201: ImportPreviewSchema, 413: ref, 415: ref },
      },
    },
    async (request, reply) => {
      const { ctx, uow } = context(request);
      const file = await request.file();
      if (!file) fail({ code: 'VALIDATION_FAILED', issues: [{ field: 'file', code: 'required' }] });
      const content = await file.toBuffer();
      const field = (name: string) => {
        const value = file.fields[name];
        return value && !Array.isArray(value) && value.type === 'field' && typeof value.value === 'string' && value.value !== ''
          ? value.value
          : undefined;
      };
      const creditorId = field('creditorId');
      if (creditorId !== undefined && !/^[0-9a-f-]{36}$/i.test(creditorId)) {
        fail({
          code: 'VALIDATION_FAILED',
          issues: [{ field: 'creditorId', code: 'invalid_format', params: { value: creditorId.slice(0, 40) } }],
        });
      }
      const result = await startImport(
        { filename: file.filename, content, creditorId: creditorId ?? null, sheet: field('sheet') },
        ctx,
        uow,
      );
      if (!result.ok) fail(result.error);
      return reply.status(201).send(previewDto(request.locale, result.value));
    },
  );

  app.post(
    '/imports/:id/preview',
    {
      schema: {
        tags,
        summary: 'Check a pending import again with a corrected mapping, creditor or sheet',
        params: IdParams,
        body: ImportPreviewBody,
        response: { 200: ImportPreviewSchema, 404: ref, 409: ref },
      },
    },
    async (request) => {
      const { ctx, uow } = context(request);
      const content = await contentOf(request, request.params.id);
      if (!content) fail({ code: 'NOT_FOUND' });
      const result = await previewImport({ batchId: request.params.id, content, ...request.body }, ctx, uow);
      if (!result.ok) fail(result.error);
      return previewDto(request.locale, result.value);
    },
  );

  app.post(
    '/imports/:id/confirm',
    {
      schema: {
        tags,
        summary:
          'Run a pending import (as a durable job). all-or-nothing (default): a file with a bad row writes nothing; valid-rows-only: good rows are written, bad rows reported.',
        params: IdParams,
        body: ImportConfirmBody,
        response: { 202: ImportBatch, 404: ref, 409: ref },
      },
    },
    async (request, reply) => {
      const { ctx, uow } = context(request);
      const b = request.body ?? {};
      const result = await confirmImport(
        {
          batchId: request.params.id,
          mapping: b.mapping,
          creditorId: b.creditorId,
          sheet: b.sheet,
          mode: b.mode ?? 'all-or-nothing',
          rememberMapping: b.rememberMapping ?? true,
        },
        ctx,
        uow,
      );
      if (!result.ok) fail(result.error);
      return reply.status(202).send(batchDto(request.locale, result.value));
    },
  );

  app.get(
    '/imports/:id',
    { schema: { tags, summary: 'An import: status, counts, rejected rows', params: IdParams, response: { 200: ImportBatch, 404: ref } } },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const batch = await inCallerTenant(deps, request, principal, ({ tx }) => importRepository(tx).getBatch(request.params.id));
      return batch ? batchDto(request.locale, batch) : fail({ code: 'NOT_FOUND' });
    },
  );

  app.get(
    '/imports',
    { schema: { tags, summary: 'Import history, newest first', querystring: ImportListQuery, response: { 200: Page(ImportBatch) } } },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const page = await inCallerTenant(deps, request, principal, ({ tx }) =>
        listImportBatches(tx, { cursor: cursorOf(request.query.cursor), limit: request.query.limit ?? 20 }),
      );
      return { items: page.items.map((b) => batchDto(request.locale, b)), nextCursor: page.nextCursor };
    },
  );
}
