/**
 * The structured reference printed on letters and put in the SEPA QR code, so a
 * transfer that comes back identifies its case: an ISO 11649 creditor reference
 * ("RF" + two check digits + up to 21 letters and digits), checked modulo 97 like
 * an IBAN. Banks carry it unchanged in the remittance information (camt.054
 * <CdtrRefInf>), which the payment matcher reads.
 */

/** Letters become numbers (A = 10 … Z = 35), then the whole is taken modulo 97. */
function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}

/** "RF18 5390 0754 7034" for the body "539007547034" (ISO 11649's own example). */
export function creditorReference(body: string): string {
  const clean = body.toUpperCase();
  if (!/^[A-Z0-9]{1,21}$/.test(clean)) throw new Error(`not a reference body: ${body}`);
  const check = 98 - mod97(`${clean}RF00`);
  return `RF${String(check).padStart(2, '0')}${clean}`;
}

export function isValidCreditorReference(reference: string): boolean {
  const clean = reference.replace(/\s/g, '').toUpperCase();
  return /^RF\d{2}[A-Z0-9]{1,21}$/.test(clean) && mod97(`${clean.slice(4)}${clean.slice(0, 4)}`) === 1;
}

/** Groups of four for reading aloud and typing: "RF18 5390 0754 7034". */
export function groupReference(reference: string): string {
  return reference.replace(/(.{4})(?=.)/g, '$1 ');
}
