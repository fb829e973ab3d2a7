import { randomBytes } from 'node:crypto';
import type { IdGenerator, RandomSource } from '@amiable/domain';

export const cryptoRandom: RandomSource = { bytes: (length) => new Uint8Array(randomBytes(length)) };

/**
 * UUID version 7 (RFC 9562): 48-bit Unix milliseconds then random bits, so new
 * rows land at the end of primary-key indexes instead of all over them. Ids
 * made within the same millisecond carry an increasing 12-bit counter
 * (RFC 9562 §6.2, method 1), so they sort in creation order too.
 */
export function uuidV7Generator(clock: { now(): Date } = { now: () => new Date() }, random: RandomSource = cryptoRandom): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  return {
    newId(): string {
      const bytes = random.bytes(16);
      let now = clock.now().getTime();
      if (now <= lastMs) {
        now = lastMs;
        counter++;
        if (counter > 0xfff) {
          // 4,096 ids in one millisecond: borrow the next millisecond rather than lose the order.
          now = lastMs + 1;
          counter = 0;
        }
      } else {
        counter = ((bytes[6] ?? 0) & 0x07) << 8; // start low, leaving room to count up
      }
      lastMs = now;
      const ms = BigInt(now);
      for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
      bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
      bytes[7] = counter & 0xff;
      bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
      const hex = Buffer.from(bytes).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
