/**
 * The worker against a real SMTP server on loopback: an account e-mail queued
 * by a password-reset request arrives once, in the user's language, with a
 * working link; a job asked for in a transaction that rolls back never runs;
 * the health endpoint answers.
 */
import { randomUUID } from 'node:crypto';
import { requestPasswordReset } from '@amiable/auth';
import { enqueueJob, inTenant, postgresAuthMailQueue, postgresAuthStore, sql } from '@amiable/db';
import { cryptoRandom, uuidV7Generator } from '@amiable/system';
import { FakeClock, type TestDatabase, createTestDatabase } from '@amiable/testing';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from '../src/start-worker.js';
import { type LoopbackSmtp, startLoopbackSmtp, workerConfig } from './loopback-smtp.js';

let db: TestDatabase;
let smtp: LoopbackSmtp;
let worker: RunningWorker;
const received: ParsedMail[] = [];
const clock = new FakeClock('2026-11-23T10:00:00+01:00');
const ids = uuidV7Generator(clock, cryptoRandom);

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startLoopbackSmtp(received);
  worker = await startWorker({
    config: workerConfig(smtp.url, { AMIABLE_WORKER_HEALTH_PORT: '0', MAIL_FROM: 'Amiable <relances@amiable.test>' }),
    db,
    clock,
    ids,
  });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await db.drop();
});

async function until<T>(fn: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('worker', () => {
  it('sends a password-reset e-mail over SMTP, once, in the user language, with the reset link', async () => {
    const tenantId = randomUUID();
    const store = postgresAuthStore(db.app, db.admin);
    await store.insertTenant({ id: tenantId, name: 'Mail SAS', kind: 'company', defaultLocale: 'fr', createdAt: clock.now() });
    const userId = await store.ensureUser({
      id: ids.newId(),
      email: 'ines@mail.test',
      displayName: 'Inès Fabre',
      locale: 'fr',
      now: clock.now(),
    });
    await store.addMember(tenantId, userId, 'owner', clock.now());
    await requestPasswordReset(
      { email: 'Ines@Mail.test', ip: '127.0.0.1' },
      { store, clock, random: cryptoRandom, ids, mail: postgresAuthMailQueue(db.app) },
    );
    await requestPasswordReset(
      { email: 'nobody@mail.test', ip: '127.0.0.1' },
      { store, clock, random: cryptoRandom, ids, mail: postgresAuthMailQueue(db.app) },
    );
    const mail = await until(() => received.find((m) => m.subject?.includes('mot de passe')));
    expect(mail.from?.value[0]).toMatchObject({ name: 'Amiable', address: 'relances@amiable.test' });
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('ines@mail.test');
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe Amiable');
    expect(mail.text).toContain('Bonjour Inès Fabre,');
    expect(mail.text).toMatch(/https:\/\/amiable\.example\.com\/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(mail.html).toContain('Choisir un nouveau mot de passe');
    expect(mail.messageId).toMatch(/^<auth-\d+@amiable\.example\.com>$/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received).toHaveLength(1);
  });

  it('never runs a job whose transaction rolled back, and runs the one that committed', async () => {
    const tenantId = randomUUID();
    await inTenant(db.app, { tenantId }, (tx) =>
      tx.execute(sql`INSERT INTO amiable.tenant (id, name, kind, created_at) VALUES (${tenantId}, 'Jobs SAS', 'company', now())`),
    );
    await expect(
      inTenant(db.app, { tenantId }, async (tx) => {
        await enqueueJob(tx, 'run-import', { importId: randomUUID() }, { jobKey: 'rolled-back' });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const count = async () =>
      (await db.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key LIKE '%rolled-back'`)).rows[0]?.n;
    expect(await count()).toBe(0);
    await inTenant(db.app, { tenantId }, (tx) => enqueueJob(tx, 'run-import', { importId: randomUUID() }, { jobKey: 'committed' }));
    const payload = await db.admin.query<{ payload: { tenantId: string } }>(
      `SELECT payload FROM graphile_worker._private_jobs WHERE key = $1`,
      [`${tenantId}:committed`],
    );
    // The database stamps the job with the transaction's tenant: a payload cannot name another one.
    expect(payload.rows[0]?.payload.tenantId).toBe(tenantId);
  });

  it('answers its health endpoint', async () => {
    const response = await fetch(`http://127.0.0.1:${worker.healthPort}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', running: true });
  });
});
