import type { ActivityFact, UseCaseContext } from './actor.js';
import type { LedgerStore } from './ports.js';

/** Appends one line to the activity log: the fact, stamped with the context's actor, clock and a new id. */
export function recordActivity(
  store: LedgerStore,
  ctx: UseCaseContext,
  fact: ActivityFact,
  occurredAt: Date = ctx.clock.now(),
): Promise<void> {
  return store.activity.record({ id: ctx.ids.newId(), occurredAt, ...fact }, ctx.actor);
}
