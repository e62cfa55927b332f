// Bytes to text (issue 13 point 1): a source's declared character set, or for a source without one
// UTF-8 when the bytes are valid UTF-8 and GB18030 (a superset of GBK, Huawei USG's default) when
// they are not. Control characters other than tab are dropped (binary noise must not reach the UI).
import iconv from 'iconv-lite';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeLine(bytes: Uint8Array, charset: string | null): string {
  let text: string;
  if (charset === 'gbk' || charset === 'gb18030') text = iconv.decode(Buffer.from(bytes), 'gb18030');
  else if (charset === 'utf-8') text = Buffer.from(bytes).toString('utf8');
  else {
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = iconv.decode(Buffer.from(bytes), 'gb18030');
    }
  }
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ' ').replace(/\uFFFD/g, '?');
}
