import {
  ClaimQuery,
  DebtorClaim,
  HalfYearString,
  LateFeesBody,
  LateFeesResult,
  PrescriptionBody,
  PrescriptionResult,
  RateInput,
  RateRow,
  RateTableResponse,
  SmallClaimsBody,
  SmallClaimsResult,
} from '@amiable/contract';
import { type Tx, debtorClaimData, listRateOverrides } from '@amiable/db';
import { type IsoDate, issue, parseDecimalAmount } from '@amiable/domain';
import { legalWarningMessage } from '@amiable/i18n';
import { setHalfYearRates } from '@amiable/ledger';
import {
  RATES_VERSION,
  type RateTable,
  claimTotals,
  computeLateFees,
  parseRatePercent,
  prescriptionOf,
  rateTable,
  smallClaimsEligibility,
} from '@amiable/legal';
import { Type } from 'typebox';
import type { App } from '../app-type.js';
import type { ApiDeps } from '../deps.js';
import { fail } from '../http-errors.js';
import { amount } from '../mappers.js';
import { authorize } from '../request-context.js';
import { inCallerTenant } from '../tenant-scope.js';
import { periodDto, rateRowDto } from './legal-mappers.js';

async function tenantRates(tx: Tx): Promise<RateTable> {
  return rateTable(await listRateOverrides(tx));
}

function cents(value: string, field: string): number {
  const parsed = parseDecimalAmount(value);
  if (parsed === null || parsed < 0)
    fail({ code: 'VALIDATION_FAILED', issues: [issue(field, parsed === null ? 'invalid_amount' : 'negative_amount')] });
  return parsed;
}

function ratePercent(value: string, field: string): number {
  const bp = parseRatePercent(value);
  if (bp === null || bp > 10_000) fail({ code: 'VALIDATION_FAILED', issues: [issue(field, 'out_of_range', { min: 0, max: 100 })] });
  return bp;
}

