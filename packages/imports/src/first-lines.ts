/**
 * Remembers the first line of each invoice number in a file, to report
 * duplicates. A million rows means a million entries: an open-addressing
 * table over a typed array does this in about half the time of a Map. Each
 * slot holds a key's hash next to its entry, so a new number (the common
 * case) costs one memory access; strings are compared whenever hashes match,
 * so the answer is exact.
 */
import { detachString } from './detach-string.js';

export class FirstLineTable {
  /** Pairs (hash, entry + 1); entry + 1 = 0 marks an empty slot. */
  private slots = new Int32Array(2 * 1024);
  private lines = new Int32Array(512);
  private readonly keys: string[] = [];

  /** The line `key` was first seen on; when never seen, records `line` for it and returns -1. */
  firstLine(key: string, line: number): number {
    const hash = fnv1a(key);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = (slots[2 * slot + 1] ?? 0) - 1;
      if (entry === -1) break;
      if (slots[2 * slot] === hash && this.keys[entry] === key) return this.lines[entry] ?? -1;
      slot = (slot + 1) & mask;
    }
    const entry = this.keys.length;
    if (entry === this.lines.length) {
      const lines = new Int32Array(entry * 2);
      lines.set(this.lines);
      this.lines = lines;
    }
    this.keys.push(detachString(key));
    this.lines[entry] = line;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = entry + 1;
    if ((entry + 1) * 2 > mask + 1) this.grow();
    return -1;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const stored = old[i + 1] ?? 0;
      if (stored === 0) continue;
      const hash = old[i] ?? 0;
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = stored;
    }
    this.slots = slots;
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
