/**
 * Reads a produced letter as a reader would: poppler's pdftotext on the bytes the API
 * served. Without poppler the PDF checks are skipped, except in CI, which installs it
 * (AMIABLE_REQUIRE_TOOLS=1) and must not pass silently without it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const havePoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!havePoppler && process.env.AMIABLE_REQUIRE_TOOLS === '1') throw new Error('pdftotext is missing: apt-get install poppler-utils');

/** The PDF's text layer, its runs of white space as one space. */
export function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'amiable-pdf-')), 'letter.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
