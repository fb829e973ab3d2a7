import { randomBytes } from 'node:crypto';
import { buildServer } from '@amiable/api';
import { cachingAuthStore } from '@amiable/auth';
import { postgresAuthMailQueue, postgresAuthStore } from '@amiable/db';
import { DEMO_PASSWORD } from '@amiable/demo';
import { argon2PasswordHasher, cryptoRandom, systemClock, uuidV7Generator } from '@amiable/system';
import { startWorker } from '@amiable/worker';
import { parseFlags, positiveInteger } from '../args.js';
import type { Io } from '../io.js';
import { openRuntime, readConfig } from '../runtime.js';
import { waitForShutdown } from '../shutdown.js';
import { ensureWebBuilt } from '../web-build.js';
import { loadDemoPortfolio } from './demo.js';

export const START_HELP = {
  fr: `amiable start [--demo] [--port N] [--host ADRESSE] [--no-worker]

Démarre Amiable : l'API, l'application web (http://127.0.0.1:3000 par défaut) et le worker des tâches.
Sans DATABASE_URL, la base PostgreSQL intégrée est démarrée dans ./data (AMIABLE_DATA_DIR).

  --demo        charge le portefeuille de démonstration s'il n'y est pas encore, et affiche l'identifiant de démo
  --port N      port HTTP (défaut : PORT ou 3000)
  --host ADR    adresse d'écoute (défaut : HOST ou 127.0.0.1)
  --no-worker   ne lance pas le worker dans ce processus (lancez « amiable worker » à part)`,
  en: `amiable start [--demo] [--port N] [--host ADDRESS] [--no-worker]

Starts Amiable: the API, the web app (http://127.0.0.1:3000 by default) and the job worker.
Without DATABASE_URL, the bundled PostgreSQL is started in ./data (AMIABLE_DATA_DIR).

  --demo        loads the demo portfolio if not there yet, and prints the demo login
  --port N      HTTP port (default: PORT or 3000)
  --host ADDR   listen address (default: HOST or 127.0.0.1)
  --no-worker   do not run the worker in this process (run "amiable worker" separately)`,
};

export async function startCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseFlags(
    argv,
    { demo: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' }, 'no-worker': { type: 'boolean' } },
    io.fr,
  );
  if (values.help) return io.help(START_HELP);
  const env = { ...process.env };
  if (values.port !== undefined) env.PORT = String(positiveInteger(values.port, '--port', io.fr, 65535));
  if (values.host !== undefined) env.HOST = values.host;
  const config = readConfig(env);
  const runtime = await openRuntime(config, { log: io.log });
  const clock = systemClock;
  const ids = uuidV7Generator(clock);
  try {
    if (values.demo) await loadDemoPortfolio(runtime, { log: io.log, fr: io.fr });
    const webDist = await ensureWebBuilt(io.log, io.fr);
    const worker =
      config.worker.inProcess && !values['no-worker']
        ? await startWorker({ config, db: runtime.db, clock, ids, log: (_, m) => io.error(m) })
        : null;
    const app = await buildServer({
      config,
      db: runtime.db,
      clock,
      ids,
      random: cryptoRandom,
      hasher: argon2PasswordHasher,
      // Sessions and API keys are looked up on every request; a 5 s cache saves a round trip (ADR 0008).
      authStore: cachingAuthStore(postgresAuthStore(runtime.db.app), { clock, ttlMs: 5_000 }),
      authMail: postgresAuthMailQueue(runtime.db.app),
      dummyPasswordHash: await argon2PasswordHasher.hash(randomBytes(16).toString('hex')),
      webDist,
      workerHealth: worker ? () => worker.health() : () => null,
    });
    await app.listen({ port: config.port, host: config.host });
    const url = config.publicUrl;
    io.log('');
    io.log(io.fr ? `Amiable est prêt : ${url}` : `Amiable is ready: ${url}`);
    if (values.demo)
      io.log(io.fr ? `Connexion de démo : demo@amiable.test / ${DEMO_PASSWORD}` : `Demo login: demo@amiable.test / ${DEMO_PASSWORD}`);
    io.log(io.fr ? `API : ${url}/api/docs — arrêt : Ctrl-C` : `API: ${url}/api/docs — stop: Ctrl-C`);
    await waitForShutdown(io.log, io.fr);
    await app.close();
    await worker?.stop();
    return 0;
  } finally {
    await runtime.close();
    io.log(io.fr ? 'Arrêté.' : 'Stopped.');
  }
}
