/** One line per activity, in the reader's language: the journal of a debtor's file. */
import { formatAmountEn, formatAmountFr, formatDateEn, formatDateFr } from '@amiable/domain';
import type { Locale } from './locale.js';

type Details = Readonly<Record<string, unknown>>;

const str = (value: unknown): string => (value === null || value === undefined ? '—' : String(value));

function money(locale: Locale, details: Details, key = 'amountCents'): string {
  const cents = Number(details[key]);
  const currency = str(details.currency ?? 'EUR');
  if (!Number.isSafeInteger(cents)) return '—';
  return locale === 'fr' ? formatAmountFr(cents, currency) : formatAmountEn(cents, currency);
}

const FIELD_LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  fr: {
    dueDate: 'échéance',
    issueDate: 'date de facture',
    amountInclTaxCents: 'montant TTC',
    amountExclTaxCents: 'montant HT',
    amountDueCents: 'montant dû',
    paidOutsideCents: 'réglé hors Amiable',
    debtorId: 'débiteur',
    currency: 'devise',
    orderReference: 'référence de commande',
    contractReference: 'contrat',
    description: 'description',
    paymentReference: 'référence de paiement',
    paymentTerms: 'conditions de paiement',
    name: 'nom',
    email: 'e-mail',
    phone: 'téléphone',
    address: 'adresse',
    tags: 'étiquettes',
    siren: 'SIREN',
    kind: 'type',
  },
  en: {
    dueDate: 'due date',
    issueDate: 'invoice date',
    amountInclTaxCents: 'amount incl. tax',
    amountExclTaxCents: 'amount excl. tax',
    amountDueCents: 'amount due',
    paidOutsideCents: 'paid outside Amiable',
    debtorId: 'debtor',
    currency: 'currency',
    orderReference: 'order reference',
    contractReference: 'contract',
    description: 'description',
    paymentReference: 'payment reference',
    paymentTerms: 'payment terms',
    name: 'name',
    email: 'e-mail',
    phone: 'phone',
    address: 'address',
    tags: 'tags',
    siren: 'SIREN',
    kind: 'kind',
  },
};

function changedFields(locale: Locale, details: Details): string {
  const changes = (details.changes ?? {}) as Record<string, [unknown, unknown]>;
  const labels = FIELD_LABELS[locale];
  return Object.entries(changes)
    .map(([field, pair]) => {
      const [before, after] = Array.isArray(pair) ? pair : [undefined, undefined];
      const label = labels[field] ?? field;
      const show = (value: unknown) => {
        if (field.endsWith('Cents') && typeof value === 'number') return locale === 'fr' ? formatAmountFr(value) : formatAmountEn(value);
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
          return locale === 'fr' ? formatDateFr(value) : formatDateEn(value);
        if (field === 'debtorId' || typeof value === 'object') return '…';
        return str(value);
      };
      return `${label} ${show(before)} → ${show(after)}`;
    })
    .join(', ');
}

/** The words of the web app's state badges (apps/web i18n recovery.caseStates), in running text. */
const CASE_STATES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  fr: {
    open: 'ouvert',
    'in-progress': 'en cours',
    'promise-to-pay': 'promesse de paiement',
    'payment-plan': 'échéancier',
    disputed: 'litige',
    'formal-notice-sent': 'mise en demeure envoyée',
    'ready-for-litigation': 'prêt pour le contentieux',
    closed: 'clos',
  },
  en: {
    open: 'open',
    'in-progress': 'in progress',
    'promise-to-pay': 'promise to pay',
    'payment-plan': 'payment plan',
    disputed: 'disputed',
    'formal-notice-sent': 'formal notice sent',
    'ready-for-litigation': 'ready for litigation',
    closed: 'closed',
  },
};

const CALL_OUTCOMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  fr: {
    reached: 'joint',
    'no-answer': 'pas de réponse',
    'wrong-number': 'mauvais numéro',
    promise: 'promesse de paiement',
    dispute: 'contestation',
    'payment-plan': 'demande un échéancier',
    'paid-already': 'dit avoir déjà payé',
  },
  en: {
    reached: 'reached',
    'no-answer': 'no answer',
    'wrong-number': 'wrong number',
    promise: 'promise to pay',
    dispute: 'dispute',
    'payment-plan': 'asks for a payment plan',
    'paid-already': 'says they already paid',
  },
};

