/**
 * The placeholder language of editable letters and e-mails. Template authors are
 * not developers and must not be able to run code (Handlebars < 4.7.7 had an RCE on
 * untrusted templates; LiquidJS's limits have been bypassed — see
 * docs/letters.md), so the language is ours and tiny:
 *
 *   {{ name }}  {{ invoice.number }}  {{ totalDue | upper }}
 *   {{#if isConsumer}} … {{else}} … {{/if}}   {{#unless …}} … {{/unless}}
 *   {{#each invoices}} {{number}} {{outstanding}} {{/each}}
 *
 * Names are letters and digits only (so `__proto__` is not even a name) and must be
 * declared by the schema of the document (so `constructor` is an unknown variable).
 * There are no expressions, calls, assignments or includes; rendering is linear in
 * the template and the data, with a bounded output.
 */
import type { TemplateSchema, VariableSpec } from './template-schema.js';

export type TemplateNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'var'; readonly path: readonly string[]; readonly filters: readonly Filter[] }
  | {
      readonly kind: 'if';
      readonly path: readonly string[];
      readonly negate: boolean;
      readonly whenTrue: readonly TemplateNode[];
      readonly otherwise: readonly TemplateNode[];
    }
  | { readonly kind: 'each'; readonly path: readonly string[]; readonly body: readonly TemplateNode[] };

export const FILTERS = ['upper', 'lower', 'short', 'long'] as const;
export type Filter = (typeof FILTERS)[number];

export type TemplateIssueCode =
  | 'template_too_long'
  | 'syntax'
  | 'unknown_variable'
  | 'unknown_filter'
  | 'filter_mismatch'
  | 'not_a_list'
  | 'list_as_text'
  | 'unclosed_block'
  | 'unexpected_close';

export interface TemplateIssue {
  readonly code: TemplateIssueCode;
  /** 1-based line and column of the tag, for the editor. */
  readonly line: number;
  readonly column: number;
  /** The offending tag or name. */
  readonly detail: string;
}

/** Longer templates are refused: a letter is a few pages, not a book. */
export const MAX_TEMPLATE_LENGTH = 20_000;

const TAG = /\{\{([\s\S]*?)\}\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

interface Frame {
  readonly open: 'if' | 'unless' | 'each' | 'root';
  readonly path: readonly string[];
  readonly at: number;
  readonly nodes: TemplateNode[];
  otherwise?: TemplateNode[];
  /** The item schema inside {{#each}}: names resolve there first, then outside. */
  readonly scope: TemplateSchema | null;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The variable a path designates, looked up in the innermost loop's item, then outward. */
function lookup(path: readonly string[], stack: readonly Frame[], schema: TemplateSchema): VariableSpec | null {
  const scopes = [
    ...stack
      .map((f) => f.scope)
      .filter((s): s is TemplateSchema => s !== null)
      .reverse(),
    schema,
  ];
  for (const scope of scopes) {
    let spec: VariableSpec | undefined = Object.hasOwn(scope, path[0] as string) ? scope[path[0] as string] : undefined;
    for (const part of path.slice(1)) spec = spec?.type === 'record' && Object.hasOwn(spec.fields, part) ? spec.fields[part] : undefined;
    if (spec) return spec;
  }
  return null;
}

export function parseTemplate(
  text: string,
  schema: TemplateSchema,
): { ok: true; nodes: readonly TemplateNode[] } | { ok: false; issues: readonly TemplateIssue[] } {
  if (text.length > MAX_TEMPLATE_LENGTH)
    return { ok: false, issues: [{ code: 'template_too_long', line: 1, column: 1, detail: String(MAX_TEMPLATE_LENGTH) }] };
  const issues: TemplateIssue[] = [];
  const stack: Frame[] = [{ open: 'root', path: [], at: 0, nodes: [], scope: null }];
  const top = () => stack[stack.length - 1] as Frame;
  const emit = (node: TemplateNode) => {
    const frame = top();
    (frame.otherwise ?? frame.nodes).push(node);
  };
  const fail = (code: TemplateIssueCode, at: number, detail: string) => issues.push({ code, ...position(text, at), detail });
  const readPath = (raw: string, at: number): string[] | null => {
    const parts = raw.split('.');
    if (raw === '' || !parts.every((p) => NAME.test(p))) {
      fail('syntax', at, raw || '{{}}');
      return null;
    }
    return parts;
  };

  let last = 0;
  for (const match of text.matchAll(TAG)) {
    const at = match.index;
    if (at > last) emit({ kind: 'text', text: text.slice(last, at) });
    last = at + match[0].length;
    const inner = (match[1] as string).trim();
    const block = /^([#/])(if|unless|each)\b\s*(.*)$/.exec(inner);
    if (block) {
      const [, sign, word, rest = ''] = block as unknown as [string, string, 'if' | 'unless' | 'each', string];
      if (sign === '/') {
        const frame = top();
        if (frame.open !== word || rest !== '') {
          fail('unexpected_close', at, match[0]);
          continue;
        }
        stack.pop();
        emit(
          word === 'each'
            ? { kind: 'each', path: frame.path, body: frame.nodes }
            : { kind: 'if', path: frame.path, negate: word === 'unless', whenTrue: frame.nodes, otherwise: frame.otherwise ?? [] },
        );
        continue;
      }
      const path = readPath(rest.trim(), at);
      if (!path) continue;
      const spec = lookup(path, stack, schema);
      if (!spec) fail('unknown_variable', at, path.join('.'));
      else if (word === 'each' && spec.type !== 'list') fail('not_a_list', at, path.join('.'));
      stack.push({ open: word, path, at, nodes: [], scope: word === 'each' && spec?.type === 'list' ? spec.item : null });
      continue;
    }
    if (inner === 'else') {
      const frame = top();
      if ((frame.open !== 'if' && frame.open !== 'unless') || frame.otherwise) fail('unexpected_close', at, match[0]);
      else frame.otherwise = [];
      continue;
    }
    const [rawPath = '', ...rawFilters] = inner.split('|').map((p) => p.trim());
    const path = readPath(rawPath, at);
    if (!path) continue;
    const spec = lookup(path, stack, schema);
    if (!spec) {
      fail('unknown_variable', at, path.join('.'));
      continue;
    }
    if (spec.type === 'list' || spec.type === 'record') fail('list_as_text', at, path.join('.'));
    const filters: Filter[] = [];
    for (const f of rawFilters) {
      if (!(FILTERS as readonly string[]).includes(f)) fail('unknown_filter', at, f);
      else if ((f === 'short' || f === 'long') && spec.type !== 'date') fail('filter_mismatch', at, `${path.join('.')} | ${f}`);
      else filters.push(f as Filter);
    }
    emit({ kind: 'var', path, filters });
  }
  if (last < text.length) emit({ kind: 'text', text: text.slice(last) });
  for (const frame of stack.slice(1)) fail('unclosed_block', frame.at, `{{#${frame.open} ${frame.path.join('.')}}}`);
  // A lone "{{" without its "}}" is almost always a typing slip: say so rather than print it.
  const stray = text.slice(last).indexOf('{{');
  if (stray >= 0) fail('syntax', last + stray, text.slice(last + stray, last + stray + 20));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, nodes: top().nodes };
}
