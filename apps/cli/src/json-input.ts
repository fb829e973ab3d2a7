/** Reads the JSON file a command was given with --input ("-" for stdin); a bad path or bad JSON is a usage error naming the flag. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UsageError } from './args.js';

export async function readJsonInput(file: string | undefined, fr: boolean, what: { fr: string; en: string }): Promise<unknown> {
  if (!file) throw new UsageError(fr ? `--input est obligatoire (${what.fr})` : `--input is required (${what.en})`);
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      fr
        ? `--input : impossible de lire ${file} (${(error as Error).message})`
        : `--input: cannot read ${file} (${(error as Error).message})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      fr ? `--input : JSON invalide (${(error as Error).message})` : `--input: invalid JSON (${(error as Error).message})`,
    );
  }
}
