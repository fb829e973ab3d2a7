/** The debtor's journal tells what happened to a recovery case in words, in the reader's language. */
import { describe, expect, it } from 'vitest';
import { activitySummary } from '../src/index.js';

describe('activity summaries of case events', () => {
  it('tells each case event in French and in English', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        'case.assigned',
        { assigneeId: 'u1', assigneeName: 'Julie Martin' },
        'Dossier confié à Julie Martin',
        'Case assigned to Julie Martin',
      ],
      ['case.assigned', { assigneeId: null, assigneeName: null }, 'Dossier sans chargé de relance', 'Case unassigned'],
      [
        'case.assigned',
        { assigneeId: null, assigneeName: null, reason: 'member-read-only' },
        'Dossier sans chargé de relance : son chargé est passé en lecture seule',
        'Case unassigned: its agent was made read-only',
      ],
      [
        'case.assigned',
        { assigneeId: null, assigneeName: null, reason: 'member-removed' },
        'Dossier sans chargé de relance : son chargé a quitté l’équipe',
        'Case unassigned: its agent left the team',
      ],
      [
        'creditor.default-agent-set',
        { name: 'Ateliers Durand SAS', assigneeId: 'u1', assigneeName: 'Julie Martin' },
        'Nouveaux dossiers du créancier Ateliers Durand SAS confiés à Julie Martin',
        "Ateliers Durand SAS's new cases go to Julie Martin",
      ],
      [
        'creditor.default-agent-set',
        { name: 'Ateliers Durand SAS', assigneeId: null, assigneeName: null },
        'Nouveaux dossiers du créancier Ateliers Durand SAS : plus de chargé par défaut',
        "Ateliers Durand SAS's new cases: no default agent",
      ],
      [
        'case.state-changed',
        { from: 'in-progress', to: 'disputed', reason: 'conteste la facture F-12' },
        'Dossier : en cours → litige (conteste la facture F-12)',
        'Case: in progress → disputed (conteste la facture F-12)',
      ],
      [
        'case.promise-recorded',
        { until: '2026-12-15', amountCents: 123_456 },
        'Promesse de paiement jusqu’au 15/12/2026 (1\u202f234,56\u00a0€)',
        'Promise to pay by 15 Dec 2026 (€1,234.56)',
      ],
      [
        'case.promise-recorded',
        { until: '2026-12-15', amountCents: null },
        'Promesse de paiement jusqu’au 15/12/2026',
        'Promise to pay by 15 Dec 2026',
      ],
      ['case.promise-broken', { until: '2026-12-15' }, 'Promesse du 15/12/2026 non tenue', 'Promise of 15 Dec 2026 broken'],
      ['case.promise-kept', { until: '2026-12-15' }, 'Promesse du 15/12/2026 tenue', 'Promise of 15 Dec 2026 kept'],
      [
        'case.call-logged',
        { outcome: 'no-answer', note: 'messagerie' },
        'Appel : pas de réponse — messagerie',
        'Call: no answer — messagerie',
      ],
      [
        'case.action-approved',
        { step: 'mise-en-demeure' },
        'Envoi validé (étape mise-en-demeure)',
        'Sending approved (step mise-en-demeure)',
      ],
      ['case.action-rejected', { step: 'relance-2' }, 'Envoi refusé (étape relance-2)', 'Sending rejected (step relance-2)'],
      [
        'case.action-reviewed',
        { step: 'relance-2' },
        'Envoi incertain traité (étape relance-2)',
        'Uncertain sending resolved (step relance-2)',
      ],
    ];
    for (const [action, details, fr, en] of cases) {
      expect({ action, text: activitySummary('fr', action, details) }).toEqual({ action, text: fr });
      expect({ action, text: activitySummary('en', action, details) }).toEqual({ action, text: en });
    }
  });

  it('shows the code of a case event it does not know rather than nothing', () => {
    expect(activitySummary('fr', 'case.something-new', {})).toBe('case.something-new');
  });
});
