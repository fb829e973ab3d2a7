// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ColumnMapping, ImportBatch, ImportPreview } from '../../api/types';
import { AuthGate } from '../../components/Session';
import { TEST_ME, installDomStubs, mockFetch, renderApp } from '../../test/dom';
import { ImportPage } from './ImportPage';
import { MappingEditor } from './MappingEditor';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const HEADERS = ['N° facture', 'Date', 'Échéance', 'Client', 'Montant TTC'];
const MAPPABLE = ['invoiceNumber', 'issueDate', 'dueDate', 'debtorName', 'amountInclTax', 'debtorSiren'];
const CREDITOR = {
  id: '00000000-0000-4000-8000-0000000000c1',
  legalName: 'Menuiserie Durand SARL',
  tradeName: null,
  legalForm: 'SARL',
  siren: '552100554',
  siret: null,
  vatNumber: null,
  address: { line1: null, line2: null, postalCode: null, city: null, country: 'FR' },
  iban: null,
  bic: null,
  email: null,
  phone: null,
  hasLogo: false,
  letterLegalMentions: null,
  recoveryContact: null,
  letterGaps: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    filename: 'balance-agee.csv',
    format: 'csv',
    creditorId: CREDITOR.id,
    layout: { encoding: 'windows-1252', delimiter: ';', sheet: null, headerLine: 3, headers: HEADERS, decimalSeparator: ',' },
    mapping: { invoiceNumber: 0, issueDate: 1, dueDate: 2, debtorName: 3 },
    missingFields: ['amountInclTax'],
    mappableFields: MAPPABLE,
    sampleRows: [
      ['F-2026-001', '02/01/2026', '01/02/2026', 'Boulangerie Petit', '1 234,56'],
      ['F-2026-002', '05/01/2026', '04/02/2026', 'Garage Lemoine', '980,00'],
    ],
    rowCount: 2,
    check: {
      counts: { created: 0, updated: 0, unchanged: 0, rejected: 2 },
      rejected: [
        { line: 4, column: 'Montant TTC', code: 'required', message: 'Ligne 4, colonne « Montant TTC » : valeur obligatoire manquante' },
        { line: 5, column: 'Montant TTC', code: 'required', message: 'Ligne 5, colonne « Montant TTC » : valeur obligatoire manquante' },
      ],
      totalOutstanding: '0.00',
      outstandingByCurrency: [],
    },
    problem: null,
    ...overrides,
  };
}

/** The editor with the page's state around it: required fields without a column are flagged. */
function Harness({ onMapping }: { readonly onMapping: (mapping: ColumnMapping) => void }) {
  const [mapping, setMapping] = useState<ColumnMapping>({ invoiceNumber: 0 });
  const required = new Set(['invoiceNumber', 'amountInclTax']);
  const missing = [...required].filter((field) => mapping[field] === undefined);
  return (
    <MappingEditor
      fields={MAPPABLE}
      headers={HEADERS}
      mapping={mapping}
      required={required}
      missing={missing}
      onChange={(next) => {
        setMapping(next);
        onMapping(next);
      }}
    />
  );
}

