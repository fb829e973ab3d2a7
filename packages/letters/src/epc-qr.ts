/**
 * The EPC QR code ("BCD", EPC069-12 v3.0, also called GiroCode or SEPA QR): a
 * banking app scans it and prefills a SEPA credit transfer — beneficiary, IBAN,
 * amount, and our structured reference — so the payment comes back identified.
 * Version 002 makes the BIC optional inside the EEA; character set 1 is UTF-8; a
 * structured reference excludes the free-text remittance line; the code uses error
 * correction level M and at most 331 bytes.
 */
import { formatDecimalAmount } from '@amiable/domain';

export interface EpcTransfer {
  readonly name: string;
  readonly iban: string;
  readonly bic?: string | undefined;
  readonly amountCents: number;
  readonly reference: string;
}

/** EPC069-12: amounts from 0.01 to 999 999 999.99 euros. */
const MAX_CENTS = 99_999_999_999;

export function epcPayload(t: EpcTransfer): string | null {
  if (t.amountCents < 1 || t.amountCents > MAX_CENTS) return null;
  const lines = [
    'BCD',
    '002',
    '1',
    'SCT',
    t.bic ?? '',
    // The beneficiary name is at most 70 characters; a line break would shift every later field.
    t.name.replace(/[\r\n]+/g, ' ').slice(0, 70),
    t.iban,
    `EUR${formatDecimalAmount(t.amountCents)}`,
    '',
    t.reference,
  ];
  const payload = lines.join('\n');
  return new TextEncoder().encode(payload).length <= 331 ? payload : null;
}
