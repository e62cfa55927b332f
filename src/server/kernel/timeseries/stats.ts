// seriesStats: what a health page shows of a series (size, partitions, oldest and newest row) without
// reading the table: counts are the planner's estimates, and the oldest and newest rows are found by
// halving time windows, each probe answered from the BRIN index (a min()/max() over the whole table
// cannot use BRIN and would read every row).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { q } from './columns.ts';
import { layoutOf, partitions, type Layout, type PartitionInfo } from './catalog.ts';
import { defaultPartitionName, retentionCutoff, type SeriesDef } from './define.ts';

export interface SeriesStats {
  series: string;
  layout: Layout | null;
  retentionDays: number;
  partitionDays: number;
  /** Sum of the planner's estimates (pg_class.reltuples): 0 until the first ANALYZE. */
  rowEstimate: number;
  /** Table, indexes and TOAST, all partitions. */
  bytes: number;
  /** PostgreSQL: the partitions by time, oldest first (DEFAULT apart). */
  partitions: PartitionInfo[];
  /** PostgreSQL: rows in the DEFAULT partition (outside every partition), counted up to 100,000. */
  outsidePartitions: number;
  oldest: Date | null;
  newest: Date | null;
}

const HOUR = 3_600_000;
const DEFAULT_COUNT_CAP = 100_000;

/** `time >= from AND time < to`, either end open when null. */
function window(def: SeriesDef, from: Date | null, to: Date | null): SQL {
  const t = sql.raw(q(def.timeName));
  const conds: SQL[] = [sql`true`];
  if (from) conds.push(sql`${t} >= ${from.toISOString()}`);
  if (to) conds.push(sql`${t} < ${to.toISOString()}`);
  return sql.join(conds, sql` AND `);
}

/** Whether any row lies in the window: one BRIN bitmap, then the heap until the first row. */
async function any(db: Db, def: SeriesDef, from: Date | null, to: Date | null): Promise<boolean> {
  const rows = await queryRows(db, sql`SELECT 1 FROM ${sql.raw(q(def.name))} WHERE ${window(def, from, to)} LIMIT 1`);
  return rows.length > 0;
}

async function edge(db: Db, def: SeriesDef, agg: 'min' | 'max', from: Date | null, to: Date | null): Promise<Date | null> {
  const [r] = await queryRows<{ t: number | null }>(
    db,
    sql`SELECT (extract(epoch FROM ${sql.raw(`${agg}(${q(def.timeName)})`)}) * 1000)::float8 AS t FROM ${sql.raw(q(def.name))} WHERE ${window(def, from, to)}`,
  );
  return r?.t === null || r?.t === undefined ? null : new Date(Number(r.t));
}

const mid = (a: Date, b: Date) => new Date(a.getTime() + Math.floor((b.getTime() - a.getTime()) / 2));

/**
 * The oldest and newest rows between the retention cutoff and now, found by halving the range until
 * an hour is left (about 14 probes for 400 days), then min()/max() over that hour. Rows outside it
 * (past retention, in the future) are few and read directly.
 */
async function edges(db: Db, def: SeriesDef, now: Date): Promise<{ oldest: Date | null; newest: Date | null }> {
  const cutoff = retentionCutoff(def, now);
  const past = await any(db, def, null, cutoff);
  const future = await any(db, def, now, null);
  if (!(await any(db, def, cutoff, now)))
    return {
      oldest: past ? await edge(db, def, 'min', null, cutoff) : future ? await edge(db, def, 'min', now, null) : null,
      newest: future ? await edge(db, def, 'max', now, null) : past ? await edge(db, def, 'max', null, cutoff) : null,
    };
  let [lo, hi] = [cutoff, now]; // rows in [lo, hi), none in [cutoff, lo)
  while (hi.getTime() - lo.getTime() > HOUR) {
    const m = mid(lo, hi);
    if (await any(db, def, lo, m)) hi = m;
    else lo = m;
  }
  const oldest = past ? await edge(db, def, 'min', null, cutoff) : await edge(db, def, 'min', lo, hi);
  [lo, hi] = [cutoff, now]; // rows in [lo, hi), none in [hi, now)
  if (await any(db, def, new Date(now.getTime() - HOUR), now)) lo = new Date(now.getTime() - HOUR);
  while (hi.getTime() - lo.getTime() > HOUR) {
    const m = mid(lo, hi);
    if (await any(db, def, m, hi)) lo = m;
    else hi = m;
  }
  const newest = future ? await edge(db, def, 'max', now, null) : await edge(db, def, 'max', lo, hi);
  return { oldest, newest };
}

/** `now` (default: the context's clock) anchors the search for the oldest and newest rows. */
export async function seriesStats(ctx: { db: Db; now?: () => Date }, def: SeriesDef, now?: Date): Promise<SeriesStats> {
  const at = now ?? ctx.now?.() ?? new Date();
  const layout = await layoutOf(ctx.db, def);
  const base = { series: def.name, layout, retentionDays: def.retentionDays, partitionDays: def.partitionDays };
  if (!layout) return { ...base, rowEstimate: 0, bytes: 0, partitions: [], outsidePartitions: 0, oldest: null, newest: null };
  const leaves = await partitions(ctx.db, def);
  let outside = 0;
  if (layout === 'partitioned') {
    const [r] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${sql.raw(q(defaultPartitionName(def)))} LIMIT ${DEFAULT_COUNT_CAP}) x`,
    );
    outside = Number(r?.n ?? 0);
  }
  // Probes must not fall back to a sequential scan: an empty window would then read the whole table.
  const { oldest, newest } = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    return edges(tx, def, at);
  });
  return {
    ...base,
    rowEstimate: leaves.reduce((s, p) => s + p.rowEstimate, 0),
    bytes: leaves.reduce((s, p) => s + p.bytes, 0),
    partitions: layout === 'partitioned' ? leaves.filter((p) => p.from) : [],
    outsidePartitions: outside,
    oldest,
    newest,
  };
}
