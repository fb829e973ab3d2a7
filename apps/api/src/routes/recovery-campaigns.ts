/**
 * Bulk campaigns: managers write (create, change a draft, launch, cancel), everyone
 * reads (list, progress, previews). A campaign's messages are listed by
 * GET /api/recovery/dispatches?campaignId=… like every other action.
 */
import { CampaignDto, CampaignInput, CampaignPreview, CampaignPreviewInput, CampaignQuery, IdParams } from '@amiable/contract';
import {
  type CampaignRecord,
  type CampaignResult,
  type CommandActor,
  type Tx,
  cancelCampaign,
  checkCampaignInput,
  createCampaign,
  getCampaign,
  launchCampaign,
  listCampaigns,
  previewCampaign,
  updateCampaign,
} from '@amiable/db';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../app-type.js';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { authorize } from '../request-context.js';
import { inCallerTenant } from '../tenant-scope.js';
import { campaignDto, campaignInputOf, filterOf, previewDto } from './campaign-mappers.js';
import { commandActor } from './recovery-cases.js';

function campaignOrFail(result: CampaignResult<CampaignRecord>): CampaignRecord {
  if (!result.ok) return fail({ code: result.code, ...(result.issues ? { issues: result.issues } : {}) });
  return result.value;
}

export async function recoveryCampaignRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Relances'];
  const now = () => deps.clock.now();
  /** A manager's change to one campaign, in the caller's tenant. */
  const change = async (request: FastifyRequest, fn: (tx: Tx, actor: CommandActor) => Promise<CampaignResult<CampaignRecord>>) => {
    const principal = authorize(request, 'ledger:write');
    return campaignDto(
      campaignOrFail(await inCallerTenant(deps, request, principal, ({ tx }) => fn(tx, commandActor(request, principal)))),
    );
  };

  app.get(
    '/recovery/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns, newest first, with their progress',
        querystring: CampaignQuery,
        response: { 200: Type.Array(CampaignDto) },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const q = request.query;
      const list = await inCallerTenant(deps, request, principal, ({ tx }) =>
        listCampaigns(tx, { status: q.status, limit: q.limit ?? 50 }, now()),
      );
      return list.map(campaignDto);
    },
  );

  app.post(
    '/recovery/campaigns',
    { schema: { tags, summary: 'Create a campaign as a draft (manager)', body: CampaignInput, response: { 201: CampaignDto } } },
    async (request, reply) => {
      const created = await change(request, (tx, actor) => createCampaign(tx, campaignInputOf(request.body), actor, now(), deps.ids));
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/recovery/campaigns/preview',
    {
      schema: {
        tags,
        summary: 'Preview a campaign not saved yet: cases, the day of each message, rendered samples (nothing is written)',
        body: CampaignPreviewInput,
        response: { 200: CampaignPreview },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const input = { channel: request.body.channel, templates: request.body.templates, filter: filterOf(request.body.filter) };
      const preview = await inCallerTenant(deps, request, principal, async ({ tx }) => {
        const issues = await checkCampaignInput(tx, input);
        return issues.length > 0 ? { issues } : { preview: await previewCampaign(tx, input, now()) };
      });
      if ('issues' in preview) return fail({ code: 'VALIDATION_FAILED', issues: preview.issues });
      return previewDto(preview.preview);
    },
  );

  app.get(
    '/recovery/campaigns/:id',
    { schema: { tags, summary: 'A campaign and its progress', params: IdParams, response: { 200: CampaignDto } } },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const found = await inCallerTenant(deps, request, principal, ({ tx }) => getCampaign(tx, request.params.id, now()));
      return found ? campaignDto(found) : fail({ code: 'NOT_FOUND' });
    },
  );

  app.put(
    '/recovery/campaigns/:id',
    {
      schema: { tags, summary: 'Change a draft campaign (manager)', params: IdParams, body: CampaignInput, response: { 200: CampaignDto } },
    },
    (request) => change(request, (tx) => updateCampaign(tx, request.params.id, campaignInputOf(request.body), now())),
  );

  app.get(
    '/recovery/campaigns/:id/preview',
    {
      schema: {
        tags,
        summary: 'What launching the campaign now would do (nothing is written)',
        params: IdParams,
        response: { 200: CampaignPreview },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const preview = await inCallerTenant(deps, request, principal, async ({ tx }) => {
        const campaign = await getCampaign(tx, request.params.id, now());
        return campaign ? previewCampaign(tx, campaign, now()) : null;
      });
      return preview ? previewDto(preview) : fail({ code: 'NOT_FOUND' });
    },
  );

  app.post(
    '/recovery/campaigns/:id/launch',
    {
      schema: {
        tags,
        summary: 'Launch a draft: one message per selected case, each on the day the rules of contact allow (manager)',
        params: IdParams,
        response: { 200: CampaignDto },
      },
    },
    (request) => change(request, (tx, actor) => launchCampaign(tx, request.params.id, actor, now(), deps.ids)),
  );

  app.post(
    '/recovery/campaigns/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a campaign: the messages not handed to the worker yet are cancelled (manager)',
        params: IdParams,
        response: { 200: CampaignDto },
      },
    },
    (request) => change(request, (tx) => cancelCampaign(tx, request.params.id, now())),
  );
}
