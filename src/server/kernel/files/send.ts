// Sending a stored file back: the type it was stored with, inline only for images and PDF, never
// sniffed by the browser, and sandboxed.
import type { FastifyReply } from 'fastify';

/** RFC 6266 / RFC 5987: an ASCII fallback and the exact UTF-8 name in filename*. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored file: its stored type (sniffed at upload), shown inline only for images and PDF,
 * never sniffed by the browser, and anything that is not an image sandboxed with no script, plugin
 * or network access of its own.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  f: { name: string; mime: string; sha256: string; content: Buffer },
): Promise<void> {
  const image = f.mime.startsWith('image/');
  const inline = image || f.mime === 'application/pdf';
  void reply
    .type(f.mime)
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', f.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .header('etag', `"${f.sha256}"`);
  if (!image)
    void reply.header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  await reply.send(f.content);
}
