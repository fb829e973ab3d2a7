/**
 * Small helpers shared by the security suites: multipart bodies, the app's own
 * origin, the account e-mails waiting in the job queue, and a parser of the
 * route table Fastify prints.
 */
import { randomBytes } from 'node:crypto';
import type { TestApi } from './harness.js';

/** AMIABLE_PUBLIC_URL of the harness: the only origin allowed to write with a session cookie. */
export const APP_ORIGIN = 'http://localhost:3000';
export const SESSION_COOKIE = '__Host-amiable_session';

/** A 1×1 PNG (valid signature, IHDR, IDAT, IEND). */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** The smallest thing the app accepts as a PDF: it checks the magic bytes only. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

export interface MultipartFile {
  readonly field?: string;
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** A multipart/form-data body: text fields first, then one file. */
export function multipart(file: MultipartFile, fields: Record<string, string> = {}): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----amiable-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      'utf8',
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  );
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface AuthMailJob {
  readonly jobId: string;
  readonly kind: string;
  readonly to: string;
  readonly token: string | null;
}

/**
 * The account e-mails queued for the worker (task system-send-auth-email). In
 * graphile-worker 0.17 the public view graphile_worker.jobs has no payload
 * column: the payload is read from the private table behind it.
 */
export async function authMailJobs(api: TestApi): Promise<AuthMailJob[]> {
  const { rows } = await api.db.admin.query<{ id: string; kind: string; to: string; token: string | null }>(
    `SELECT v.id::text AS id, j.payload->'mail'->>'kind' AS kind, j.payload->'mail'->>'to' AS "to", j.payload->'mail'->>'token' AS token
       FROM graphile_worker.jobs v JOIN graphile_worker._private_jobs j ON j.id = v.id
      WHERE v.task_identifier = 'system-send-auth-email'
      ORDER BY v.id`,
  );
  return rows.map((row) => ({ jobId: row.id, kind: row.kind, to: row.to, token: row.token }));
}

export interface RouteEntry {
  readonly method: string;
  readonly path: string;
}

/**
 * Every route of the app, from `printRoutes({ commonPrefix: false })`: a tree
 * whose lines are "<indent>├── <segment> (GET, HEAD)"; a route's path is its
 * ancestors' segments followed by its own.
 */
export function parseRouteTree(tree: string): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.replace(/\s+$/, ''));
    if (!match) continue;
    const depth = [...(match[1] ?? '')].length / 4;
    if (!Number.isInteger(depth)) throw new Error(`cannot read the route tree line ${JSON.stringify(line)}`);
    stack.length = depth;
    const path = `${stack.join('')}${match[2] ?? ''}`;
    stack.push(match[2] ?? '');
    for (const method of (match[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean))
      routes.push({ method, path });
  }
  return routes;
}
