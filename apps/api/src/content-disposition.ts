/**
 * Content-Disposition for files we send (RFC 6266): a plain ASCII `filename` for
 * old clients, and the real name in UTF-8 as `filename*` (RFC 8187), which every
 * current browser prefers. Quotes and backslashes never reach the quoted string.
 */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * which RFC 8187's attr-char does not allow.
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
