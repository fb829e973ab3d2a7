import { detachString } from './detach-string.js';

/**
 * Caches a pure function of a cell's text. Exports repeat the same few values
 * (document types, dates, countries) on thousands of rows; the table is
 * emptied when full, so a file of all-distinct values costs little.
 */
export function memoize<T>(fn: (text: string) => T, limit = 4096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const cached = cache.get(text);
    if (cached !== undefined || cache.has(text)) return cached as T;
    const value = fn(text);
    if (cache.size >= limit) cache.clear();
    cache.set(detachString(text), value);
    return value;
  };
}
