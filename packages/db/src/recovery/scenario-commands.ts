/**
 * Editing scenarios, segments and the rules of contact. A scenario's steps are
 * checked as a whole: unique ids, at least one template for every step that
 * writes to the debtor, only known placeholders.
 */
import type { FieldIssue, IdGenerator } from '@amiable/domain';
import { PLACEHOLDERS, unknownPlaceholders } from '@amiable/recovery';
import { LETTER_TYPES } from '@amiable/letters';
import { sql } from '../sql.js';
import type { Tx } from '../tenant-transaction.js';
import type { ScenarioRecord, StoredStep } from './scenarios.js';
import { listScenarios } from './scenarios.js';

export type EditResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: 'NOT_FOUND' | 'CONFLICT' | 'VALIDATION_FAILED'; issues?: FieldIssue[] };

export function checkSteps(steps: readonly StoredStep[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  steps.forEach((step, i) => {
    if (seen.has(step.id)) issues.push({ field: `steps[${i}].id`, code: 'duplicate_value', params: { value: step.id, first: 'steps' } });
    seen.add(step.id);
    const templates = step.templates ?? {};
    const letterChannel = step.channel === 'letter' || step.channel === 'registered-letter';
    if (step.letter != null) {
      if (!(LETTER_TYPES as readonly string[]).includes(step.letter))
        issues.push({
          field: `steps[${i}].letter`,
          code: 'invalid_choice',
          params: { value: step.letter, allowed: LETTER_TYPES.join(', ') },
        });
      else if (!letterChannel && step.channel !== 'email')
        issues.push({ field: `steps[${i}].letter`, code: 'invalid_value', params: { value: step.letter } });
    }
    // A letter's text is its letter template (per type, tenant and creditor); an e-mail naming a letter sends that text.
    if (!letterChannel && step.letter == null && !templates.fr && !templates.en)
      issues.push({ field: `steps[${i}].templates`, code: 'required' });
    for (const [locale, t] of Object.entries(templates))
      for (const part of ['subject', 'body'] as const) {
        const unknown = unknownPlaceholders(t?.[part] ?? '');
        if (unknown.length > 0)
          issues.push({
            field: `steps[${i}].templates.${locale}.${part}`,
            code: 'invalid_choice',
            params: { value: `{{${unknown[0]}}}`, allowed: PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ') },
          });
      }
  });
  return issues;
}

export async function saveScenario(
  tx: Tx,
  id: string | null,
  input: { name: string; description?: string | null | undefined; isDefault?: boolean | undefined; steps: readonly StoredStep[] },
  now: Date,
  ids: IdGenerator,
): Promise<EditResult<ScenarioRecord>> {
  const issues = checkSteps(input.steps);
  if (issues.length > 0) return { ok: false, code: 'VALIDATION_FAILED', issues };
  const clash = await tx.maybeOne<{ id: string }>(
    sql`SELECT id FROM amiable.scenario WHERE name = ${input.name.trim()} AND id IS DISTINCT FROM ${id}::uuid`,
  );
  if (clash)
    return {
      ok: false,
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'name', code: 'duplicate_value', params: { value: input.name, first: clash.id } }],
    };
  if (input.isDefault)
    await tx.execute(sql`UPDATE amiable.scenario SET is_default = false WHERE is_default AND id IS DISTINCT FROM ${id}::uuid`);
  const steps = JSON.stringify(input.steps);
  if (id) {
    const updated = await tx.maybeOne<{
      id: string;
    }>(sql`UPDATE amiable.scenario SET name = ${input.name.trim()}, description = ${input.description ?? null},
        steps = ${steps}::jsonb, is_default = coalesce(${input.isDefault ?? null}, is_default), updated_at = ${now} WHERE id = ${id} RETURNING id`);
    if (!updated) return { ok: false, code: 'NOT_FOUND' };
  } else {
    id = ids.newId();
    await tx.execute(sql`INSERT INTO amiable.scenario (tenant_id, id, name, description, steps, is_default, created_at, updated_at)
      VALUES (${tx.tenantId}, ${id}, ${input.name.trim()}, ${input.description ?? null}, ${steps}::jsonb, ${input.isDefault ?? false}, ${now}, ${now})`);
  }
  const saved = (await listScenarios(tx)).find((s) => s.id === id);
  return saved ? { ok: true, value: saved } : { ok: false, code: 'NOT_FOUND' };
}

export interface SegmentRuleInput {
  readonly name: string;
  readonly scenarioId: string;
  readonly debtorKind?: 'business' | 'consumer' | null | undefined;
  readonly minOutstandingCents?: number | null | undefined;
  readonly maxOutstandingCents?: number | null | undefined;
  readonly minOldestDaysOverdue?: number | null | undefined;
  readonly tag?: string | null | undefined;
  readonly minAverageDaysLate?: number | null | undefined;
}

