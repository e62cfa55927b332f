// Bytes to text (issue 13 point 1): a source's declared character set, or for a source without one
// UTF-8 when the bytes are valid UTF-8 and GB18030 (a superset of GBK, Huawei USG's default) when
// they are not. Control characters other than tab are dropped (binary noise must not reach the UI).
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex -- as above
const UNWANTED = /[\u0000-\u0008\u000a-\u001f\u007f\uFFFD]/;

/** The bytes as a Buffer without copying them. */
const view = (b: Uint8Array) => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

export function decodeLine(bytes: Uint8Array, charset: string | null): string {
  const buf = view(bytes);
  // Most lines are valid UTF-8 (ASCII included): checked natively, then decoded without a second check.
  const text =
    charset === 'gbk' || charset === 'gb18030'
      ? iconv.decode(buf, 'gb18030')
      : charset === 'utf-8' || isUtf8(buf)
        ? buf.toString('utf8')
        : iconv.decode(buf, 'gb18030');
  // Most lines have nothing to clean: tested once, replaced only then.
  return UNWANTED.test(text) ? text.replace(CONTROL, ' ').replace(/\uFFFD/g, '?') : text;
}
