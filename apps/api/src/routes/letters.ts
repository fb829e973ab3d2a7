/**
 * Letter texts: the catalog the template editor documents (types, mandatory
 * mentions, paragraphs, variables), each type's text per language and creditor
 * with its version history, the live check, saving a new version (managers), and
 * the preview as PDF or e-mail on the sample case or a real one.
 */
import {
  EmailPreview,
  LetterCatalog,
  LetterTemplateDto,
  LetterTemplateQuery,
  LetterTemplateVersion,
  LetterTypeParams,
  TemplateCheckInput,
  TemplateCheckResult,
  TemplatePreviewInput,
  TemplateSaveInput,
} from '@amiable/contract';
import { creditorExists, currentLetterTemplate, letterTemplateVersions, saveLetterTemplate, shippedTemplate } from '@amiable/db';
import type { FieldIssue } from '@amiable/domain';
import { checkLetterTemplate } from '@amiable/letters';
import { Type } from 'typebox';
import type { App } from '../app-type.js';
import { contentDisposition } from '../content-disposition.js';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { caseLetterSource } from '../letters/case-letter-source.js';
import { checkIssues } from '../letters/check-issues.js';
import { type PreviewFacts, previewLetter, sampleFacts } from '../letters/preview-letter.js';
import { actorOf, authorize } from '../request-context.js';
import { inCallerTenant } from '../tenant-scope.js';
import { catalogDto, checkDto, versionDto } from './letters-mappers.js';

const ref = Type.Ref('Error');

export async function letterRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Lettres'];

  app.get(
    '/letters/catalog',
    {
      schema: {
        tags,
        summary: 'Letter types with their mandatory mentions, the editable paragraphs and the variables templates may use',
        response: { 200: LetterCatalog },
      },
    },
    async (request) => {
      authorize(request, 'ledger:read');
      return catalogDto(request.locale);
    },
  );

  app.get(
    '/letter-templates/:type',
    {
      schema: {
        tags,
        summary: 'A letter type’s text for a language and a creditor (or the tenant), its saved versions and the shipped text',
        params: LetterTypeParams,
        querystring: LetterTemplateQuery,
        response: { 200: LetterTemplateDto, 404: ref },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const { type } = request.params;
      const lang = request.query.lang ?? request.locale;
      const creditorId = request.query.creditorId ?? null;
      const found = await inCallerTenant(deps, request, principal, async ({ tx }) => {
        // Another tenant's creditor answers like one that does not exist.
        if (creditorId && !(await creditorExists(tx, creditorId))) return null;
        const current = await currentLetterTemplate(tx, creditorId, type, lang);
        return { current, history: await letterTemplateVersions(tx, creditorId, type, lang) };
      });
      if (!found) fail({ code: 'NOT_FOUND' });
      return {
        type,
        lang,
        creditorId,
        current: versionDto(found.current),
        history: found.history.map(versionDto),
        shipped: { ...shippedTemplate(type, lang).fields },
      };
    },
  );

  app.post(
    '/letter-templates/:type/check',
    {
      schema: {
        tags,
        summary: 'Check a text as the editor types: template problems with line and column, missing mandatory mentions',
        params: LetterTypeParams,
        body: TemplateCheckInput,
        response: { 200: TemplateCheckResult },
      },
    },
    async (request) => {
      authorize(request, 'ledger:read');
      return checkDto(await checkLetterTemplate(request.params.type, request.body.lang, request.body.fields), request.locale);
    },
  );

  app.post(
    '/letter-templates/:type',
    {
      schema: {
        tags,
        summary: 'Save a new version of a text (manager); refused, with nothing saved, when the check fails',
        params: LetterTypeParams,
        body: TemplateSaveInput,
        response: { 201: LetterTemplateVersion, 400: ref },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'letters:write');
      const { type } = request.params;
      const { lang, fields } = request.body;
      const creditorId = request.body.creditorId ?? null;
      const checked = await checkLetterTemplate(type, lang, fields);
      const saved = await inCallerTenant(deps, request, principal, async ({ tx }) => {
        // Every problem at once: an unknown creditor (or another tenant's) and the text's own.
        const issues: FieldIssue[] = [
          ...(creditorId && !(await creditorExists(tx, creditorId))
            ? [{ field: 'creditorId', code: 'invalid_value' as const, params: { value: creditorId } }]
            : []),
          ...(checked.ok ? [] : checkIssues(checked, request.locale)),
        ];
        if (issues.length > 0) return { issues };
        const createdBy = actorOf(request, principal).label;
        return {
          version: await saveLetterTemplate(tx, { creditorId, letterType: type, lang, fields, createdBy }, deps.clock.now(), deps.ids),
        };
      });
      if ('issues' in saved) fail({ code: 'VALIDATION_FAILED', issues: saved.issues });
      return reply.code(201).send(versionDto(saved.version));
    },
  );

  app.post(
    '/letter-templates/:type/preview',
    {
      schema: {
        tags,
        summary: 'Render a text on the sample case (or a real case): the PDF, or the e-mail as { subject, html, text }',
        params: LetterTypeParams,
        body: TemplatePreviewInput,
        response: {
          200: {
            description: 'application/pdf for format "pdf"; the e-mail as JSON for format "email"',
            content: { 'application/json': { schema: EmailPreview }, 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          400: ref,
        },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'ledger:read');
      const { type } = request.params;
      const body = request.body;
      let facts: PreviewFacts = sampleFacts(type);
      if (body.caseId) {
        const caseId = body.caseId;
        const source = await inCallerTenant(deps, request, principal, ({ tx, today }) =>
          caseLetterSource(tx, { caseId, type, lang: body.lang, today, publicUrl: deps.config.publicUrl }),
        );
        if (!source.ok && source.error.code === 'NOT_FOUND')
          fail({ code: 'VALIDATION_FAILED', issues: [{ field: 'caseId', code: 'invalid_value', params: { value: caseId } }] });
        if (!source.ok) fail(source.error);
        facts = { input: source.value.input, claim: source.value.claim, logo: source.value.caseLetter.logo ?? undefined };
      }
      const preview = await previewLetter(facts, { lang: body.lang, fields: body.fields, format: body.format }, request.locale);
      if (!preview.ok) fail(preview.error);
      if (preview.value.format === 'email') return reply.type('application/json').send(preview.value.email);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('inline', `${type}-${body.lang}.pdf`))
        .send(Buffer.from(preview.value.pdf));
    },
  );
}
