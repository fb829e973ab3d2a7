/**
 * The archive of documents sent to debtors: a case's documents, their bytes, a
 * letter produced for a case now, and the letters waiting to be posted (printed
 * by the creditor, or waiting for the registered-letter service) with the mark
 * that says they were.
 */
import { DeliveryInput, DocumentDto, IdParams, PendingLetterDto, PendingLettersQuery, ProduceLetterInput } from '@amiable/contract';
import { caseDocuments, caseParties, documentContent, documentDelivery, pendingLetters, setDocumentDelivery } from '@amiable/db';
import { Type } from 'typebox';
import type { App } from '../app-type.js';
import { contentDisposition } from '../content-disposition.js';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { produceCaseLetter } from '../letters/produce-case-letter.js';
import { authorize } from '../request-context.js';
import { inCallerTenant } from '../tenant-scope.js';
import { documentDto } from './letters-mappers.js';

const ref = Type.Ref('Error');

export async function caseDocumentRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Lettres'];

  app.get(
    '/recovery/cases/:id/documents',
    {
      schema: {
        tags,
        summary: 'Documents produced for a case (letters and e-mails), oldest first, with their SHA-256',
        params: IdParams,
        response: { 200: Type.Array(DocumentDto), 404: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const id = request.params.id;
      const documents = await inCallerTenant(deps, request, principal, async ({ tx }) =>
        (await caseParties(tx, [id])).has(id) ? caseDocuments(tx, id) : null,
      );
      if (!documents) fail({ code: 'NOT_FOUND' });
      return documents.map(documentDto);
    },
  );

  app.post(
    '/recovery/cases/:id/letters',
    {
      schema: {
        tags,
        summary:
          'Produce a letter for the case now, with the text its creditor uses, and archive it to print (agents and above); paymentId: the payment a receipt acknowledges (default: the latest); installments: a payment plan’s instalments (required for payment-plan, refused otherwise)',
        params: IdParams,
        body: ProduceLetterInput,
        response: { 201: DocumentDto, 400: ref, 404: ref, 422: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'debtor:work');
      const b = request.body;
      const result = await inCallerTenant(deps, request, principal, ({ tx, today }) =>
        produceCaseLetter(
          tx,
          {
            caseId: request.params.id,
            type: b.type,
            lang: b.lang ?? null,
            paymentId: b.paymentId ?? null,
            installments: b.installments,
            today,
            publicUrl: deps.config.publicUrl,
            locale: request.locale,
          },
          deps.clock.now(),
          deps.ids,
        ),
      );
      if (!result.ok) fail(result.error);
      return reply.code(201).send(documentDto(result.value));
    },
  );

  app.get(
    '/documents/:id/content',
    {
      schema: {
        tags,
        summary: 'The document’s bytes, exactly as archived (their SHA-256 is the document’s)',
        params: IdParams,
        produces: ['application/pdf', 'message/rfc822'],
        response: { 404: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:read');
      const document = await inCallerTenant(deps, request, principal, ({ tx }) => documentContent(tx, request.params.id));
      if (!document) fail({ code: 'NOT_FOUND' });
      return (
        reply
          .type(document.contentType)
          .header('content-disposition', contentDisposition('attachment', document.filename))
          // RFC 9530: the client can check what it received against the archive.
          .header('repr-digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`)
          .send(document.bytes)
      );
    },
  );

  app.get(
    '/letters/pending',
    {
      schema: {
        tags,
        summary: 'Letters waiting to be posted: to print (default), or waiting for the registered-letter service',
        querystring: PendingLettersQuery,
        response: { 200: Type.Array(PendingLetterDto) },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const delivery = request.query.delivery ?? 'to-print';
      const { documents, parties } = await inCallerTenant(deps, request, principal, async ({ tx }) => {
        const found = await pendingLetters(tx, delivery);
        return {
          documents: found,
          parties: await caseParties(
            tx,
            found.map((d) => d.caseId),
          ),
        };
      });
      return documents.flatMap((d) => {
        const p = parties.get(d.caseId);
        return p ? [{ ...documentDto(d), debtor: p.debtor, creditor: p.creditor }] : [];
      });
    },
  );

  app.post(
    '/documents/:id/delivery',
    {
      schema: {
        tags,
        summary: 'Mark a printed (or registered) letter as posted; marking it twice changes nothing',
        params: IdParams,
        body: DeliveryInput,
        response: { 204: Type.Null(), 404: ref, 409: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'debtor:work');
      const id = request.params.id;
      const outcome = await inCallerTenant(deps, request, principal, async ({ tx }) => {
        const current = await documentDelivery(tx, id);
        if (!current) return 'not-found' as const;
        // An e-mail's attachment leaves with its e-mail: the worker, not a person, says it was sent.
        if (current.delivery === 'attached') return 'conflict' as const;
        if (current.delivery !== 'sent') await setDocumentDelivery(tx, id, request.body.delivery);
        return 'done' as const;
      });
      if (outcome === 'not-found') fail({ code: 'NOT_FOUND' });
      if (outcome === 'conflict') fail({ code: 'CONFLICT', params: { reason: 'attached' } });
      return reply.code(204).send(null);
    },
  );
}
