/**
 * From a letter's facts to a printable document, or the list of what is wrong:
 * every template problem (with its paragraph, line and column) and every missing
 * mandatory mention. Nothing is produced from a letter that fails a check.
 */
import { createHash } from 'node:crypto';
import type { ClaimTotals } from '@amiable/legal';
import { type MissingMention, checkMentions } from './check-mentions.js';
import { DEFAULT_TEMPLATES_EN } from './default-templates-en.js';
import { DEFAULT_TEMPLATES_FR } from './default-templates-fr.js';
import type { Lang } from './format.js';
import { type LetterDocument, letterDocument } from './letter-document.js';
import { type LetterFacts, computeLetterFacts } from './letter-facts.js';
import type { LetterInput, LetterType } from './letter-input.js';
import { type LetterTemplate, TEMPLATE_FIELDS, type TemplateField } from './letter-types.js';
import { LETTER_VARIABLES, letterData } from './letter-variables.js';
import { releaseTypstMemory, renderLetterPdf } from './render-pdf.js';
import { type TemplateIssue, parseTemplate } from './template/parse-template.js';
import { renderTemplate } from './template/render-template.js';

export function defaultTemplate(type: LetterType, lang: Lang): LetterTemplate {
  return (lang === 'fr' ? DEFAULT_TEMPLATES_FR : DEFAULT_TEMPLATES_EN)[type];
}

export interface ComposeOptions {
  readonly lang: Lang;
  /** The tenant's text for this type; the default text otherwise. */
  readonly template?: LetterTemplate | undefined;
  /** The app's own claim, computed with the payment history; the file's outstanding amounts otherwise. */
  readonly claim?: ClaimTotals | undefined;
  readonly logo?: { readonly bytes: Uint8Array; readonly format: 'png' | 'svg' } | undefined;
}

export interface FieldTemplateIssue extends TemplateIssue {
  readonly field: TemplateField;
}

export type ComposeResult =
  | {
      readonly ok: true;
      readonly document: LetterDocument;
      readonly facts: LetterFacts;
      readonly fields: Readonly<Record<TemplateField, string>>;
    }
  | { readonly ok: false; readonly templateIssues: readonly FieldTemplateIssue[]; readonly missing: readonly MissingMention[] };

export async function composeLetter(input: LetterInput, options: ComposeOptions): Promise<ComposeResult> {
  const template = options.template ?? defaultTemplate(input.type, options.lang);
  const facts = await computeLetterFacts(input, options.claim);
  const data = letterData(input, facts, options.lang);
  const templateIssues: FieldTemplateIssue[] = [];
  const fields = {} as Record<TemplateField, string>;
  const printed = new Set<string>();
  for (const field of TEMPLATE_FIELDS) {
    const parsed = parseTemplate(template[field], LETTER_VARIABLES);
    if (!parsed.ok) {
      templateIssues.push(...parsed.issues.map((i) => ({ ...i, field })));
      fields[field] = '';
      continue;
    }
    const rendered = renderTemplate(parsed.nodes, data, LETTER_VARIABLES, {
      lang: options.lang,
      maxOutput: field === 'subject' ? 300 : 20_000,
    });
    if (!rendered.ok) {
      templateIssues.push({ field, code: 'template_too_long', line: 1, column: 1, detail: rendered.code });
      fields[field] = '';
      continue;
    }
    fields[field] = field === 'subject' ? rendered.text.replace(/\s+/g, ' ').trim() : rendered.text;
    for (const name of rendered.printed) printed.add(name);
  }
  const missing = checkMentions(input, facts, { fields, printed });
  if (templateIssues.length > 0 || missing.length > 0) return { ok: false, templateIssues, missing };
  return { ok: true, document: letterDocument(input, facts, fields, options.lang, options.logo?.format ?? null), facts, fields };
}

export type RenderLetterResult =
  | (Extract<ComposeResult, { ok: true }> & { readonly pdf: Uint8Array; readonly sha256: string })
  | Extract<ComposeResult, { ok: false }>;

export async function renderLetter(input: LetterInput, options: ComposeOptions): Promise<RenderLetterResult> {
  const composed = await composeLetter(input, options);
  if (!composed.ok) return composed;
  const pdf = renderLetterPdf(composed.document, options.logo?.bytes);
  await releaseTypstMemory();
  return { ...composed, pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
