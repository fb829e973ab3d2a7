-- Which worker process holds which graphile-worker worker ids, so a process killed
-- with its jobs locked (kill -9, a crashed machine) is noticed at once rather than
-- after graphile-worker's 4-hour lock timeout. Each process holds a session-level
-- advisory lock on its process_key while alive; another process that can take that
-- lock knows the first is dead and unlocks its jobs (graphile_worker.force_unlock_workers).
-- Operational data of no tenant: a schema of its own, not the application schema.
CREATE SCHEMA amiable_ops;
CREATE TABLE amiable_ops.worker_process (
  worker_id text PRIMARY KEY,
  process_key bigint NOT NULL,
  hostname text NOT NULL,
  pid integer NOT NULL,
  started_at timestamptz NOT NULL
);
CREATE INDEX worker_process_key ON amiable_ops.worker_process (process_key);
