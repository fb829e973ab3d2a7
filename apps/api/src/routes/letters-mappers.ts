/**
 * Letter records → the contract's shapes: the catalog in the caller's language,
 * versions of a text, archived documents, and a check's result as the editor's lists.
 */
import type * as C from '@amiable/contract';
import type { DocumentSummary, StoredLetterTemplate } from '@amiable/db';
import type { Locale } from '@amiable/i18n';
import {
  type ComposeResult,
  LETTER_MENTIONS,
  LETTER_TYPES,
  LETTER_VARIABLES,
  MENTION_LABELS,
  MIN_DEADLINE_DAYS,
  type MissingMention,
  TEMPLATE_FIELDS,
  type TemplateSchema,
  templateIssueMessage,
} from '@amiable/letters';
import { iso } from '../mappers.js';

function variableDocs(schema: TemplateSchema, locale: Locale): C.LetterVariableDoc[] {
  return Object.entries(schema).map(([name, spec]) => {
    const inner = spec.type === 'list' ? spec.item : spec.type === 'record' ? spec.fields : null;
    return {
      name,
      type: spec.type,
      doc: spec.doc[locale],
      ...(inner ? { fields: Object.entries(inner).map(([n, s]) => ({ name: n, type: s.type, doc: s.doc[locale] })) } : {}),
    };
  });
}

export function catalogDto(locale: Locale): C.LetterCatalog {
  return {
    types: LETTER_TYPES.map((type) => ({
      type,
      mentions: LETTER_MENTIONS[type].map((id) => ({ id, label: MENTION_LABELS[id][locale] })),
      minDeadlineDays: MIN_DEADLINE_DAYS[type],
    })),
    fields: [...TEMPLATE_FIELDS],
    variables: variableDocs(LETTER_VARIABLES, locale),
  };
}

export function versionDto(t: StoredLetterTemplate): C.LetterTemplateVersion {
  return {
    id: t.id,
    creditorId: t.creditorId,
    version: t.version,
    label: t.label,
    fields: { ...t.fields },
    createdBy: t.createdBy,
    createdAt: t.createdAt ? iso(t.createdAt) : null,
  };
}

export function documentDto(d: DocumentSummary): C.DocumentDto {
  return {
    id: d.id,
    caseId: d.caseId,
    dispatchId: d.dispatchId,
    kind: d.kind,
    letterType: d.letterType,
    lang: d.lang,
    filename: d.filename,
    byteSize: d.byteSize,
    sha256: d.sha256,
    templateVersion: d.templateVersion,
    delivery: d.delivery,
    createdAt: iso(d.createdAt),
  };
}

export function missingDto(m: MissingMention, locale: Locale): C.MissingMentionDto {
  return { mention: m.mention, label: MENTION_LABELS[m.mention][locale], lacking: [...m.lacking] };
}

export function checkDto(result: ComposeResult, locale: Locale): C.TemplateCheckResult {
  if (result.ok) return { ok: true, templateIssues: [], missing: [], rendered: { ...result.fields } };
  return {
    ok: false,
    templateIssues: result.templateIssues.map((i) => ({
      field: i.field,
      line: i.line,
      column: i.column,
      code: i.code,
      message: templateIssueMessage(i, locale),
    })),
    missing: result.missing.map((m) => missingDto(m, locale)),
    rendered: null,
  };
}
