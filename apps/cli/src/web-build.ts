import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** What the built app is made of: its own sources and the packages it imports. */
const SOURCE_ROOTS = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/contract/src',
  'packages/domain/src',
  'packages/i18n/src',
];
const STAMP = '.amiable-source-hash';

function filesUnder(entry: string): string[] {
  const full = path.join(REPO_ROOT, entry);
  if (!existsSync(full)) return [];
  try {
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name))
      .sort();
  } catch {
    return [full]; // a file, not a folder
  }
}

/** A hash of the web app's sources, so a checkout with changed sources is rebuilt rather than served stale. */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCE_ROOTS.flatMap(filesUnder)) hash.update(path.relative(REPO_ROOT, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

/** Builds the web app (vite build) when its static files are missing or older than its sources. */
export async function ensureWebBuilt(log: (message: string) => void, fr: boolean): Promise<string | null> {
  const hash = sourceHash();
  const built = existsSync(`${WEB_DIST}index.html`);
  if (built && existsSync(path.join(WEB_DIST, STAMP)) && readFileSync(path.join(WEB_DIST, STAMP), 'utf8') === hash) return WEB_DIST;
  log(
    built
      ? fr
        ? 'Les sources de l’application web ont changé : reconstruction…'
        : 'The web app sources changed: rebuilding…'
      : fr
        ? 'Construction de l’application web (première fois)…'
        : 'Building the web app (first time)…',
  );
  const vite = fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url));
  if (!existsSync(vite)) {
    log(
      fr
        ? 'Vite est absent (npm ci --omit=dev ?) : l’API démarre sans l’application web.'
        : 'Vite is missing (npm ci --omit=dev?): the API starts without the web app.',
    );
    return null;
  }
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: WEB_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('close', resolve);
  });
  if (code !== 0 || !existsSync(`${WEB_DIST}index.html`)) {
    log(
      fr
        ? 'La construction de l’application web a échoué : l’API démarre sans elle.'
        : 'Building the web app failed: the API starts without it.',
    );
    return null;
  }
  writeFileSync(path.join(WEB_DIST, STAMP), hash);
  return WEB_DIST;
}