/** What people and the engine did to a recovery case (packages/db recovery-commands.ts, assign-case.ts). */
function caseSummary(locale: Locale, action: string, d: Details): string | null {
  const fr = locale === 'fr';
  const state = (code: unknown) => CASE_STATES[locale][str(code)] ?? str(code);
  const date = (value: unknown) => (fr ? formatDateFr(str(value)) : formatDateEn(str(value)));
  switch (action) {
    case 'case.assigned':
      if (d.reason === 'member-removed')
        return fr ? 'Dossier sans chargé de relance : son chargé a quitté l’équipe' : 'Case unassigned: its agent left the team';
      if (d.reason === 'member-read-only')
        return fr
          ? 'Dossier sans chargé de relance : son chargé est passé en lecture seule'
          : 'Case unassigned: its agent was made read-only';
      if (d.assigneeId === null || d.assigneeId === undefined) return fr ? 'Dossier sans chargé de relance' : 'Case unassigned';
      return fr ? `Dossier confié à ${str(d.assigneeName)}` : `Case assigned to ${str(d.assigneeName)}`;
    case 'case.state-changed':
      return fr
        ? `Dossier : ${state(d.from)} → ${state(d.to)} (${str(d.reason)})`
        : `Case: ${state(d.from)} → ${state(d.to)} (${str(d.reason)})`;
    case 'case.promise-recorded':
      return fr
        ? `Promesse de paiement jusqu’au ${date(d.until)}${d.amountCents == null ? '' : ` (${money(locale, d)})`}`
        : `Promise to pay by ${date(d.until)}${d.amountCents == null ? '' : ` (${money(locale, d)})`}`;
    case 'case.promise-kept':
      return fr ? `Promesse du ${date(d.until)} tenue` : `Promise of ${date(d.until)} kept`;
    case 'case.promise-broken':
      return fr ? `Promesse du ${date(d.until)} non tenue` : `Promise of ${date(d.until)} broken`;
    case 'case.call-logged': {
      const outcome = CALL_OUTCOMES[locale][str(d.outcome)] ?? str(d.outcome);
      const note = d.note ? ` — ${str(d.note)}` : '';
      return fr ? `Appel : ${outcome}${note}` : `Call: ${outcome}${note}`;
    }
    case 'case.action-approved':
      return fr ? `Envoi validé (étape ${str(d.step)})` : `Sending approved (step ${str(d.step)})`;
    case 'case.action-rejected':
      return fr ? `Envoi refusé (étape ${str(d.step)})` : `Sending rejected (step ${str(d.step)})`;
    case 'case.action-reviewed':
      return fr ? `Envoi incertain traité (étape ${str(d.step)})` : `Uncertain sending resolved (step ${str(d.step)})`;
    default:
      return null;
  }
}

