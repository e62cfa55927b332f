// kernel/notify/live: tells open bell streams (GET /api/notifications/stream) that something changed,
// across nodes. Writers call pg_notify on one channel inside their own transaction, so the message
// goes out when (and only if) it commits; every API node LISTENs on that channel and hands each
// message to the streams of the users it names. The same SQL on both databases: PostgreSQL through
// a dedicated connection, PGlite through its in-process listen(), which also fires on commit.
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/client.ts';

export const LIVE_CHANNEL = 'yunwei_notify';
/** NOTIFY payloads must stay under 8000 bytes: at most this many (user, notification) pairs each. */
const PAIRS_PER_MESSAGE = 80;

type Wire = { t: 'new'; n: [string, string][] } | { t: 'read'; u: string };

/** What a stream hears: new notifications (ids), a read-state change, or "re-read everything". */
export type LiveEvent = { kind: 'new'; ids: string[] } | { kind: 'read' } | { kind: 'resync' };
export type LiveListener = (e: LiveEvent) => void;

/** New notifications for these users; call it in the transaction that inserted them. */
export async function publishNew(ctx: Ctx, rows: { id: string; userId: string }[]): Promise<void> {
  if (rows.length) await ctx.db.execute(sql`SELECT ${publishNewSql(rows)}`);
}

/**
 * publishNew as an expression (the number of messages sent), for a write made as one statement: of
 * these rows, or of the rows (id, user_id) of the statement's CTE `from`.
 */
export function publishNewSql(from: { id: string; userId: string }[] | SQL): SQL {
  if (Array.isArray(from)) {
    const payloads: string[] = [];
    for (let i = 0; i < from.length; i += PAIRS_PER_MESSAGE) {
      const wire: Wire = { t: 'new', n: from.slice(i, i + PAIRS_PER_MESSAGE).map((r) => [r.userId, r.id]) };
      payloads.push(JSON.stringify(wire));
    }
    return sql`(SELECT count(pg_notify(${LIVE_CHANNEL}, p)) FROM jsonb_array_elements_text(${JSON.stringify(payloads)}::jsonb) AS p)`;
  }
  const groups = sql`SELECT user_id, id, (row_number() OVER () - 1) / ${PAIRS_PER_MESSAGE} AS g FROM ${from}`;
  const wires = sql`SELECT json_build_object('t', 'new', 'n', json_agg(json_build_array(q.user_id, q.id)))::text AS payload FROM (${groups}) q GROUP BY q.g`;
  return sql`(SELECT count(pg_notify(${LIVE_CHANNEL}, m.payload)) FROM (${wires}) m)`;
}

/** The user's unread count changed (read, read all). */
export async function publishRead(ctx: Ctx, userId: string): Promise<void> {
  const wire: Wire = { t: 'read', u: userId };
  await ctx.db.execute(sql`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(wire)})`);
}

interface PgliteLike {
  listen(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>>;
}

/** One per app and database: a single LISTEN, fanned out to the streams open on this node. */
export class LiveHub {
  private readonly subs = new Map<string, Set<LiveListener>>();
  private readonly db: Db;
  private readonly log: Logger;
  private ready: Promise<void> | null = null;
  private stopped = false;
  private pgClient: pg.Client | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private retry: NodeJS.Timeout | null = null;

  constructor(db: Db, log: Logger) {
    this.db = db;
    this.log = log;
  }

  /** Registers a stream; resolves once this node is listening, so nothing committed later is missed. */
  async subscribe(userId: string, fn: LiveListener): Promise<() => void> {
    let set = this.subs.get(userId);
    if (!set) this.subs.set(userId, (set = new Set()));
    set.add(fn);
    const off = () => {
      const s = this.subs.get(userId);
      s?.delete(fn);
      if (s && !s.size) this.subs.delete(userId);
    };
    try {
      await this.start();
    } catch (e) {
      off();
      throw e;
    }
    return off;
  }

  get streams(): number {
    let n = 0;
    for (const s of this.subs.values()) n += s.size;
    return n;
  }

  private start(): Promise<void> {
    this.ready ??= this.listen().catch((e: unknown) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }

  private async listen(): Promise<void> {
    const client = (this.db as unknown as { $client?: unknown }).$client;
    if (client instanceof pg.Pool) {
      await this.connectPg(client);
      return;
    }
    if (client && typeof (client as PgliteLike).listen === 'function') {
      this.unlisten = await (client as PgliteLike).listen(LIVE_CHANNEL, (p) => this.onPayload(p));
      return;
    }
    throw new Error('live notifications: unknown database client');
  }

  private async connectPg(pool: pg.Pool): Promise<void> {
    // A connection of its own (not one of the pool's): LISTEN holds it for as long as the node runs.
    const c = new pg.Client(pool.options);
    c.on('notification', (m) => {
      if (m.channel === LIVE_CHANNEL && m.payload) this.onPayload(m.payload);
    });
    c.on('error', (err) => {
      if (this.stopped) return;
      this.log.warn({ err }, 'live notifications: LISTEN connection lost; reconnecting');
      this.pgClient = null;
      void c.end().catch(() => undefined);
      this.scheduleReconnect(pool);
    });
    await c.connect();
    await c.query(`LISTEN ${LIVE_CHANNEL}`);
    if (this.stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    this.pgClient = c;
  }

  private scheduleReconnect(pool: pg.Pool): void {
    if (this.retry || this.stopped) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connectPg(pool).then(
        // Whatever was committed while we were deaf: every stream re-reads its count.
        () => this.emitAll({ kind: 'resync' }),
        (err: unknown) => {
          this.log.warn({ err }, 'live notifications: reconnect failed');
          this.scheduleReconnect(pool);
        },
      );
    }, 5_000);
    this.retry.unref();
  }

  private onPayload(payload: string): void {
    let w: Wire;
    try {
      w = JSON.parse(payload) as Wire;
    } catch {
      return;
    }
    if (w.t === 'read') {
      this.emit(w.u, { kind: 'read' });
      return;
    }
    if (w.t !== 'new' || !Array.isArray(w.n)) return;
    const byUser = new Map<string, string[]>();
    for (const [u, id] of w.n) if (this.subs.has(u)) byUser.set(u, [...(byUser.get(u) ?? []), id]);
    for (const [u, ids] of byUser) this.emit(u, { kind: 'new', ids });
  }

  private emit(userId: string, e: LiveEvent): void {
    for (const fn of this.subs.get(userId) ?? []) {
      try {
        fn(e);
      } catch (err) {
        this.log.warn({ err }, 'live notifications: listener failed');
      }
    }
  }

  private emitAll(e: LiveEvent): void {
    for (const u of [...this.subs.keys()]) this.emit(u, e);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.subs.clear();
    await this.ready?.catch(() => undefined);
    await this.unlisten?.().catch(() => undefined);
    await this.pgClient?.end().catch(() => undefined);
    this.pgClient = null;
  }
}
