// Secrets the system holds (TOTP seeds, later SNMP communities, SSH passwords, webhook tokens) are
// encrypted at rest with AES-256-GCM under YUNWEI_SECRET_KEY (ARCHITECTURE.md, security model).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Keyring {
  /** A short, non-secret fingerprint of the key, stored to notice a restore under another key. */
  fingerprint: string;
  encrypt(plain: string): string;
  decrypt(box: string): string;
  /** A keyed MAC of `data` for one purpose (base64url, 32 characters): tokens derived from the key. */
  mac(purpose: string, data: string): string;
}

export function keyring(key: Buffer): Keyring {
  if (key.length !== 32) throw new Error('secret key must be 32 bytes');
  return {
    fingerprint: createHash('sha256').update(key).update('yunwei-fingerprint').digest('hex').slice(0, 16),
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1.${iv.toString('base64url')}.${data.toString('base64url')}.${c.getAuthTag().toString('base64url')}`;
    },
    mac(purpose, data) {
      return createHmac('sha256', key).update(`yunwei:${purpose}:`).update(data).digest('base64url').slice(0, 32);
    },
    decrypt(box) {
      const [v, iv, data, tag] = box.split('.');
      if (v !== 'v1' || !iv || !data || !tag) throw new Error('unknown secret format');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(data, 'base64url')), d.final()]).toString('utf8');
    },
  };
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
