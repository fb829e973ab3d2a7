import { readFileSync } from 'node:fs';
import { type LetterInput, readLetterInput } from '../src/index.js';

export function sampleJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../samples/${name}.json`, import.meta.url), 'utf8'));
}

export function sample(name: string, patch: (json: Record<string, unknown>) => void = () => undefined): LetterInput {
  const json = sampleJson(name);
  patch(json);
  const read = readLetterInput(json);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}
