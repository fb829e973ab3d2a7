/**
 * A campaign before launch, writing nothing: how many cases and debtors it reaches,
 * the day each message would leave under the rules of contact, who is left out and
 * why, and the first messages rendered as the debtors would read them.
 */
import type { IsoDate } from '@amiable/domain';
import { type StepTemplate, type Templates, renderMessage } from '@amiable/recovery';
import { sql } from '../../sql.js';
import type { Tx } from '../../tenant-transaction.js';
import type { CampaignChannel, CampaignFilter } from './campaign-records.js';
import { type ScheduledCandidate, planCampaign } from './plan-campaign.js';

export interface PreviewItem {
  readonly caseId: string | null;
  readonly debtor: { readonly id: string; readonly name: string };
  readonly creditor: { readonly id: string; readonly name: string };
  readonly date: IsoDate;
  readonly invoiceCount: number;
  readonly outstanding: readonly { readonly currency: string; readonly cents: number }[];
  readonly recipient: string;
}

export interface PreviewSample extends StepTemplate {
  readonly debtorName: string;
  readonly recipient: string;
  readonly locale: 'fr' | 'en';
  readonly date: IsoDate;
}

export interface CampaignPreview {
  readonly firstDay: IsoDate;
  readonly cases: number;
  readonly debtors: number;
  readonly outstanding: readonly { readonly currency: string; readonly cents: number }[];
  /** How many messages leave each day. */
  readonly days: readonly { readonly date: IsoDate; readonly cases: number }[];
  /** The first cases, in sending order of the list (debtor name). */
  readonly items: readonly PreviewItem[];
  readonly noRecipient: { readonly count: number; readonly debtors: readonly { readonly id: string; readonly name: string }[] };
  readonly unschedulable: number;
  readonly samples: readonly PreviewSample[];
}

const ITEMS = 100;
const SAMPLES = 3;
const LEFT_OUT_NAMES = 20;

async function renderSamples(tx: Tx, templates: Templates, scheduled: readonly ScheduledCandidate[]): Promise<PreviewSample[]> {
  const first = scheduled.slice(0, SAMPLES);
  if (first.length === 0) return [];
  const invoices = new Map(
    (
      await tx.query<{ id: string; number: string; issue_date: string; due_date: string; outstanding: string; currency: string }>(sql`
        SELECT id, number, issue_date::text AS issue_date, due_date::text AS due_date, outstanding_cents::text AS outstanding, currency
        FROM amiable.invoice WHERE id = ANY(${first.flatMap((c) => c.invoiceIds)}::uuid[])`)
    ).map((i) => [i.id, i]),
  );
  return first.map((c) => {
    const message = renderMessage(templates, {
      locale: c.locale,
      debtorName: c.debtorName,
      debtorKind: c.debtorKind,
      creditorName: c.creditorName,
      invoices: c.invoiceIds.flatMap((id) => {
        const i = invoices.get(id);
        return i
          ? [
              {
                number: i.number,
                issueDate: i.issue_date,
                dueDate: i.due_date,
                outstandingCents: Number(i.outstanding),
                currency: i.currency,
              },
            ]
          : [];
      }),
    });
    return { ...message, debtorName: c.debtorName, recipient: c.recipient as string, locale: c.locale, date: c.day };
  });
}

export async function previewCampaign(
  tx: Tx,
  input: { readonly channel: CampaignChannel; readonly templates: Templates; readonly filter: CampaignFilter },
  now: Date,
): Promise<CampaignPreview> {
  const plan = await planCampaign(tx, input, now);
  const totals = new Map<string, number>();
  const perDay = new Map<IsoDate, number>();
  for (const c of plan.scheduled) {
    for (const o of c.outstanding) totals.set(o.currency, (totals.get(o.currency) ?? 0) + o.cents);
    perDay.set(c.day, (perDay.get(c.day) ?? 0) + 1);
  }
  const leftOut = [...new Map(plan.noRecipient.map((c) => [c.debtorId, { id: c.debtorId, name: c.debtorName }])).values()];
  return {
    firstDay: plan.firstDay,
    cases: plan.scheduled.length,
    debtors: new Set(plan.scheduled.map((c) => c.debtorId)).size,
    outstanding: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, cents]) => ({ currency, cents })),
    days: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, cases]) => ({ date, cases })),
    items: plan.scheduled.slice(0, ITEMS).map((c) => ({
      caseId: c.caseId,
      debtor: { id: c.debtorId, name: c.debtorName },
      creditor: { id: c.creditorId, name: c.creditorName },
      date: c.day,
      invoiceCount: c.invoiceIds.length,
      outstanding: c.outstanding,
      recipient: c.recipient as string,
    })),
    noRecipient: { count: plan.noRecipient.length, debtors: leftOut.slice(0, LEFT_OUT_NAMES) },
    unschedulable: plan.unschedulable.length,
    samples: await renderSamples(tx, input.templates, plan.scheduled),
  };
}
