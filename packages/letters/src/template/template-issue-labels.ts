/** What each template problem means, for the CLI, the API and the template editor. */
import type { TemplateIssue, TemplateIssueCode } from './parse-template.js';

const LABELS: Readonly<Record<TemplateIssueCode, { readonly fr: string; readonly en: string }>> = {
  template_too_long: { fr: 'texte trop long ({detail} caractères au plus)', en: 'text too long (at most {detail} characters)' },
  syntax: { fr: 'balise illisible « {detail} »', en: 'unreadable tag "{detail}"' },
  unknown_variable: { fr: 'variable inconnue « {detail} »', en: 'unknown variable "{detail}"' },
  unknown_filter: {
    fr: 'filtre inconnu « {detail} » (upper, lower, short, long)',
    en: 'unknown filter "{detail}" (upper, lower, short, long)',
  },
  filter_mismatch: {
    fr: 'filtre inapplicable « {detail} » (short et long sont pour les dates)',
    en: 'filter does not apply "{detail}" (short and long are for dates)',
  },
  not_a_list: {
    fr: '« {detail} » n’est pas une liste : {{#each}} ne s’y applique pas',
    en: '"{detail}" is not a list: {{#each}} does not apply',
  },
  list_as_text: { fr: '« {detail} » est une liste : parcourez-la avec {{#each}}', en: '"{detail}" is a list: loop over it with {{#each}}' },
  unclosed_block: { fr: 'bloc non fermé {detail}', en: 'block not closed {detail}' },
  unexpected_close: { fr: 'fermeture sans ouverture {detail}', en: 'close without an open block {detail}' },
};

export function templateIssueMessage(issue: TemplateIssue, lang: 'fr' | 'en'): string {
  const where = lang === 'fr' ? `ligne ${issue.line}, colonne ${issue.column}` : `line ${issue.line}, column ${issue.column}`;
  return `${where} : ${LABELS[issue.code][lang].replace('{detail}', issue.detail)}`.replace(' : ', lang === 'fr' ? ' : ' : ': ');
}
