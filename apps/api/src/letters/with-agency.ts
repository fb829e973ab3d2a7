/**
 * An agency letter is written by the tenant's collection agency on its client's
 * behalf: its identity comes from the agency profile (refused, naming what is
 * missing, while there is none), and every letter after the first on the case
 * recalls that first one (CPCE R124-4).
 */
import { type Tx, agencyParty, firstAgencyLetter, getAgencyProfile } from '@amiable/db';
import { type AppError, err } from '@amiable/domain';
import type { LetterInput } from '@amiable/letters';

export async function withAgency(
  tx: Tx,
  caseId: string,
  input: LetterInput,
): Promise<{ ok: true; value: LetterInput } | { ok: false; error: AppError }> {
  if (input.type !== 'agency-letter') return { ok: true, value: input };
  const profile = await getAgencyProfile(tx);
  if (!profile) return err('AGENCY_PROFILE_MISSING');
  const first = await firstAgencyLetter(tx, caseId);
  return { ok: true, value: { ...input, agency: agencyParty(profile), ...(first ? { firstLetter: first } : {}) } };
}
