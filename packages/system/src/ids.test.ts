import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidV7Generator } from './ids.js';

describe('uuidV7Generator', () => {
  it('makes valid version-7 UUIDs that sort in creation order, even within one millisecond', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5000 }), (steps) => {
        let now = Date.UTC(2026, 10, 23);
        const ids = uuidV7Generator({ now: () => new Date(now) });
        const made: string[] = [];
        for (const step of steps) {
          now += step;
          made.push(ids.newId());
        }
        for (const id of made) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect([...made].sort()).toEqual(made);
        expect(new Set(made).size).toBe(made.length);
      }),
      { numRuns: 50 },
    );
  });
});
