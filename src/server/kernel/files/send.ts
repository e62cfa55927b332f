// A stored file sent back: the type it was stored with (sniffed at upload), shown inline only for
// images and PDF, never sniffed by the browser, and sandboxed.
import { Download } from '../download.ts';

/**
 * A stored file as a Download: its stored type, inline only for images and PDF, never sniffed by
 * the browser, and anything that is not an image sandboxed with no script, plugin or network
 * access of its own.
 */
export function storedFileDownload(f: { name: string; mime: string; sha256: string; content: Buffer }): Download {
  const image = f.mime.startsWith('image/');
  return new Download({
    filename: f.name,
    contentType: f.mime,
    body: f.content,
    inline: image || f.mime === 'application/pdf',
    headers: {
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
      etag: `"${f.sha256}"`,
      ...(image ? {} : { 'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" }),
    },
  });
}
