import { createHash } from 'node:crypto';
import type { RandomSource } from '@amiable/domain';

/** A 256-bit random secret, URL-safe (ASVS 7.2.3 asks for at least 128 bits). */
export function newSecret(random: RandomSource): string {
  return Buffer.from(random.bytes(32)).toString('base64url');
}

export function sha256(text: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(text, 'utf8').digest());
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
