import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAmiable } from './run-amiable.js';

const SAMPLES = fileURLToPath(new URL('../../../packages/letters/samples/', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'amiable-letters-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function amiable(args: string[], lang = 'fr_FR.UTF-8') {
  // Rendering needs no database.
  return runAmiable(args, { ...process.env, LANG: lang, AMIABLE_LOCALE: '', AMIABLE_DATA_DIR: dir, DATABASE_URL: undefined });
}

// Each test runs the real binary several times (a Node start and module load each, 1–5 s on a busy 2-core
// machine): the default 30 s is too short when the suite runs beside other work.
describe('amiable letters render', { timeout: 120_000 }, () => {
  it('renders every sample letter type in French and English, the same bytes each time', async () => {
    const samples = (await readdir(SAMPLES)).filter((f) => f.endsWith('.json'));
    expect(samples.length).toBeGreaterThanOrEqual(8);
    for (const lang of ['fr', 'en'])
      for (const sample of samples) {
        const out = path.join(dir, `${sample}-${lang}.pdf`);
        const run = await amiable(['letters', 'render', '--input', path.join(SAMPLES, sample), '--out', out, '--lang', lang]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
        expect(run.stdout).toMatch(/SHA-256 [0-9a-f]{64}/);
      }
    const first = await readFile(path.join(dir, 'formal-notice.json-en.pdf'));
    const again = await amiable([
      'letters',
      'render',
      '--input',
      path.join(SAMPLES, 'formal-notice.json'),
      '--out',
      path.join(dir, 'again.pdf'),
      '--lang',
      'en',
    ]);
    expect(again.code).toBe(0);
    expect((await readFile(path.join(dir, 'again.pdf'))).equals(first)).toBe(true);
    // Nineteen runs of the real binary, each starting Node and Typst: about 1 s each on a quiet machine, three on a
    // loaded one (CI runs test files side by side).
  }, 120_000);

  it('lists every missing mandatory mention, exits non-zero and writes nothing', async () => {
    const json = JSON.parse(await readFile(path.join(SAMPLES, 'formal-notice.json'), 'utf8'));
    delete json.creditor.siren;
    json.deadlineDays = 3;
    json.contact = { name: 'Claire Dubois' };
    const input = path.join(dir, 'incomplete.json');
    await writeFile(input, JSON.stringify(json));
    const out = path.join(dir, 'incomplete.pdf');
    const run = await amiable(['letters', 'render', '--input', input, '--out', out]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Mentions obligatoires manquantes');
    expect(run.stderr).toContain('SIREN du créancier (à fournir : creditor.siren)');
    expect(run.stderr).toContain('au moins 8 jours pour une mise en demeure');
    expect(run.stderr).toContain('interlocuteur (nom, et e-mail ou téléphone)');
    expect(existsSync(out)).toBe(false);
    expect((await readdir(dir)).filter((f) => f.startsWith('incomplete.pdf'))).toEqual([]);
  });

  it('names each malformed field, in English when the user reads English', async () => {
    const input = path.join(dir, 'bad.json');
    await writeFile(
      input,
      JSON.stringify({ type: 'formal-notice', date: '2025-02-30', creditor: { name: 'A' }, debtor: { kind: 'company' }, invoices: [] }),
    );
    const run = await amiable(['letters', 'render', '--input', input, '--out', path.join(dir, 'bad.pdf')], 'en_GB.UTF-8');
    expect(run.code).toBe(2);
    for (const field of ['date', 'creditor.address', 'debtor.kind', 'debtor.name', 'contact']) expect(run.stderr).toContain(field);
    expect(run.stderr).toContain('Invalid letter');
  });

  it('refuses bad flags with a clear message', async () => {
    const lang = await amiable([
      'letters',
      'render',
      '--input',
      path.join(SAMPLES, 'reminder.json'),
      '--out',
      path.join(dir, 'x.pdf'),
      '--lang',
      'de',
    ]);
    expect(lang.code).not.toBe(0);
    expect(lang.stderr).toContain("--lang : « de » n'est pas fr ou en");
    const out = await amiable(['letters', 'render', '--input', path.join(SAMPLES, 'reminder.json')]);
    expect(out.stderr).toContain('--out est obligatoire');
  });

  it('amiable mail bounce refuses, without touching the database, a message that is not a delivery report', async () => {
    const input = path.join(dir, 'not-a-bounce.eml');
    await writeFile(input, 'From: a@b.example\r\nSubject: Bonjour\r\n\r\nRien à signaler.\r\n');
    const run = await amiable(['mail', 'bounce', '--input', input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('n’est pas un avis de non-distribution lisible');
  });
});
