import { randomBytes } from 'node:crypto';
import { type Database, openDatabase } from '@amiable/db';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl } from './urls.js';

export interface TestDatabase extends Database {
  readonly name: string;
  /** Connection string of the admin user on this database (what DATABASE_URL would be). */
  readonly adminUrl: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file (cloned from the run's template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `amiable_t_${inject('pgRunId')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (error) {
        // Two clones of one template at the same instant: PostgreSQL refuses the second; try again.
        if (attempt > 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrl(serverUrl, name);
  const db = openDatabase(url, { appPoolSize: 10, adminPoolSize: 2, applicationName: 'amiable-test' });
  return {
    ...db,
    name,
    adminUrl: url,
    async drop() {
      await db.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
