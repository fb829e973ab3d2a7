import { isApiError } from '../../api/client';

/**
 * The API names a field "steps[0].templates.fr.subject" when its own checks refuse it and
 * "steps.0.id" when the schema does: both are read as the former.
 */
export function normalizeField(field: string): string {
  return field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** The API's field issues of an error, by normalised field name (first message per field). */
export function issuesByField(error: unknown): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  if (!isApiError(error)) return map;
  for (const issue of error.issues) {
    const field = normalizeField(issue.field);
    if (!map.has(field)) map.set(field, issue.message);
  }
  return map;
}

/** The raw names of the issues shown next to an input, for <FormErrors fields>: the others are listed on top. */
export function shownIssueFields(error: unknown, isShown: (field: string) => boolean): string[] {
  if (!isApiError(error)) return [];
  return error.issues.filter((issue) => isShown(normalizeField(issue.field))).map((issue) => issue.field);
}

export const isConflict = (error: unknown) => isApiError(error) && error.status === 409;

/**
 * Issues of list items ("steps[2].templates.fr.subject", "rules[0].scenarioId") by the local key of the item
 * sent at that index, then by the rest of the field name ("templates.fr.subject"; "" for the item itself).
 */
export function issuesByItem(error: unknown, list: string, keys: readonly string[]): ReadonlyMap<string, ReadonlyMap<string, string>> {
  const result = new Map<string, Map<string, string>>();
  const pattern = new RegExp(`^${list}\\[(\\d+)\\](?:\\.(.+))?$`);
  for (const [field, message] of issuesByField(error)) {
    const match = pattern.exec(field);
    const key = match ? keys[Number(match[1])] : undefined;
    if (!match || key === undefined) continue;
    const item = result.get(key) ?? new Map<string, string>();
    item.set(match[2] ?? '', message);
    result.set(key, item);
  }
  return result;
}
