/**
 * French and English typography of letters: "1 234,56 €" (narrow no-break space
 * between thousands, no-break space before the symbol — Liberation Sans 2 has both
 * glyphs), "23 novembre 2026" and "1er décembre 2026" in running text, 23/11/2026 in
 * tables.
 */
import { type IsoDate, formatAmountEn, formatAmountFr, formatDateFr } from '@amiable/domain';
import type { MoneyValue } from './template/template-schema.js';

export type Lang = 'fr' | 'en';

const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function formatMoney(value: MoneyValue, lang: Lang): string {
  return lang === 'fr' ? formatAmountFr(value.cents, value.currency) : formatAmountEn(value.cents, value.currency);
}

export function formatDate(date: IsoDate, lang: Lang, style: 'long' | 'short'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (style === 'short') return lang === 'fr' ? formatDateFr(date) : `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  if (lang === 'fr') return `${d === 1 ? '1er' : d} ${MONTHS.fr[m - 1]} ${y}`;
  return `${d} ${MONTHS.en[m - 1]} ${y}`;
}
