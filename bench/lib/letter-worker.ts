/** A worker thread of the letters benchmark: renders the letters it is sent, returns their sizes. */
import { parentPort } from 'node:worker_threads';
import { renderLetter } from '@amiable/letters';
import { benchLetter } from './letter-inputs.js';

parentPort?.on('message', async (batch: { from: number; count: number }) => {
  let bytes = 0;
  for (let i = batch.from; i < batch.from + batch.count; i++) {
    const out = await renderLetter(benchLetter(i), { lang: 'fr' });
    if (!out.ok) throw new Error(`letter ${i}: ${JSON.stringify(out)}`);
    bytes += out.pdf.length;
  }
  parentPort?.postMessage({ bytes });
});
