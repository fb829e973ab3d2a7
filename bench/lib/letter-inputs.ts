/** The benchmark's letters: one-page formal notices with three invoices and a QR code, each one different. */
import { readFileSync } from 'node:fs';
import { type LetterInput, readLetterInput } from '@amiable/letters';

const SAMPLE = JSON.parse(readFileSync(new URL('../../packages/letters/samples/formal-notice.json', import.meta.url), 'utf8'));

export function benchLetter(i: number): LetterInput {
  const json = structuredClone(SAMPLE);
  json.debtor.name = `Client ${i} SAS`;
  json.invoices = json.invoices.map((inv: Record<string, string>, k: number) => ({
    ...inv,
    number: `F-${i}-${k}`,
    amount: `${1000 + (i % 997) + k * 10}.${String(i % 100).padStart(2, '0')}`,
    outstanding: undefined,
  }));
  const read = readLetterInput(json);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}
