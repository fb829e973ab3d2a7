import type { AuthMailQueue, AuthStore, PasswordHasher } from '@amiable/auth';
import type { Config } from '@amiable/config';
import type { Database } from '@amiable/db';
import type { Clock, IdGenerator, RandomSource } from '@amiable/domain';

/** Everything the HTTP layer needs, built once by the composition root (apps/cli start). */
export interface ApiDeps {
  readonly config: Config;
  readonly db: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly random: RandomSource;
  readonly hasher: PasswordHasher;
  readonly authStore: AuthStore;
  readonly authMail: AuthMailQueue;
  /** argon2id hash of a random string, verified for unknown e-mails so logins take the same time either way. */
  readonly dummyPasswordHash: string;
  /** Folder of the built web app, served at / (null: not built). */
  readonly webDist: string | null;
  /** Reports the in-process worker's state for /api/health, when there is one. */
  readonly workerHealth?: () => { running: boolean; jobsCompleted: number; jobsFailed: number } | null;
}
