/**
 * The letter types and editable paragraphs the screens list, typed against the contract so that a type added
 * there without being added here fails the type check. The catalog (GET /api/letters/catalog) documents them.
 */
import { LETTER_TYPES as DOMAIN_LETTER_TYPES } from '@amiable/domain';
import type { LetterTemplateFields, LetterTypeId, TemplateFieldId } from '../../api/types';

export const LETTER_TYPES: readonly LetterTypeId[] = DOMAIN_LETTER_TYPES;

/**
 * What a person can produce from a case page; a payment plan asks for its instalments first (the case holds
 * none), and the agency letter is offered only once the tenant's agency identity is saved.
 */
export const PRODUCIBLE_TYPES = [
  'payment-receipt',
  'courtesy-reminder',
  'reminder',
  'second-reminder',
  'formal-notice',
  'payment-plan',
  'agency-letter',
  'call-script',
] as const satisfies readonly LetterTypeId[];

export const TEMPLATE_FIELDS = ['subject', 'opening', 'demand', 'consequences', 'closing'] as const satisfies readonly TemplateFieldId[];

export const sameFields = (a: LetterTemplateFields, b: LetterTemplateFields) => TEMPLATE_FIELDS.every((f) => a[f] === b[f]);

export const isLetterType = (value: string): value is LetterTypeId => (LETTER_TYPES as readonly string[]).includes(value);
