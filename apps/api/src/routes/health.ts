import { databaseAnswers } from '@amiable/db';
import { Type } from 'typebox';
import type { ApiDeps } from '../deps.js';
import type { App } from '../app-type.js';

export async function healthRoutes(app: App, deps: ApiDeps): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['Santé'],
        summary: 'Liveness and database reachability',
        security: [],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Literal('ok'),
            worker: Type.Union([Type.Literal('running'), Type.Literal('stopped'), Type.Literal('separate')]),
          }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      if (!(await databaseAnswers(deps.db))) return reply.status(503).send({ status: 'unavailable' as const, database: 'unreachable' });
      const worker = deps.workerHealth?.();
      return {
        status: 'ok' as const,
        database: 'ok' as const,
        worker:
          worker === undefined || worker === null ? ('separate' as const) : worker.running ? ('running' as const) : ('stopped' as const),
      };
    },
  );
}
