import { createHash } from 'node:crypto';
import { type Result, err, ok } from '@amiable/domain';
import type { UseCaseContext } from '../actor.js';
import { recordActivity } from '../record-activity.js';
import type { LedgerStore } from '../ports.js';
import type { CreditorRecord } from '../records.js';

/** Logos go into letters: PNG or JPEG only, recognised by their bytes (no SVG: it can carry scripts, ASVS 5.2.2). */
export function logoContentType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, index) => bytes[index] === byte)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

export async function setCreditorLogo(
  creditorId: string,
  content: Uint8Array,
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<CreditorRecord>> {
  const creditor = await store.creditors.get(creditorId);
  if (!creditor) return err('NOT_FOUND');
  const contentType = logoContentType(content);
  if (!contentType) return err('FILE_TYPE_NOT_ALLOWED', { allowed: 'PNG, JPEG' });
  const now = ctx.clock.now();
  const fileId = ctx.ids.newId();
  await store.files.insert(
    {
      id: fileId,
      filename: contentType === 'image/png' ? 'logo.png' : 'logo.jpg',
      contentType,
      byteSize: content.byteLength,
      sha256: new Uint8Array(createHash('sha256').update(content).digest()),
      content,
    },
    now,
  );
  const updated: CreditorRecord = { ...creditor, logoFileId: fileId, updatedAt: now };
  await store.creditors.update(updated);
  await recordActivity(
    store,
    ctx,
    {
      debtorId: null,
      action: 'creditor.updated',
      subjectType: 'creditor',
      subjectId: creditorId,
      details: { name: creditor.legalName, changes: { logo: [null, 'logo'] } },
    },
    now,
  );
  return ok(updated);
}
