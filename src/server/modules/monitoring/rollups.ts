// 5-minute rollups of the raw samples and hourly ones of those (issue 12: kept 13 months for the
// annual report), and the chart data read from raw samples (short ranges), 5-minute rollups (days) or
// hourly rollups (a month or more). Each run recomputes the last half hour of buckets and the hours
// they fall in (ON CONFLICT DO UPDATE): a late batch or a missed run is caught up, and a run twice
// gives the same rows.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { Invalid, NotFound } from '../../kernel/errors.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { inRange } from '../../kernel/timeseries/index.ts';
import type { TMetrics } from '../../../common/monitoring.ts';
import {
  BUCKET_MS,
  icmpHourly,
  icmpRollups,
  icmpSeries,
  ifHourly,
  ifRollups,
  ifSeries,
  monIcmp1h,
  monIcmp5m,
  monIcmpSamples,
  monIf1h,
  monIf5m,
  monIfSamples,
  monSensorSamples,
  RAW_DAYS,
  sensorSeries,
} from './series.ts';
import { monDevices, monProbePairs } from './tables.ts';

const floorBucket = (t: number) => Math.floor(t / BUCKET_MS) * BUCKET_MS;
const bucketOf = (col: string, seconds = BUCKET_MS / 1000) =>
  sql.raw(`to_timestamp(floor(extract(epoch FROM ${col}) / ${seconds}) * ${seconds})`);

/** Rolls up the buckets of [from, to) (both on bucket edges), on both databases the same SQL. */
export async function rollUp(ctx: Ctx, from: Date, to: Date): Promise<void> {
  const f = from.toISOString();
  const t = to.toISOString();
  await ctx.db.execute(sql`INSERT INTO mon_icmp_5m (at, device_id, latency_avg, latency_max, loss_avg, samples)
    SELECT ${bucketOf('at')}, device_id, avg(latency_ms), max(latency_ms), avg(loss_pct), count(*)::int
    FROM mon_icmp_samples WHERE at >= ${f} AND at < ${t} GROUP BY 1, 2
    ON CONFLICT (device_id, at) DO UPDATE SET latency_avg = excluded.latency_avg, latency_max = excluded.latency_max,
      loss_avg = excluded.loss_avg, samples = excluded.samples`);
  await ctx.db
    .execute(sql`INSERT INTO mon_if_5m (at, device_id, if_index, in_bps_avg, in_bps_max, out_bps_avg, out_bps_max, util_max, samples)
    SELECT ${bucketOf('at')}, device_id, if_index, avg(in_bps)::float8, max(in_bps)::float8, avg(out_bps)::float8,
      max(out_bps)::float8, max(utilisation), count(*)::int
    FROM mon_if_samples WHERE at >= ${f} AND at < ${t} GROUP BY 1, 2, 3
    ON CONFLICT (device_id, if_index, at) DO UPDATE SET in_bps_avg = excluded.in_bps_avg, in_bps_max = excluded.in_bps_max,
      out_bps_avg = excluded.out_bps_avg, out_bps_max = excluded.out_bps_max, util_max = excluded.util_max, samples = excluded.samples`);
}

const HOUR_MS = 3_600_000;
/**
 * The average of rollup averages weighted by their samples (a bucket of fewer polls counts less);
 * `samples` names the samples column (qualified when the query joins other tables).
 */
export const wavg = (col: string, samples = 'samples') =>
  sql.raw(`(sum(${col} * ${samples}) / nullif(sum(${samples}) FILTER (WHERE ${col} IS NOT NULL), 0))::float8`);

/** Rolls the 5-minute rollups of the hours [from, to) (both on hour edges) up into hourly ones. */
export async function rollUpHours(ctx: Ctx, from: Date, to: Date): Promise<void> {
  const f = from.toISOString();
  const t = to.toISOString();
  await ctx.db.execute(sql`INSERT INTO mon_icmp_1h (at, device_id, latency_avg, latency_max, loss_avg, samples)
    SELECT ${bucketOf('at', 3600)}, device_id, ${wavg('latency_avg')}, max(latency_max), ${wavg('loss_avg')}, sum(samples)::int
    FROM mon_icmp_5m WHERE at >= ${f} AND at < ${t} GROUP BY 1, 2
    ON CONFLICT (device_id, at) DO UPDATE SET latency_avg = excluded.latency_avg, latency_max = excluded.latency_max,
      loss_avg = excluded.loss_avg, samples = excluded.samples`);
  await ctx.db
    .execute(sql`INSERT INTO mon_if_1h (at, device_id, if_index, in_bps_avg, in_bps_max, out_bps_avg, out_bps_max, util_max, samples)
    SELECT ${bucketOf('at', 3600)}, device_id, if_index, ${wavg('in_bps_avg')}, max(in_bps_max), ${wavg('out_bps_avg')},
      max(out_bps_max), max(util_max), sum(samples)::int
    FROM mon_if_5m WHERE at >= ${f} AND at < ${t} GROUP BY 1, 2, 3
    ON CONFLICT (device_id, if_index, at) DO UPDATE SET in_bps_avg = excluded.in_bps_avg, in_bps_max = excluded.in_bps_max,
      out_bps_avg = excluded.out_bps_avg, out_bps_max = excluded.out_bps_max, util_max = excluded.util_max, samples = excluded.samples`);
}

