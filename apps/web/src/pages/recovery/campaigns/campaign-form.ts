import type { CampaignCaseState, CampaignChannel, CampaignDto, CampaignInput, CampaignPreviewInput } from '../../../api/types';
import type { UiLanguage } from '../../../lib/format';
import { TEMPLATE_LOCALES, type TemplateLocale } from '../scenario-form';

/** The case states a campaign may reach (the API's CampaignCaseState), in the order shown; the first three by default. */
export const CAMPAIGN_CASE_STATES: readonly CampaignCaseState[] = ['open', 'in-progress', 'formal-notice-sent', 'promise-to-pay'];
export const DEFAULT_CASE_STATES: readonly CampaignCaseState[] = ['open', 'in-progress', 'formal-notice-sent'];

export interface CampaignForm {
  readonly name: string;
  readonly channel: CampaignChannel;
  readonly creditorId: string | null;
  readonly debtorKind: '' | 'business' | 'consumer';
  readonly tags: readonly string[];
  readonly search: string;
  readonly minOutstanding: string;
  readonly minDaysOverdue: string;
  readonly caseStates: readonly CampaignCaseState[];
  readonly overdueOnly: boolean;
  readonly templates: Record<TemplateLocale, { readonly subject: string; readonly body: string }>;
}

/** What the form refuses before asking the API, by field. */
export type CampaignProblems = Partial<Record<'minOutstanding' | 'minDaysOverdue', 'invalidAmount' | 'invalidDays'>>;

/**
 * A new campaign starts from a French message that says what is owed, with the placeholders filled at
 * sending time — a starting point, not a default the API would apply.
 */
const STARTER = {
  subject: 'Factures en attente de règlement — {{creditorName}}',
  body: 'Bonjour,\n\nSauf erreur de notre part, les factures suivantes restent à régler :\n{{invoiceList}}\n\nMontant restant dû : {{totalDue}}.\n\nSi votre règlement est en cours, merci de ne pas tenir compte de ce message.\n\nCordialement,\n{{signature}}',
};

const amountText = (language: UiLanguage, amount: string | null) => (amount ? (language === 'fr' ? amount.replace('.', ',') : amount) : '');

export function campaignFormOf(campaign: CampaignDto | null, language: UiLanguage): CampaignForm {
  if (!campaign)
    return {
      name: '',
      channel: 'email',
      creditorId: null,
      debtorKind: '',
      tags: [],
      search: '',
      minOutstanding: '',
      minDaysOverdue: '',
      caseStates: DEFAULT_CASE_STATES,
      overdueOnly: true,
      templates: { fr: STARTER, en: { subject: '', body: '' } },
    };
  const f = campaign.filter;
  return {
    name: campaign.name,
    channel: campaign.channel,
    creditorId: f.creditorId,
    debtorKind: f.debtorKind ?? '',
    tags: f.tags,
    search: f.search ?? '',
    minOutstanding: amountText(language, f.minOutstanding),
    minDaysOverdue: f.minDaysOverdue === null ? '' : String(f.minDaysOverdue),
    caseStates: f.caseStates,
    overdueOnly: f.overdueOnly,
    templates: {
      fr: { subject: campaign.templates.fr?.subject ?? '', body: campaign.templates.fr?.body ?? '' },
      en: { subject: campaign.templates.en?.subject ?? '', body: campaign.templates.en?.body ?? '' },
    },
  };
}

/** The body of a preview (no name) or a save; a language left blank is not sent, half a template is (the API names what is missing). */
export function campaignBody(
  form: CampaignForm,
  parseAmount: (text: string) => string | null,
): { readonly body: CampaignInput } | { readonly problems: CampaignProblems } {
  const problems: CampaignProblems = {};
  const minOutstanding = form.minOutstanding.trim() ? parseAmount(form.minOutstanding) : null;
  if (form.minOutstanding.trim() && minOutstanding === null) problems.minOutstanding = 'invalidAmount';
  const days = form.minDaysOverdue.trim();
  if (days && !/^\d{1,5}$/.test(days)) problems.minDaysOverdue = 'invalidDays';
  if (Object.keys(problems).length > 0) return { problems };
  const templates: CampaignInput['templates'] = {};
  for (const locale of TEMPLATE_LOCALES) {
    const t = form.templates[locale];
    if (t.subject.trim() || t.body.trim()) templates[locale] = { subject: t.subject, body: t.body };
  }
  return {
    body: {
      name: form.name.trim(),
      channel: form.channel,
      templates,
      filter: {
        creditorId: form.creditorId,
        debtorKind: form.debtorKind || null,
        tags: [...form.tags],
        search: form.search.trim() || null,
        minOutstanding,
        minDaysOverdue: days ? Number(days) : null,
        caseStates: [...form.caseStates],
        overdueOnly: form.overdueOnly,
      },
    },
  };
}

export function previewBody(body: CampaignInput): CampaignPreviewInput {
  return { channel: body.channel, templates: body.templates, filter: body.filter };
}
