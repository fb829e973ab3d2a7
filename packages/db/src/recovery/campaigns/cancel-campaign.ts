/**
 * Cancelling a campaign: its draft is dropped, or its messages not yet handed to a
 * worker ('planned') are cancelled. A message already 'sending' may be at the
 * provider: it finishes, or goes to review, like any other. Cancelling twice is
 * harmless; a campaign already done stays done.
 */
import { sql } from '../../sql.js';
import type { Tx } from '../../tenant-transaction.js';
import { type CampaignRecord, getCampaign } from './campaign-records.js';
import type { CampaignResult } from './save-campaign.js';

export async function cancelCampaign(tx: Tx, id: string, now: Date): Promise<CampaignResult<CampaignRecord>> {
  const current = await tx.maybeOne<{ status: string }>(sql`SELECT status FROM amiable.campaign WHERE id = ${id} FOR UPDATE`);
  if (!current) return { ok: false, code: 'NOT_FOUND' };
  if (current.status === 'draft' || current.status === 'sending') {
    // The claim locks the dispatch row too: a worker either claimed it before (it stays 'sending') or finds it cancelled.
    const cancelled =
      await tx.execute(sql`UPDATE amiable.dispatch SET status = 'cancelled', last_error = 'campaign cancelled', updated_at = ${now}
      WHERE campaign_id = ${id} AND status = 'planned'`);
    const pending = await tx.maybeOne(sql`SELECT 1 FROM amiable.dispatch WHERE campaign_id = ${id} AND status = 'sending' LIMIT 1`);
    // Nothing was left to stop: the campaign had in fact finished.
    const finished = current.status === 'sending' && cancelled === 0 && !pending;
    await tx.execute(sql`UPDATE amiable.campaign SET status = ${finished ? 'done' : 'cancelled'},
        cancelled_at = ${finished ? null : now}, updated_at = ${now} WHERE id = ${id}`);
  }
  const campaign = await getCampaign(tx, id, now);
  return campaign ? { ok: true, value: campaign } : { ok: false, code: 'NOT_FOUND' };
}
