/**
 * Prints a letter document as PDF/A-2b with Typst (chosen in stack.md §5: the
 * fastest engine measured, justified French typography, archival PDF built in).
 * One compiler per process, created on first use: it keeps the fonts (Liberation
 * Sans, shipped in packages/letters/fonts and embedded subset in every PDF — the
 * machine's fonts are never read) and the parsed layout between letters.
 *
 * The same document gives the same bytes: the PDF's date is the letter's date,
 * and nothing else varies (checked by a test), so a SHA-256 identifies a letter.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NodeCompiler, type NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import type { LetterDocument } from './letter-document.js';

const FONTS = fileURLToPath(new URL('../fonts/', import.meta.url));
const LAYOUT = fileURLToPath(new URL('../typst/letter.typ', import.meta.url));

let compiler: NodeCompiler | null = null;
let layout = '';

function typst(): NodeCompiler {
  if (!compiler) {
    const fontBlobs = readdirSync(FONTS)
      .filter((f) => f.endsWith('.ttf'))
      .sort()
      .map((f) => readFileSync(`${FONTS}${f}`));
    compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs }], workspace: '/' });
    layout = readFileSync(LAYOUT, 'utf8');
  }
  return compiler;
}

export class PdfRenderError extends Error {}

function compile(source: string, inputs: Record<string, string>): NodeTypstDocument {
  const c = typst();
  const compiled = c.compile({ mainFileContent: source, inputs });
  const error = compiled.takeError();
  if (error || !compiled.result) {
    const details = error ? c.fetchDiagnostics(error).map((d: { message?: string }) => d.message ?? String(d)) : [];
    throw new PdfRenderError(`Typst failed: ${details.join('; ') || 'no document'}`);
  }
  return compiled.result;
}

function exportPdf(compiled: NodeTypstDocument): Uint8Array {
  const c = typst();
  const pdf = c.pdf(compiled, { pdfStandard: 'a-2b' });
  // Typst memoizes between compilations; old entries are evicted so a long batch keeps a flat memory.
  c.evictCache(10);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

export function renderLetterPdf(document: LetterDocument, logo?: Uint8Array): Uint8Array {
  const c = typst();
  if (document.logo && logo) c.mapShadow(`/logo.${document.logo}`, Buffer.from(logo));
  // A mapped file rather than sys.inputs: the inputs are part of Typst's library, which every memoized step
  // depends on; a file is only read where it is used (measured: ~10 % faster per letter).
  // Most letters fit on one page, whose footer reads "1 / 1" without asking Typst for the page count
  // (which would lay the letter out twice). A longer letter is laid out again with counted pages.
  c.mapShadow('/letter.json', Buffer.from(JSON.stringify({ ...document, pages: 'one' })));
  let compiled = compile(layout, {});
  if (compiled.numOfPages > 1) {
    c.mapShadow('/letter.json', Buffer.from(JSON.stringify({ ...document, pages: 'count' })));
    compiled = compile(layout, {});
  }
  return exportPdf(compiled);
}

/**
 * Lets Node free the Typst documents of the letters just printed. They are native objects whose finalizers Node
 * runs on the event loop, never in the middle of synchronous or promise-only code: a loop of renders that never
 * lets the loop turn keeps every one, about 1 MB each (measured: 4,000 letters in a row held 3.6 GB, and each
 * letter ran slower on fresh memory). One turn of the loop per letter costs microseconds.
 */
export function releaseTypstMemory(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The smallest one-page PDF/A the same engine makes: the benchmark's baseline. Its text comes the way a letter's
 * data does, as a mapped file: passed in `sys.inputs` it would defeat Typst's memoization and make the baseline
 * about twice as slow (measured: 1.9 against 0.9 ms), flattering the letters' ratio.
 */
export function renderMinimalPdf(text: string): Uint8Array {
  typst().mapShadow('/minimal.txt', Buffer.from(text));
  return exportPdf(
    compile(
      '#set document(title: "x", date: datetime(year: 2026, month: 1, day: 1))\n#set text(font: "Liberation Sans")\n#read("/minimal.txt")',
      {},
    ),
  );
}
