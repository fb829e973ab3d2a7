/**
 * Opens our letters as a reader would: poppler's pdfinfo, pdffonts and pdftotext,
 * and pdftoppm to a bitmap on which the SEPA QR code is decoded back.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { LETTER_TYPES, isValidCreditorReference, renderLetter, renderMinimalPdf } from '../src/index.js';
import { sample } from './samples.js';

const havePoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!havePoppler && process.env.AMIABLE_REQUIRE_TOOLS === '1') throw new Error('pdfinfo is missing: apt-get install poppler-utils');

// jsqr is CommonJS with a `default` export in its types: under Node's ESM the module itself is the function.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule.default }).default ?? jsQRModule) as typeof jsQRModule.default;

/** SHA-256 of each sample letter (packages/letters/samples), measured 2026-12-02 with Typst 0.14 (typst-ts 0.7.0). */
const PINNED_SHA256: Record<string, string> = {
  'agency-letter:fr': '2599682eaf70804eab4a9ade93e12935a6a7d93eba4d9d8d345cab23455adaef',
  'agency-letter:en': 'ba29b75a37535ecd39c6577fd36ba9b714ab2d444a8e909c04d7d62aef583fda',
  'call-script:fr': '0e87b53d17906a6ed382322ca3c7b55df4ca6745f33fc76e925acc9bf76b4616',
  'call-script:en': 'ae2c0f938a00720a8dd883b084ece39d40d1e8b46a1a83184c2cd446f084b25a',
  'courtesy-reminder:fr': '14efb8884d28983e3804641b960f7dec97c9f29e58ed9510cc0954a8fbae6566',
  'courtesy-reminder:en': '1e3c012b83c20ab8d4692031ae017ea787a0e013284c795980c5cfebbd6d5208',
  'formal-notice-consumer:fr': '4892dad96cba9bae82764d50d471a45d3966400709469731760c05122ba97b30',
  'formal-notice-consumer:en': '220e5c115a4f2f0bb0a2555fb8f6d8281f7c124337904a7b914d6321f5082608',
  'formal-notice:fr': '9dabeba96c3ad9c6439633f5235798eb5c83de991683bea3d53fe114f12e43db',
  'formal-notice:en': 'd21fa6b4829d8f1024e2bd0d548adaa536c28deae832f8a21ddab641b3ec1909',
  'payment-plan:fr': '0cb73f3f53744fb6957dedd3f4e47ab0ac3f8a6887f62402b98b882a435b89a1',
  'payment-plan:en': '80ba2b3d3d9160979ae24499fb88c88be0e5ae3e1194aab17bc90bc38e518488',
  'payment-receipt:fr': '7d9d0dc5347398d9a2a938fc2a0fc606fa3ec4078d9dbe653ddb819333f88e57',
  'payment-receipt:en': 'af13c18f560c4aedbb9083e5d499969f1ef4b66fe63b168a10d3b70212b54f6b',
  'reminder:fr': '675b3b76fdcaa5fb32a621424eca73ed62e4d5e0bba2f810a6a740942e46a848',
  'reminder:en': '9ea0f56a1fd096eb7e5f9078537e81f16556a74e1e8ac7289babf5095356a5c7',
  'second-reminder:fr': '6dbf30f81027082fce79bdadcd4a4b99529b5508b13da48383d56f8d0bf2ca9e',
  'second-reminder:en': '93fa925478815b1bbee9591cee1df20cbe4c2ce866dce0153f73d0c8b823d788',
};

