/**
 * A long run of letters keeps a flat memory. Typst's documents are native objects freed by finalizers that Node
 * runs on the event loop; renderLetter lets it turn once per letter. Without that, a loop of renders (a batch,
 * the benchmark) kept every document: about 1 MB per letter, 3.6 GB after 4,000.
 */
import { describe, expect, it } from 'vitest';
import { renderLetter } from '../src/index.js';
import { sample } from './samples.js';

const letter = (i: number) =>
  sample('formal-notice', (json) => {
    (json.debtor as { name: string }).name = `Client ${i} SAS`;
  });

async function render(from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const out = await renderLetter(letter(i), { lang: 'fr' });
    if (!out.ok) throw new Error(JSON.stringify(out));
  }
}

describe('rendering many letters in a row', () => {
  it('does not keep the letters already printed: 300 more letters add less than 60 MB', { timeout: 120_000 }, async () => {
    await render(0, 30);
    const before = process.memoryUsage().rss;
    await render(30, 300);
    const grownMb = (process.memoryUsage().rss - before) / 2 ** 20;
    expect(grownMb).toBeLessThan(60);
  });
});
