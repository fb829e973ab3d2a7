import { systemClock, uuidV7Generator } from '@amiable/system';
import { startWorker } from '@amiable/worker';
import { parseFlags, positiveInteger } from '../args.js';
import type { Io } from '../io.js';
import { openRuntime, readConfig } from '../runtime.js';
import { waitForShutdown } from '../shutdown.js';

export const WORKER_HELP = {
  fr: `amiable worker [--concurrency N] [--health-port N]

Lance un worker seul (sans API) : il exécute les tâches durables (imports, e-mails). Plusieurs workers et plusieurs
processus API peuvent tourner ensemble sur la même base PostgreSQL.

  --concurrency N   tâches en parallèle (défaut : AMIABLE_WORKER_CONCURRENCY ou 4)
  --health-port N   sert GET /health sur ce port (0 : port libre, affiché)`,
  en: `amiable worker [--concurrency N] [--health-port N]

Runs a worker alone (no API): it executes durable jobs (imports, e-mails). Several workers and several API
processes can run together on one PostgreSQL database.

  --concurrency N   jobs in parallel (default: AMIABLE_WORKER_CONCURRENCY or 4)
  --health-port N   serves GET /health on this port (0: a free port, printed)`,
};

export async function workerCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(argv, { concurrency: { type: 'string' }, 'health-port': { type: 'string' } }, io.fr);
  if (values.help) return io.help(WORKER_HELP);
  const env = { ...process.env };
  if (values.concurrency !== undefined)
    env.AMIABLE_WORKER_CONCURRENCY = String(positiveInteger(values.concurrency, '--concurrency', io.fr, 64));
  if (values['health-port'] !== undefined)
    env.AMIABLE_WORKER_HEALTH_PORT =
      values['health-port'] === '0' ? '0' : String(positiveInteger(values['health-port'], '--health-port', io.fr, 65535));
  const runtime = await openRuntime(readConfig(env), { log: io.log, appPoolSize: 10 });
  try {
    const worker = await startWorker({
      config: runtime.config,
      db: runtime.db,
      clock: systemClock,
      ids: uuidV7Generator(systemClock),
      log: (_, m) => io.error(m),
    });
    io.log(io.fr ? 'Worker démarré.' : 'Worker started.');
    if (worker.healthPort !== null) io.log(`health: http://${runtime.config.host}:${worker.healthPort}/health`);
    await waitForShutdown(io.log, io.fr);
    await worker.stop();
    return 0;
  } finally {
    await runtime.close();
  }
}
