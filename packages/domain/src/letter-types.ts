/**
 * The kinds of letters Amiable writes (packages/letters declares what each must
 * show). Here, in the domain, because the letters package, the HTTP contract and
 * the web app all name them and none of them may depend on another.
 */
export const LETTER_TYPES = [
  'courtesy-reminder',
  'reminder',
  'second-reminder',
  'call-script',
  'formal-notice',
  'payment-plan',
  'payment-receipt',
  'agency-letter',
] as const;
export type LetterType = (typeof LETTER_TYPES)[number];
