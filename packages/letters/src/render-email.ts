/**
 * The e-mail version of a letter: the same paragraphs, invoice table, amounts and
 * payment details, as HTML readable on a phone (one column, 600 px at most, inline
 * styles, tables only where mail clients need them) and as plain text. Every value
 * is HTML-escaped here; template authors cannot inject markup.
 */
import type { LetterDocument } from './letter-document.js';

export interface LetterEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const P = 'margin:0 0 12px 0;line-height:1.5';
const CELL = 'padding:6px 8px;border-bottom:1px solid #e3e3e3;font-size:14px';

function htmlParagraphs(items: readonly string[]): string {
  return items.map((p) => `<p style="${P}">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

function htmlTable(doc: LetterDocument): string {
  const t = doc.table;
  const align = (k: number) => (t.aligns[k] === 'r' ? 'right' : 'left');
  // On a phone the two date columns go: number, then the amounts.
  const keep = [0, 3, 4];
  const head = keep
    .map((k) => `<th style="${CELL};text-align:${align(k)};background:#f2f2f2">${escapeHtml(t.head[k] ?? '')}</th>`)
    .join('');
  const rows = t.rows
    .map((r) => `<tr>${keep.map((k) => `<td style="${CELL};text-align:${align(k)}">${escapeHtml(r[k] ?? '')}</td>`).join('')}</tr>`)
    .join('');
  const foot = t.foot
    .map(
      ([label, value]) =>
        `<tr><td colspan="2" style="${CELL};text-align:right;font-weight:bold">${escapeHtml(label)}</td><td style="${CELL};text-align:right;font-weight:bold;white-space:nowrap">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="border-collapse:collapse;margin:0 0 16px 0">${`<tr>${head}</tr>`}${rows}${foot}</table>`;
}

function htmlPayment(doc: LetterDocument): string {
  if (!doc.payment) return '';
  const rows = doc.payment.rows
    .map(([label, value]) => {
      const shown = /^https?:\/\//.test(value)
        ? `<a href="${escapeHtml(value)}" style="color:#1c5fb8">${escapeHtml(value)}</a>`
        : `<strong>${escapeHtml(value)}</strong>`;
      return `<tr><td style="padding:3px 12px 3px 0;font-size:14px;color:#555;vertical-align:top">${escapeHtml(label)}</td><td style="padding:3px 0;font-size:14px;word-break:break-all">${shown}</td></tr>`;
    })
    .join('');
  return `<div style="border:1px solid #cfcfcf;border-radius:6px;padding:12px 14px;margin:0 0 16px 0"><p style="margin:0 0 8px 0;font-weight:bold">${escapeHtml(doc.payment.title)}</p><table role="presentation" cellspacing="0" cellpadding="0">${rows}</table></div>`;
}

function textTable(doc: LetterDocument): string {
  const rows = doc.table.rows.map((r) => `- ${r[0]} (${r[2]}) : ${r[4]}`);
  const foot = doc.table.foot.map(([label, value]) => `${label} : ${value}`);
  return [...rows, '', ...foot].join('\n');
}

export function renderLetterEmail(doc: LetterDocument): LetterEmail {
  const colon = doc.lang === 'fr' ? ' : ' : ': ';
  const text = [
    ...doc.opening,
    textTable(doc).replaceAll(' : ', colon),
    ...doc.demand,
    ...doc.consequences,
    ...(doc.payment ? [[doc.payment.title, ...doc.payment.rows.map(([l, v]) => `${l}${colon}${v}`)].join('\n')] : []),
    ...doc.locked.map((b) => [b.title, ...b.paragraphs].join('\n')),
    ...doc.closing,
    doc.signature.join('\n'),
    `--\n${doc.footer}`,
  ].join('\n\n');
  const html = `<!DOCTYPE html><html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(doc.title)}</title></head><body style="margin:0;padding:0;background:#f5f5f5"><div style="max-width:600px;margin:0 auto;padding:16px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1a1a1a"><p style="margin:0 0 16px 0;font-size:17px;font-weight:bold">${escapeHtml(doc.sender.name)}</p>${doc.heading ? `<p style="margin:0 0 12px 0;font-weight:bold;letter-spacing:0.5px">${escapeHtml(doc.heading)}</p>` : ''}${htmlParagraphs(doc.opening)}${htmlTable(doc)}${htmlParagraphs(doc.demand)}${htmlParagraphs(doc.consequences)}${htmlPayment(doc)}${doc.locked.map((b) => `<p style="${P};font-weight:bold;font-size:13px">${escapeHtml(b.title)}</p><div lang="${b.lang}" style="font-size:13px">${htmlParagraphs(b.paragraphs)}</div>`).join('')}${htmlParagraphs(doc.closing)}<p style="${P}">${doc.signature.map(escapeHtml).join('<br>')}</p><p style="margin:24px 0 0 0;font-size:12px;color:#777">${escapeHtml(doc.footer)}</p></div></body></html>`;
  return { subject: doc.title, text, html };
}