/**
 * Every five minutes: the last six buckets, the current one excluded (still filling), then the hours
 * those buckets fall in (the current hour again at each run until it is whole).
 */
export const rollupJob: GlobalJob = {
  name: 'monitoring-rollups',
  scope: 'global',
  cron: '*/5 * * * *',
  handler: async (ctx) => {
    const to = floorBucket(ctx.now().getTime());
    const from = to - 6 * BUCKET_MS;
    await rollUp(ctx, new Date(from), new Date(to));
    await rollUpHours(ctx, new Date(Math.floor(from / HOUR_MS) * HOUR_MS), new Date(Math.ceil(to / HOUR_MS) * HOUR_MS));
  },
};

/** Ranges up to this long are drawn from raw samples; longer from 5-minute rollups. */
const RAW_RANGE_MS = 2 * 86_400_000;
const MAX_RANGE_MS = 400 * 86_400_000;
/**
 * A rollup chart has at most this many points unless the browser asks for its own width (`points`):
 * a longer range averages adjacent buckets into one point, in SQL, so what the browser draws, the API
 * sends and Node maps all shrink alike. A point of an hour or more is read from the hourly rollups
 * (30 days: 720 hourly rows of one interface, a few leaf pages of their charts' index), shorter ones
 * from the 5-minute rollups; either read is an index-only scan of the charts' index (series.ts).
 */
export const CHART_POINTS = 720;
const HOUR_S = HOUR_MS / 1000;
const num = (v: string | number | null) => (v === null ? null : Number(v));

/** Seconds per point of a rollup chart over `span` ms: whole 5-minute buckets, whole hours from an hour up. */
export function pointSeconds(span: number, points: number = CHART_POINTS): number {
  // Whole buckets of the span: 30 days and a second are still a point per hour.
  const s = Math.max(1, Math.ceil(Math.floor(span / BUCKET_MS) / points)) * (BUCKET_MS / 1000);
  return s < HOUR_S ? s : Math.ceil(s / HOUR_S) * HOUR_S;
}

type RollupTable = typeof monIf5m | typeof monIcmp5m | typeof monIf1h | typeof monIcmp1h;

/** Rollup points of one series: the buckets as stored, or averaged `seconds` at a time. */
async function rollupPoints(ctx: Ctx, table: RollupTable, where: SQL, a: SQL, b: SQL, seconds: number, points: number) {
  const stored = seconds === (table === monIf1h || table === monIcmp1h ? HOUR_S : BUCKET_MS / 1000);
  const rows = stored
    ? await ctx.db
        .select({ at: table.at, a: sql<number | null>`${a}`, b: sql<number | null>`${b}` })
        .from(table)
        .where(where)
        .orderBy(asc(table.at))
        .limit(points + 2)
    : await ctx.db
        .select({
          at: sql<Date>`${bucketOf('"at"', seconds)}`.mapWith(table.at),
          a: sql<number | null>`avg(${a})`,
          b: sql<number | null>`avg(${b})`,
        })
        .from(table)
        .where(where)
        .groupBy(sql`1`)
        .orderBy(sql`1`)
        .limit(points + 2);
  return rows.map((r) => ({ at: r.at.toISOString(), a: num(r.a), b: num(r.b) }));
}

