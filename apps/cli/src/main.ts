/** The amiable command: one sub-command per task, --help everywhere, errors in the user's language. */
import { UsageError } from './args.js';
import { type Io, consoleIo } from './io.js';

interface Command {
  /** Loaded on demand: `amiable generate` need not load the API, PDF and spreadsheet libraries. */
  readonly load: () => Promise<{ run: (argv: readonly string[], io: Io) => Promise<number> }>;
  readonly summary: { fr: string; en: string };
}

const COMMANDS: Readonly<Record<string, Command>> = {
  start: {
    load: async () => ({ run: (await import('./commands/start.js')).startCommand }),
    summary: { fr: "démarre l'API, l'application web et le worker", en: 'starts the API, the web app and the worker' },
  },
  worker: {
    load: async () => ({ run: (await import('./commands/worker.js')).workerCommand }),
    summary: { fr: 'lance un worker seul', en: 'runs a worker alone' },
  },
  migrate: {
    load: async () => ({ run: (await import('./commands/migrate.js')).migrateCommand }),
    summary: { fr: 'applique les migrations de la base', en: 'applies database migrations' },
  },
  import: {
    load: async () => ({ run: (await import('./commands/import.js')).importCommand }),
    summary: { fr: 'importe des factures (CSV, XLSX, Factur-X, CII, UBL)', en: 'imports invoices (CSV, XLSX, Factur-X, CII, UBL)' },
  },
  demo: {
    load: async () => ({ run: (await import('./commands/demo.js')).demoCommand }),
    summary: { fr: 'charge le portefeuille de démonstration', en: 'loads the demo portfolio' },
  },
  generate: {
    load: async () => ({ run: (await import('./commands/generate.js')).generateCommand }),
    summary: { fr: 'écrit un CSV synthétique pour les mesures', en: 'writes a synthetic CSV for benchmarks' },
  },
  creditors: {
    load: async () => ({ run: (await import('./commands/creditors.js')).creditorsCommand }),
    summary: { fr: 'liste ou crée les créanciers d’un compte', en: "lists or creates a tenant's creditors" },
  },
  calc: {
    load: async () => ({ run: (await import('./commands/calc/calc.js')).calcCommand }),
    summary: {
      fr: 'calcule pénalités, intérêts, indemnité, prescription, petites créances',
      en: 'computes penalties, interest, indemnity, prescription, small claims',
    },
  },
  simulate: {
    load: async () => ({ run: (await import('./commands/simulate.js')).simulateCommand }),
    summary: {
      fr: 'simule un scénario de relance sur un portefeuille (sans base)',
      en: 'simulates a recovery scenario on a portfolio (no database)',
    },
  },
  letters: {
    load: async () => ({ run: (await import('./commands/letters.js')).lettersCommand }),
    summary: {
      fr: 'produit une lettre PDF/A (relance, mise en demeure…) sans base',
      en: 'renders a PDF/A letter (reminder, formal notice…) without a database',
    },
  },
  mail: {
    load: async () => ({ run: (await import('./commands/mail.js')).mailCommand }),
    summary: { fr: 'enregistre un avis de non-distribution (bounce)', en: 'records a bounce (delivery status notification)' },
  },
  rates: {
    load: async () => ({ run: (await import('./commands/rates.js')).ratesCommand }),
    summary: { fr: 'liste ou complète la table des taux (BCE, taux légal)', en: 'lists or completes the rates table (ECB, legal rate)' },
  },
  tenants: {
    load: async () => ({ run: (await import('./commands/tenants.js')).tenantsCommand }),
    summary: { fr: 'liste ou crée des comptes', en: 'lists or creates tenants' },
  },
};

function usage(io: Io): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${io.fr ? c.summary.fr : c.summary.en}`);
  return io.fr
    ? `Amiable — recouvrement amiable de créances\n\nUsage : amiable <commande> [options]\n\n${lines.join('\n')}\n\n« amiable <commande> --help » détaille chaque commande.`
    : `Amiable — amicable debt recovery\n\nUsage: amiable <command> [options]\n\n${lines.join('\n')}\n\n"amiable <command> --help" details each command.`;
}

export async function main(argv: readonly string[], io: Io = consoleIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    await io.write(`${usage(io)}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.error(io.fr ? `Commande inconnue : ${name}\n\n${usage(io)}` : `Unknown command: ${name}\n\n${usage(io)}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.error(error.message);
      return 2;
    }
    io.error(io.fr ? `Erreur : ${(error as Error).message}` : `Error: ${(error as Error).message}`);
    if (process.env.AMIABLE_DEBUG) io.error(String((error as Error).stack));
    return 1;
  }
}