describe('MappingEditor', () => {
  it('offers the file headers for every field, marks required ones and flags the unmapped required ones', () => {
    renderApp(<Harness onMapping={() => {}} />);
    const amount = screen.getByTestId('import-mapping-amountInclTax') as HTMLSelectElement;
    expect(screen.getAllByRole('combobox')).toHaveLength(MAPPABLE.length);
    // Option texts keep the French no-break space before the colon.
    expect(
      within(amount)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      '— Non associée —',
      'Colonne 1\u00a0: N° facture',
      'Colonne 2\u00a0: Date',
      'Colonne 3\u00a0: Échéance',
      'Colonne 4\u00a0: Client',
      'Colonne 5\u00a0: Montant TTC',
    ]);
    expect(amount.value).toBe('');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Colonne obligatoire non associée')).toBeTruthy();
    // Required fields carry the asterisk in their label; optional ones do not.
    const labelOf = (select: HTMLElement) => document.querySelector(`label[for="${select.id}"]`)?.textContent ?? '';
    expect(labelOf(amount)).toContain('*');
    expect(labelOf(screen.getByTestId('import-mapping-invoiceNumber'))).toContain('*');
    expect(labelOf(screen.getByTestId('import-mapping-debtorSiren'))).not.toContain('*');
    expect((screen.getByTestId('import-mapping-invoiceNumber') as HTMLSelectElement).value).toBe('0');
  });

  it('updates the mapping when a column is chosen, and clears the flag', () => {
    const onMapping = vi.fn();
    renderApp(<Harness onMapping={onMapping} />);
    const amount = screen.getByTestId('import-mapping-amountInclTax') as HTMLSelectElement;

    fireEvent.change(amount, { target: { value: '4' } });

    expect(onMapping).toHaveBeenLastCalledWith({ invoiceNumber: 0, amountInclTax: 4 });
    expect(amount.value).toBe('4');
    expect(amount.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByText('Colonne obligatoire non associée')).toBeNull();

    fireEvent.change(screen.getByTestId('import-mapping-invoiceNumber'), { target: { value: '' } });
    expect(onMapping).toHaveBeenLastCalledWith({ amountInclTax: 4 });
    expect(screen.getByText('Colonne obligatoire non associée')).toBeTruthy();
  });
});

