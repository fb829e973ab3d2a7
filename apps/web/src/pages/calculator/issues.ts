/**
 * Where an API issue belongs. Schema errors name array items "payments.2.date", the legal
 * engine may write "payments[2].date": both land on the same input.
 */
import { isApiError } from '../../api/client';

export const normalizeField = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/** The first server message for an input, if the error is an API error naming it. */
export function serverIssue(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.issues.find((issue) => normalizeField(issue.field) === field)?.message;
}

/** The issue fields (as the server wrote them) that have an input in the form: FormErrors does not repeat them. */
export function shownFields(error: unknown, hasInput: (field: string) => boolean): string[] {
  if (!isApiError(error)) return [];
  return error.issues.map((issue) => issue.field).filter((field) => hasInput(normalizeField(field)));
}
