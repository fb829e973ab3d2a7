import type { Clock, IdGenerator } from '@amiable/domain';

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  private current: Date;
  constructor(start: string | Date = '2026-11-23T09:00:00+01:00') {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string | Date): void {
    this.current = new Date(instant);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}

/** Predictable UUIDs (valid v7 layout) for assertions and snapshots. */
export class SequentialIds implements IdGenerator {
  private next = 1;
  newId(): string {
    const n = (this.next++).toString(16).padStart(12, '0');
    return `00000000-0000-7000-8000-${n}`;
  }
}
