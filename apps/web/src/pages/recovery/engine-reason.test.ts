import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { engineReason } from './engine-reason';

describe('engine reasons', () => {
  it('shows the engine’s reasons in the reader’s language, and a person’s reason as written', () => {
    const fr = createI18n('fr').t;
    const en = createI18n('en').t;
    expect(engineReason(fr, 'formal notice produced, awaiting registered sending')).toBe(
      'mise en demeure produite, en attente d’envoi en recommandé',
    );
    expect(engineReason(fr, 'formal notice produced, to print and post')).toBe('mise en demeure produite, à imprimer et poster');
    expect(engineReason(fr, 'campaign "Relance de fin d’année" planned')).toBe('campagne « Relance de fin d’année » planifiée');
    expect(engineReason(en, 'campaign "Year-end" planned')).toBe('campaign “Year-end” planned');
    expect(engineReason(fr, 'Virement annoncé')).toBe('Virement annoncé');
  });
});
