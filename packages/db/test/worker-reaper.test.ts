/**
 * Jobs locked by a worker process that died are unlocked at once by the others
 * (not after graphile-worker's 4-hour timeout); those of a live process are left alone.
 */
import { type TestDatabase, createTestDatabase } from '@amiable/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReaper } from '../src/worker-reaper.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function lockedJob(workerId: string): Promise<string> {
  const job = await db.admin.query<{ id: string }>("SELECT id::text FROM graphile_worker.add_job('reaper-test', '{}'::json)");
  const id = job.rows[0]?.id as string;
  await db.admin.query('UPDATE graphile_worker._private_jobs SET locked_by = $1, locked_at = now() WHERE id = $2::bigint', [workerId, id]);
  return id;
}
const lockedBy = async (id: string) =>
  (await db.admin.query<{ locked_by: string | null }>('SELECT locked_by FROM graphile_worker._private_jobs WHERE id = $1::bigint', [id]))
    .rows[0]?.locked_by;

describe('the reaper', () => {
  it('unlocks the jobs of a dead process and leaves those of a live one', async () => {
    const log: string[] = [];
    const alive = await startReaper(db, (_, m) => log.push(m), 60_000);
    alive.register('worker-alive');
    const aliveJob = await lockedJob('worker-alive');
    // A process that died: its row is there, nobody holds its advisory lock any more.
    await db.admin.query(
      "INSERT INTO amiable_ops.worker_process (worker_id, process_key, hostname, pid, started_at) VALUES ('worker-dead', 42, 'gone', 1, now())",
    );
    const deadJob = await lockedJob('worker-dead');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const other = await startReaper(db, (_, m) => log.push(m), 60_000);
    expect(await lockedBy(deadJob)).toBeNull();
    expect(await lockedBy(aliveJob)).toBe('worker-alive');
    expect(log.join('\n')).toContain('unlocked the jobs of 1 worker(s)');
    expect(
      (await db.admin.query("SELECT count(*)::int AS n FROM amiable_ops.worker_process WHERE worker_id = 'worker-dead'")).rows[0].n,
    ).toBe(0);
    await other.stop();
    await alive.stop();
    expect((await db.admin.query('SELECT count(*)::int AS n FROM amiable_ops.worker_process')).rows[0].n).toBe(0);
  });

  it('unlocks jobs locked for over a minute by a worker no process registered (killed before registering), not fresher ones', async () => {
    const old = await lockedJob('pool-orphan');
    await db.admin.query("UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '2 minutes' WHERE id = $1::bigint", [old]);
    const fresh = await lockedJob('pool-starting');
    const reaper = await startReaper(db, () => undefined, 60_000);
    expect(await lockedBy(old)).toBeNull();
    expect(await lockedBy(fresh)).toBe('pool-starting');
    await reaper.stop();
  });
});
