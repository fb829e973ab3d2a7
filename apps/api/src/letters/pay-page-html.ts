/**
 * The debtor's payment page as one self-contained HTML document: no script, no
 * external resource (fonts, images and the QR code are inline), readable on a
 * phone, every value escaped. Its one stylesheet is allowed by its hash in the
 * page's Content-Security-Policy, so nothing else can run or load.
 */
import { createHash } from 'node:crypto';
import { type Lang, formatDate, formatMoney, groupReference } from '@amiable/letters';
import type { PayPage } from './pay-page-data.js';

const STYLE =
  'body{margin:0;background:#f4f5f7;color:#1a1a1a;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}' +
  'main{max-width:640px;margin:0 auto;padding:16px}section{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:16px;margin:0 0 16px}' +
  'h1{font-size:1.3rem;margin:8px 0 16px}h2{font-size:1.05rem;margin:0 0 12px}.due{font-size:2rem;font-weight:700;margin:4px 0}' +
  'table{width:100%;border-collapse:collapse}th,td{padding:6px 4px;border-bottom:1px solid #eceef1;text-align:left;font-size:.95rem}' +
  '.r{text-align:right;white-space:nowrap}dl{margin:0}dt{color:#555;font-size:.85rem}dd{margin:0 0 10px;font-weight:600;word-break:break-all}' +
  '.qr{width:200px;height:200px;margin:8px auto;display:block}.qr svg{width:100%;height:100%}.muted{color:#666;font-size:.9rem}footer{color:#777;font-size:.8rem;text-align:center}';

/** For the Content-Security-Policy: only this stylesheet may apply. */
export const PAY_PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const TEXT = {
  fr: {
    title: (creditor: string) => `Règlement — ${creditor}`,
    dueNow: 'Montant dû à ce jour',
    principal: 'Principal restant dû',
    penalties: 'Pénalités de retard (C. com. L441-10)',
    interest: 'Intérêts au taux légal (C. civ. 1231-6)',
    indemnities: 'Indemnités forfaitaires de recouvrement (C. com. D441-5)',
    notComputed: 'Les pénalités de retard ne peuvent pas être calculées aujourd’hui : seul le principal est indiqué.',
    invoices: 'Factures concernées',
    head: ['Facture', 'Échéance', 'Reste dû'],
    transfer: 'Payer par virement',
    beneficiary: 'Bénéficiaire',
    quote: 'Référence à indiquer',
    qr: 'Scannez ce code avec votre application bancaire : le virement est prérempli.',
    noTransfer: 'Pour régler, contactez votre interlocuteur :',
    contact: 'Une question ? Votre interlocuteur',
    nothing: 'Rien n’est dû sur ce dossier à ce jour. Merci.',
    notFoundTitle: 'Page introuvable',
    notFound: 'Ce lien de paiement n’existe pas ou n’est plus valable.',
  },
  en: {
    title: (creditor: string) => `Payment — ${creditor}`,
    dueNow: 'Amount due today',
    principal: 'Principal outstanding',
    penalties: 'Late-payment penalties (C. com. L441-10)',
    interest: 'Legal interest (C. civ. 1231-6)',
    indemnities: 'Fixed recovery indemnities (C. com. D441-5)',
    notComputed: 'Late-payment penalties cannot be computed today: only the principal is shown.',
    invoices: 'Invoices',
    head: ['Invoice', 'Due date', 'Outstanding'],
    transfer: 'Pay by bank transfer',
    beneficiary: 'Beneficiary',
    quote: 'Reference to quote',
    qr: 'Scan this code with your banking app: the transfer is prefilled.',
    noTransfer: 'To pay, contact:',
    contact: 'A question? Your contact',
    nothing: 'Nothing is due on this file today. Thank you.',
    notFoundTitle: 'Page not found',
    notFound: 'This payment link does not exist or is no longer valid.',
  },
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function documentOf(lang: Lang, title: string, body: string): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function notFoundHtml(lang: Lang): string {
  const t = TEXT[lang];
  return documentOf(lang, t.notFoundTitle, `<h1>${escapeHtml(t.notFoundTitle)}</h1><section><p>${escapeHtml(t.notFound)}</p></section>`);
}

export function payPageHtml(page: PayPage, lang: Lang): string {
  const t = TEXT[lang];
  const money = (cents: number) => escapeHtml(formatMoney({ cents, currency: 'EUR' }, lang));
  const heading = `<h1>${escapeHtml(page.creditorName)}</h1>`;
  if (page.kind === 'nothing-due') {
    return documentOf(lang, t.title(page.creditorName), `${heading}<section><p>${escapeHtml(t.nothing)}</p></section>`);
  }
  const row = (label: string, cents: number) => `<tr><td>${escapeHtml(label)}</td><td class="r">${money(cents)}</td></tr>`;
  const extras = page.extras;
  const breakdown = extras
    ? [
        extras.interestCents > 0 ? row(extras.consumer ? t.interest : t.penalties, extras.interestCents) : '',
        extras.indemnityCents > 0 ? row(t.indemnities, extras.indemnityCents) : '',
      ].join('')
    : '';
  const amount = `<section><h2>${escapeHtml(t.dueNow)}</h2><p class="due" data-testid="amount-due">${money(page.totalCents)}</p>${
    breakdown ? `<table>${row(t.principal, page.principalCents)}${breakdown}</table>` : ''
  }${extras ? '' : `<p class="muted">${escapeHtml(t.notComputed)}</p>`}</section>`;
  const invoices = `<section><h2>${escapeHtml(t.invoices)}</h2><table><thead><tr>${t.head
    .map((h, k) => `<th${k === 2 ? ' class="r"' : ''}>${escapeHtml(h)}</th>`)
    .join('')}</tr></thead><tbody>${page.invoices
    .map(
      (i) =>
        `<tr><td>${escapeHtml(i.number)}</td><td>${escapeHtml(formatDate(i.dueDate, lang, 'short'))}</td><td class="r">${money(i.outstandingCents)}</td></tr>`,
    )
    .join('')}</tbody></table></section>`;
  const contact = [page.contact.name, page.contact.phone, page.contact.email].filter(Boolean).map((v) => escapeHtml(v ?? ''));
  const transfer = page.transfer
    ? `<section><h2>${escapeHtml(t.transfer)}</h2><dl><dt>${escapeHtml(t.beneficiary)}</dt><dd>${escapeHtml(page.transfer.beneficiary)}</dd><dt>IBAN</dt><dd>${escapeHtml(
        page.transfer.iban.replace(/(.{4})(?=.)/g, '$1 '),
      )}</dd>${page.transfer.bic ? `<dt>BIC</dt><dd>${escapeHtml(page.transfer.bic)}</dd>` : ''}<dt>${escapeHtml(t.quote)}</dt><dd data-testid="reference">${escapeHtml(
        groupReference(page.transfer.reference),
      )}</dd></dl>${page.qr ? `<div class="qr" role="img" aria-label="${escapeHtml(t.qr)}">${page.qr}</div><p class="muted">${escapeHtml(t.qr)}</p>` : ''}</section>`
    : `<section><h2>${escapeHtml(t.transfer)}</h2><p>${escapeHtml(t.noTransfer)} ${contact.join(' · ')}</p></section>`;
  const footer = `<footer>${escapeHtml(t.contact)}${lang === 'fr' ? ' : ' : ': '}${contact.join(' · ')}</footer>`;
  return documentOf(lang, t.title(page.creditorName), `${heading}${amount}${invoices}${transfer}${footer}`);
}
