/**
 * Finds the invoice XML embedded in a Factur-X / ZUGFeRD / XRechnung PDF
 * (PDF/A-3, and PDF 2.0 / PDF/A-4f). Only the attachments are read: no page
 * is rendered, no script or font is evaluated.
 */
import { err, ok, type Result } from '@amiable/domain';

export const MAX_PDF_BYTES = 50 * 1024 * 1024;

// The names the Factur-X 1.0, ZUGFeRD 2.x and XRechnung specifications give the embedded file, by preference.
const INVOICE_FILENAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'];

interface Attachment {
  readonly filename?: string;
  readonly content?: Uint8Array;
}

export async function extractInvoiceXml(bytes: Uint8Array): Promise<Result<Uint8Array>> {
  if (bytes.length > MAX_PDF_BYTES) return err('FILE_TOO_LARGE', { maxMegabytes: MAX_PDF_BYTES / (1024 * 1024) });
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js transfers the buffer it is given to its worker and refuses Node Buffers: hand it a plain copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let attachments: Record<string, Attachment> | null;
  try {
    const document = await task.promise;
    try {
      attachments = (await document.getAttachments()) as Record<string, Attachment> | null;
    } finally {
      await document.destroy();
    }
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = error instanceof Error ? error.name : '';
    return err('IMPORT_UNSUPPORTED_FORMAT', { reason: name === 'PasswordException' ? 'pdf_encrypted' : 'pdf_unreadable' });
  }
  const files = Object.values(attachments ?? {}).filter(
    (file): file is Required<Attachment> => file.content instanceof Uint8Array && typeof file.filename === 'string',
  );
  for (const wanted of INVOICE_FILENAMES) {
    const file = files.find((candidate) => candidate.filename.toLowerCase() === wanted);
    if (file) return ok(file.content);
  }
  return err('IMPORT_UNSUPPORTED_FORMAT', { reason: 'pdf_without_invoice_xml' });
}