/** A sensor's readings (raw samples, kept 30 days), averaged in SQL to at most `points`. */
async function sensorPoints(ctx: Ctx, id: string, key: string, from: Date, to: Date, span: number, points: number): Promise<TMetrics> {
  if (span > RAW_DAYS * 86_400_000) throw new Invalid('monitoring.sensor_range', '传感器读数保留 30 天，时间范围不能超过 30 天');
  const seconds = Math.max(60, Math.ceil(span / 1000 / points / 60) * 60);
  const rows = await ctx.db
    .select({
      at: sql<Date>`${bucketOf('"at"', seconds)}`.mapWith(monSensorSamples.at),
      v: sql<number | null>`avg(${monSensorSamples.value})`,
    })
    .from(monSensorSamples)
    .where(and(eq(monSensorSamples.deviceId, id), eq(monSensorSamples.key, key), inRange(sensorSeries, from, to)))
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .limit(points + 2);
  return { source: 'raw', points: rows.map((r) => ({ at: r.at.toISOString(), value: num(r.v) })) };
}

export async function metrics(
  ctx: Ctx,
  id: string,
  q: { from: string; to: string; ifIndex?: number | undefined; points?: number | undefined; sensor?: string | undefined },
  of: 'device' | 'pair' = 'device',
): Promise<TMetrics> {
  // A probe pair's samples are in the ICMP series under its id (pair-collectors.ts).
  const [found] =
    of === 'pair'
      ? await ctx.db.select({ id: monProbePairs.id }).from(monProbePairs).where(eq(monProbePairs.id, id))
      : await ctx.db.select({ id: monDevices.id }).from(monDevices).where(eq(monDevices.id, id));
  if (!found)
    throw of === 'pair'
      ? new NotFound('monitoring.pair_not_found', '探测对不存在')
      : new NotFound('monitoring.device_not_found', '监控设备不存在');
  const from = new Date(q.from);
  const to = new Date(q.to);
  const span = to.getTime() - from.getTime();
  if (!(span > 0) || span > MAX_RANGE_MS) throw new Invalid('monitoring.range', '时间范围无效：开始须早于结束，且不超过 400 天');
  const raw = span <= RAW_RANGE_MS;
  const limit = 20_000;
  const points = q.points ?? CHART_POINTS;
  const seconds = pointSeconds(span, points);
  const hourly = seconds >= HOUR_S;
  if (q.sensor !== undefined) return sensorPoints(ctx, id, q.sensor, from, to, span, points);
  if (q.ifIndex === undefined) {
    if (raw) {
      const rows = await ctx.db
        .select({ at: monIcmpSamples.at, latencyMs: monIcmpSamples.latencyMs, lossPct: monIcmpSamples.lossPct })
        .from(monIcmpSamples)
        .where(and(eq(monIcmpSamples.deviceId, id), inRange(icmpSeries, from, to)))
        .orderBy(asc(monIcmpSamples.at))
        .limit(limit);
      return { source: 'raw', points: rows.map((r) => ({ at: r.at.toISOString(), latencyMs: r.latencyMs, lossPct: r.lossPct })) };
    }
    const [tb, series] = hourly ? ([monIcmp1h, icmpHourly] as const) : ([monIcmp5m, icmpRollups] as const);
    const where = and(eq(tb.deviceId, id), inRange(series, from, to))!;
    const rows = await rollupPoints(ctx, tb, where, sql`${tb.latencyAvg}`, sql`${tb.lossAvg}`, seconds, points);
    return { source: 'rollup', points: rows.map((r) => ({ at: r.at, latencyMs: r.a, lossPct: r.b })) };
  }
  if (raw) {
    const rows = await ctx.db
      .select({ at: monIfSamples.at, inBps: monIfSamples.inBps, outBps: monIfSamples.outBps })
      .from(monIfSamples)
      .where(and(eq(monIfSamples.deviceId, id), eq(monIfSamples.ifIndex, q.ifIndex), inRange(ifSeries, from, to)))
      .orderBy(asc(monIfSamples.at))
      .limit(limit);
    return { source: 'raw', points: rows.map((r) => ({ at: r.at.toISOString(), inBps: num(r.inBps), outBps: num(r.outBps) })) };
  }
  // Only the columns the charts' index holds: an index-only scan (series.ts ifRollups).
  const [tb, series] = hourly ? ([monIf1h, ifHourly] as const) : ([monIf5m, ifRollups] as const);
  const where = and(eq(tb.deviceId, id), eq(tb.ifIndex, q.ifIndex), inRange(series, from, to))!;
  const rows = await rollupPoints(ctx, tb, where, sql`${tb.inBpsAvg}`, sql`${tb.outBpsAvg}`, seconds, points);
  return { source: 'rollup', points: rows.map((r) => ({ at: r.at, inBps: r.a, outBps: r.b })) };
}
