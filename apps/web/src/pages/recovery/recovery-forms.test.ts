import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { offsetLabel } from './channels';
import { issuesByItem, normalizeField } from './issues';
import { outcomeBody } from './outcome-form';
import { newStep, scenarioFormOf, sortedByOffset } from './scenario-form';
import { moveRule, newRule } from './segment-form';
import { caseTimeline } from './timeline';
import { CASE_DETAIL, SCENARIO } from '../../test/recovery-fixtures';

const parse = (text: string) => (/^\d+(,\d{1,2})?$/.test(text) ? `${text.replace(',', '.')}${text.includes(',') ? '' : '.00'}` : null);

describe('recovery form helpers', () => {
  it('labels a step’s day from the due date', () => {
    expect([offsetLabel('J', -5), offsetLabel('J', 0), offsetLabel('J', 3), offsetLabel('D', 35)]).toEqual(['J-5', 'J0', 'J+3', 'D+35']);
  });

  it('reads schema and domain field names alike, and maps list issues to the item sent at that index', () => {
    expect(normalizeField('steps.0.templates.fr.subject')).toBe('steps[0].templates.fr.subject');
    expect(normalizeField('steps[2].id')).toBe('steps[2].id');
    expect(normalizeField('rules.10')).toBe('rules[10]');
    const error = new ApiError(400, 'VALIDATION_FAILED', 'invalide', [
      { field: 'steps.1.id', code: 'invalid_format', message: 'format' },
      { field: 'steps[0].templates', code: 'required', message: 'obligatoire' },
      { field: 'name', code: 'required', message: 'nom' },
    ]);
    const byItem = issuesByItem(error, 'steps', ['a', 'b']);
    expect(byItem.get('b')?.get('id')).toBe('format');
    expect(byItem.get('a')?.get('templates')).toBe('obligatoire');
    expect(byItem.size).toBe(2);
  });

  it('orders steps by offset, keeps an unreadable one last, and adds a step a week after the last', () => {
    const form = scenarioFormOf(SCENARIO, 'fr');
    expect(sortedByOffset(form.steps).map((step) => step.id)).toEqual(['pre-reminder', 'reminder-1', 'formal-notice']);
    expect(form.steps[2]?.minOutstanding).toBe('100,00');
    const added = newStep(form.steps);
    expect([added.id, added.offsetDays]).toEqual(['step-4', '42']);
    const broken = { ...added, offsetDays: 'x' };
    expect(sortedByOffset([broken, ...form.steps]).at(-1)?.key).toBe(broken.key);
  });

  it('builds a call outcome body with only the fields of that outcome', () => {
    expect(outcomeBody({ outcome: '', note: '', promiseUntil: '', promiseAmount: '', disputeReason: '' }, parse)).toEqual({
      problems: { outcome: 'required' },
    });
    expect(
      outcomeBody({ outcome: 'no-answer', note: ' rappeler ', promiseUntil: '2026-12-01', promiseAmount: '5', disputeReason: 'x' }, parse),
    ).toEqual({ body: { outcome: 'no-answer', note: 'rappeler' } });
    expect(
      outcomeBody({ outcome: 'promise', note: '', promiseUntil: '2026-02-30', promiseAmount: 'abc', disputeReason: '' }, parse),
    ).toEqual({
      problems: { promiseUntil: 'required', promiseAmount: 'invalidAmount' },
    });
  });

  it('moves segment rules within bounds', () => {
    const [a, b, c] = [newRule('s'), newRule('s'), newRule('s')];
    expect(moveRule([a, b, c], 0, 1).map((rule) => rule.key)).toEqual([b.key, a.key, c.key]);
    expect(moveRule([a, b, c], 2, 1).map((rule) => rule.key)).toEqual([a.key, b.key, c.key]);
    expect(moveRule([a, b, c], 0, -1).map((rule) => rule.key)).toEqual([a.key, b.key, c.key]);
  });

  it('puts a case’s history in order, a promise after what happened that day', () => {
    expect(caseTimeline(CASE_DETAIL).map((entry) => entry.kind)).toEqual(['transition', 'dispatch', 'transition', 'promise']);
  });
});
