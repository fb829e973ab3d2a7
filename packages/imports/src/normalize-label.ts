/**
 * Turns a column header or a choice cell into comparable tokens: accents,
 * case, punctuation, "N°"/"numéro"/"number" spellings and filler words do not
 * matter, so "Date d'échéance", "DATE ECHEANCE" and "date_echeance" compare equal.
 */

const NUMBER_WORDS = new Set(['no', 'n', 'num', 'numero', 'number', 'nr', 'nbr', 'nro']);
// Filler words carry no meaning for matching ("Date de la facture" = "Date facture").
const FILLER_WORDS = new Set(['de', 'd', 'du', 'des', 'la', 'le', 'les', 'l', 'a', 'au', 'aux', 'en', 'of', 'the', 'eur', 'euro', 'euros']);

export function labelTokens(label: string): string[] {
  // "dû" must survive the accent folding: "Montant dû" is the outstanding amount, not "Montant".
  const folded = label
    .normalize('NFC')
    .replace(/d[ûÛ]/gi, 'due')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[°º]/g, 'o ')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
  const tokens: string[] = [];
  const words = folded.split(/[^a-z0-9]+/).filter((word) => word !== '');
  for (let i = 0; i < words.length; i++) {
    const raw = words[i] ?? '';
    // Exports without accents write "Montant du": a final "du" can only be "dû".
    if (raw === 'du' && i === words.length - 1 && i > 0) {
      tokens.push('due');
      continue;
    }
    if (FILLER_WORDS.has(raw)) continue;
    tokens.push(NUMBER_WORDS.has(raw) ? 'no' : raw);
  }
  return tokens;
}

export function normalizeLabel(label: string): string {
  return labelTokens(label).join(' ');
}
