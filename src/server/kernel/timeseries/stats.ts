// seriesStats: what a health page shows of a series (size, partitions, oldest and newest row) without
// reading the table: counts are the planner's estimates, and the oldest and newest rows are found by
// probing widening time windows, each answered from the BRIN index (a min()/max() over the whole
// table cannot use BRIN and would read every row).
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

/** min or max of the time column over [from, to) (either end open when null). */
async function edge(db: Db, def: SeriesDef, agg: 'min' | 'max', from: Date | null, to: Date | null): Promise<Date | null> {
  const t = sql.raw(q(def.timeName));
  const conds: SQL[] = [];
  if (from) conds.push(sql`${t} >= ${from.toISOString()}`);
  if (to) conds.push(sql`${t} < ${to.toISOString()}`);
  const where = conds.length ? sql` WHERE ${sql.join(conds, sql` AND `)}` : sql``;
  const [r] = await queryRows<{ t: number | null }>(
    db,
    sql`SELECT (extract(epoch FROM ${sql.raw(agg)}(${t})) * 1000)::float8 AS t FROM ${sql.raw(q(def.name))}${where}`,
  );
  return r?.t === null || r?.t === undefined ? null : new Date(Number(r.t));
}

/**
 * Rows arrive roughly in time order, so the newest row is almost always in the last hour and the
 * oldest just after the retention cutoff: windows of 1 h, 4 h, 16 h … from there, then the rest.
 */
async function newest(db: Db, def: SeriesDef, now: Date, span: number): Promise<Date | null> {
  const future = await edge(db, def, 'max', now, null);
  if (future) return future;
  let w = HOUR;
  for (; w < span; w *= 4) {
    const e = await edge(db, def, 'max', new Date(now.getTime() - w), now);
    if (e) return e;
  }
  return edge(db, def, 'max', null, new Date(now.getTime() - w / 4));
}

async function oldest(db: Db, def: SeriesDef, now: Date, span: number): Promise<Date | null> {
  const cutoff = retentionCutoff(def, now);
  const past = await edge(db, def, 'min', null, cutoff);
  if (past) return past;
  let w = HOUR;
  for (; w < span; w *= 4) {
    const e = await edge(db, def, 'min', cutoff, new Date(cutoff.getTime() + w));
    if (e) return e;
  }
  return edge(db, def, 'min', new Date(cutoff.getTime() + w / 4), null);
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
  const span = (def.retentionDays + def.partitionDays) * 24 * HOUR;
  return {
    ...base,
    rowEstimate: leaves.reduce((s, p) => s + p.rowEstimate, 0),
    bytes: leaves.reduce((s, p) => s + p.bytes, 0),
    partitions: layout === 'partitioned' ? leaves.filter((p) => p.from) : [],
    outsidePartitions: outside,
    oldest: await oldest(ctx.db, def, at, span),
    newest: await newest(ctx.db, def, at, span),
  };
}
