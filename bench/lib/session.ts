// What every bench part needs to act: the system's context on a bench database, and a real sign-in
// over HTTP (session cookie and CSRF token, as the browser holds them).
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { buildApp } from '../../src/server/app.ts';
import { keyring } from '../../src/server/kernel/crypto.ts';
import { SYSTEM_ACTOR, type Ctx } from '../../src/server/kernel/context.ts';
import type { Database } from '../../src/server/kernel/db/client.ts';
import { onCleanup } from './cleanup.ts';
import { HOST } from './net.ts';

/** The system acting on the bench database (seeding, in-process jobs). */
export function benchCtx(database: Database, secretKey: Buffer, requestId: string): Ctx {
  return {
    db: database.db,
    actor: SYSTEM_ACTOR,
    ip: null,
    requestId,
    now: () => new Date(),
    log: pino({ level: 'silent' }),
    keys: keyring(secretKey),
  };
}

export interface SignedIn {
  /** The session cookie alone (`yunwei_sid=…`), for reads. */
  sid: string;
  /** Cookie and CSRF header, for writes. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs in with the password; throws unless the session is complete (no step owed). */
export async function signIn(appUrl: string, user: { username: string; password: string }): Promise<SignedIn> {
  const res = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${body}`);
  if ((JSON.parse(body) as { next: string | null }).next !== null) throw new Error(`sign-in owes a step: ${body}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const sid = cookies.find((c) => c.startsWith('yunwei_sid='));
  const csrf = cookies.find((c) => c.startsWith('yunwei_csrf='))?.slice('yunwei_csrf='.length);
  if (!sid || !csrf) throw new Error(`sign-in set no session or CSRF cookie: ${cookies.join('; ')}`);
  return { sid, headers: { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf) } };
}

/** GET url as JSON; throws unless 200. */
export async function getJson(url: string, headers: Record<string, string>, timeoutMs = 60_000): Promise<unknown> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as unknown;
}

/**
 * The real app (buildApp, request logging at info into /dev/null) listening on a free loopback port,
 * with `user` signed in; `close` stops it (also at the bench's cleanup if it fails before).
 */
export async function startBenchApp(
  database: Database,
  secretKey: Buffer,
  label: string,
  user: { username: string; password: string },
): Promise<{ base: string; headers: SignedIn['headers']; close: () => Promise<void> }> {
  const log = pino({ level: 'info', base: { pid: process.pid } }, pino.destination({ dest: '/dev/null', sync: true }));
  const app = await buildApp({ database, secretKey, logger: log.child({ c: 'http' }), webDir: null });
  const removeClose = onCleanup(label, () => app.close());
  await app.listen({ host: HOST, port: 0 });
  const base = `http://${HOST}:${(app.server.address() as AddressInfo).port}`;
  const { headers } = await signIn(base, user);
  return {
    base,
    headers,
    close: async () => {
      await app.close();
      removeClose();
    },
  };
}
