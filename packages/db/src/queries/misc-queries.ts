import type { CreditorRecord } from '@amiable/ledger';
import { creditorOf } from '../ledger/creditor-repository.js';
import { type SqlQuery, empty, join, sql } from '../sql.js';
import type { Queryable } from '../tenant-transaction.js';
import { type Cursor, type Page, afterCursor, pageOf } from './cursor.js';

export async function listCreditors(db: Queryable): Promise<CreditorRecord[]> {
  return (await db.query<Parameters<typeof creditorOf>[0]>(sql`SELECT * FROM amiable.creditor ORDER BY legal_name, id`)).map(creditorOf);
}

export async function getCreditorLogo(db: Queryable, creditorId: string): Promise<{ contentType: string; content: Buffer } | null> {
  return db.maybeOne(sql`SELECT f.content_type AS "contentType", f.content FROM amiable.creditor c
    JOIN amiable.stored_file f ON f.tenant_id = c.tenant_id AND f.id = c.logo_file_id WHERE c.id = ${creditorId}`);
}

export interface ActivityView {
  readonly id: string;
  readonly occurredAt: Date;
  readonly debtorId: string | null;
  readonly actorKind: 'user' | 'api-key' | 'import' | 'engine' | 'system';
  readonly actorLabel: string;
  readonly channel: 'web' | 'api' | 'cli' | 'worker';
  readonly ip: string | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly details: Record<string, unknown>;
}

export async function listActivity(
  db: Queryable,
  input: { debtorId?: string | undefined; cursor: Cursor | null; limit: number },
): Promise<Page<ActivityView>> {
  const where: SqlQuery[] = [];
  if (input.debtorId) where.push(sql`debtor_id = ${input.debtorId}`);
  if (input.cursor) where.push(afterCursor(sql`occurred_at`, sql`id`, 'desc', { ...input.cursor, value: input.cursor.value }, false));
  const rows = await db.query<{
    id: string;
    occurred_at: Date;
    debtor_id: string | null;
    actor_kind: ActivityView['actorKind'];
    actor_label: string;
    channel: ActivityView['channel'];
    ip: string | null;
    action: string;
    subject_type: string | null;
    subject_id: string | null;
    details: Record<string, unknown>;
    cursor_value: string;
  }>(sql`SELECT *, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_value FROM amiable.activity
    ${where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : empty}
    ORDER BY occurred_at DESC, id DESC LIMIT ${input.limit + 1}`);
  return pageOf(
    rows,
    input.limit,
    (row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      debtorId: row.debtor_id,
      actorKind: row.actor_kind,
      actorLabel: row.actor_label,
      channel: row.channel,
      ip: row.ip,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      details: row.details,
    }),
    (row) => ({ value: row.cursor_value, id: row.id }),
  );
}

export interface NoteView {
  readonly id: string;
  readonly body: string;
  readonly author: string;
  readonly createdAt: Date;
}

export async function listNotes(db: Queryable, input: { debtorId: string; cursor: Cursor | null; limit: number }): Promise<Page<NoteView>> {
  const where: SqlQuery[] = [sql`debtor_id = ${input.debtorId}`];
  if (input.cursor) where.push(afterCursor(sql`created_at`, sql`id`, 'desc', input.cursor, false));
  const rows = await db.query<{ id: string; body: string; author_label: string; created_at: Date; cursor_value: string }>(sql`
    SELECT id, body, author_label, created_at, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_value
    FROM amiable.debtor_note WHERE ${join(where, ' AND ')} ORDER BY created_at DESC, id DESC LIMIT ${input.limit + 1}`);
  return pageOf(
    rows,
    input.limit,
    (row) => ({ id: row.id, body: row.body, author: row.author_label, createdAt: row.created_at }),
    (row) => ({ value: row.cursor_value, id: row.id }),
  );
}

export async function getTenant(
  db: Queryable,
): Promise<{ id: string; name: string; kind: 'company' | 'agency'; defaultLocale: 'fr' | 'en' } | null> {
  return db.maybeOne(sql`SELECT id, name, kind, default_locale AS "defaultLocale" FROM amiable.tenant`);
}

export async function updateTenant(
  db: Queryable,
  input: { name?: string | undefined; defaultLocale?: 'fr' | 'en' | undefined },
): Promise<void> {
  await db.execute(
    sql`UPDATE amiable.tenant SET name = coalesce(${input.name ?? null}, name), default_locale = coalesce(${input.defaultLocale ?? null}, default_locale)`,
  );
}

export async function getStoredFileContent(db: Queryable, id: string): Promise<{ filename: string; content: Buffer } | null> {
  return db.maybeOne(sql`SELECT filename, content FROM amiable.stored_file WHERE id = ${id}`);
}
