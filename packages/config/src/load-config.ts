/**
 * The process configuration, read from the environment once at start and
 * validated as a whole: every bad variable is reported (in French or English,
 * after LANG). Only the CLI reads a few more variables itself: the language of
 * its messages, AMIABLE_OWNER_PASSWORD (tenants create) and AMIABLE_DEBUG.
 */
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Config {
  /** PostgreSQL server to use; null = the bundled PostgreSQL in dataDir. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** Base URL users reach the app at (links in e-mails). */
  readonly publicUrl: string;
  readonly cookieSecure: boolean;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly smtp: {
    readonly url: string;
    readonly from: string;
    /** DKIM signing of outgoing mail (SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR, SMTP_DKIM_KEY_FILE): all three or none. */
    readonly dkim: { readonly domainName: string; readonly keySelector: string; readonly privateKeyFile: string } | null;
  } | null;
  /** Sender of account e-mails (reset links, invitations). */
  readonly mailFrom: string;
  /** Without SMTP, e-mails are written as .eml files here (development). */
  readonly outboxDir: string;
  readonly worker: { readonly inProcess: boolean; readonly concurrency: number; readonly healthPort: number | null };
  readonly uploadMaxMegabytes: number;
  readonly logLevel: LogLevel;
  readonly locale: 'fr' | 'en';
  readonly trustProxy: boolean;
}

export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const MESSAGES = {
  fr: {
    port: 'doit être un numéro de port entre 1 et 65535',
    integer: 'doit être un nombre entier entre {min} et {max}',
    boolean: 'doit valoir true ou false',
    url: 'doit être une URL {schemes}',
    choice: 'doit valoir {choices}',
    email: 'doit être une adresse e-mail, éventuellement avec un nom : "Amiable <relances@exemple.fr>"',
    dkim: 'manque : SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR et SMTP_DKIM_KEY_FILE vont ensemble',
    empty: 'ne doit pas être vide',
  },
  en: {
    port: 'must be a port number between 1 and 65535',
    integer: 'must be an integer between {min} and {max}',
    boolean: 'must be true or false',
    url: 'must be a {schemes} URL',
    choice: 'must be one of {choices}',
    email: 'must be an e-mail address, optionally with a name: "Amiable <reminders@example.com>"',
    dkim: 'missing: SMTP_DKIM_DOMAIN, SMTP_DKIM_SELECTOR and SMTP_DKIM_KEY_FILE go together',
    empty: 'must not be empty',
  },
} as const;

export function configLocale(env: Env): 'fr' | 'en' {
  const explicit = env.AMIABLE_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return explicit.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function loadConfig(env: Env, cwd: string): { ok: true; value: Config } | { ok: false; problems: ConfigProblem[] } {
  const locale = configLocale(env);
  const text = MESSAGES[locale];
  const problems: ConfigProblem[] = [];
  const fail = (variable: string, message: string, value: string) => {
    problems.push({ variable, message: `${variable}=${JSON.stringify(value)} ${message}` });
  };
  const fill = (template: string, params: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

  const integer = (name: string, fallback: number, min: number, max: number, message: string = fill(text.integer, { min, max })) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      fail(name, message, raw);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (/^(true|1|yes|oui)$/i.test(raw)) return true;
    if (/^(false|0|no|non)$/i.test(raw)) return false;
    fail(name, text.boolean, raw);
    return fallback;
  };
  const url = (name: string, schemes: readonly string[]) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    try {
      const parsed = new URL(raw);
      if (!schemes.includes(parsed.protocol.replace(/:$/, ''))) throw new Error('scheme');
      return raw;
    } catch {
      fail(name, fill(text.url, { schemes: schemes.join(' | ') }), raw.replace(/\/\/[^@/]*@/, '//***@'));
      return null;
    }
  };
  const choice = <T extends string>(name: string, choices: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if ((choices as readonly string[]).includes(raw)) return raw as T;
    fail(name, fill(text.choice, { choices: choices.join(' | ') }), raw);
    return fallback;
  };

  const databaseUrl = url('DATABASE_URL', ['postgres', 'postgresql']);
  const dataDir = path.resolve(cwd, env.AMIABLE_DATA_DIR?.trim() || 'data');
  const host = env.HOST?.trim() || '127.0.0.1';
  const port = integer('PORT', 3000, 1, 65535, text.port);
  const publicUrl = (
    url('AMIABLE_PUBLIC_URL', ['http', 'https']) ?? `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`
  ).replace(/\/$/, '');
  const publicHost = new URL(publicUrl).hostname;
  const loopback = publicHost === 'localhost' || publicHost === '127.0.0.1' || publicHost === '[::1]';
  // Browsers keep Secure cookies on https and on http://localhost only; on plain
  // http to another host they would drop them and logins would silently fail.
  const cookieSecure = boolean('AMIABLE_COOKIE_SECURE', publicUrl.startsWith('https:') || loopback);
  const smtpUrl = url('SMTP_URL', ['smtp', 'smtps']);
  const mailFrom = env.MAIL_FROM?.trim() || 'Amiable <no-reply@amiable.localhost>';
  if (!/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(mailFrom)) fail('MAIL_FROM', text.email, mailFrom);
  const dkimParts = ['SMTP_DKIM_DOMAIN', 'SMTP_DKIM_SELECTOR', 'SMTP_DKIM_KEY_FILE'].map((name) => env[name]?.trim() || '');
  const dkimSet = dkimParts.filter(Boolean).length;
  if (dkimSet > 0 && dkimSet < 3)
    fail(['SMTP_DKIM_DOMAIN', 'SMTP_DKIM_SELECTOR', 'SMTP_DKIM_KEY_FILE'][dkimParts.findIndex((p) => !p)] as string, text.dkim, '');
  const dkim =
    dkimSet === 3
      ? {
          domainName: dkimParts[0] as string,
          keySelector: dkimParts[1] as string,
          privateKeyFile: path.resolve(cwd, dkimParts[2] as string),
        }
      : null;
  const workerMode = choice('AMIABLE_WORKER', ['in-process', 'separate'] as const, 'in-process');
  const concurrency = integer('AMIABLE_WORKER_CONCURRENCY', 4, 1, 64);
  const healthPortRaw = env.AMIABLE_WORKER_HEALTH_PORT;
  const healthPort = healthPortRaw ? integer('AMIABLE_WORKER_HEALTH_PORT', 0, 0, 65535, text.port) : null;

  const config: Config = {
    databaseUrl,
    dataDir,
    host,
    port,
    publicUrl,
    cookieSecure,
    sessionIdleMinutes: integer('AMIABLE_SESSION_IDLE_MINUTES', 120, 5, 7 * 24 * 60),
    sessionMaxHours: integer('AMIABLE_SESSION_MAX_HOURS', 12, 1, 24 * 30),
    smtp: smtpUrl ? { url: smtpUrl, from: mailFrom, dkim } : null,
    mailFrom,
    outboxDir: path.join(dataDir, 'outbox'),
    worker: { inProcess: workerMode === 'in-process', concurrency, healthPort },
    uploadMaxMegabytes: integer('AMIABLE_UPLOAD_MAX_MB', 50, 1, 2048),
    logLevel: choice('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    locale,
    trustProxy: boolean('AMIABLE_TRUST_PROXY', false),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: Object.freeze(config) };
}
