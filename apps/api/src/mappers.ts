/**
 * Records → the documented HTTP shapes. Nothing else crosses the boundary:
 * response schemas strip any field not listed, and amounts leave as decimal
 * strings so no client ever sees a float.
 */
import type * as C from '@amiable/contract';
import type { AgingLine, DebtorDetail, DebtorListItem, InvoiceDetail, InvoiceListItem, MoneyByCurrency, PaymentView } from '@amiable/db';
import type { AllocationView } from '@amiable/db';
import { type Cents, formatDecimalAmount } from '@amiable/domain';
import type { ContactRecord, CreditorRecord, DisputeRecord } from '@amiable/ledger';
import { creditorGaps } from '@amiable/letters';

export const amount = (cents: Cents): string => formatDecimalAmount(cents);
export const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function moneyList(values: readonly MoneyByCurrency[]): C.AmountByCurrency[] {
  return values.map((v) => ({ currency: v.currency, amount: amount(v.cents) }));
}

export function creditorDto(c: CreditorRecord): C.Creditor {
  return {
    id: c.id,
    legalName: c.legalName,
    tradeName: c.tradeName,
    legalForm: c.legalForm,
    siren: c.siren,
    siret: c.siret,
    vatNumber: c.vatNumber,
    address: c.address,
    iban: c.iban,
    bic: c.bic,
    email: c.email,
    phone: c.phone,
    hasLogo: c.logoFileId !== null,
    letterLegalMentions: c.letterLegalMentions,
    recoveryContact: c.recoveryContact,
    letterGaps: creditorGaps(c),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

export function contactDto(c: ContactRecord): C.Contact {
  return {
    id: c.id,
    name: c.name,
    jobTitle: c.jobTitle,
    email: c.email,
    phone: c.phone,
    address: c.address,
    preferredLocale: c.preferredLocale,
    isPrimary: c.isPrimary,
  };
}

export function agingDto(lines: readonly AgingLine[]): C.AgingLine[] {
  return lines.map((l) => ({ bucket: l.bucket, currency: l.currency, count: l.count, amount: amount(l.amountCents) }));
}

export function debtorSummaryDto(d: DebtorListItem): C.DebtorSummary {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    siren: d.siren,
    city: d.city,
    tags: [...d.tags],
    outstanding: moneyList(d.outstanding),
    overdue: moneyList(d.overdue),
    openInvoiceCount: d.openInvoiceCount,
    oldestDueDate: d.oldestDueDate,
    maxDaysOverdue: d.maxDaysOverdue,
  };
}

export function debtorDto(detail: DebtorDetail): C.Debtor {
  const d = detail.debtor;
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    siren: d.siren,
    siret: d.siret,
    vatNumber: d.vatNumber,
    email: d.email,
    phone: d.phone,
    address: d.address,
    preferredLocale: d.preferredLocale,
    tags: [...d.tags],
    accountCodes: detail.accountCodes,
    contacts: detail.contacts.map(contactDto),
    scenarioId: d.scenarioId ?? null,
    balance: {
      outstanding: moneyList(detail.outstanding),
      overdue: moneyList(detail.overdue),
      credit: moneyList(detail.credit),
      aging: agingDto(detail.aging),
    },
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  };
}

export function invoiceSummaryDto(i: InvoiceListItem): C.InvoiceSummary {
  return {
    id: i.id,
    kind: i.kind,
    number: i.number,
    creditor: i.creditor,
    debtor: i.debtor,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    currency: i.currency,
    amountInclTax: amount(i.amountInclTaxCents),
    amountDue: amount(i.amountDueCents),
    outstanding: amount(i.outstandingCents),
    status: i.status,
    daysOverdue: i.daysOverdue,
    bucket: i.bucket,
    hasDocument: i.hasDocument,
  };
}

export function allocationDto(a: AllocationView): C.Allocation {
  return {
    id: a.id,
    invoiceId: a.invoiceId,
    invoiceNumber: a.invoiceNumber,
    source: a.source,
    amount: amount(a.amountCents),
    createdAt: iso(a.createdAt),
    reversedAt: isoOrNull(a.reversedAt),
  };
}

export function disputeDto(d: DisputeRecord): C.Dispute {
  return {
    id: d.id,
    reason: d.reason,
    openedAt: iso(d.openedAt),
    openedBy: d.openedBy,
    resolvedAt: isoOrNull(d.resolvedAt),
    resolvedBy: d.resolvedBy,
    resolution: d.resolution,
  };
}

export function invoiceDto(detail: InvoiceDetail): C.Invoice {
  const i = detail.invoice;
  return {
    ...invoiceSummaryDto(detail.summary),
    amountExclTax: i.amountExclTaxCents === null ? null : amount(i.amountExclTaxCents),
    paidOutside: amount(i.paidOutsideCents),
    settled: amount(i.settledCents),
    orderReference: i.orderReference,
    contractReference: i.contractReference,
    description: i.description,
    paymentReference: i.paymentReference,
    paymentTerms: i.paymentTerms,
    precedingInvoiceNumber: i.precedingInvoiceNumber,
    source: i.source,
    allocations: detail.allocations.map(allocationDto),
    disputes: detail.disputes.map(disputeDto),
    createdAt: iso(i.createdAt),
    updatedAt: iso(i.updatedAt),
  };
}

export function paymentDto(view: PaymentView): C.Payment {
  const p = view.payment;
  return {
    id: p.id,
    creditor: { id: p.creditorId, name: view.creditorName },
    debtor: { id: p.debtorId, name: view.debtorName },
    amount: amount(p.amountCents),
    currency: p.currency,
    allocated: amount(p.allocatedCents),
    unallocated: amount(p.reversedAt ? 0 : p.amountCents - p.allocatedCents),
    receivedOn: p.receivedOn,
    method: p.method,
    reference: p.reference,
    note: p.note,
    reversedAt: isoOrNull(p.reversedAt),
    reversalReason: p.reversalReason,
    allocations: view.allocations.map(allocationDto),
    createdAt: iso(p.createdAt),
  };
}
