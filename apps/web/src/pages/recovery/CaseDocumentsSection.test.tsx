// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentDto, Role } from '../../api/types';
import { type MockReply, type RouteHandler, installDomStubs } from '../../test/dom';
import { CASE_ID } from '../../test/recovery-fixtures';
import { renderCasePage } from '../../test/case-page';

beforeAll(installDomStubs);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NOTICE: DocumentDto = {
  id: '00000000-0000-4000-8000-0000000000f1',
  caseId: CASE_ID,
  dispatchId: null,
  kind: 'letter',
  letterType: 'formal-notice',
  lang: 'fr',
  filename: 'mise-en-demeure-de-payer-cafe-du-port-2026-11-23.pdf',
  byteSize: 48_213,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  templateVersion: 'tenant:v2',
  delivery: 'to-print',
  createdAt: '2026-11-23T09:30:00.000Z',
};
const EMAIL: DocumentDto = {
  ...NOTICE,
  id: '00000000-0000-4000-8000-0000000000f2',
  dispatchId: '00000000-0000-4000-8000-0000000000e1',
  kind: 'email',
  letterType: 'reminder',
  filename: 'relance.eml',
  sha256: 'aa'.repeat(32),
  delivery: 'sent',
  createdAt: '2026-11-23T08:00:00.000Z',
};

function renderCase(role: Role, routes: Record<string, RouteHandler | MockReply> = {}) {
  return renderCasePage(role, { [`GET /api/recovery/cases/${CASE_ID}/documents`]: { body: [EMAIL, NOTICE] }, ...routes });
}

describe('CaseDocumentsSection', () => {
  it('lists the case’s documents with their type, delivery, short SHA-256 and a download link, and puts them in the timeline', async () => {
    renderCase('viewer');
    const rows = await screen.findAllByTestId('case-document');
    expect(rows.map((row) => row.getAttribute('data-document-id'))).toEqual([EMAIL.id, NOTICE.id]);
    const cells = within(rows[1] as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['Lettre · Mise en demeure', '23/11/2026 10:30', 'À imprimer', '9f86d081884c…', 'Télécharger']);
    expect(
      within(rows[1] as HTMLElement)
        .getByTestId('case-document-sha')
        .getAttribute('title'),
    ).toContain(NOTICE.sha256);
    const link = within(rows[1] as HTMLElement).getByTestId('case-document-download');
    expect(link.getAttribute('href')).toBe(`/api/documents/${NOTICE.id}/content`);
    expect(link.getAttribute('download')).toBe(NOTICE.filename);
    expect(within(rows[0] as HTMLElement).getByTestId('document-delivery').textContent).toBe('Envoyé');
    // A viewer produces nothing.
    expect(screen.queryByTestId('produce-letter')).toBeNull();

    const timeline = await screen.findByTestId('case-timeline');
    await waitFor(() =>
      expect(
        within(timeline)
          .getAllByTestId('timeline-entry')
          .filter((entry) => entry.getAttribute('data-kind') === 'document'),
      ).toHaveLength(2),
    );
    // Testing Library reads no-break spaces as plain ones.
    expect(within(timeline).getByText('Lettre « Mise en demeure »')).toBeTruthy();
  });

  it('says so when the case has no document', async () => {
    renderCase('viewer', { [`GET /api/recovery/cases/${CASE_ID}/documents`]: { body: [] } });
    expect(await screen.findByTestId('case-documents-empty')).toBeTruthy();
  });

  it('lets an agent produce a letter now, and lists the refusal’s missing mentions', async () => {
    let documents: DocumentDto[] = [];
    const server = renderCase('agent', {
      [`GET /api/recovery/cases/${CASE_ID}/documents`]: () => ({ body: documents }),
      [`POST /api/recovery/cases/${CASE_ID}/letters`]: (call) => {
        const body = JSON.parse(String(call.body)) as { type: string };
        if (body.type === 'reminder')
          return {
            status: 400,
            body: {
              code: 'VALIDATION_FAILED',
              message: 'Certaines données sont invalides.',
              requestId: 'r1',
              issues: [
                {
                  field: 'creditor.siren',
                  code: 'missing_mention',
                  message: '« creditor.siren » : mention obligatoire manquante : SIREN du créancier',
                },
              ],
            },
          };
        documents = [NOTICE];
        return { status: 201, body: NOTICE };
      },
    });
    fireEvent.click(await screen.findByTestId('produce-letter'));
    fireEvent.click(await screen.findByTestId('produce-letter-formal-notice'));
    expect((await screen.findByTestId('letter-produced')).textContent).toContain('«\u00a0Mise en demeure\u00a0» produite');
    expect(await screen.findByTestId('case-document')).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'POST').map((c) => JSON.parse(String(c.body)))).toEqual([{ type: 'formal-notice' }]);

    fireEvent.click(screen.getByTestId('produce-letter'));
    fireEvent.click(await screen.findByTestId('produce-letter-reminder'));
    expect((await screen.findByTestId('form-error')).textContent).toContain('SIREN du créancier');
  });
});
