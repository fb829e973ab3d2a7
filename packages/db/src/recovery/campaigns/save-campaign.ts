/** Creating a campaign (a draft) and changing it while it is still one. */
import type { FieldIssue, IdGenerator } from '@amiable/domain';
import { sql } from '../../sql.js';
import type { Tx } from '../../tenant-transaction.js';
import type { CommandActor } from '../recovery-commands.js';
import { type CampaignRecord, getCampaign } from './campaign-records.js';
import { type CampaignInput, checkCampaignInput } from './check-campaign-input.js';

export type CampaignResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'NOT_FOUND' | 'VALIDATION_FAILED' | 'CAMPAIGN_NOT_DRAFT' | 'CAMPAIGN_EMPTY'; issues?: FieldIssue[] };

export async function createCampaign(
  tx: Tx,
  input: CampaignInput,
  actor: CommandActor,
  now: Date,
  ids: IdGenerator,
): Promise<CampaignResult<CampaignRecord>> {
  const issues = await checkCampaignInput(tx, input);
  if (issues.length > 0) return { ok: false, code: 'VALIDATION_FAILED', issues };
  const id = ids.newId();
  await tx.execute(sql`INSERT INTO amiable.campaign (tenant_id, id, name, channel, templates, filter, status, created_by, created_at, updated_at)
    VALUES (${tx.tenantId}, ${id}, ${input.name.trim()}, ${input.channel}, ${JSON.stringify(input.templates)}::jsonb,
            ${JSON.stringify(input.filter)}::jsonb, 'draft', ${actor.label}, ${now}, ${now})`);
  const saved = await getCampaign(tx, id, now);
  return saved ? { ok: true, value: saved } : { ok: false, code: 'NOT_FOUND' };
}

export async function updateCampaign(tx: Tx, id: string, input: CampaignInput, now: Date): Promise<CampaignResult<CampaignRecord>> {
  const current = await tx.maybeOne<{ status: string }>(sql`SELECT status FROM amiable.campaign WHERE id = ${id} FOR UPDATE`);
  if (!current) return { ok: false, code: 'NOT_FOUND' };
  if (current.status !== 'draft') return { ok: false, code: 'CAMPAIGN_NOT_DRAFT' };
  const issues = await checkCampaignInput(tx, input);
  if (issues.length > 0) return { ok: false, code: 'VALIDATION_FAILED', issues };
  await tx.execute(sql`UPDATE amiable.campaign SET name = ${input.name.trim()}, channel = ${input.channel},
      templates = ${JSON.stringify(input.templates)}::jsonb, filter = ${JSON.stringify(input.filter)}::jsonb, updated_at = ${now}
    WHERE id = ${id}`);
  const saved = await getCampaign(tx, id, now);
  return saved ? { ok: true, value: saved } : { ok: false, code: 'NOT_FOUND' };
}
