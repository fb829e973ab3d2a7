import type { ImportBatchRecord } from '@amiable/ledger';
import { batchOf } from '../ledger/import-repository.js';
import { type SqlQuery, empty, join, sql } from '../sql.js';
import type { Queryable } from '../tenant-transaction.js';
import { type Cursor, type Page, afterCursor, pageOf } from './cursor.js';

export async function listImportBatches(db: Queryable, input: { cursor: Cursor | null; limit: number }): Promise<Page<ImportBatchRecord>> {
  const where: SqlQuery[] = [];
  if (input.cursor) where.push(afterCursor(sql`created_at`, sql`id`, 'desc', input.cursor, false));
  const rows = await db.query<Parameters<typeof batchOf>[0] & { cursor_value: string }>(sql`
    SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_value FROM amiable.import_batch
    ${where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : empty}
    ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}`);
  return pageOf(rows, input.limit, batchOf, (row) => ({ value: row.cursor_value, id: row.id }));
}
