/**
 * Turns a letter's facts and rendered paragraphs into the document the Typst layout
 * (typst/letter.typ) prints: every string already formatted in the reader's
 * language, so the layout only places them.
 */
import { formatDecimalAmount } from '@amiable/domain';
import { epcPayload } from './epc-qr.js';
import { type Lang, formatDate, formatMoney } from './format.js';
import type { LetterFacts } from './letter-facts.js';
import type { Address, LetterInput, Party } from './letter-input.js';
import { L111_8_PARAGRAPHS_2_3, LABELS } from './letter-labels.js';
import type { TemplateField } from './letter-types.js';
import { groupReference } from './payment-reference.js';
import { qrSvg } from './qr-svg.js';

export interface TableModel {
  readonly head: readonly string[];
  /** Column widths in millimetres; 0 takes the remaining width. */
  readonly widths: readonly number[];
  readonly aligns: readonly ('l' | 'r')[];
  readonly rows: readonly (readonly string[])[];
  readonly foot: readonly (readonly [string, string])[];
}

export interface LetterDocument {
  readonly lang: Lang;
  readonly title: string;
  readonly date: readonly [number, number, number];
  readonly logo: 'png' | 'svg' | null;
  readonly sender: { readonly name: string; readonly lines: readonly string[] };
  readonly agencyNote: string | null;
  readonly recipient: readonly string[];
  readonly mode: string | null;
  readonly placeLine: string;
  readonly heading: string | null;
  readonly refLines: readonly (readonly [string, string])[];
  readonly opening: readonly string[];
  readonly table: TableModel;
  readonly installments: TableModel | null;
  readonly demand: readonly string[];
  readonly consequences: readonly string[];
  readonly payment: {
    readonly title: string;
    readonly rows: readonly (readonly [string, string])[];
    readonly qr: string | null;
    readonly qrCaption: string;
  } | null;
  /** Blocks no template can change; the law's text keeps its language (French) in an English letter. */
  readonly locked: readonly {
    readonly title: string;
    readonly lang: Lang;
    readonly paragraphs: readonly string[];
    /** After the creditor's signature, with room for the debtor's (an acknowledgment of debt). */
    readonly afterSignature: boolean;
  }[];
  readonly closing: readonly string[];
  readonly signature: readonly string[];
  readonly footer: string;
  readonly pageLabel: string;
}

const COUNTRY_NAMES: Readonly<Record<string, string>> = { FR: 'France', BE: 'Belgique', CH: 'Suisse', LU: 'Luxembourg', DE: 'Allemagne' };

/** French postal addressing (NF Z10-011): postal code and city in capitals on the last line, the country only abroad. */
function addressLines(a: Address, from: string): string[] {
  const city = `${a.postalCode} ${a.city.toLocaleUpperCase('fr')}`;
  const country = a.country !== from ? [(COUNTRY_NAMES[a.country] ?? a.country).toLocaleUpperCase('fr')] : [];
  return [a.line1, ...(a.line2 ? [a.line2] : []), city, ...country];
}

const sirenText = (siren: string) => siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1\u00a0$2\u00a0$3');
const paras = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

function senderLines(p: Party, lang: Lang): string[] {
  const l = LABELS[lang];
  return [
    ...addressLines(p.address, 'FR'),
    ...(p.siren ? [`${l.siren} ${sirenText(p.siren)}`] : []),
    [p.phone, p.email].filter(Boolean).join(' · '),
  ];
}

