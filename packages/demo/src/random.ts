/**
 * Seeded pseudo-random numbers. Demo data must be byte-identical for the same
 * (today, seed), so nothing in this package touches Math.random or the clock;
 * every draw comes from a `Prng` built from explicit seed parts.
 *
 * mulberry32: 32 bits of state, a few integer operations per draw, and good
 * enough statistics for fake data. It is not for secrets: the domain's
 * `RandomSource` port is the place for those.
 *
 * Only integer operations and exact float arithmetic are used (no Math.pow,
 * Math.log…), so the output does not depend on how a platform rounds
 * transcendental functions.
 */

/** FNV-1a over the parts, finished with murmur3's avalanche so close seeds give unrelated streams. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  const text = parts.map(String).join('\u001f');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream named by its parts: separate concerns get separate streams, so adding a draw in one does not shift the others. */
  static of(...parts: readonly (string | number)[]): Prng {
    return new Prng(hashSeed(...parts));
  }

  /** Next unsigned 32-bit integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1); exact (a 32-bit integer divided by 2^32). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`empty range [${min}, ${max}]`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Integer in [min, max] skewed towards `min` (product of two uniforms): many small amounts, a few large ones. */
  skewedInt(min: number, max: number): number {
    return min + Math.floor(this.next() * this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    // Indexed loops: this sits on the CSV generator's per-row path.
    let total = 0;
    for (let i = 0; i < entries.length; i++) total += (entries[i] as readonly [T, number])[1];
    let target = this.next() * total;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i] as readonly [T, number];
      target -= entry[1];
      if (target < 0) return entry[0];
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('cannot pick from an empty list');
    return last[0];
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }
}
