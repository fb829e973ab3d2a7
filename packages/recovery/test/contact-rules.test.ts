import { describe, expect, it } from 'vitest';
import { type ContactLimits, firstContactDay, mayContact } from '../src/index.js';

const limits: ContactLimits = { maxContactsPerWeek: 2, minDaysBetweenContacts: 3, noContactOn: ['saturday', 'sunday', 'holiday'] };

describe('rules of contact', () => {
  it('keeps at least M days between two contacts', () => {
    expect(mayContact('2025-01-08', ['2025-01-06'], limits)).toBe(false);
    expect(mayContact('2025-01-09', ['2025-01-06'], limits)).toBe(true);
  });

  it('allows at most N contacts in any 7 consecutive days', () => {
    const one: ContactLimits = { maxContactsPerWeek: 2, minDaysBetweenContacts: 1, noContactOn: [] };
    expect(mayContact('2025-01-09', ['2025-01-06', '2025-01-07'], one)).toBe(false);
    expect(mayContact('2025-01-12', ['2025-01-06', '2025-01-07'], one)).toBe(false); // 6–12 Jan holds both
    expect(mayContact('2025-01-13', ['2025-01-06', '2025-01-07'], one)).toBe(true); // 7–13 Jan holds one
  });

  it('postpones past weekends and public holidays to the first day that respects every rule', () => {
    // Saturday 3 May 2025 → Monday 5 May; Thursday 8 May 2025 (Victoire 1945) → Friday 9 May.
    expect(firstContactDay('2025-05-03', [], limits)).toBe('2025-05-05');
    expect(firstContactDay('2025-05-08', [], limits)).toBe('2025-05-09');
    // 31 Dec 2025 (Wednesday) with a contact on 29 Dec: 1 Jan is a holiday → Friday 2 Jan 2026.
    expect(firstContactDay('2025-12-31', ['2025-12-29'], limits)).toBe('2026-01-02');
    // Whit Monday 2026 is 25 May.
    expect(firstContactDay('2026-05-23', [], limits)).toBe('2026-05-26');
    expect(firstContactDay('2026-05-23', [], { ...limits, noContactOn: [] })).toBe('2026-05-23');
  });
});
