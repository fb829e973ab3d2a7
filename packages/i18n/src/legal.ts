/** Messages of the legal engine's warnings, in the user's language. */
import { formatAmountEn, formatAmountFr } from '@amiable/domain';
import type { Locale } from './locale.js';

export interface LegalWarningLike {
  readonly code: string;
  readonly halfYear?: string;
  readonly floorBp?: number;
  readonly rateBp?: number;
  readonly cents?: number;
}

const percent = (bp = 0, fr = true) => `${Math.trunc(bp / 100)}${fr ? ',' : '.'}${String(bp % 100).padStart(2, '0')} %`;
const euros = (cents = 0, fr = true) => (fr ? formatAmountFr(cents) : formatAmountEn(cents));

export function legalWarningMessage(locale: Locale, w: LegalWarningLike): string {
  const fr = locale === 'fr';
  switch (w.code) {
    case 'CONTRACT_RATE_BELOW_FLOOR':
      return fr
        ? `Taux contractuel ${percent(w.rateBp)} inférieur au plancher de trois fois le taux légal en ${w.halfYear} (${percent(w.floorBp)}) : la clause est contestable (C. com. L441-10 II). Le calcul garde le taux du contrat.`
        : `Contract rate ${percent(w.rateBp, false)} is below three times the legal rate in ${w.halfYear} (${percent(w.floorBp, false)}): the clause can be challenged (C. com. L441-10 II). The computation keeps the contract rate.`;
    case 'CONTRACT_RATE_FLOOR_UNCHECKED':
      return fr
        ? `Le plancher du taux contractuel n’a pas pu être vérifié pour ${w.halfYear} : le taux légal de ce semestre manque.`
        : `The floor of the contract rate could not be checked for ${w.halfYear}: that half-year's legal rate is missing.`;
    case 'OVERPAID':
      return fr
        ? `Les règlements dépassent le dû de ${euros(w.cents)} : cet excédent est un avoir du débiteur.`
        : `Payments exceed what is owed by ${euros(w.cents, false)}: the surplus is the debtor's credit.`;
    default:
      return w.code;
  }
}
