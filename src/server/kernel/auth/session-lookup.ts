// The per-request session lookup (docs/decisions/0003): one prepared query for the session, its user
// and the user's role codes, and what it answered kept per process for a moment (issue 11 point 17): a
// page opens with several API calls in a row, and the lookup was 15% of a list request's CPU
// (docs/performance.md). An entry lives SESSION_CACHE_MS at most, and every state-changing request this
// process answers forgets them all (sign-out, password change, an admin's reset, disabling a user, a
// role granted or removed, a sign-in step done): a change made on this node applies at once, one made
// on another node or by the CLI within SESSION_CACHE_MS. The only writes that keep them are routes
// declared `keepsSessions` (kernel/http.ts: logging a ticket, the hotline's path, issue 11 point 18).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { sessions, users } from '../db/tables.ts';
import type { Db } from '../db/client.ts';

/** How long a looked-up session is trusted without reading it again. */
export const SESSION_CACHE_MS = 2_000;
/** Entries per database handle at most; past it the cache starts again (a flood of cookies). */
const MAX_ENTRIES = 10_000;

// The user's role codes in the same query as the session or token lookup: one round trip a request.
export const roleCodes = sql<
  string[]
>`coalesce((select array_agg(ur.role_code order by ur.role_code) from user_roles ur where ur.user_id = ${users.id}), '{}')`;

/** The user's columns a session or token lookup reads with it: what the actor is made of. */
export const actorColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  disabled: users.disabled,
  serviceLines: users.serviceLines,
  roles: roleCodes,
};

function prepareSessionLookup(db: Db) {
  return db
    .select({ lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, pending: sessions.pending, ...actorColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sql.placeholder('idHash')), isNull(sessions.endedAt)))
    .limit(1)
    .prepare('yw_session_lookup');
}
type Lookup = ReturnType<typeof prepareSessionLookup>;
export type SessionRow = Awaited<ReturnType<Lookup['execute']>>[number];

interface Entry {
  row: SessionRow;
  at: number;
  generation: number;
}
interface PerDb {
  // Prepared once per database handle, and on PostgreSQL parsed and planned once per connection.
  lookup: Lookup;
  cache: Map<string, Entry>;
}
const perDb = new WeakMap<Db, PerDb>();
let generation = 0;

function of(db: Db): PerDb {
  let p = perDb.get(db);
  if (!p) perDb.set(db, (p = { lookup: prepareSessionLookup(db), cache: new Map() }));
  return p;
}

/**
 * The live (not ended) session with this id hash, with its user and role codes: from the cache when it
 * was read less than SESSION_CACHE_MS ago and no write was answered since. The caller checks idle
 * time, expiry and a disabled user on every request, cached or not.
 */
export async function lookupSession(db: Db, idHash: string): Promise<SessionRow | undefined> {
  const p = of(db);
  const e = p.cache.get(idHash);
  if (e && e.generation === generation && Date.now() - e.at <= SESSION_CACHE_MS) return e.row;
  const readAt = generation; // a write answered while the query runs makes the answer stale
  const [row] = await p.lookup.execute({ idHash });
  if (!row) {
    p.cache.delete(idHash);
    return undefined;
  }
  if (readAt === generation) {
    if (p.cache.size >= MAX_ENTRIES) p.cache.clear();
    p.cache.set(idHash, { row, at: Date.now(), generation: readAt });
  }
  return row;
}

export function forgetSession(db: Db, idHash: string): void {
  perDb.get(db)?.cache.delete(idHash);
}

/** Every cached session is read again: called once a state-changing request has been answered. */
export function forgetSessions(): void {
  generation++;
}
