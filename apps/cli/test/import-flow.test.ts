/**
 * The web import flow over HTTP, with a real worker: upload a French CSV, see
 * the detected layout, guessed mapping and every rejected row, correct the
 * mapping, confirm, and watch the durable job import it.
 */
import { loadConfig } from '@amiable/config';
import { startWorker, type RunningWorker } from '@amiable/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from '../../api/test/harness.js';

let api: TestApi;
let worker: RunningWorker;
let cookie: string;
let creditorId: string;

beforeAll(async () => {
  api = await startTestApi();
  await api.createTenantWithOwner('Import SAS', 'owner@import.test');
  cookie = await api.login('owner@import.test');
  const created = await api.app.inject({
    method: 'POST',
    url: '/api/creditors',
    headers: { cookie, origin: 'http://localhost:3000' },
    payload: { legalName: 'Ateliers Durand SAS', siren: '732 829 320' },
  });
  expect(created.statusCode).toBe(201);
  creditorId = created.json().id;
  const config = loadConfig({ AMIABLE_WORKER_CONCURRENCY: '2' }, '/tmp');
  if (!config.ok) throw new Error('config');
  worker = await startWorker({ config: config.value, db: api.db, clock: api.clock, ids: { newId: () => crypto.randomUUID() } });
});

afterAll(async () => {
  await worker.stop();
  await api.close();
});

function multipart(filename: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----amiable-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function waitForStatus(id: string, done: readonly string[]) {
  for (let i = 0; i < 100; i++) {
    const response = await api.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie } });
    if (done.includes(response.json().status)) return response.json();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('import did not finish');
}

const CSV = Buffer.from(
  'Export des factures clients;;;;\n\nPièce;Date;Échéance;Total TTC;Client\nF-1;01/10/2026;31/10/2026;1 234,56;Boulangerie Lefèvre\nF-2;32/10/2026;30/11/2026;99,00;Garage des Alpes\nF-3;02/10/2026;01/11/2026;12,00;Garage des Alpes\n',
  'latin1',
);

