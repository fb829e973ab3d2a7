import type { ColumnMapping, RowIssue } from '@amiable/imports';
import type { ImportBatchRecord, ImportRepository } from '@amiable/ledger';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';

interface BatchRow {
  id: string;
  creditor_id: string | null;
  filename: string;
  format: ImportBatchRecord['format'];
  file_id: string | null;
  sha256: Buffer;
  status: ImportBatchRecord['status'];
  mode: ImportBatchRecord['mode'];
  settings: ImportBatchRecord['settings'];
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  rejected_count: number;
  rejected_rows: RowIssue[];
  totals: Record<string, number>;
  error_code: string | null;
  actor_kind: ImportBatchRecord['actor']['kind'];
  actor_id: string | null;
  actor_label: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export function batchOf(row: BatchRow): ImportBatchRecord {
  return {
    id: row.id,
    creditorId: row.creditor_id,
    filename: row.filename,
    format: row.format,
    fileId: row.file_id,
    sha256: new Uint8Array(row.sha256),
    status: row.status,
    mode: row.mode,
    settings: row.settings,
    counts: { created: row.created_count, updated: row.updated_count, unchanged: row.unchanged_count, rejected: row.rejected_count },
    rejectedRows: row.rejected_rows,
    outstandingByCurrency: row.totals,
    errorCode: row.error_code,
    actor: { kind: row.actor_kind, id: row.actor_id, label: row.actor_label, channel: 'api', ip: null },
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function importRepository(tx: Tx): ImportRepository {
  return {
    async insertBatch(b) {
      await tx.execute(sql`INSERT INTO amiable.import_batch (tenant_id, id, creditor_id, filename, format, file_id, sha256, status, mode, settings,
          actor_kind, actor_id, actor_label, created_at)
        VALUES (${tx.tenantId}, ${b.id}, ${b.creditorId}, ${b.filename}, ${b.format}, ${b.fileId}, ${Buffer.from(b.sha256)}, ${b.status}, ${b.mode},
          ${JSON.stringify(b.settings)}::jsonb, ${b.actor.kind}, ${b.actor.id}, ${b.actor.label}, ${b.createdAt})`);
    },
    async getBatch(id) {
      const row = await tx.maybeOne<BatchRow>(sql`SELECT * FROM amiable.import_batch WHERE id = ${id}`);
      return row ? batchOf(row) : null;
    },
    async transition(id, from, to, changes) {
      const counts = changes.counts;
      const count = await tx.execute(sql`UPDATE amiable.import_batch SET
          status = ${to},
          creditor_id = coalesce(${changes.creditorId ?? null}::uuid, creditor_id),
          mode = coalesce(${changes.mode ?? null}, mode),
          settings = coalesce(${changes.settings ? JSON.stringify(changes.settings) : null}::jsonb, settings),
          created_count = coalesce(${counts?.created ?? null}::int, created_count),
          updated_count = coalesce(${counts?.updated ?? null}::int, updated_count),
          unchanged_count = coalesce(${counts?.unchanged ?? null}::int, unchanged_count),
          rejected_count = coalesce(${counts?.rejected ?? null}::int, rejected_count),
          rejected_rows = coalesce(${changes.rejectedRows ? JSON.stringify(changes.rejectedRows) : null}::jsonb, rejected_rows),
          totals = coalesce(${changes.outstandingByCurrency ? JSON.stringify(changes.outstandingByCurrency) : null}::jsonb, totals),
          error_code = coalesce(${changes.errorCode ?? null}, error_code),
          started_at = coalesce(${changes.startedAt ?? null}::timestamptz, started_at),
          finished_at = coalesce(${changes.finishedAt ?? null}::timestamptz, finished_at)
        WHERE id = ${id} AND status = ANY (${[...from]})`);
      return count === 1;
    },
    async findMapping(signature) {
      const row = await tx.maybeOne<{ mapping: ColumnMapping }>(
        sql`SELECT mapping FROM amiable.import_mapping WHERE header_signature = ${signature}`,
      );
      return row?.mapping ?? null;
    },
    async saveMapping(signature, mapping, now) {
      await tx.execute(sql`INSERT INTO amiable.import_mapping (tenant_id, header_signature, mapping, updated_at)
        VALUES (${tx.tenantId}, ${signature}, ${JSON.stringify(mapping)}::jsonb, ${now})
        ON CONFLICT (tenant_id, header_signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`);
    },
  };
}