export async function legalRoutes(app: App, deps: ApiDeps): Promise<void> {
  const tags = ['Droit'];

  app.get(
    '/legal/rates',
    {
      schema: {
        tags,
        summary: 'The rates table: shipped half-years and the tenant’s own (ECB, legal rates, with sources)',
        response: { 200: RateTableResponse },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const table = await inCallerTenant(deps, request, principal, ({ tx }) => tenantRates(tx));
      return { version: RATES_VERSION, rows: table.rows.map(rateRowDto) };
    },
  );

  app.put(
    '/legal/rates/:halfYear',
    {
      schema: {
        tags,
        summary: 'Add or correct a half-year of the rates table (owner); logged',
        params: Type.Object({ halfYear: HalfYearString }),
        body: RateInput,
        response: { 200: RateRow },
      },
    },
    async (request) => {
      const principal = authorize(request, 'rates:manage');
      const body = request.body;
      const input = {
        halfYear: request.params.halfYear,
        ecbMainRefinancingBp: ratePercent(body.ecbRate, 'ecbRate'),
        legalRateIndividualBp: ratePercent(body.legalRateIndividual, 'legalRateIndividual'),
        legalRateOtherBp: ratePercent(body.legalRateOther, 'legalRateOther'),
        source: body.source,
      };
      const result = await inCallerTenant(deps, request, principal, ({ store, ctx }) => setHalfYearRates(input, ctx, store));
      if (!result.ok) fail(result.error);
      return rateRowDto(result.value);
    },
  );

  app.post(
    '/legal/late-fees',
    {
      schema: {
        tags,
        summary: 'Late-payment penalties (professional) or legal interest (consumer), the 40 € indemnity, imputation of payments',
        body: LateFeesBody,
        response: { 200: LateFeesResult },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const b = request.body;
      const table = await inCallerTenant(deps, request, principal, ({ tx }) => tenantRates(tx));
      const result = computeLateFees(
        {
          debtor: b.debtor,
          principalCents: cents(b.amount, 'amount'),
          dueDate: b.due ?? null,
          formalNoticeDate: b.formalNotice ?? null,
          until: b.until,
          contractRateBp: b.rate === undefined ? null : ratePercent(b.rate, 'rate'),
          creditor: b.creditor ?? 'company',
          imputation: b.imputation ?? 'interest-first',
          payments: (b.payments ?? []).map((p, i) => ({ date: p.date, cents: cents(p.amount, `payments[${i}].amount`) })),
        },
        table,
      );
      if (!result.ok) fail(result.error);
      const r = result.value;
      return {
        daysLate: r.daysLate,
        interest: amount(r.interestCents),
        indemnity: amount(r.indemnityCents),
        principalDue: amount(r.principalDueCents),
        interestDue: amount(r.interestDueCents),
        overpaid: amount(r.overpaidCents),
        periods: r.periods.map(periodDto),
        warnings: r.warnings.map((w) => ({
          code: w.code,
          message: legalWarningMessage(request.locale, w),
          ...('halfYear' in w ? { halfYear: w.halfYear } : {}),
        })),
        articles: [...r.articles],
      };
    },
  );

  app.post(
    '/legal/prescription',
    {
      schema: {
        tags,
        summary: 'Last day to act (prescription), with interruptions',
        body: PrescriptionBody,
        response: { 200: PrescriptionResult },
      },
    },
    async (request) => {
      authorize(request, 'ledger:read');
      const b = request.body;
      const p = prescriptionOf({ debtor: b.debtor, start: b.due, interruptions: b.interruptions ?? [] });
      return {
        lastDay: p.lastDay,
        years: p.years,
        runsFrom: p.runsFrom,
        article: p.article,
        ignoredInterruptions: [...p.ignoredInterruptions],
      };
    },
  );

  app.post(
    '/legal/small-claims',
    {
      schema: {
        tags,
        summary: 'Eligibility to the small-claims procedure (CPCE L125-1, R125-1)',
        body: SmallClaimsBody,
        response: { 200: SmallClaimsResult },
      },
    },
    async (request) => {
      authorize(request, 'ledger:read');
      const b = request.body;
      const r = smallClaimsEligibility({
        principalCents: cents(b.principal, 'principal'),
        interestCents: cents(b.interest, 'interest'),
        cause: b.cause ?? 'contractual',
      });
      return {
        eligible: r.eligible,
        total: amount(r.totalCents),
        limit: amount(r.limitCents),
        reason: r.reason,
        article: 'CPCE L125-1, R125-1',
      };
    },
  );

  app.get(
    '/debtors/:id/claim',
    {
      schema: {
        tags,
        summary:
          'What may be claimed from a debtor on a date (default today): principal, penalties or interest, indemnities, per open invoice',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: ClaimQuery,
        response: { 200: DebtorClaim },
      },
    },
    async (request) => {
      const principal = authorize(request, 'ledger:read');
      const claim = await inCallerTenant(deps, request, principal, async ({ tx, today }) => {
        const data = await debtorClaimData(tx, request.params.id, 'EUR');
        if (!data) return null;
        return { data, table: await tenantRates(tx), date: (request.query.date ?? today) as IsoDate };
      });
      if (!claim) fail({ code: 'NOT_FOUND' });
      const { data, table, date } = claim;
      const totals = claimTotals(
        { debtor: data.debtorKind, until: date, invoices: data.invoices, collectiveProceedingsSince: data.collectiveProceedingsSince },
        table,
      );
      if (!totals.ok) fail(totals.error);
      const t = totals.value;
      const byId = new Map(data.invoices.map((i) => [i.id, i]));
      const small = smallClaimsEligibility({ principalCents: t.principalDueCents, interestCents: t.interestDueCents + t.indemnityCents });
      return {
        date,
        debtorKind: data.debtorKind,
        currency: 'EUR',
        principalDue: amount(t.principalDueCents),
        interestDue: amount(t.interestDueCents),
        indemnity: amount(t.indemnityCents),
        total: amount(t.totalCents),
        smallClaimsEligible: small.eligible,
        note: t.note,
        lines: t.lines.map((l) => {
          const invoice = byId.get(l.invoiceId);
          return {
            invoiceId: l.invoiceId,
            number: l.number,
            dueDate: l.dueDate,
            currency: 'EUR',
            daysLate: l.daysLate,
            principalDue: amount(l.principalDueCents),
            interest: amount(l.interestCents),
            interestDue: amount(l.interestDueCents),
            indemnity: amount(l.indemnityCents),
            prescriptionLastDay: l.dueDate
              ? prescriptionOf({ debtor: data.debtorKind, start: l.dueDate, interruptions: invoice?.interruptions ?? [] }).lastDay
              : null,
            periods: l.periods.map(periodDto),
            warnings: l.warnings.map((w) => ({
              code: w.code,
              message: legalWarningMessage(request.locale, w),
              ...('halfYear' in w ? { halfYear: w.halfYear } : {}),
            })),
          };
        }),
        articles:
          data.debtorKind === 'business'
            ? ['C. com. L441-10 II', 'C. com. D441-5', 'C. com. L110-4']
            : ['C. civ. 1231-6', 'C. civ. 1344-1', 'CMF L313-2', 'C. conso. L218-2'],
      };
    },
  );
}
