/**
 * A planner run for one tenant and day, in one transaction: snapshot, decision
 * (the pure planCases of @amiable/recovery), then the new actions with their jobs.
 * Safe to run again the same day, or many times at once: the dispatch rows are
 * unique per (case, step, day), so a repeated action is never created twice.
 */
import type { IdGenerator, IsoDate } from '@amiable/domain';
import { planCases } from '@amiable/recovery';
import type pg from 'pg';
import { inTenant } from '../tenant-transaction.js';
import { loadPlanningSnapshot, saveDispatches } from './planning.js';
import { settlePromises } from './recovery-commands.js';

export interface PlannerRun {
  readonly cases: number;
  readonly planned: number;
  readonly created: number;
}

export async function runPlanner(
  pool: pg.Pool,
  tenantId: string,
  date: IsoDate,
  now: Date,
  ids: IdGenerator,
  /** Time spent in each phase, in ms (benchmarks). */
  onPhase?: (phase: string, ms: number) => void,
): Promise<PlannerRun> {
  let last = performance.now();
  const phase = (name: string) => {
    const at = performance.now();
    onPhase?.(name, at - last);
    last = at;
  };
  return inTenant(pool, { tenantId }, async (tx) => {
    // Promises whose date has passed are settled first: a broken one resumes its case today.
    await settlePromises(tx, date, now, ids);
    phase('promises');
    const snapshot = await loadPlanningSnapshot(tx, date, now, ids, phase);
    const planned = planCases(snapshot);
    phase('decide');
    const created = await saveDispatches(tx, date, planned, now, ids, phase);
    return { cases: snapshot.cases.length, planned: planned.length, created };
  });
}
