/**
 * Renders a parsed template with data our code built. Values are looked up as own
 * properties only (never through a prototype), formatted by their declared type in
 * the reader's language, and passed through the sink's escaping (HTML for e-mails;
 * letters need none: Typst receives the text as data, never as markup). The output
 * is bounded, and every step counts, so a loop nested in a loop cannot run away.
 */
import type { Filter, TemplateNode } from './parse-template.js';
import type { MoneyValue, TemplateData, TemplateSchema, TemplateValue, VariableSpec } from './template-schema.js';
import { type Lang, formatDate, formatMoney } from '../format.js';

export const MAX_OUTPUT_LENGTH = 100_000;
const MAX_STEPS = 200_000;

export interface RenderOptions {
  readonly lang: Lang;
  readonly escape?: (text: string) => string;
  readonly maxOutput?: number;
}

export type RenderResult =
  | {
      readonly ok: true;
      readonly text: string;
      /** Variables actually printed (loop fields as "invoices.number"), for the mention check. */
      readonly printed: ReadonlySet<string>;
    }
  | { readonly ok: false; readonly code: 'output_too_long' };

interface Scope {
  readonly data: TemplateData;
  readonly schema: TemplateSchema;
  /** "invoices" inside {{#each invoices}}, "" at the root. */
  readonly prefix: string;
}

class TooLong extends Error {}

function resolve(path: readonly string[], scopes: readonly Scope[]): { value: TemplateValue; spec: VariableSpec; name: string } | null {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i] as Scope;
    const head = path[0] as string;
    if (!Object.hasOwn(scope.schema, head)) continue;
    let spec = scope.schema[head] as VariableSpec;
    let value: TemplateValue = Object.hasOwn(scope.data, head) ? (scope.data[head] as TemplateValue) : null;
    for (const part of path.slice(1)) {
      if (spec.type !== 'record' || !Object.hasOwn(spec.fields, part)) return null;
      spec = spec.fields[part] as VariableSpec;
      const record = value as TemplateData | null;
      value = record !== null && typeof record === 'object' && Object.hasOwn(record, part) ? (record[part] as TemplateValue) : null;
    }
    return { value, spec, name: scope.prefix ? `${scope.prefix}.${path.join('.')}` : path.join('.') };
  }
  return null;
}

function truthy(value: TemplateValue): boolean {
  if (value === null || value === false || value === '' || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && 'cents' in value) return (value as MoneyValue).cents !== 0;
  return true;
}

function show(value: TemplateValue, spec: VariableSpec, filters: readonly Filter[], lang: Lang): string {
  if (value === null) return '';
  let text: string;
  if (spec.type === 'money') text = formatMoney(value as MoneyValue, lang);
  else if (spec.type === 'date') text = formatDate(value as string, lang, filters.includes('short') ? 'short' : 'long');
  else if (spec.type === 'boolean') text = value ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no';
  else text = String(value);
  for (const f of filters) {
    if (f === 'upper') text = text.toLocaleUpperCase(lang);
    else if (f === 'lower') text = text.toLocaleLowerCase(lang);
  }
  return text;
}

export function renderTemplate(
  nodes: readonly TemplateNode[],
  data: TemplateData,
  schema: TemplateSchema,
  options: RenderOptions,
): RenderResult {
  const max = options.maxOutput ?? MAX_OUTPUT_LENGTH;
  const escapeValue = options.escape ?? ((t: string) => t);
  const printed = new Set<string>();
  const out: string[] = [];
  let length = 0;
  let steps = 0;
  const push = (text: string) => {
    length += text.length;
    if (length > max || ++steps > MAX_STEPS) throw new TooLong();
    out.push(text);
  };
  const walk = (list: readonly TemplateNode[], scopes: readonly Scope[]) => {
    for (const node of list) {
      if (node.kind === 'text') {
        push(node.text);
        continue;
      }
      const found = resolve(node.path, scopes);
      if (node.kind === 'var') {
        if (!found) continue;
        const text = show(found.value, found.spec, node.filters, options.lang);
        if (text !== '') printed.add(found.name);
        push(escapeValue(text));
      } else if (node.kind === 'if') {
        const yes = found !== null && truthy(found.value);
        walk(yes !== node.negate ? node.whenTrue : node.otherwise, scopes);
      } else if (found && found.spec.type === 'list' && Array.isArray(found.value)) {
        for (const item of found.value as readonly TemplateData[]) {
          if (++steps > MAX_STEPS) throw new TooLong();
          walk(node.body, [...scopes, { data: item, schema: found.spec.item, prefix: found.name }]);
        }
      }
    }
  };
  try {
    walk(nodes, [{ data, schema, prefix: '' }]);
  } catch (error) {
    if (error instanceof TooLong) return { ok: false, code: 'output_too_long' };
    throw error;
  }
  return { ok: true, text: out.join(''), printed };
}
