/**
 * Keyset ("cursor") pagination: a page ends with the sort value and id of its
 * last row, and the next page starts strictly after them. Unlike OFFSET, the
 * cost does not grow with the page number and rows are neither skipped nor
 * repeated when others are inserted meanwhile.
 */
import { type SqlQuery, sql } from '../sql.js';

export type SortValue = string | number | null;

export interface Cursor {
  readonly value: SortValue;
  readonly id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

/** Null for anything that is not a cursor we made (the API answers 400 on it). */
export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [value, id] = parsed as [unknown, unknown];
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return null;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') return null;
    return { value, id };
  } catch {
    return null;
  }
}

/**
 * The condition "after the cursor" for ORDER BY column <direction>, id <direction>,
 * with PostgreSQL's default null placement (last when ascending, first when descending).
 */
export function afterCursor(column: SqlQuery, idColumn: SqlQuery, direction: 'asc' | 'desc', cursor: Cursor, nullable: boolean): SqlQuery {
  const greater = direction === 'asc';
  const cmp = (a: SqlQuery, b: unknown) => (greater ? sql`${a} > ${b}` : sql`${a} < ${b}`);
  if (cursor.value === null) {
    // Nulls come last ascending: after a null only larger ids among nulls; descending nulls come first: then every non-null follows.
    return greater
      ? sql`(${column} IS NULL AND ${cmp(idColumn, cursor.id)})`
      : sql`((${column} IS NULL AND ${cmp(idColumn, cursor.id)}) OR ${column} IS NOT NULL)`;
  }
  const base = sql`(${cmp(column, cursor.value)} OR (${column} = ${cursor.value} AND ${cmp(idColumn, cursor.id)}))`;
  if (!nullable) return base;
  return greater ? sql`(${base} OR ${column} IS NULL)` : base;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** Takes `limit + 1` rows: the extra one only tells whether there is a next page. */
export function pageOf<R, T>(rows: R[], limit: number, map: (row: R) => T, keyOf: (row: R) => Cursor): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
