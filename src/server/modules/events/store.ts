// Where received events land (the receiver's sink, one transaction per batch): identical events
// (merge.ts's fingerprint) within MERGE_MS of a row's first sighting add to that row's count and last
// seen instead of making a new row (issue 13 point 2); the rest are appended to the series in one
// statement; senders that are not registered sources are counted as unknown sources.
import { randomUUID } from 'node:crypto';
import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { appendRows } from '../../kernel/timeseries/index.ts';
import type { EventRow } from './normalise.ts';
import { eventSeries, evtEvents } from './series.ts';
import { evtSources } from './tables.ts';

export const MERGE_MS = 60_000;

interface Target {
  id: string;
  receivedAt: Date;
  /** A row this batch inserts (else an existing row it updates). */
  fresh?: typeof evtEvents.$inferInsert;
  add: number;
  last: Date;
}

/** The latest row per fingerprint that the batch's earliest event could still merge into. */
async function openRows(ctx: Ctx, rows: EventRow[]): Promise<Map<string, Target>> {
  const times = rows.map((r) => r.receivedAt.getTime());
  const from = new Date(Math.min(...times) - MERGE_MS);
  const to = new Date(Math.max(...times));
  const found = await ctx.db
    .select({ id: evtEvents.id, receivedAt: evtEvents.receivedAt, fingerprint: evtEvents.fingerprint })
    .from(evtEvents)
    .where(
      and(
        inArray(evtEvents.fingerprint, [...new Set(rows.map((r) => r.fingerprint))]),
        gte(evtEvents.receivedAt, from),
        lte(evtEvents.receivedAt, to),
      ),
    );
  const out = new Map<string, Target>();
  for (const f of found) {
    const had = out.get(f.fingerprint);
    if (!had || had.receivedAt < f.receivedAt) out.set(f.fingerprint, { id: f.id, receivedAt: f.receivedAt, add: 0, last: f.receivedAt });
  }
  return out;
}

function freshRow(r: EventRow, id: string): typeof evtEvents.$inferInsert {
  const { truncated: _t, ...rest } = r;
  return { ...rest, id, lastSeen: r.receivedAt, count: 1 };
}

export async function writeEvents(ctx: Ctx, rows: EventRow[]): Promise<void> {
  if (!rows.length) return;
  const open = await openRows(ctx, rows);
  const touched: Target[] = [];
  for (const r of [...rows].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())) {
    const t = open.get(r.fingerprint);
    if (t && r.receivedAt.getTime() - t.receivedAt.getTime() < MERGE_MS) {
      if (t.fresh) t.fresh.count += 1;
      else t.add += 1;
      if (r.receivedAt > t.last) t.last = r.receivedAt;
      if (!touched.includes(t)) touched.push(t);
      continue;
    }
    const id = randomUUID();
    const n: Target = { id, receivedAt: r.receivedAt, fresh: freshRow(r, id), add: 0, last: r.receivedAt };
    open.set(r.fingerprint, n);
    touched.push(n);
  }
  const inserts = touched.filter((t) => t.fresh).map((t) => ({ ...t.fresh!, lastSeen: t.last }));
  const updates = touched.filter((t) => !t.fresh && t.add > 0);
  await appendRows(ctx, eventSeries, inserts);
  if (updates.length) {
    const json = JSON.stringify(updates.map((u) => ({ id: u.id, at: u.receivedAt.toISOString(), n: u.add, last: u.last.toISOString() })));
    await ctx.db.execute(sql`UPDATE evt_events e SET count = e.count + u.n, last_seen = GREATEST(e.last_seen, u.last)
      FROM jsonb_to_recordset(${json}::jsonb) AS u(id uuid, at timestamptz, n int, last timestamptz)
      WHERE e.id = u.id AND e.received_at = u.at`);
  }
  await countUnknown(ctx, rows);
}

/** Senders that are no registered source: how many lines, first and last seen, the host they named. */
async function countUnknown(ctx: Ctx, rows: EventRow[]): Promise<void> {
  const addresses = [...new Set(rows.map((r) => r.source))];
  const known = new Set(
    (await ctx.db.select({ a: evtSources.address }).from(evtSources).where(inArray(evtSources.address, addresses))).map((r) => r.a),
  );
  const per = new Map<string, { address: string; n: number; first: string; last: string; host: string }>();
  for (const r of rows) {
    if (known.has(r.source)) continue;
    const at = r.receivedAt.toISOString();
    const p = per.get(r.source) ?? { address: r.source, n: 0, first: at, last: at, host: r.host };
    p.n++;
    if (at > p.last) [p.last, p.host] = [at, r.host];
    if (at < p.first) p.first = at;
    per.set(r.source, p);
  }
  if (!per.size) return;
  const json = JSON.stringify([...per.values()]);
  await ctx.db.execute(sql`INSERT INTO evt_unknown_sources (address, count, first_seen, last_seen, last_host)
    SELECT u.address, u.n, u.first, u.last, u.host
    FROM jsonb_to_recordset(${json}::jsonb) AS u(address text, n int, first timestamptz, last timestamptz, host text)
    ON CONFLICT (address) DO UPDATE SET count = evt_unknown_sources.count + excluded.count,
      last_seen = GREATEST(evt_unknown_sources.last_seen, excluded.last_seen),
      last_host = CASE WHEN excluded.last_seen >= evt_unknown_sources.last_seen THEN excluded.last_host ELSE evt_unknown_sources.last_host END`);
}