/** Replaces the ordered list of segment rules (position = order in the list). */
export async function replaceSegmentRules(tx: Tx, rules: readonly SegmentRuleInput[], ids: IdGenerator): Promise<EditResult<null>> {
  const known = new Set((await listScenarios(tx)).map((s) => s.id));
  const issues: FieldIssue[] = rules.flatMap((r, i) =>
    known.has(r.scenarioId) ? [] : [{ field: `rules[${i}].scenarioId`, code: 'invalid_value' as const, params: { value: r.scenarioId } }],
  );
  if (issues.length > 0) return { ok: false, code: 'VALIDATION_FAILED', issues };
  await tx.execute(sql`DELETE FROM amiable.segment_rule`);
  for (const [position, r] of rules.entries())
    await tx.execute(sql`INSERT INTO amiable.segment_rule (tenant_id, id, position, name, scenario_id, debtor_kind, min_outstanding_cents, max_outstanding_cents,
        min_oldest_days_overdue, tag, min_average_days_late)
      VALUES (${tx.tenantId}, ${ids.newId()}, ${position}, ${r.name}, ${r.scenarioId}, ${r.debtorKind ?? null}, ${r.minOutstandingCents ?? null},
        ${r.maxOutstandingCents ?? null}, ${r.minOldestDaysOverdue ?? null}, ${r.tag?.trim().toLowerCase() || null}, ${r.minAverageDaysLate ?? null})`);
  return { ok: true, value: null };
}

export async function listSegmentRules(tx: Tx): Promise<(SegmentRuleInput & { id: string; position: number })[]> {
  const rows = await tx.query<{
    id: string;
    position: number;
    name: string;
    scenario_id: string;
    debtor_kind: 'business' | 'consumer' | null;
    min_out: string | null;
    max_out: string | null;
    min_days: number | null;
    tag: string | null;
    min_late: number | null;
  }>(sql`
    SELECT id, position, name, scenario_id, debtor_kind, min_outstanding_cents::text AS min_out, max_outstanding_cents::text AS max_out,
           min_oldest_days_overdue AS min_days, tag, min_average_days_late AS min_late FROM amiable.segment_rule ORDER BY position`);
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    name: r.name,
    scenarioId: r.scenario_id,
    debtorKind: r.debtor_kind,
    minOutstandingCents: r.min_out === null ? null : Number(r.min_out),
    maxOutstandingCents: r.max_out === null ? null : Number(r.max_out),
    minOldestDaysOverdue: r.min_days,
    tag: r.tag,
    minAverageDaysLate: r.min_late,
  }));
}

export async function saveContactPolicy(
  tx: Tx,
  p: {
    maxContactsPerWeek: number;
    minDaysBetweenContacts: number;
    noContactOn: readonly string[];
    windowStart: string;
    windowEnd: string;
    automatic?: boolean | undefined;
  },
  now: Date,
): Promise<EditResult<null>> {
  if (p.windowEnd <= p.windowStart)
    return {
      ok: false,
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'windowEnd', code: 'out_of_range', params: { value: p.windowEnd, min: p.windowStart } }],
    };
  await tx.execute(sql`INSERT INTO amiable.contact_policy (tenant_id, max_contacts_per_week, min_days_between_contacts, no_contact_on, window_start, window_end, automatic, updated_at)
    VALUES (${tx.tenantId}, ${p.maxContactsPerWeek}, ${p.minDaysBetweenContacts}, ${[...new Set(p.noContactOn)]}::text[], ${p.windowStart}::time, ${p.windowEnd}::time,
      coalesce(${p.automatic ?? null}::boolean, false), ${now})
    ON CONFLICT (tenant_id) DO UPDATE SET max_contacts_per_week = EXCLUDED.max_contacts_per_week, min_days_between_contacts = EXCLUDED.min_days_between_contacts,
      no_contact_on = EXCLUDED.no_contact_on, window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end,
      automatic = coalesce(${p.automatic ?? null}::boolean, contact_policy.automatic), updated_at = EXCLUDED.updated_at`);
  return { ok: true, value: null };
}

export async function setDebtorScenario(tx: Tx, debtorId: string, scenarioId: string | null): Promise<EditResult<null>> {
  if (scenarioId && !(await tx.maybeOne(sql`SELECT 1 FROM amiable.scenario WHERE id = ${scenarioId}`)))
    return {
      ok: false,
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'scenarioId', code: 'invalid_value', params: { value: scenarioId } }],
    };
  const updated = await tx.maybeOne(sql`UPDATE amiable.debtor SET scenario_id = ${scenarioId} WHERE id = ${debtorId} RETURNING id`);
  return updated ? { ok: true, value: null } : { ok: false, code: 'NOT_FOUND' };
}
