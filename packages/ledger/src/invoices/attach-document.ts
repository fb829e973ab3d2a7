import { createHash } from 'node:crypto';
import { type Result, err, ok } from '@amiable/domain';
import type { UseCaseContext } from '../actor.js';
import { recordActivity } from '../record-activity.js';
import { safeFilename } from '../normalize.js';
import type { LedgerStore } from '../ports.js';

const PDF_MAGIC = '%PDF-';

/** Keeps the original invoice (PDF) with the invoice; the bytes are checked, not the file name (ASVS 5.2.2). */
export async function attachInvoiceDocument(
  invoiceId: string,
  file: { filename: string; content: Uint8Array },
  ctx: UseCaseContext,
  store: LedgerStore,
): Promise<Result<{ fileId: string }>> {
  const invoice = await store.invoices.getForUpdate(invoiceId);
  if (!invoice) return err('NOT_FOUND');
  if (Buffer.from(file.content.subarray(0, 5)).toString('latin1') !== PDF_MAGIC) return err('FILE_TYPE_NOT_ALLOWED', { allowed: 'PDF' });
  const now = ctx.clock.now();
  const fileId = ctx.ids.newId();
  const filename = safeFilename(file.filename, 'facture.pdf');
  await store.files.insert(
    {
      id: fileId,
      filename,
      contentType: 'application/pdf',
      byteSize: file.content.byteLength,
      sha256: new Uint8Array(createHash('sha256').update(file.content).digest()),
      content: file.content,
    },
    now,
  );
  await store.invoices.update({ ...invoice, documentFileId: fileId, updatedAt: now });
  await recordActivity(
    store,
    ctx,
    {
      debtorId: invoice.debtorId,
      action: 'invoice.document-attached',
      subjectType: 'invoice',
      subjectId: invoiceId,
      details: { number: invoice.number, filename },
    },
    now,
  );
  return ok({ fileId });
}
