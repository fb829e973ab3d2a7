/**
 * The product as a credit manager meets it: `amiable start --demo` (the README's
 * first command, on a test database), then Debian's Chromium driven by
 * playwright-core: log in, read the aged balance, filter invoices, open a
 * debtor and its activity log, import a CSV with a bad row, switch to English.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@amiable/demo';
import { type TestDatabase, createTestDatabase } from '@amiable/testing';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const BIN = fileURLToPath(new URL('../bin/amiable.js', import.meta.url));
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.AMIABLE_REQUIRE_TOOLS === '1') throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let db: TestDatabase;
let server: ChildProcess;
let browser: Browser;
let page: Page;
let base: string;
let dir: string;
let output = '';

describe.skipIf(!haveBrowser)('web app in Chromium', () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'amiable-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [BIN, 'start', '--demo', '--port', String(port)], {
      env: { ...process.env, DATABASE_URL: db.adminUrl, AMIABLE_DATA_DIR: dir, LANG: 'fr_FR.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 170_000;
    while (!output.includes('Amiable est prêt')) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`amiable start did not come up:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1400, height: 900 } });
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT');
      await exited;
    }
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the URL and the demo login, and stops cleanly on Ctrl-C (checked at the end)', () => {
    expect(output).toContain(`Amiable est prêt : ${base}`);
    expect(output).toContain(`Connexion de démo : demo@amiable.test / ${DEMO_PASSWORD}`);
  });

  it('logs in and shows the aged balance of the demo portfolio', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').fill('demo@amiable.test');
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Adresse e-mail ou mot de passe incorrect');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('aging-bucket-over-180').waitFor();
    const overdue = await page.getByTestId('total-overdue').textContent();
    expect(overdue).toMatch(/\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€/);
    await page.screenshot({ path: path.join(tmpdir(), 'amiable-e2e-dashboard.png') });
  });

  it('lists invoices most overdue first, filters them, and opens one', async () => {
    await page.getByTestId('aging-bucket-over-180').click();
    await page.getByTestId('invoice-table').waitFor();
    const rows = page.getByTestId('invoice-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const statuses = await rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-status')));
    expect(statuses.every((s) => s === 'overdue' || s === 'disputed')).toBe(true);
    const firstText = (await rows.first().textContent()) ?? '';
    const number = /((?:FA|F\d\d)-[\d-]+)/.exec(firstText)?.[1];
    expect(number).toBeTruthy();
    await page.getByTestId('filter-search').fill(number ?? '');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().click();
    await page.getByTestId('invoice-detail').waitFor();
    expect(await page.getByTestId('invoice-detail').textContent()).toContain(number);
    await page.keyboard.press('Escape');
  });

  it("opens a debtor's page with its balance and activity log", async () => {
    await page.getByTestId('nav-debtors').click();
    await page.getByTestId('debtor-table').waitFor();
    const first = page.getByTestId('debtor-row').first();
    const name = (await first.locator('td').first().textContent())?.trim() ?? '';
    await first.click();
    await page.getByTestId('debtor-name').waitFor();
    expect(await page.getByTestId('debtor-name').textContent()).toContain(name);
    await page.getByTestId('activity-log').waitFor();
    await expect.poll(() => page.getByTestId('activity-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('activity-log').textContent()).toMatch(/Facture .+ créée|Règlement de/);
    // What can be claimed from a debtor with an overdue invoice today, computed by the legal engine (the demo
    // account completes the rates table up to today).
    const overdue = (await (await page.request.get(`${base}/api/invoices?status=overdue&limit=1`)).json()).items[0];
    await page.goto(`${base}/debtors/${overdue.debtor.id}`);
    await page.getByTestId('claim-result').waitFor();
    await expect.poll(() => page.getByTestId('claim-line').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('claim-total').textContent()).toMatch(/\d,\d\d\s€/);
    expect(await page.getByTestId('claim-result').textContent()).toContain(overdue.number);
    expect(await page.getByTestId('claim-articles').textContent()).toMatch(/C\. (com|civ)\./);
    await page.screenshot({ path: path.join(tmpdir(), 'amiable-e2e-debtor.png'), fullPage: true });
  });

  it('imports a CSV: preview shows the mapping and the rejected row, valid rows are imported', async () => {
    const file = path.join(dir, 'relances.csv');
    await writeFile(
      file,
      Buffer.from(
        "N° facture;Date facture;Date d'échéance;Montant TTC;Raison sociale\nE2E-1;01/10/2026;31/10/2026;1 500,00;Chocolaterie Étienne\nE2E-2;31/02/2026;31/10/2026;20,00;Chocolaterie Étienne\n",
        'latin1',
      ),
    );
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    // The demo tenant has two creditors: choose one, then re-check.
    const creditor = page.getByTestId('import-creditor');
    if (await creditor.isVisible()) {
      await creditor.selectOption({ index: 1 });
      await page.getByTestId('import-recheck').click();
    }
    await page.getByTestId('import-rejected-table').waitFor();
    const rejected = page.getByTestId('import-rejected-row');
    await expect.poll(() => rejected.count()).toBe(1);
    expect(await rejected.first().textContent()).toContain('31/02/2026');
    expect(await page.getByTestId('import-mapping-dueDate').inputValue()).toBe('2');
    await page.getByTestId('import-mode-valid-rows-only').check();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('import-result').getAttribute('data-status'), { timeout: 30_000 }).toBe('completed');
    await page.screenshot({ path: path.join(tmpdir(), 'amiable-e2e-import.png'), fullPage: true });
  });

  it('computes late-payment penalties in the calculator, and shows the rates table with its sources', async () => {
    await page.getByTestId('nav-calculator').click();
    await page.getByTestId('late-fees-form').waitFor();
    await page.getByTestId('late-fees-amount').fill('1 200,00');
    await page.getByTestId('late-fees-due').fill('2025-03-15');
    await page.getByTestId('late-fees-until').fill('2025-09-30');
    await page.getByTestId('late-fees-submit').click();
    await page.getByTestId('late-fees-result').waitFor();
    expect(await page.getByTestId('late-fees-interest').textContent()).toContain('83,01');
    expect(await page.getByTestId('late-fees-indemnity').textContent()).toContain('40,00');
    await expect.poll(() => page.getByTestId('late-fees-period-row').count()).toBe(2);

    await page.getByTestId('nav-rates').click();
    await page.getByTestId('rates-table').waitFor();
    expect(await page.locator('[data-testid="rate-row"][data-half-year="2025-H1"]').getAttribute('data-origin')).toBe('shipped');
    // The demo account completes the half-years the shipped table lacks, as its own rows marked as assumptions.
    expect(await page.locator('[data-testid="rate-row"][data-half-year="2026-H2"]').getAttribute('data-origin')).toBe('tenant');
  });

  it('edits a letter text: the mention check follows the typing, blocks saving, and the previews render', async () => {
    await page.goto(`${base}/settings/letters`);
    await page.getByTestId('letter-check-ok').waitFor({ timeout: 20_000 });
    // The PDF preview is a blob the browser's own viewer opens; the e-mail preview a sandboxed document.
    await expect.poll(() => page.getByTestId('letter-preview-pdf').getAttribute('src'), { timeout: 20_000 }).toMatch(/^blob:/);
    await page.getByTestId('letter-preview-email').waitFor();
    const demand = page.getByTestId('letter-field-demand');
    const shipped = await demand.inputValue();
    await demand.fill('Merci de régler au plus vite.');
    await page.locator('[data-testid="letter-check-missing"][data-mention="express-demand"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('letter-save').isDisabled()).toBe(true);
    await page.getByTestId('letter-reset').click();
    await page.getByTestId('letter-check-ok').waitFor({ timeout: 20_000 });
    expect(await demand.inputValue()).toBe(shipped);
    await page.screenshot({ path: path.join(tmpdir(), 'amiable-e2e-letters.png'), fullPage: true });
  });

  it('shows the demo’s cases shared out among the team, and gives unassigned ones to the agent in one step', async () => {
    await page.goto(`${base}/recovery/cases`);
    const rows = page.getByTestId('case-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(2);
    const agents = await page.getByTestId('case-row-assignee').allTextContents();
    expect(agents).toContain('Karim Benali');
    expect(agents).toContain('Sophie Girard');
    // Every state reads in full (« En cours », not « E… »): no badge's label is cut.
    const cut = await page
      .locator('[data-testid="case-state"] .mantine-Badge-label, [data-testid="dispatch-status"] .mantine-Badge-label')
      .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent));
    expect(cut).toEqual([]);
    await page.getByTestId('case-filter-assignee').selectOption({ label: 'Non attribués' });
    await page.waitForURL(/assignee=none/);
    const shown = async () => {
      const names = await page.getByTestId('case-row-assignee').allTextContents();
      return names.length > 1 && names.every((a) => a === '—');
    };
    await expect.poll(shown, { timeout: 20_000 }).toBe(true);
    const unassigned = await rows.count();
    await page.getByTestId('case-select').nth(0).check();
    await page.getByTestId('case-select').nth(1).check();
    expect(await page.getByTestId('case-assign-count').textContent()).toBe('2 dossiers sélectionnés');
    await page.getByTestId('case-assign-select').selectOption({ label: 'Karim Benali — karim.benali@amiable.test' });
    await page.screenshot({ path: path.join(tmpdir(), 'amiable-e2e-cases.png') });
    await page.getByTestId('case-assign-submit').click();
    await page.getByText('2 dossiers confiés à Karim Benali.').waitFor();
    await expect.poll(() => rows.count()).toBe(unassigned - 2);
  });

  it('edits a creditor: the server refuses a bad IBAN by its field, saves the rest, and takes a logo', async () => {
    await page.getByTestId('nav-creditors').click();
    const rows = page.getByTestId('creditor-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('creditor-row-readiness').allTextContents()).toEqual(['Complet', 'Complet']);
    // The demo gives Durand Services' new cases to the agent.
    await expect
      .poll(() => page.getByTestId('creditor-row-default-agent').allTextContents(), { timeout: 20_000 })
      .toEqual(['—', 'Karim Benali']);
    await rows.first().click();
    await page.getByTestId('creditor-form').waitFor();
    const iban = page.getByTestId('creditor-iban');
    const shipped = await iban.inputValue();
    await iban.fill('FR76 3000 6000 0112 3456 7890 188');
    await page.getByTestId('creditor-submit').click();
    await expect.poll(() => iban.getAttribute('aria-invalid')).toBe('true');
    await iban.fill(shipped);
    await page.getByTestId('creditor-letterLegalMentions').fill('SAS au capital de 80 000 € – RCS Lyon');
    await page.getByTestId('creditor-submit').click();
    await page.getByTestId('creditor-saved').waitFor();
    await page.reload();
    await page.getByTestId('creditor-form').waitFor();
    expect(await page.getByTestId('creditor-letterLegalMentions').inputValue()).toBe('SAS au capital de 80 000 € – RCS Lyon');
    // Its new cases go to the manager from now on; the choice is kept.
    const defaultAgent = page.getByTestId('creditor-default-agent-select');
    await expect.poll(() => defaultAgent.isEnabled(), { timeout: 20_000 }).toBe(true);
    await defaultAgent.selectOption({ label: 'Sophie Girard — sophie.girard@amiable.test' });
    await page.getByText('Les nouveaux dossiers de ce créancier seront confiés à Sophie Girard.').waitFor();
    // A 1 × 1 PNG: the letterhead's logo, shown back from the server.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await page
      .getByTestId('creditor-logo')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('creditor-logo-upload').click();
    await page.getByTestId('creditor-logo-uploaded').waitFor();
    await expect
      .poll(() =>
        page.getByTestId('creditor-logo-image').evaluate((element) => {
          // The test's types have no DOM: the element is an <img>.
          const img = element as unknown as { complete: boolean; naturalWidth: number };
          return img.complete ? img.naturalWidth : 0;
        }),
      )
      .toBe(1);
    // After a reload the page reads the session, the creditor, the team and the defaults again: slow under CI's load.
    await page.reload();
    await expect.poll(() => page.getByTestId('creditor-default-agent-select').inputValue(), { timeout: 20_000 }).not.toBe('');
    expect(await page.getByTestId('creditor-default-agent-select').locator('option:checked').textContent()).toBe(
      'Sophie Girard — sophie.girard@amiable.test',
    );
    await page.screenshot({ path: path.join(tmpdir(), 'amiable-e2e-creditor.png'), fullPage: true });
  });

  it('switches to English', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('nav-invoices').click();
    await expect.poll(async () => (await page.getByTestId('nav-invoices').textContent())?.trim()).toBe('Invoices');
  });

  it('is served with a restrictive content security policy and no Secure-cookie surprise on http://127.0.0.1', async () => {
    const response = await page.request.get(`${base}/debtors`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toContain("default-src 'self'");
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === '__Host-amiable_session')).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
  });
});
