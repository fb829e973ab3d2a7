/**
 * Message templates of scenario steps, per language. Placeholders in double braces
 * are filled from the case facts at sending time ({{debtorName}}, {{creditorName}},
 * {{invoiceList}}, {{totalDue}}, {{oldestDueDate}}, {{penaltiesNotice}}, {{signature}}).
 * Unknown placeholders are refused when a scenario is saved.
 */
export interface StepTemplate {
  readonly subject: string;
  readonly body: string;
}

export type Templates = Readonly<Partial<Record<'fr' | 'en', StepTemplate>>>;

export const PLACEHOLDERS = [
  'debtorName',
  'creditorName',
  'invoiceList',
  'totalDue',
  'oldestDueDate',
  'penaltiesNotice',
  'signature',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_RE = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_RE)]
    .map((m) => m[1] as string)
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

export function fillTemplate(text: string, facts: Readonly<Record<Placeholder, string>>): string {
  return text.replace(PLACEHOLDER_RE, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? facts[name as Placeholder] : whole,
  );
}
