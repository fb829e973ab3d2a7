/**
 * The tenant's letter texts, versioned (migration 0012): saving adds a version and
 * never changes one, so a document names the exact text it was made from. A
 * creditor's own text wins over the tenant's, which wins over the shipped default.
 */
import type { IdGenerator } from '@amiable/domain';
import { type Lang, type LetterTemplate, type LetterType, TEMPLATE_FIELDS, defaultTemplate } from '@amiable/letters';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';

export interface StoredLetterTemplate {
  /** Null for the shipped default text. */
  readonly id: string | null;
  readonly creditorId: string | null;
  readonly letterType: LetterType;
  readonly lang: Lang;
  /** 0 for the shipped default. */
  readonly version: number;
  /** Names the text in the archive: "tenant:v3", "creditor:v2", "default:2026-12". */
  readonly label: string;
  readonly fields: LetterTemplate;
  readonly createdBy: string | null;
  readonly createdAt: Date | null;
}

/** Shipped texts change with releases; documents made from them name the release. */
export const DEFAULT_TEXTS_VERSION = 'default:2026-12';

interface Row {
  id: string;
  creditor_id: string | null;
  letter_type: LetterType;
  lang: Lang;
  version: number;
  fields: Record<string, string>;
  created_by: string;
  created_at: Date;
}

function toStored(r: Row): StoredLetterTemplate {
  const fields = Object.fromEntries(TEMPLATE_FIELDS.map((f) => [f, typeof r.fields[f] === 'string' ? r.fields[f] : ''])) as LetterTemplate;
  return {
    id: r.id,
    creditorId: r.creditor_id,
    letterType: r.letter_type,
    lang: r.lang,
    version: r.version,
    label: `${r.creditor_id ? 'creditor' : 'tenant'}:v${r.version}`,
    fields,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export function shippedTemplate(letterType: LetterType, lang: Lang): StoredLetterTemplate {
  return {
    id: null,
    creditorId: null,
    letterType,
    lang,
    version: 0,
    label: DEFAULT_TEXTS_VERSION,
    fields: defaultTemplate(letterType, lang),
    createdBy: null,
    createdAt: null,
  };
}

/** The text a letter of this type and language uses for this creditor now. */
export async function currentLetterTemplate(
  tx: Tx,
  creditorId: string | null,
  letterType: LetterType,
  lang: Lang,
): Promise<StoredLetterTemplate> {
  const row = await tx.maybeOne<Row>(sql`
    SELECT id, creditor_id, letter_type, lang, version, fields, created_by, created_at FROM amiable.letter_template
    WHERE letter_type = ${letterType} AND lang = ${lang} AND (creditor_id IS NULL OR creditor_id = ${creditorId}::uuid)
    ORDER BY creditor_id IS NULL, version DESC LIMIT 1`);
  return row ? toStored(row) : shippedTemplate(letterType, lang);
}

/** Every saved version of one text (newest first), for the editor's history. */
export async function letterTemplateVersions(
  tx: Tx,
  creditorId: string | null,
  letterType: LetterType,
  lang: Lang,
): Promise<StoredLetterTemplate[]> {
  const rows = await tx.query<Row>(sql`
    SELECT id, creditor_id, letter_type, lang, version, fields, created_by, created_at FROM amiable.letter_template
    WHERE letter_type = ${letterType} AND lang = ${lang} AND creditor_id IS NOT DISTINCT FROM ${creditorId}::uuid
    ORDER BY version DESC`);
  return rows.map(toStored);
}

export async function letterTemplateById(tx: Tx, id: string): Promise<StoredLetterTemplate | null> {
  const row = await tx.maybeOne<Row>(sql`
    SELECT id, creditor_id, letter_type, lang, version, fields, created_by, created_at FROM amiable.letter_template WHERE id = ${id}`);
  return row ? toStored(row) : null;
}

/** Saves a new version. Two editors saving at once both get one: the advisory lock orders them. */
export async function saveLetterTemplate(
  tx: Tx,
  input: { creditorId: string | null; letterType: LetterType; lang: Lang; fields: LetterTemplate; createdBy: string },
  now: Date,
  ids: IdGenerator,
): Promise<StoredLetterTemplate> {
  // Serialises versions of this one text inside the tenant (released at commit).
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`letter_template:${tx.tenantId}:${input.creditorId ?? '-'}:${input.letterType}:${input.lang}`}))`,
  );
  const row = await tx.one<Row>(sql`
    INSERT INTO amiable.letter_template (tenant_id, id, creditor_id, letter_type, lang, version, fields, created_by, created_at)
    SELECT ${tx.tenantId}, ${ids.newId()}, ${input.creditorId}::uuid, ${input.letterType}, ${input.lang},
           coalesce(max(version), 0) + 1, ${JSON.stringify(input.fields)}::jsonb, ${input.createdBy}, ${now}
    FROM amiable.letter_template
    WHERE letter_type = ${input.letterType} AND lang = ${input.lang} AND creditor_id IS NOT DISTINCT FROM ${input.creditorId}::uuid
    RETURNING id, creditor_id, letter_type, lang, version, fields, created_by, created_at`);
  return toStored(row);
}
