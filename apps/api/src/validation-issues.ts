import type { FieldIssue, FieldIssueCode } from '@amiable/domain';

interface AjvError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
  readonly data?: unknown;
}

const KEYWORD_CODES: Readonly<Record<string, FieldIssueCode>> = {
  required: 'required',
  format: 'invalid_format',
  pattern: 'invalid_format',
  minLength: 'too_short',
  maxLength: 'too_long',
  minimum: 'out_of_range',
  maximum: 'out_of_range',
  enum: 'invalid_choice',
  const: 'invalid_choice',
  anyOf: 'invalid_value',
  type: 'invalid_value',
  additionalProperties: 'unknown_field',
  maxItems: 'too_long',
};

/** Schema validation errors as field issues named the way the caller wrote them ("address.postalCode"). */
export function issuesFromValidation(errors: readonly AjvError[]): FieldIssue[] {
  const issues = new Map<string, FieldIssue>();
  // A union of literals fails once per branch ("const"): gather the allowed values per field.
  const allowedByPath = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword === 'const' && error.params.allowedValue !== undefined) {
      allowedByPath.set(error.instancePath, [...(allowedByPath.get(error.instancePath) ?? []), String(error.params.allowedValue)]);
    }
  }
  for (const error of errors) {
    const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
    let field = path;
    if (error.keyword === 'required') field = [path, String(error.params.missingProperty)].filter(Boolean).join('.');
    if (error.keyword === 'additionalProperties') field = [path, String(error.params.additionalProperty)].filter(Boolean).join('.');
    const params: Record<string, string | number> = {};
    const value = error.data;
    if (typeof value === 'string' || typeof value === 'number') params.value = String(value).slice(0, 100);
    else params.value = value === undefined ? '' : (JSON.stringify(value)?.slice(0, 100) ?? '');
    if (typeof error.params.limit === 'number') {
      params.max = error.params.limit;
      params.min = error.params.limit;
    }
    if (Array.isArray(error.params.allowedValues)) params.allowed = error.params.allowedValues.join(', ');
    const allowed = allowedByPath.get(error.instancePath);
    const kind = allowed && (error.keyword === 'anyOf' || error.keyword === 'const') ? 'invalid_choice' : undefined;
    if (allowed) params.allowed = allowed.join(', ');
    const code = kind ?? KEYWORD_CODES[error.keyword] ?? 'invalid_value';
    const key = `${field || '(body)'}|${code}`;
    // anyOf/const errors of unions repeat for each branch; keep the first per field.
    if (!issues.has(key) && ![...issues.keys()].some((k) => k.startsWith(`${field || '(body)'}|`))) {
      issues.set(key, { field: field || 'body', code, params });
    }
  }
  return [...issues.values()];
}
