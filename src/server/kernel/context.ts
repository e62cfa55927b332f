// The request context every service takes as its first argument: who acts, on which database
// handle (the transaction inside one), the clock, the logger, the request id and source IP.
import type { Logger } from 'pino';
import type { Db } from './db/client.ts';
import type { Keyring } from './crypto.ts';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  serviceLines: string[];
  via: 'session' | 'token' | 'system';
  sessionId?: string;
  tokenId?: string;
}

export interface Ctx {
  db: Db;
  actor: Actor | null;
  ip: string | null;
  requestId: string;
  now: () => Date;
  log: Logger;
  keys: Keyring;
  /**
   * Shared by every copy of one request's ctx (inTx copies it): set when the request wrote an audit
   * record, so the kernel can see a write route that recorded none (kernel/http.ts).
   */
  trail?: { audited: boolean };
}

export const SYSTEM_ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: '系统',
  roles: [],
  permissions: new Set(),
  serviceLines: [],
  via: 'system',
};

/** Runs fn in one transaction; inside it use only the ctx it receives (PGlite deadlocks otherwise). */
export async function inTx<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx }));
}

/** The acting user's id for records that name one; null for the system (jobs, the demo), which is no user. */
export const actorId = (ctx: Pick<Ctx, 'actor'>): string | null => (ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.id : null);

/** The acting person's name as records show it: display name, else username, else 系统 (jobs). */
export const actorName = (ctx: Pick<Ctx, 'actor'>): string => ctx.actor?.displayName || ctx.actor?.username || '系统';
