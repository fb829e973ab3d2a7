import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

/** Builds the web app once (vite build) when its static files are missing. */
export async function ensureWebBuilt(log: (message: string) => void, fr: boolean): Promise<string | null> {
  if (existsSync(`${WEB_DIST}index.html`)) return WEB_DIST;
  log(fr ? 'Construction de l’application web (première fois)…' : 'Building the web app (first time)…');
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
  return WEB_DIST;
}
