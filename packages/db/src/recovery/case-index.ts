/** The planner's index of open cases by (debtor, creditor), looked up from the bytes of COPY rows. */
import { type CopyLine, hashOf } from './copy-reader.js';

export const UUID_LENGTH = 36;

export interface OpenCase {
  readonly id: string;
  readonly debtorId: string;
  readonly creditorId: string;
  readonly planned: boolean;
  kind: 'business' | 'consumer';
  override: string | null;
}

/**
 * The cases by (debtor, creditor), found from the bytes of an invoice row: a million
 * lookups without making a string or touching a case object each — open addressing
 * on the debtor id, whose bytes are kept side by side; a debtor's cases are chained.
 */
export class CaseIndex {
  private slots = new Int32Array(0); // 1 + position of a debtor's first case; 0: free
  private debtorIds = Buffer.alloc(0);
  private creditorOf = new Int32Array(0);
  private nextOf = new Int32Array(0); // the debtor's next case, -1: none
  private readonly creditors: string[] = [];
  private count = 0;

  constructor(cases: readonly OpenCase[]) {
    this.grow(Math.max(1024, cases.length));
    for (const c of cases) this.add(c);
  }

  /** Adds the next case (its position is the count of cases added before it). */
  add(c: OpenCase): void {
    if (this.count === this.creditorOf.length) this.grow(this.count * 2);
    const k = this.count++;
    this.debtorIds.write(c.debtorId, k * UUID_LENGTH, 'latin1');
    if (!this.creditors.includes(c.creditorId)) this.creditors.push(c.creditorId);
    this.creditorOf[k] = this.creditors.indexOf(c.creditorId);
    this.nextOf[k] = -1;
    const slot = this.slotOf(this.debtorIds, k * UUID_LENGTH);
    let last = (this.slots[slot] as number) - 1;
    if (last === -1) this.slots[slot] = k + 1;
    else {
      while ((this.nextOf[last] as number) !== -1) last = this.nextOf[last] as number;
      this.nextOf[last] = k;
    }
  }

  /** Position of the case of the line's next two fields (debtor, creditor), -1 if none; reads nothing. */
  find(line: CopyLine): number {
    const creditor = line.positionIn(this.creditors, UUID_LENGTH + 1);
    if (creditor === -1) return -1;
    for (let slot = line.hash(UUID_LENGTH) & (this.slots.length - 1); this.slots[slot] !== 0; slot = (slot + 1) & (this.slots.length - 1)) {
      let k = (this.slots[slot] as number) - 1;
      if (!line.matches(this.debtorIds, k * UUID_LENGTH, UUID_LENGTH)) continue;
      for (; k !== -1; k = this.nextOf[k] as number) if (this.creditorOf[k] === creditor) return k;
      return -1;
    }
    return -1;
  }

  /** The slot of the debtor whose id is at `start` in `ids`: its first case's, or a free one. */
  private slotOf(ids: Buffer, start: number): number {
    const mask = this.slots.length - 1;
    let slot = hashOf(ids, start, UUID_LENGTH) & mask;
    for (; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const first = (this.slots[slot] as number) - 1;
      if (this.debtorIds.compare(ids, start, start + UUID_LENGTH, first * UUID_LENGTH, (first + 1) * UUID_LENGTH) === 0) break;
    }
    return slot;
  }

  private grow(capacity: number): void {
    const debtorIds = Buffer.alloc(capacity * UUID_LENGTH);
    this.debtorIds.copy(debtorIds);
    this.debtorIds = debtorIds;
    for (const name of ['creditorOf', 'nextOf'] as const) {
      const next = new Int32Array(capacity);
      next.set(this[name]);
      this[name] = next;
    }
    // Half empty at most; the first cases of the debtors go to their new slots.
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(capacity * 2)));
    const chained = new Set<number>();
    for (let k = 0; k < this.count; k++) if ((this.nextOf[k] as number) !== -1) chained.add(this.nextOf[k] as number);
    for (let k = 0; k < this.count; k++) if (!chained.has(k)) this.slots[this.slotOf(this.debtorIds, k * UUID_LENGTH)] = k + 1;
  }
}
