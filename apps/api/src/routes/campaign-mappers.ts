/** Campaigns between their records and their contract shapes (amounts as decimal strings, instants as ISO). */
import type { CampaignFilter as CampaignFilterDto, CampaignInput } from '@amiable/contract';
import { type CampaignPreview, type CampaignRecord, type CampaignFilter, normalizeFilter } from '@amiable/db';
import { formatDecimalAmount } from '@amiable/domain';
import { iso } from '../mappers.js';
import { centsOf } from '../params.js';

const money = (list: readonly { currency: string; cents: number }[]) =>
  list.map((m) => ({ currency: m.currency, amount: formatDecimalAmount(m.cents) }));

export function filterOf(dto: CampaignFilterDto): CampaignFilter {
  return normalizeFilter({
    creditorId: dto.creditorId ?? null,
    debtorKind: dto.debtorKind ?? null,
    tags: dto.tags ?? [],
    search: dto.search ?? null,
    minOutstandingCents: dto.minOutstanding == null ? null : centsOf(dto.minOutstanding, 'filter.minOutstanding'),
    minDaysOverdue: dto.minDaysOverdue ?? null,
    caseStates: dto.caseStates ?? [],
    ...(dto.overdueOnly === undefined ? {} : { overdueOnly: dto.overdueOnly }),
  });
}

export function campaignInputOf(body: CampaignInput) {
  return { name: body.name, channel: body.channel, templates: body.templates, filter: filterOf(body.filter) };
}

export function campaignDto(c: CampaignRecord) {
  const f = c.filter;
  return {
    id: c.id,
    name: c.name,
    channel: c.channel,
    templates: c.templates,
    filter: {
      creditorId: f.creditorId,
      debtorKind: f.debtorKind,
      tags: [...f.tags],
      search: f.search,
      minOutstanding: f.minOutstandingCents === null ? null : formatDecimalAmount(f.minOutstandingCents),
      minDaysOverdue: f.minDaysOverdue,
      caseStates: [...f.caseStates],
      overdueOnly: f.overdueOnly,
    },
    status: c.status,
    createdBy: c.createdBy,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    launchedBy: c.launchedBy,
    launchedAt: c.launchedAt ? iso(c.launchedAt) : null,
    cancelledAt: c.cancelledAt ? iso(c.cancelledAt) : null,
    excluded: c.launchReport ? { noRecipient: c.launchReport.noRecipient, unschedulable: c.launchReport.unschedulable } : null,
    progress: c.progress,
  };
}

export function previewDto(p: CampaignPreview) {
  return {
    firstDay: p.firstDay,
    cases: p.cases,
    debtors: p.debtors,
    outstanding: money(p.outstanding),
    days: p.days.map((d) => ({ ...d })),
    items: p.items.map((i) => ({ ...i, outstanding: money(i.outstanding) })),
    noRecipient: { count: p.noRecipient.count, debtors: p.noRecipient.debtors.map((d) => ({ ...d })) },
    unschedulable: p.unschedulable,
    samples: p.samples.map((s) => ({ ...s })),
  };
}
