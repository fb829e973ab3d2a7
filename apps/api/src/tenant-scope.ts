import type { Principal } from '@amiable/auth';
import { type Tx, inTenant, ledgerStore } from '@amiable/db';
import { parisDateOf } from '@amiable/domain';
import type { LedgerStore, UseCaseContext } from '@amiable/ledger';
import type { FastifyRequest } from 'fastify';
import type { ApiDeps } from './deps.js';
import { actorOf } from './request-context.js';

/** The tenant transaction settings of a caller. */
export function tenantContextOf(principal: Principal): { tenantId: string; userId: string | null } {
  return { tenantId: principal.tenantId, userId: principal.kind === 'user' ? principal.userId : null };
}

/** Runs `fn` in a transaction of the caller's tenant, with the ledger store and use-case context ready. */
export function inCallerTenant<T>(
  deps: ApiDeps,
  request: FastifyRequest,
  principal: Principal,
  fn: (scope: { tx: Tx; store: LedgerStore; ctx: UseCaseContext; today: string }) => Promise<T>,
): Promise<T> {
  return inTenant(deps.db.app, tenantContextOf(principal), (tx) =>
    fn({
      tx,
      store: ledgerStore(tx),
      ctx: { actor: actorOf(request, principal), clock: deps.clock, ids: deps.ids },
      today: parisDateOf(deps.clock.now()),
    }),
  );
}