export function letterDocument(
  input: LetterInput,
  facts: LetterFacts,
  fields: Readonly<Record<TemplateField, string>>,
  lang: Lang,
  logo: 'png' | 'svg' | null,
): LetterDocument {
  const l = LABELS[lang];
  const m = (cents: number) => formatMoney({ cents, currency: 'EUR' }, lang);
  const short = (date: string) => formatDate(date, lang, 'short');
  const writer = input.agency ?? input.creditor;
  const consumerInterest = input.debtor.kind === 'consumer';
  const breakdown: [string, string][] =
    facts.totalClaimedCents > facts.totalDueCents || input.type === 'formal-notice' || input.type === 'agency-letter'
      ? [
          [l.principal, m(facts.totalDueCents)],
          [consumerInterest ? l.legalInterest : l.penalties, m(facts.interestCents)],
          ...(consumerInterest ? [] : ([[l.indemnities, m(facts.indemnityCents)]] as [string, string][])),
          [l.totalClaimed, m(facts.totalClaimedCents)],
        ]
      : [[l.total, m(facts.totalDueCents)]];
  const plan = input.installments ?? [];
  // A receipt asks for nothing and a call script is for the agent; a plan's QR code pays its first instalment.
  const toPay = input.type === 'payment-plan' ? (plan[0]?.amountCents ?? 0) : facts.totalClaimedCents;
  const payable = input.type !== 'payment-receipt' && input.type !== 'call-script' && toPay > 0;
  const payee = input.agency?.iban ? input.agency : input.creditor;
  const epc =
    payable && payee.iban
      ? epcPayload({ name: payee.name, iban: payee.iban, bic: payee.bic, amountCents: toPay, reference: facts.reference })
      : null;
  const [y, mo, d] = input.date.split('-').map(Number) as [number, number, number];
  return {
    lang,
    title: fields.subject,
    date: [y, mo, d],
    logo,
    sender: { name: writer.name, lines: senderLines(writer, lang) },
    agencyNote: input.agency ? l.agencyNote(input.agency.name, input.creditor.name) : null,
    recipient: [input.debtor.name, ...addressLines(input.debtor.address, writer.address.country)],
    mode: input.sending === 'registered' ? l.registered : null,
    placeLine: l.placeDate(writer.address.city, formatDate(input.date, lang, 'long')),
    heading: l.headings[input.type] ?? null,
    refLines: [
      [l.subject, fields.subject],
      [l.reference, groupReference(facts.reference)],
      ...(input.firstLetter
        ? ([[l.firstLetter, `${input.firstLetter.reference} — ${formatDate(input.firstLetter.date, lang, 'long')}`]] as [string, string][])
        : []),
      [l.contact, [input.contact.name, input.contact.phone, input.contact.email].filter(Boolean).join(' · ')],
    ],
    opening: paras(fields.opening),
    table: {
      head: l.table,
      widths: [0, 24, 24, 30, 30],
      aligns: ['l', 'l', 'l', 'r', 'r'],
      rows: input.invoices.map((i) => [i.number, short(i.issueDate), short(i.dueDate), m(i.amountCents), m(i.outstandingCents)]),
      foot: breakdown,
    },
    installments:
      plan.length > 0
        ? {
            head: l.installmentsHead,
            widths: [30, 40, 0],
            aligns: ['l', 'l', 'r'],
            rows: plan.map((p, k) => [`${k + 1} / ${plan.length}`, short(p.dueDate), m(p.amountCents)]),
            foot: [[l.installmentsTotal, m(plan.reduce((s, p) => s + p.amountCents, 0))]],
          }
        : null,
    demand: paras(fields.demand),
    consequences: paras(fields.consequences),
    payment: payable
      ? {
          title: l.payment,
          rows: [
            ...(payee.iban
              ? ([
                  [l.transferTo, payee.name],
                  ['IBAN', payee.iban.replace(/(.{4})(?=.)/g, '$1 ')],
                  ...(payee.bic ? [['BIC', payee.bic]] : []),
                  [l.quote, groupReference(facts.reference)],
                ] as [string, string][])
              : []),
            ...(input.paymentLink ? ([[l.payOnline, input.paymentLink]] as [string, string][]) : []),
          ],
          qr: epc ? qrSvg(epc) : null,
          qrCaption: `${l.qrCaption} — ${lang === 'fr' ? formatDecimalAmount(toPay).replace('.', ',') : formatDecimalAmount(toPay)} €`,
        }
      : null,
    locked: [
      ...(input.type === 'agency-letter'
        ? [{ title: l.l111_8, lang: 'fr' as const, paragraphs: [...L111_8_PARAGRAPHS_2_3], afterSignature: false }]
        : []),
      ...(input.type === 'payment-plan'
        ? [
            {
              title: l.acknowledgmentTitle,
              lang,
              paragraphs: [
                l.acknowledgment(input.debtor.name, input.creditor.name, m(plan.reduce((sum, p) => sum + p.amountCents, 0))),
                l.signHere,
              ],
              afterSignature: true,
            },
          ]
        : []),
    ],
    closing: paras(fields.closing),
    signature: [writer.name, input.contact.name],
    pageLabel: l.page,
    footer: [
      writer.name,
      `${writer.address.line1}, ${writer.address.postalCode} ${writer.address.city}`,
      ...(writer.legalMentions ? [writer.legalMentions] : writer.siren ? [`${l.siren} ${sirenText(writer.siren)}`] : []),
    ].join(' — '),
  };
}