const dir = mkdtempSync(join(tmpdir(), 'amiable-letters-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

async function pdfOf(name: string, lang: 'fr' | 'en' = 'fr') {
  const out = await renderLetter(sample(name), { lang });
  if (!out.ok) throw new Error(JSON.stringify(out));
  const file = join(dir, `${name}-${lang}.pdf`);
  writeFileSync(file, out.pdf);
  return { ...out, file };
}

describe('letter PDFs', () => {
  it('gives the same bytes for the same letter, and other bytes for another', async () => {
    const a = await renderLetter(sample('formal-notice'), { lang: 'fr' });
    const b = await renderLetter(sample('formal-notice'), { lang: 'fr' });
    const c = await renderLetter(
      sample('formal-notice', (j) => {
        j.date = '2025-10-02';
      }),
      { lang: 'fr' },
    );
    if (!a.ok || !b.ok || !c.ok) throw new Error('render');
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(c.sha256).not.toBe(a.sha256);
  });

  it('keeps the bytes of every sample letter, so that archived letters still render again to the same bytes', async () => {
    // A document's archive keeps what it was rendered from (facts, text, logo), and verifying it renders it again:
    // any change of layout, engine, fonts or QR encoder that alters these bytes makes every letter archived before
    // fail that check. If a default text changed on purpose, update the hashes; otherwise, find what moved.
    const rendered: Record<string, string> = {};
    for (const name of Object.keys(PINNED_SHA256)) {
      const [type, lang] = name.split(':') as [string, 'fr' | 'en'];
      const out = await renderLetter(sample(type), { lang });
      if (!out.ok) throw new Error(JSON.stringify(out));
      rendered[name] = out.sha256;
    }
    expect(rendered).toEqual(PINNED_SHA256);
  });

  it.skipIf(!havePoppler).each(LETTER_TYPES)('%s opens as an A4 PDF/A-2b with its fonts embedded', async (type) => {
    const name = type === 'formal-notice' ? 'formal-notice-consumer' : type;
    for (const lang of ['fr', 'en'] as const) {
      const { file } = await pdfOf(name, lang);
      const info = run('pdfinfo', [file]);
      expect(info).toMatch(/Page size:\s+595\.276 x 841\.89 pts \(A4\)/);
      expect(info).toMatch(/Tagged:\s+yes/);
      const meta = run('pdfinfo', ['-meta', file]);
      expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
      const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font).toContain('LiberationSans');
        expect(font).toMatch(/\s+yes\s+yes\s+yes\s+/); // embedded, subset, with a ToUnicode map
      }
    }
  });

  it.skipIf(!havePoppler)('prints French typography and every mention a reader looks for', async () => {
    const { file, facts } = await pdfOf('formal-notice');
    const text = run('pdftotext', ['-layout', file, '-']).replace(/[ \t]*\n[ \t]*/g, '\n');
    const flat = text.replace(/\s+/g, ' ');
    expect(text).toContain('MISE EN DEMEURE');
    expect(text).toContain('Lyon, le 1er octobre 2025');
    expect(text).toContain('SIREN 732 829 320');
    expect(text).toContain('F-2025-0187');
    expect(text).toContain('20/07/2025');
    // Typst positions spaces instead of printing space glyphs, so the text layer has plain spaces where the
    // letter has a narrow no-break space (thousands) and a no-break space (before €): the template test checks those.
    expect(text).toMatch(/1\s450,50\s€/);
    expect(text).toContain('Indemnités forfaitaires de recouvrement (C. com. D441-5)');
    expect(text).toMatch(/120,00\s€/);
    expect(flat).toContain('au plus tard le 9 octobre 2025');
    expect(flat).toContain('injonction de payer');
    expect(text).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(text).toContain('Lettre recommandée électronique');
    expect(text).toMatch(/Page 1 \/ 1/);
    expect(isValidCreditorReference(facts.reference)).toBe(true);
    // The payment link is a link a reader can follow, not only text.
    expect(run('pdfinfo', ['-url', file])).toMatch(/1\s+Annotation\s+https:\/\/pay\.amiable\.example\/c\/ATD2025BM01/);
  });

  it.skipIf(!havePoppler)('numbers the pages of a letter that runs longer than one page', async () => {
    // One-page letters are laid out once with a fixed "1 / 1"; a longer one is laid out again with counted pages.
    const out = await renderLetter(
      sample('formal-notice', (j) => {
        const [first] = j.invoices as Record<string, string>[];
        j.invoices = Array.from({ length: 40 }, (_, i) => ({ ...first, number: `F-2025-${1000 + i}` }));
      }),
      { lang: 'fr' },
    );
    if (!out.ok) throw new Error(JSON.stringify(out));
    const file = join(dir, 'long-formal-notice.pdf');
    writeFileSync(file, out.pdf);
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+2\n/);
    expect(run('pdftotext', ['-f', '1', '-l', '1', file, '-'])).toMatch(/Page 1 \/ 2/);
    expect(run('pdftotext', ['-f', '2', '-l', '2', file, '-'])).toMatch(/Page 2 \/ 2/);
    expect(run('pdftotext', [file, '-'])).not.toMatch(/1 \/ 1/);
  });

  it.skipIf(!havePoppler)('carries an EPC QR code a banking app reads back: IBAN, amount and the case reference', async () => {
    const { file, facts } = await pdfOf('formal-notice');
    run('pdftoppm', ['-r', '200', '-png', '-singlefile', file, join(dir, 'page')]);
    const png = PNG.sync.read(await import('node:fs').then((fs) => fs.readFileSync(join(dir, 'page.png'))));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    expect(code?.data.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'AGRIFRPP',
      'Atelier Durand SARL',
      'FR7630006000011234567890189',
      `EUR${(facts.totalClaimedCents / 100).toFixed(2)}`,
      '',
      facts.reference,
    ]);
  });

  it.skipIf(!havePoppler)('reproduces CPCE L111-8 paragraphs 2 and 3 word for word in an agency letter, in both languages', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const { file } = await pdfOf('agency-letter', lang);
      const text = run('pdftotext', [file, '-'])
        .replace(/\s+/g, ' ')
        .replace(/\u00ad\s?/g, '');
      expect(text).toContain(
        'Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s’ils concernent un acte dont l’accomplissement est prescrit par la loi au créancier.',
      );
      expect(text).toContain('laisser tout ou partie des frais ainsi exposés à la charge du débiteur de mauvaise foi.');
      expect(text).toMatch(/exerce une activité de recouvrement amiable|carries on amicable debt collection/);
    }
  });

  it.skipIf(!havePoppler)("makes the benchmark's baseline a one-page PDF/A-2b printing its own text each time", () => {
    for (const text of ['Lettre 1', 'Lettre 2']) {
      const file = join(dir, `minimal-${text.replace(' ', '-')}.pdf`);
      writeFileSync(file, renderMinimalPdf(text));
      expect(run('pdfinfo', [file])).toMatch(/Pages:\s+1\n/);
      expect(run('pdfinfo', ['-meta', file])).toContain('<pdfaid:part>2</pdfaid:part>');
      expect(run('pdftotext', [file, '-']).trim()).toBe(text);
    }
  });
});