export function activitySummary(locale: Locale, action: string, details: Details): string {
  const fr = locale === 'fr';
  const d = details;
  if (action.startsWith('case.')) return caseSummary(locale, action, d) ?? action;
  switch (action) {
    case 'invoice.created':
      return fr
        ? `Facture ${str(d.number)} créée (${money(locale, d, 'amountDueCents')})`
        : `Invoice ${str(d.number)} created (${money(locale, d, 'amountDueCents')})`;
    case 'credit-note.created':
      return fr
        ? `Avoir ${str(d.number)} créé (${money(locale, d, 'amountDueCents')})`
        : `Credit note ${str(d.number)} created (${money(locale, d, 'amountDueCents')})`;
    case 'invoice.updated':
      return fr
        ? `Facture ${str(d.number)} modifiée : ${changedFields(locale, d)}`
        : `Invoice ${str(d.number)} updated: ${changedFields(locale, d)}`;
    case 'invoice.document-attached':
      return fr
        ? `Original de la facture ${str(d.number)} joint (${str(d.filename)})`
        : `Original of invoice ${str(d.number)} attached (${str(d.filename)})`;
    case 'import.invoices-created': {
      const count = Number(d.count);
      return fr
        ? `Import : ${count} facture${count > 1 ? 's' : ''} ajoutée${count > 1 ? 's' : ''}`
        : `Import: ${count} invoice${count > 1 ? 's' : ''} added`;
    }
    case 'payment.recorded':
      return fr
        ? `Règlement de ${money(locale, d)} reçu le ${formatDateFr(str(d.receivedOn))}${d.reference ? ` (${str(d.reference)})` : ''}`
        : `Payment of ${money(locale, d)} received on ${formatDateEn(str(d.receivedOn))}${d.reference ? ` (${str(d.reference)})` : ''}`;
    case 'payment.allocated':
      return fr
        ? `${money(locale, d)} affectés à la facture ${str(d.number)}${d.settled ? ' (soldée)' : ''}`
        : `${money(locale, d)} applied to invoice ${str(d.number)}${d.settled ? ' (settled)' : ''}`;
    case 'credit-note.applied':
      return fr
        ? `Avoir ${str(d.source)} imputé sur la facture ${str(d.number)} : ${money(locale, d)}`
        : `Credit note ${str(d.source)} applied to invoice ${str(d.number)}: ${money(locale, d)}`;
    case 'payment.reversed':
      return fr
        ? `Règlement de ${money(locale, d)} annulé : ${str(d.reason)}`
        : `Payment of ${money(locale, d)} reversed: ${str(d.reason)}`;
    case 'allocation.reversed':
      return fr
        ? `Affectation de ${money(locale, d)} sur la facture ${str(d.number)} annulée : ${str(d.reason)}`
        : `Allocation of ${money(locale, d)} to invoice ${str(d.number)} reversed: ${str(d.reason)}`;
    case 'dispute.opened':
      return fr
        ? `Litige ouvert sur la facture ${str(d.number)} : ${str(d.reason)}`
        : `Dispute opened on invoice ${str(d.number)}: ${str(d.reason)}`;
    case 'dispute.resolved':
      return fr
        ? `Litige clos sur la facture ${str(d.number)} : ${str(d.resolution)}`
        : `Dispute on invoice ${str(d.number)} resolved: ${str(d.resolution)}`;
    case 'debtor.created':
      return fr ? `Débiteur ${str(d.name)} créé` : `Debtor ${str(d.name)} created`;
    case 'debtor.updated':
      return fr ? `Fiche débiteur modifiée : ${changedFields(locale, d)}` : `Debtor details updated: ${changedFields(locale, d)}`;
    case 'contact.added':
      return fr ? `Contact ${str(d.name)} ajouté` : `Contact ${str(d.name)} added`;
    case 'contact.updated':
      return fr
        ? `Contact ${str(d.name)} modifié : ${changedFields(locale, d)}`
        : `Contact ${str(d.name)} updated: ${changedFields(locale, d)}`;
    case 'contact.removed':
      return fr ? `Contact ${str(d.name)} supprimé` : `Contact ${str(d.name)} removed`;
    case 'note.added':
      return fr ? `Note : ${str(d.excerpt)}` : `Note: ${str(d.excerpt)}`;
    case 'creditor.created':
      return fr ? `Créancier ${str(d.name)} créé` : `Creditor ${str(d.name)} created`;
    case 'creditor.default-agent-set':
      if (d.assigneeId === null || d.assigneeId === undefined)
        return fr
          ? `Nouveaux dossiers du créancier ${str(d.name)} : plus de chargé par défaut`
          : `${str(d.name)}'s new cases: no default agent`;
      return fr
        ? `Nouveaux dossiers du créancier ${str(d.name)} confiés à ${str(d.assigneeName)}`
        : `${str(d.name)}'s new cases go to ${str(d.assigneeName)}`;
    case 'creditor.updated':
      return fr
        ? `Créancier ${str(d.name)} modifié : ${changedFields(locale, d)}`
        : `Creditor ${str(d.name)} updated: ${changedFields(locale, d)}`;
    default:
      return action;
  }
}
