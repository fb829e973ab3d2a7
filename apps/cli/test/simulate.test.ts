import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAmiable } from './run-amiable.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'amiable-simulate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function amiable(args: string[]) {
  // No database: the simulation needs none.
  return runAmiable(args, { ...process.env, LANG: 'fr_FR.UTF-8', AMIABLE_LOCALE: '', AMIABLE_DATA_DIR: dir, DATABASE_URL: undefined });
}

const EXAMPLE = {
  start: '2025-01-01',
  days: 90,
  limits: { maxContactsPerWeek: 2, minDaysBetweenContacts: 3, noContactOn: ['saturday', 'sunday', 'holiday'] },
  scenario: {
    steps: [
      { id: 'courtesy', offsetDays: -3, channel: 'email' },
      { id: 'reminder-1', offsetDays: 3, channel: 'email' },
      { id: 'call', offsetDays: 10, channel: 'call' },
      { id: 'formal-notice', offsetDays: 30, channel: 'registered-letter' },
    ],
  },
  debtors: [
    { id: 'D1', kind: 'business', invoices: [{ number: 'F-1', amount: '1200.00', issueDate: '2024-12-01', dueDate: '2024-12-31' }] },
  ],
  events: [
    { date: '2025-01-20', type: 'payment', invoice: 'F-1', amount: '1200.00' },
    { date: '2025-01-05', type: 'dispute', invoice: 'F-2' },
    { date: '2025-01-08', type: 'promise', debtor: 'D2', until: '2025-01-31' },
  ],
};

// Each test runs the real binary several times (a Node start and module load each, 1–5 s on a busy 2-core
// machine): the default 30 s is too short when the suite runs beside other work.
describe('amiable simulate', { timeout: 120_000 }, () => {
  it('prints the actions of the contract example, sorted by date then debtor, with nothing else on stdout', async () => {
    const file = path.join(dir, 'portfolio.json');
    await writeFile(file, JSON.stringify(EXAMPLE));
    const r = await amiable(['simulate', '--input', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      actions: [
        { date: '2025-01-03', debtor: 'D1', step: 'reminder-1', channel: 'email', invoices: ['F-1'] },
        { date: '2025-01-10', debtor: 'D1', step: 'call', channel: 'call', invoices: ['F-1'] },
      ],
    });
    expect(r.stderr).toContain('events[1].invoice');
    const text = await amiable(['simulate', '--input', file]);
    expect(text.stdout).toContain('03/01/2025  D1');
  });

  it('exits non-zero naming the field of malformed input, the flag of an unreadable file', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({
        ...EXAMPLE,
        days: 'ninety',
        debtors: [{ id: 'D1', invoices: [{ number: 'F-1', amount: 'douze', issueDate: '2024-12-01', dueDate: '31/12/2024' }] }],
      }),
    );
    const r = await amiable(['simulate', '--input', bad, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('« days »');
    expect(r.stderr).toContain('« debtors[0].invoices[0].amount » : montant invalide « douze »');
    expect(r.stderr).toContain('« debtors[0].invoices[0].dueDate »');
    const missing = await amiable(['simulate', '--input', path.join(dir, 'nowhere.json')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--input');
    const notJson = path.join(dir, 'not.json');
    await writeFile(notJson, '{ "start": ');
    expect((await amiable(['simulate', '--input', notJson])).stderr).toContain('JSON');
  });
});
