/**
 * Ports: everything that is not a pure function of its inputs (time, ids,
 * randomness) comes through these, so domain and use-case code is deterministic
 * under test. Real implementations live in packages/system.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

export interface IdGenerator {
  /** A new UUID (version 7: time-ordered, so primary-key indexes stay compact). */
  newId(): string;
}

export interface RandomSource {
  /** Cryptographically secure random bytes. */
  bytes(length: number): Uint8Array;
}