describe('import through the API', () => {
  it('previews, then imports the valid rows as a durable job, keeping every rejected row', async () => {
    const upload = multipart('factures.csv', CSV, { creditorId });
    const preview = await api.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { cookie, origin: 'http://localhost:3000', ...upload.headers },
      payload: upload.payload,
    });
    expect(preview.statusCode).toBe(201);
    const body = preview.json();
    expect(body).toMatchObject({
      format: 'csv',
      layout: {
        encoding: 'windows-1252',
        delimiter: ';',
        headerLine: 3,
        headers: ['Pièce', 'Date', 'Échéance', 'Total TTC', 'Client'],
        decimalSeparator: ',',
      },
      mapping: { invoiceNumber: 0, issueDate: 1, dueDate: 2, amountInclTax: 3, debtorName: 4 },
      missingFields: [],
      rowCount: 3,
      check: { counts: { created: 2, updated: 0, unchanged: 0, rejected: 1 }, totalOutstanding: '1246.56' },
      problem: null,
    });
    expect(body.check.rejected).toEqual([
      {
        line: 5,
        column: 'Date',
        code: 'invalid_date',
        message: 'Ligne 5, colonne « Date » : date invalide « 32/10/2026 » (attendu JJ/MM/AAAA, JJ/MM/AA ou AAAA-MM-JJ)',
      },
    ]);
    // Nothing is written before confirmation.
    const before = await api.app.inject({ method: 'GET', url: '/api/invoices', headers: { cookie } });
    expect(before.json().items).toEqual([]);

    const confirm = await api.app.inject({
      method: 'POST',
      url: `/api/imports/${body.id}/confirm`,
      headers: { cookie, origin: 'http://localhost:3000' },
      payload: { mode: 'valid-rows-only', rememberMapping: false },
    });
    expect(confirm.statusCode).toBe(202);
    expect(confirm.json().status).toBe('queued');
    const done = await waitForStatus(body.id, ['completed', 'rejected', 'failed']);
    expect(done).toMatchObject({
      status: 'completed',
      counts: { created: 2, updated: 0, unchanged: 0, rejected: 1 },
      totalOutstanding: '1246.56',
    });
    expect(done.rejected).toHaveLength(1);
    const after = await api.app.inject({ method: 'GET', url: '/api/invoices?sort=number', headers: { cookie } });
    expect(after.json().items.map((i: { number: string; outstanding: string }) => [i.number, i.outstanding])).toEqual([
      ['F-1', '1234.56'],
      ['F-3', '12.00'],
    ]);
  });

  it('in all-or-nothing mode a bad row leaves the ledger untouched and the batch rejected with its report', async () => {
    const upload = multipart('encore.csv', Buffer.from(CSV.toString('latin1').replace(/F-/g, 'G-'), 'latin1'), { creditorId });
    const preview = (
      await api.app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { cookie, origin: 'http://localhost:3000', ...upload.headers },
        payload: upload.payload,
      })
    ).json();
    const confirm = await api.app.inject({
      method: 'POST',
      url: `/api/imports/${preview.id}/confirm`,
      headers: { cookie, origin: 'http://localhost:3000' },
      payload: {},
    });
    expect(confirm.statusCode).toBe(202);
    const done = await waitForStatus(preview.id, ['completed', 'rejected', 'failed']);
    expect(done).toMatchObject({ status: 'rejected', mode: 'all-or-nothing', counts: { created: 0, rejected: 1 } });
    const list = await api.app.inject({ method: 'GET', url: '/api/invoices?search=G-', headers: { cookie } });
    expect(list.json().items).toEqual([]);
    const again = await api.app.inject({
      method: 'POST',
      url: `/api/imports/${preview.id}/confirm`,
      headers: { cookie, origin: 'http://localhost:3000' },
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets the user correct the column mapping and remembers it for the next file with the same headers', async () => {
    const odd = Buffer.from('Ref;Quand;Limite;Somme;Qui\nH-1;01/10/2026;31/10/2026;10,00;Client Un\n');
    const upload = multipart('odd.csv', odd, { creditorId });
    const first = (
      await api.app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { cookie, origin: 'http://localhost:3000', ...upload.headers },
        payload: upload.payload,
      })
    ).json();
    expect(first.problem.code).toBe('IMPORT_MAPPING_INCOMPLETE');
    expect(first.missingFields).toEqual(expect.arrayContaining(['issueDate', 'debtorName', 'amountInclTax']));
    const mapping = { invoiceNumber: 0, issueDate: 1, dueDate: 2, amountInclTax: 3, debtorName: 4 };
    const corrected = await api.app.inject({
      method: 'POST',
      url: `/api/imports/${first.id}/preview`,
      headers: { cookie, origin: 'http://localhost:3000' },
      payload: { mapping },
    });
    expect(corrected.json()).toMatchObject({ problem: null, check: { counts: { created: 1, rejected: 0 } } });
    await api.app.inject({
      method: 'POST',
      url: `/api/imports/${first.id}/confirm`,
      headers: { cookie, origin: 'http://localhost:3000' },
      payload: { mapping, rememberMapping: true },
    });
    expect((await waitForStatus(first.id, ['completed', 'rejected', 'failed'])).status).toBe('completed');

    const next = multipart('odd2.csv', Buffer.from('Ref;Quand;Limite;Somme;Qui\nH-2;02/10/2026;01/11/2026;20,00;Client Deux\n'), {
      creditorId,
    });
    const second = (
      await api.app.inject({
        method: 'POST',
        url: '/api/imports',
        headers: { cookie, origin: 'http://localhost:3000', ...next.headers },
        payload: next.payload,
      })
    ).json();
    expect(second).toMatchObject({ mapping, problem: null, check: { counts: { created: 1 } } });
  });

  it('refuses a file that is no invoice file, naming the problem', async () => {
    const upload = multipart('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const response = await api.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { cookie, origin: 'http://localhost:3000', ...upload.headers },
      payload: upload.payload,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('IMPORT_UNSUPPORTED_FORMAT');
  });
});
