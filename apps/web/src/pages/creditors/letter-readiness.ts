import type { Creditor } from '../../api/types';

export type CreditorGap = 'siren' | 'address' | 'contact' | 'iban';

/**
 * What a creditor lacks for its letters, as the mention check (packages/letters/src/check-mentions.ts) will refuse
 * them: SIREN, postal address, an e-mail or phone to reach it; IBAN and BIC, without which a letter carries no
 * transfer details nor QR code (only the payment link).
 */
export function creditorGaps(c: Creditor): CreditorGap[] {
  const gaps: CreditorGap[] = [];
  if (!c.siren) gaps.push('siren');
  if (!c.address.line1 || !c.address.postalCode || !c.address.city) gaps.push('address');
  if (!c.email && !c.phone) gaps.push('contact');
  if (!c.iban || !c.bic) gaps.push('iban');
  return gaps;
}
