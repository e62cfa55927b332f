// The default event store: PostgreSQL daily partitions, the kernel's time-series slot (series.ts).
// A merge UPDATEs the open row in place (count + n, last seen); every query carries the time range,
// so the partitions are pruned; `q` is ILIKE '%…%', served by the trigram index of each closed day's
// partition (message-index.ts; today's rows are scanned). New rows go in one unnest() INSERT (pg-insert.ts).
import { and, asc, count, desc, eq, gte, ilike, inArray, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TEvent } from '../../../common/events.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { periodOf } from '../../kernel/timeseries/index.ts';
import { caseless, pgHits, selectionWhere } from './correlation/pg-hits.ts';
import { openWindow, planMerge } from './merge.ts';
import { timeArms } from './message-index.ts';
import { insertEvents } from './pg-insert.ts';
import { eventSeries, evtEvents } from './series.ts';
import type { EventSearch, EventStore } from './store.ts';

const e = evtEvents;

/** With `q`, today's part of the range cut at the hours, for the hourly trigram indexes (message-index.ts). */
function where(s: EventSearch, now?: Date): SQL | undefined {
  const hour = now && new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const cut = s.q && now ? timeArms(s.from, s.to, periodOf(eventSeries, now).from, hour) : [];
  const arms = cut.length ? cut : [s];
  const c: (SQL | undefined)[] = [or(...arms.map((a) => and(gte(e.receivedAt, a.from), lt(e.receivedAt, a.to))))];
  // Text without upper and lower case (Chinese) is matched by LIKE: the same rows as ILIKE, without
  // lower-casing every message the scan of the hour not yet indexed reads (both use the trigram indexes).
  if (s.q) c.push((caseless(s.q) ? like : ilike)(e.message, likeContains(s.q)));
  if (s.host) c.push(eq(e.host, s.host));
  if (s.severity) c.push(eq(e.severity, s.severity));
  return and(...c);
}

const view = (r: typeof evtEvents.$inferSelect): TEvent => ({
  id: r.id,
  receivedAt: r.receivedAt.toISOString(),
  occurredAt: r.occurredAt?.toISOString() ?? null,
  host: r.host,
  vendor: r.vendor,
  product: r.product,
  category: r.category,
  severity: r.severity as TEvent['severity'],
  srcIp: r.srcIp,
  dstIp: r.dstIp,
  message: r.message,
  count: r.count,
});

export const pgStore: EventStore = {
  kind: 'postgres',

  async write(ctx, rows) {
    const w = openWindow(rows);
    const found = await ctx.db
      .select({ id: e.id, receivedAt: e.receivedAt, fingerprint: e.fingerprint })
      .from(e)
      .where(and(inArray(e.fingerprint, w.fingerprints), gte(e.receivedAt, w.from), lte(e.receivedAt, w.to)));
    const { inserts, updates } = planMerge(rows, found);
    if (inserts.length) await ctx.db.execute(insertEvents(inserts));
    if (!updates.length) return;
    const json = JSON.stringify(
      updates.map((u) => ({ id: u.row.id, at: u.row.receivedAt.toISOString(), n: u.add, last: u.last.toISOString() })),
    );
    await ctx.db.execute(sql`UPDATE evt_events e SET count = e.count + u.n, last_seen = GREATEST(e.last_seen, u.last)
      FROM jsonb_to_recordset(${json}::jsonb) AS u(id uuid, at timestamptz, n int, last timestamptz)
      WHERE e.id = u.id AND e.received_at = u.at`);
  },

  async list(ctx, s, limit, offset) {
    const w = where(s, ctx.now());
    const [rows, [t]] = await Promise.all([
      ctx.db.select().from(e).where(w).orderBy(desc(e.receivedAt), desc(e.id)).limit(limit).offset(offset),
      ctx.db.select({ n: count() }).from(e).where(w),
    ]);
    return { items: rows.map(view), total: t!.n };
  },

  async stats(ctx, s, bucketSec) {
    const at = sql<string>`date_bin(make_interval(secs => ${bucketSec}), ${e.receivedAt}, ${s.from.toISOString()}::timestamptz)`;
    const rows = await ctx.db
      .select({ at, severity: e.severity, n: sql<number>`sum(${e.count})::int` })
      .from(e)
      .where(where(s))
      // By position: the bucket expression carries parameters, which PostgreSQL does not match up twice.
      .groupBy(sql`1`, sql`2`)
      .orderBy(sql`1`);
    return rows.map((r) => ({ at: new Date(r.at), severity: r.severity, n: Number(r.n) }));
  },

  async severityTotals(ctx, from, to) {
    return queryRows<{ severity: string; records: number; n: number }>(
      ctx.db,
      sql`SELECT severity, count(*)::int AS records, coalesce(sum(count), 0)::int AS n FROM evt_events
          WHERE received_at >= ${from.toISOString()}::timestamptz AND received_at < ${to.toISOString()}::timestamptz GROUP BY severity`,
    );
  },

  async mentioning(ctx, q) {
    return ctx.db
      .select({
        receivedAt: e.receivedAt,
        occurredAt: e.occurredAt,
        source: e.source,
        host: e.host,
        vendor: e.vendor,
        message: e.message,
        raw: e.raw,
      })
      .from(e)
      .where(and(gte(e.receivedAt, q.from), lt(e.receivedAt, q.to), or(...q.words.map((w) => ilike(e.raw, likeContains(w))))))
      .orderBy(asc(e.receivedAt))
      .limit(q.limit);
  },

  hits: pgHits,

  async select(ctx, s, groupBy, distinct, from, to, limit, sum = null) {
    // Summing, a row weighs its counter times its merged count (identical sessions merged into one row).
    const sumCol = sum ? e[sum] : null;
    return ctx.db
      .select({
        at: e.receivedAt,
        key: e[groupBy],
        distinct: distinct ? e[distinct] : sql<null>`null`,
        count: sumCol ? sql<number>`(coalesce(${sumCol}, 0) * ${e.count})::float8` : e.count,
        message: e.message,
      })
      .from(e)
      .where(and(gte(e.receivedAt, from), lte(e.receivedAt, to), selectionWhere(s), sumCol ? sql`${sumCol} > 0` : undefined))
      .orderBy(asc(e.receivedAt))
      .limit(limit);
  },
};
