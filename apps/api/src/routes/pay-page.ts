/**
 * GET /pay/:tenantId/:token — the debtor's payment page, public (the link in every
 * letter and e-mail). The case is looked up inside a transaction of that tenant,
 * so row-level security applies as to any read; the 244-bit token is the secret.
 * A malformed id, an unknown tenant and a wrong token all get the same 404 page.
 */
import { inTenant } from '@amiable/db';
import { parisDateOf } from '@amiable/domain';
import type { App } from '../app-type.js';
import type { ApiDeps } from '../deps.js';
import { loadPayPage } from '../letters/pay-page-data.js';
import { PAY_PAGE_STYLE_HASH, notFoundHtml, payPageHtml } from '../letters/pay-page-html.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[0-9a-f]{64}$/;

/** Nothing but the page's own stylesheet; no script, frame, form or outside resource. */
const CSP = `default-src 'none'; style-src ${PAY_PAGE_STYLE_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export async function payPageRoutes(app: App, deps: ApiDeps): Promise<void> {
  app.get('/pay/:tenantId/:token', { schema: { hide: true } }, async (request, reply) => {
    const params = request.params as { tenantId: string; token: string };
    const lang = (request.query as { lang?: unknown }).lang === 'en' ? 'en' : 'fr';
    const page =
      UUID.test(params.tenantId) && TOKEN.test(params.token)
        ? await inTenant(deps.db.app, { tenantId: params.tenantId }, (tx) =>
            loadPayPage(tx, params.token, parisDateOf(deps.clock.now()), lang, deps.config.publicUrl),
          )
        : null;
    reply
      .header('content-security-policy', CSP)
      // The token is in the address: never sent on, never kept by a shared cache, never indexed.
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .type('text/html; charset=utf-8');
    if (!page) return reply.code(404).send(notFoundHtml(lang));
    return reply.send(payPageHtml(page, lang));
  });
}
