import { ERROR_MESSAGES, FIELD_ISSUE_MESSAGES } from './errors.js';
import { type Locale, interpolate } from './locale.js';

export interface TranslatableIssue {
  readonly field: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>> | undefined;
  readonly line?: number | undefined;
}

export function errorMessage(locale: Locale, code: string, params?: Readonly<Record<string, string | number>>): string {
  const template = ERROR_MESSAGES[locale][code] ?? ERROR_MESSAGES[locale].INTERNAL ?? code;
  return interpolate(template, { requestId: '-', ...params });
}

/** "Ligne 12, colonne « Date d'échéance » : date invalide « 31/02/2025 »" */
export function issueMessage(locale: Locale, issue: TranslatableIssue): string {
  const detail = interpolate(FIELD_ISSUE_MESSAGES[locale][issue.code] ?? issue.code, issue.params);
  if (locale === 'fr') {
    const where = issue.line !== undefined ? `Ligne ${issue.line}, colonne « ${issue.field} »` : `« ${issue.field} »`;
    return `${where} : ${detail}`;
  }
  const where = issue.line !== undefined ? `Line ${issue.line}, column "${issue.field}"` : `"${issue.field}"`;
  return `${where}: ${detail}`;
}
