import { createHash } from 'node:crypto';

/**
 * A tagged template that keeps SQL text and values apart: every interpolated
 * value becomes a $n parameter, never text. Fragments made with `sql` nest, and
 * `raw` is reserved for identifiers chosen from an allow-list in code.
 */
export interface SqlQuery {
  readonly text: string;
  readonly values: readonly unknown[];
  /**
   * Run as a named prepared statement (planned once per connection and reused): for hot
   * queries whose text, built from a fixed set of shapes, is worth not planning on every
   * request. Made by `prepared`.
   */
  readonly name?: string;
}

const RAW = Symbol('raw');
interface RawSql {
  readonly [RAW]: string;
}

function isQuery(value: unknown): value is SqlQuery {
  return typeof value === 'object' && value !== null && 'text' in value && 'values' in value && !(RAW in value);
}

function isRaw(value: unknown): value is RawSql {
  return typeof value === 'object' && value !== null && RAW in value;
}

export function sql(strings: TemplateStringsArray, ...params: readonly unknown[]): SqlQuery {
  let text = strings[0] ?? '';
  const values: unknown[] = [];
  params.forEach((param, index) => {
    if (isRaw(param)) {
      text += param[RAW];
    } else if (isQuery(param)) {
      text += param.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + values.length}`);
      values.push(...param.values);
    } else {
      values.push(param);
      text += `$${values.length}`;
    }
    text += strings[index + 1] ?? '';
  });
  return { text, values };
}

/** Trusted SQL text (an identifier or keyword picked from a fixed list), never user input. */
export function raw(text: string): RawSql {
  return { [RAW]: text };
}

export function join(fragments: readonly SqlQuery[], separator: string): SqlQuery {
  if (fragments.length === 0) return { text: '', values: [] };
  const strings = ['', ...fragments.slice(1).map(() => separator), ''];
  return sql(Object.assign(strings, { raw: strings }) as unknown as TemplateStringsArray, ...fragments);
}

export const empty: SqlQuery = { text: '', values: [] };

/** The same query as a named prepared statement; the name is derived from the text, so one name is always one text. */
export function prepared(query: SqlQuery, label: string): SqlQuery {
  return { ...query, name: `${label}_${createHash('sha256').update(query.text).digest('hex').slice(0, 16)}` };
}