describe('ImportPage', () => {
  it('uploads, shows the dry run and rejected rows, re-checks with the corrected mapping, confirms and shows the result', async () => {
    const rechecked = preview({
      mapping: { invoiceNumber: 0, issueDate: 1, dueDate: 2, debtorName: 3, amountInclTax: 4 },
      missingFields: [],
      check: {
        counts: { created: 12, updated: 3, unchanged: 40, rejected: 0 },
        rejected: [],
        totalOutstanding: '2214.56',
        outstandingByCurrency: [{ currency: 'EUR', amount: '2214.56' }],
      },
    });
    const batch: ImportBatch = {
      id: rechecked.id,
      filename: rechecked.filename,
      format: 'csv',
      status: 'queued',
      mode: 'all-or-nothing',
      creditorId: CREDITOR.id,
      counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
      rejected: [],
      totalOutstanding: '0.00',
      outstandingByCurrency: [],
      error: null,
      createdBy: 'Claire Martin',
      createdAt: '2026-11-23T08:05:00.000Z',
      startedAt: null,
      finishedAt: null,
    };
    const server = mockFetch({
      'GET /api/auth/me': { body: TEST_ME },
      'GET /api/creditors': { body: { items: [CREDITOR], nextCursor: null } },
      'GET /api/imports': { body: { items: [], nextCursor: null } },
      'POST /api/imports': { status: 201, body: preview() },
      [`POST /api/imports/${rechecked.id}/preview`]: { body: rechecked },
      [`POST /api/imports/${rechecked.id}/confirm`]: { status: 202, body: batch },
      [`GET /api/imports/${rechecked.id}`]: {
        body: {
          ...batch,
          status: 'completed',
          counts: { created: 12, updated: 3, unchanged: 40, rejected: 0 },
          finishedAt: '2026-11-23T08:05:02.000Z',
        },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(
      <AuthGate>
        <ImportPage />
      </AuthGate>,
      { path: '/import' },
    );

    const input = await screen.findByTestId('import-file-input');
    const file = new File(['N° facture;Date\n'], 'balance-agee.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });

    // The preview: layout facts, the flagged mapping, the dry run and every rejected row.
    await screen.findByTestId('import-preview');
    const upload = server.calls.find((call) => call.method === 'POST' && call.path === '/api/imports');
    const form = upload?.body;
    expect(form).toBeInstanceOf(FormData);
    expect(form instanceof FormData ? form.get('file') : null).toBeInstanceOf(File);
    expect(screen.getByText('windows-1252')).toBeTruthy();
    expect(screen.getByText('point-virgule (;)')).toBeTruthy();
    const amount = screen.getByTestId('import-mapping-amountInclTax') as HTMLSelectElement;
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByTestId('import-rejected-row')).toHaveLength(2);
    expect(within(screen.getByTestId('import-rejected-table')).getByText(/Ligne 5, colonne « Montant TTC »/)).toBeTruthy();
    expect(screen.getByTestId('import-check-counts').textContent).toContain('0 facture sera créée, 0 mise à jour, 0 inchangée.');
    expect(screen.getByTestId('import-mode-warning')).toBeTruthy();
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);

    // Map the amount column: the mapping is now different from the checked one, so it must be checked again.
    fireEvent.change(amount, { target: { value: '4' } });
    expect(amount.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByTestId('import-dirty')).toBeTruthy();
    expect((screen.getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByTestId('import-recheck'));
    await waitFor(() =>
      expect(screen.getByTestId('import-check-counts').textContent).toContain('12 factures seront créées, 3 mises à jour, 40 inchangées.'),
    );
    const recheck = server.calls.find((call) => call.path.endsWith('/preview'));
    expect(JSON.parse(String(recheck?.body))).toEqual({
      mapping: { invoiceNumber: 0, issueDate: 1, dueDate: 2, debtorName: 3, amountInclTax: 4 },
      creditorId: CREDITOR.id,
    });
    expect(screen.queryByTestId('import-rejected-table')).toBeNull();

    // Confirm in "valid rows only" mode, then the batch is followed until it completes.
    fireEvent.click(screen.getByLabelText('Importer seulement les lignes valides'));
    const confirm = screen.getByTestId('import-confirm') as HTMLButtonElement;
    await waitFor(() => expect(confirm.disabled).toBe(false));
    fireEvent.click(confirm);

    const result = await screen.findByTestId('import-result');
    expect(result.getAttribute('data-status')).toBe('completed');
    expect(result.textContent).toContain('Import terminé');
    expect(result.textContent).toContain('12 factures créées, 3 mises à jour, 40 inchangées.');
    const confirmCall = server.calls.find((call) => call.path.endsWith('/confirm'));
    expect(JSON.parse(String(confirmCall?.body))).toMatchObject({
      mode: 'valid-rows-only',
      rememberMapping: true,
      mapping: { amountInclTax: 4 },
    });
  });

  it('shows the server message when the file cannot be read', async () => {
    const server = mockFetch({
      'GET /api/auth/me': { body: TEST_ME },
      'GET /api/creditors': { body: { items: [CREDITOR], nextCursor: null } },
      'GET /api/imports': { body: { items: [], nextCursor: null } },
      'POST /api/imports': {
        status: 415,
        body: { code: 'IMPORT_UNSUPPORTED_FORMAT', message: 'Format de fichier non reconnu.', requestId: 'r-9' },
      },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(
      <AuthGate>
        <ImportPage />
      </AuthGate>,
    );
    const input = await screen.findByTestId('import-file-input');
    fireEvent.change(input, { target: { files: [new File(['x'], 'photo.png', { type: 'image/png' })] } });
    expect(await screen.findByText('Format de fichier non reconnu.')).toBeTruthy();
    expect(screen.getByText('Référence : r-9')).toBeTruthy();
  });

  it('hides the upload for a viewer', async () => {
    const server = mockFetch({
      'GET /api/auth/me': { body: { ...TEST_ME, role: 'viewer' } },
      'GET /api/imports': { body: { items: [], nextCursor: null } },
    });
    vi.stubGlobal('fetch', server.fetch);
    renderApp(
      <AuthGate>
        <ImportPage />
      </AuthGate>,
    );
    expect(await screen.findByTestId('import-not-allowed')).toBeTruthy();
    expect(screen.queryByTestId('import-file-input')).toBeNull();
  });
});
