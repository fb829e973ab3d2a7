/**
 * The HTTP composition root: Fastify with JSON-schema validation (the same
 * schemas produce /api/openapi.json), authentication, error mapping, the routes,
 * and the built web app at /.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@amiable/contract';
import Fastify, { type FastifyError, LogController } from 'fastify';
import type { ApiDeps } from './deps.js';
import { HttpProblem, sendError } from './http-errors.js';
import { registerRequestContext } from './request-context.js';
import { authRoutes } from './routes/auth.js';
import { agencyProfileRoutes } from './routes/agency-profile.js';
import { caseDocumentRoutes } from './routes/case-documents.js';
import { creditorRoutes } from './routes/creditors.js';
import { debtorRoutes } from './routes/debtors.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { legalRoutes } from './routes/legal.js';
import { letterRoutes } from './routes/letters.js';
import { payPageRoutes } from './routes/pay-page.js';
import { recoveryCampaignRoutes } from './routes/recovery-campaigns.js';
import { recoveryCaseRoutes } from './routes/recovery-cases.js';
import { recoveryDefaultAgentRoutes } from './routes/recovery-default-agents.js';
import { recoverySettingsRoutes } from './routes/recovery-settings.js';
import { invoiceRoutes } from './routes/invoices.js';
import { paymentRoutes } from './routes/payments.js';
import { tenantRoutes } from './routes/tenant.js';
import { issuesFromValidation } from './validation-issues.js';

export type { App } from './app-type.js';
import type { App } from './app-type.js';

export async function buildServer(deps: ApiDeps, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    // Warnings and errors (with their request id) by default; one line per request only with LOG_LEVEL=debug.
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel === 'debug' ? 'debug' : deps.config.logLevel === 'error' ? 'error' : 'warn',
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
    logController: new LogController({ disableRequestLogging: deps.config.logLevel !== 'debug' }),
    genReqId: () => randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    ajv: {
      // Report every problem at once, name the offending value, and refuse unknown fields rather than drop them.
      customOptions: { allErrors: true, verbose: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.uploadMaxMegabytes * 1024 * 1024, files: 1, fields: 10, parts: 12 },
  });
  app.addSchema(ErrorBody);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Amiable API',
        version: '0.1.0',
        description:
          'Amicable debt recovery: receivables ledger, imports, payments. Authenticate with the session cookie (POST /api/auth/login) or an API key: `Authorization: Bearer amk_…`. Errors: `{ code, message, issues?, requestId }`, messages in the language of Accept-Language (French by default). Amounts are decimal strings with two decimals.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key amk_…' },
          session: { type: 'apiKey', in: 'cookie', name: '__Host-amiable_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerRequestContext(app, deps);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    // A route that sets its own, stricter policy (the public payment page) keeps it.
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
    if (
      String(reply.getHeader('content-type') ?? '').startsWith('text/html') &&
      !request.url.startsWith('/api/docs') &&
      !reply.hasHeader('content-security-policy')
    )
      reply.header('content-security-policy', CSP);
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendError(reply, error.problem, request.locale);
    if (error.validation) {
      const context = error.validationContext === 'querystring' ? 'query' : error.validationContext;
      const issues = issuesFromValidation(error.validation as never).map((issue) =>
        context === 'body' ? issue : { ...issue, field: `${context}.${issue.field}`.replace(/\.body$/, '') },
      );
      return sendError(reply, { code: 'VALIDATION_FAILED', issues }, request.locale);
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      return sendError(reply, { code: 'FILE_TOO_LARGE', params: { maxMegabytes: deps.config.uploadMaxMegabytes } }, request.locale);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, wrong content type…: the client's fault, said plainly.
      return sendError(
        reply,
        { code: 'VALIDATION_FAILED', issues: [{ field: 'body', code: 'invalid_format', params: { value: error.message.slice(0, 200) } }] },
        request.locale,
      );
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, { code: 'INTERNAL', params: { requestId: request.id } }, request.locale);
  });

  await app.register(
    async (api) => {
      await healthRoutes(api as App, deps);
      await authRoutes(api as App, deps);
      await tenantRoutes(api as App, deps);
      await creditorRoutes(api as App, deps);
      await debtorRoutes(api as App, deps);
      await invoiceRoutes(api as App, deps);
      await paymentRoutes(api as App, deps);
      await importRoutes(api as App, deps);
      await legalRoutes(api as App, deps);
      await recoverySettingsRoutes(api as App, deps);
      await recoveryCaseRoutes(api as App, deps);
      await recoveryDefaultAgentRoutes(api as App, deps);
      await recoveryCampaignRoutes(api as App, deps);
      await letterRoutes(api as App, deps);
      await caseDocumentRoutes(api as App, deps);
      await agencyProfileRoutes(api as App, deps);
    },
    { prefix: '/api' },
  );
  await payPageRoutes(app as App, deps);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDist = deps.webDist;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') return sendError(reply, { code: 'NOT_FOUND' }, request.locale);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(reply, { code: 'NOT_FOUND' }, request.locale);
    if (webDist && existsSync(path.join(webDist, 'index.html'))) {
      // Client-side routes (/debtors/…, /import) all load the single-page app.
      return reply.type('text/html').sendFile('index.html', webDist);
    }
    return reply
      .type('text/html')
      .send(
        '<!doctype html><meta charset="utf-8"><title>Amiable</title><p>L’application web n’est pas construite : <code>npm run build:web</code>. API : <a href="/api/docs">/api/docs</a></p>',
      );
  });
  return app;
}

// Mantine writes CSS variables in <style> elements, hence 'unsafe-inline' for styles only. The letter
// editor previews the PDF it fetched in a frame on a blob: URL (and the e-mail in a sandboxed srcdoc frame); a blob:
// document inherits this policy, and the browser's PDF viewer inside it counts as an object.
const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-src 'self' blob:; object-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
