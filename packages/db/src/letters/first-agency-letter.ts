/**
 * An agency's later letters to a debtor recall its first one, by reference and
 * date (CPCE R124-4): the case's oldest archived agency letter, read from the
 * facts it was rendered from so the recall prints what that letter printed.
 */
import type { IsoDate } from '@amiable/domain';
import { creditorReference, groupReference } from '@amiable/letters';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';

export async function firstAgencyLetter(tx: Tx, caseId: string): Promise<{ reference: string; date: IsoDate } | null> {
  const row = await tx.maybeOne<{ reference: string | null; date: string | null }>(sql`
    SELECT facts->'input'->>'reference' AS reference, facts->'input'->>'date' AS date
      FROM amiable.document
     WHERE case_id = ${caseId} AND kind = 'letter' AND letter_type = 'agency-letter'
     ORDER BY created_at, id LIMIT 1`);
  // Letters made from a case always carry the case's reference; one without could not be recalled by it.
  if (!row?.reference || !row.date) return null;
  return { reference: groupReference(creditorReference(row.reference)), date: row.date };
}
