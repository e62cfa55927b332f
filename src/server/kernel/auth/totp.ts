// TOTP (RFC 6238) for the second factor 等保 asks of administrators: otplib, 30 s steps, ±1 step.
import { generateSecret, generateURI, verifySync, generateSync } from 'otplib';

export const newTotpSecret = (): string => generateSecret();

export const totpUri = (secret: string, username: string): string => generateURI({ issuer: 'Yunwei 运维', label: username, secret });

export function checkTotp(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const r = verifySync({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
  return r.valid;
}

/** For tests and the CLI: the code a device would show at `now`. */
export const totpNow = (secret: string, now: Date): string => generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
