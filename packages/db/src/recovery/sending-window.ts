/**
 * The sending window at execution (issue 4 point 4: "sending window in
 * Europe/Paris hours"). The planner dates each job at the window's opening, but a
 * job can still run outside it: a worker that was down all day, an approval given
 * at 8 p.m., a message postponed by a campaign. Such a message is not sent: its job
 * moves to the next opening on a day the calendar allows (no weekend or public
 * holiday when the tenant excludes them), and the row says why.
 */
import { addDays, parisDateOf, parisTimeOf } from '@amiable/domain';
import { isContactDay } from '@amiable/recovery';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import { RECOVERY_DISPATCH_TASK, contactLimitsOf } from './planning.js';

export async function gateSendingWindow(tx: Tx, dispatchId: string, now: Date): Promise<'go' | 'postponed'> {
  const limits = await contactLimitsOf(tx);
  const today = parisDateOf(now);
  const time = parisTimeOf(now);
  const contactDay = isContactDay(today, limits);
  if (contactDay && time >= limits.windowStart && time < limits.windowEnd) return 'go';
  let day = contactDay && time < limits.windowStart ? today : addDays(today, 1);
  // A year of days always holds a working day; the bound only guards a policy that excluded them all.
  for (let n = 0; n < 366 && !isContactDay(day, limits); n++) day = addDays(day, 1);
  await tx.execute(sql`UPDATE amiable.dispatch SET last_error = ${`outside the sending window (${limits.windowStart}–${limits.windowEnd}): moved to ${day}`},
      updated_at = ${now} WHERE id = ${dispatchId}`);
  await tx.execute(sql`SELECT amiable.enqueue_job(${RECOVERY_DISPATCH_TASK}, jsonb_build_object('dispatchId', ${dispatchId}::uuid),
    ${`dispatch:${dispatchId}:${day}`}, (${day}::date + ${limits.windowStart}::time) AT TIME ZONE 'Europe/Paris', 10)`);
  return 'postponed';
}
