// Monitoring charts measured (issue 12, "Speed": one year of 5-minute rollups for 5,000 interfaces,
// a 30-day chart p95 < 100 ms on PostgreSQL). The monitoring module's rollup series (mon_if_5m, through
// the kernel's time-series slot: weekly partitions, its primary key and the charts' index) gets
// BENCH_METRICS_DAYS days of buckets for BENCH_METRICS_INTERFACES interfaces (48-port devices),
// loaded day by day with INSERT … SELECT over generate_series in time order, as the rollup job writes
// them (each bucket's rows of every interface together), and the product's rollUpHours makes the
// hourly rollups of each day (mon_if_1h, four-week partitions); then VACUUM ANALYZE as autovacuum
// leaves past weeks. Then BENCH_METRICS_QUERIES charts: the product's own metrics() (the route's
// service) for a random interface and a random 30-day window of the year, p50/p95: as the device page
// asks now (720 points, from the hourly rollups) and, alternating, as it asked before (1,440
// half-hour points averaged from the 5-minute rollups), and each one's plan.
//
// BENCH_METRICS_MODE=hourly (the 5,000 interfaces): a year of 5-minute rollups for 5,000
// interfaces (525M rows, ~100 GB with indexes) fits neither the bench machine's disk nor its time, and
// a 30-day chart never reads them: its 720 points come from the hourly rollups. So this mode loads a
// year of HOURLY rollups straight into mon_if_1h (INSERT … SELECT over generate_series, a week per
// statement, in time order, in the product's four-week partitions with its indexes), then the last
// BENCH_METRICS_RECENT_DAYS days of 5-minute rollups with the hourly ones the product's rollUpHours makes
// of them, and runs the same 30-day charts through metrics() (no "before" comparison: it would read the
// 5-minute year this mode does not load).
import { sql } from 'drizzle-orm';
import { inTx, type Ctx } from '../src/server/kernel/context.ts';
import { queryRows } from '../src/server/kernel/db/client.ts';
import { aheadEnd, createPartitions } from '../src/server/kernel/timeseries/ensure.ts';
import { periodOf } from '../src/server/kernel/timeseries/index.ts';
import { CHART_POINTS, metrics, pointSeconds, rollUpHours } from '../src/server/modules/monitoring/rollups.ts';
import { BUCKET_MS, ifHourly, ifRollups } from '../src/server/modules/monitoring/series.ts';
import { createInterfaceDevices, insertBuckets, PORTS } from './lib/interfaces-seed.ts';
import { monitoringDb } from './lib/mon-db.ts';
import { table } from './lib/report.ts';

export const METRICS_BEGIN = '<!-- bench:metrics:begin -->';
export const METRICS_END = '<!-- bench:metrics:end -->';
/** The doc section of a mode's figures: the full mode's, or the hourly mode's (the 5,000 interfaces). */
export const metricsMarkers = (mode: MetricsConfig['mode']): [string, string] =>
  mode === 'full' ? [METRICS_BEGIN, METRICS_END] : ['<!-- bench:metrics-hourly:begin -->', '<!-- bench:metrics-hourly:end -->'];
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WINDOW = 30 * DAY;
/** The points the device page asked for before (a half hour each over 30 days, from the 5-minute rollups). */
const BEFORE_POINTS = 1440;

export interface MetricsConfig {
  interfaces: number;
  days: number;
  queries: number;
  /** full: the year of 5-minute rollups; hourly: the year of hourly rollups and the last days of 5-minute ones. */
  mode: 'full' | 'hourly';
  /** hourly mode: days of 5-minute rollups before the end (and their hourly rollups by the product). */
  recentDays: number;
  log: (s: string) => void;
}

export interface Latency {
  p50: number;
  p95: number;
  max: number;
}

export interface MetricsResult {
  version: string;
  rows: number;
  partitions: number;
  loadSeconds: number;
  heapBytes: number;
  pkBytes: number;
  chartBytes: number;
  hourlyBytes: number;
  hourlyRows: number;
  points: number;
  pointsBefore: number;
  product: Latency;
  /** null in hourly mode (no 5-minute year to read). */
  before: Latency | null;
  /** Median CPU ms of this process (Node) per chart. */
  cpuMs: number;
  cpuBeforeMs: number;
  plan: string;
  planBefore: string;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const latency = (xs: number[]): Latency => ({ p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) });

async function size(ctx: Ctx, rel: string): Promise<number> {
  const [r] = await queryRows<{ b: string }>(
    ctx.db,
    sql`SELECT coalesce(sum(pg_relation_size(relid)), 0)::text AS b FROM pg_partition_tree(${rel})`,
  );
  return Number(r?.b ?? 0);
}

/** The plan of one chart's rollup read, the lines that tell: scan node, heap fetches, buffers, time. */
async function planOf(ctx: Ctx, device: string, ifIndex: number, from: Date, to: Date, points: number): Promise<string> {
  const w = pointSeconds(to.getTime() - from.getTime(), points);
  const table = sql.raw(w >= 3600 ? 'mon_if_1h' : 'mon_if_5m');
  return inTx(ctx, async (tx) => {
    const rows = await queryRows<Record<string, string>>(
      tx.db,
      sql`EXPLAIN (ANALYZE, BUFFERS) SELECT to_timestamp(floor(extract(epoch FROM at) / ${sql.raw(String(w))}) * ${sql.raw(String(w))}),
            avg(in_bps_avg), avg(out_bps_avg) FROM ${table} WHERE device_id = ${device} AND if_index = ${ifIndex}
            AND at >= ${from.toISOString()} AND at < ${to.toISOString()} GROUP BY 1 ORDER BY 1 LIMIT ${points + 2}`,
    );
    const lines = rows.map((r) => String(Object.values(r)[0]).trim());
    const NODE = /(Index Only Scan|Index Scan|Bitmap Heap Scan|Seq Scan) (?:using|on) (\S+)/;
    const scans = lines
      .filter((l) => !l.includes('Bitmap Index Scan'))
      .map((l) => NODE.exec(l))
      .filter((x): x is RegExpExecArray => !!x);
    const kinds = [
      ...new Set(
        scans.map((x) =>
          x[1] === 'Bitmap Heap Scan' || x[1] === 'Seq Scan' ? x[1] : `${x[1]} using ${x[2]!.replace(/_p\d{8}_/, '_p…_')}`,
        ),
      ),
    ];
    const count = (re: RegExp) => lines.reduce((n, l) => n + [...l.matchAll(re)].reduce((m, x) => m + Number(x[1]), 0), 0);
    const heap = count(/Heap Fetches: (\d+)/g) + count(/(?:exact|lossy)=(\d+)/g);
    const buffers = lines.find((l) => l.startsWith('Buffers:'))?.replace('Buffers: ', '') ?? '';
    const time = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '';
    return `${scans.length} partitions, ${kinds.join(' / ')}; heap pages or fetches ${heap}; buffers ${buffers}; ${time}`;
  });
}

/** Days of 5-minute rollups from `start` to `end`, with the hourly rollups the product makes of each day. */
async function loadFiveMinuteDays(ctx: Ctx, cfg: MetricsConfig, start: Date, end: Date): Promise<void> {
  const days = Math.round((end.getTime() - start.getTime()) / DAY);
  for (let day = 0; day < days; day++) {
    const from = new Date(start.getTime() + day * DAY);
    await insertBuckets(ctx, 'mon_if_5m', from, new Date(from.getTime() + DAY - BUCKET_MS), '5 minutes', 5);
    // The hours the day's buckets fall in, a partial first or last hour recomputed as the rollup job does.
    const h0 = Math.floor(from.getTime() / HOUR) * HOUR;
    await rollUpHours(ctx, new Date(h0), new Date(Math.ceil((from.getTime() + DAY) / HOUR) * HOUR));
    if ((day + 1) % 60 === 0) cfg.log(`    ${day + 1}/${days} days of 5-minute rollups loaded`);
  }
}

async function load(ctx: Ctx, cfg: MetricsConfig, end: Date): Promise<{ devices: string[]; rows: number; hourlyRows: number }> {
  const devices = await createInterfaceDevices(ctx, cfg.interfaces, { name: (d) => `bench-if-${d}`, icmp: false, sampledAt: end });
  const start = new Date(end.getTime() - cfg.days * DAY);
  await createPartitions(ctx.db, ifHourly, periodOf(ifHourly, start).from, aheadEnd(ifHourly, end));
  if (cfg.mode === 'full') {
    await createPartitions(ctx.db, ifRollups, periodOf(ifRollups, start).from, aheadEnd(ifRollups, end));
    await loadFiveMinuteDays(ctx, cfg, start, end);
  } else {
    const recent = new Date(end.getTime() - cfg.recentDays * DAY);
    await createPartitions(ctx.db, ifRollups, periodOf(ifRollups, recent).from, aheadEnd(ifRollups, end));
    // The year's hours before the recent days: a week of hours per statement, in time order.
    const firstHour = Math.floor(start.getTime() / HOUR) * HOUR;
    const lastHour = Math.floor(recent.getTime() / HOUR) * HOUR - HOUR;
    for (let w = firstHour, n = 0; w <= lastHour; w += 7 * DAY, n++) {
      await insertBuckets(ctx, 'mon_if_1h', new Date(w), new Date(Math.min(w + 7 * DAY - HOUR, lastHour)), '1 hour', 60);
      if ((n + 1) % 4 === 0) cfg.log(`    ${n + 1} weeks of hourly rollups loaded`);
    }
    await loadFiveMinuteDays(ctx, cfg, recent, end);
  }
  await ctx.db.execute(sql`VACUUM (ANALYZE) mon_if_5m`);
  await ctx.db.execute(sql`VACUUM (ANALYZE) mon_if_1h`);
  const [n] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM mon_if_5m`);
  const [h] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM mon_if_1h`);
  return { devices, rows: n?.n ?? 0, hourlyRows: h?.n ?? 0 };
}

export async function benchMetrics(pgUrl: string, cfg: MetricsConfig): Promise<MetricsResult> {
  const what = cfg.mode === 'full' ? '5-minute' : `hourly (and ${cfg.recentDays} of 5-minute)`;
  cfg.log(`\nMonitoring charts: ${cfg.interfaces} interfaces × ${cfg.days} days of ${what} rollups, ${cfg.queries} 30-day charts`);
  if (cfg.mode === 'hourly' && !(cfg.recentDays >= 1 && cfg.recentDays < cfg.days))
    throw new Error('BENCH_METRICS_RECENT_DAYS must be at least 1 and fewer than BENCH_METRICS_DAYS');
  if (cfg.days < 31) throw new Error('BENCH_METRICS_DAYS must be at least 31 (a 30-day window inside the data)');
  const end = new Date(Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS);
  const m = await monitoringDb(pgUrl, end);
  try {
    const t0 = performance.now();
    const { devices, rows, hourlyRows } = await load(m.ctx, cfg, end);
    const loadSeconds = (performance.now() - t0) / 1000;
    cfg.log(`  ${rows.toLocaleString('en')} rows loaded in ${loadSeconds.toFixed(0)} s`);
    // Random charts: an interface, and a 30-day window ending on a bucket inside the data.
    let seed = 12;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = () => {
      const k = Math.floor(rnd() * cfg.interfaces);
      const spanBuckets = Math.floor((cfg.days * DAY - WINDOW) / BUCKET_MS);
      const to = new Date(end.getTime() - Math.floor(rnd() * spanBuckets) * BUCKET_MS);
      return { device: devices[Math.floor(k / PORTS)]!, ifIndex: (k % PORTS) + 1, from: new Date(to.getTime() - WINDOW), to };
    };
    const cpuNow: number[] = [];
    const cpuBefore: number[] = [];
    const chart = async (now: boolean) => {
      const p = pick();
      const q = { from: p.from.toISOString(), to: p.to.toISOString(), ifIndex: p.ifIndex };
      const t = performance.now();
      const c = process.cpuUsage();
      // Before: 1,440 half-hour points averaged from the 5-minute rollups (the same call, the old width).
      const r = await metrics(m.ctx, p.device, now ? q : { ...q, points: BEFORE_POINTS });
      const ms = performance.now() - t;
      const u = process.cpuUsage(c);
      (now ? cpuNow : cpuBefore).push((u.user + u.system) / 1000);
      // A window not on a half hour touches one half hour more.
      const want = WINDOW / pointSeconds(WINDOW, now ? CHART_POINTS : BEFORE_POINTS) / 1000;
      if (r.points.length !== want && r.points.length !== want + 1)
        throw new Error(`a 30-day chart of ${r.points.length} points, expected ${want}`);
      return ms;
    };
    for (let i = 0; i < 6; i++) await chart(i % 2 === 0 || cfg.mode === 'hourly'); // warm-up: the connection pool, plans
    cpuNow.length = cpuBefore.length = 0;
    const current: number[] = [];
    const before: number[] = [];
    const full = cfg.mode === 'full';
    for (let i = 0; i < cfg.queries; i++) {
      if (i % 2 || !full) current.push(await chart(true));
      if (full) before.push(await chart(false));
      if (!(i % 2) && full) current.push(await chart(true));
    }
    const p = pick();
    const [v] = await queryRows<{ v: string }>(m.ctx.db, sql`SELECT current_setting('server_version') AS v`);
    return {
      version: `PostgreSQL ${v?.v ?? '?'}`,
      rows,
      partitions:
        (
          await queryRows<{ n: number }>(m.ctx.db, sql`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'mon_if_5m'::regclass`)
        )[0]?.n ?? 0,
      loadSeconds,
      heapBytes: await size(m.ctx, 'mon_if_5m'),
      pkBytes: await size(m.ctx, 'mon_if_5m_pkey'),
      chartBytes: await size(m.ctx, 'mon_if_5m_chart_idx'),
      hourlyBytes: (await size(m.ctx, 'mon_if_1h')) + (await size(m.ctx, 'mon_if_1h_pkey')) + (await size(m.ctx, 'mon_if_1h_chart_idx')),
      hourlyRows,
      points: WINDOW / pointSeconds(WINDOW) / 1000,
      pointsBefore: WINDOW / pointSeconds(WINDOW, BEFORE_POINTS) / 1000,
      product: latency(current),
      cpuMs: pct(cpuNow, 50),
      cpuBeforeMs: pct(cpuBefore, 50),
      before: before.length ? latency(before) : null,
      plan: await planOf(m.ctx, p.device, p.ifIndex, p.from, p.to, CHART_POINTS),
      planBefore: cfg.mode === 'full' ? await planOf(m.ctx, p.device, p.ifIndex, p.from, p.to, BEFORE_POINTS) : '',
    };
  } finally {
    await m.bench.drop();
  }
}

const f = (n: number) => n.toFixed(1);
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const HEAD_ROW = ['30-day chart of one interface', 'points', 'p50 ms', 'p95 ms', 'max ms', 'Node CPU ms (median)', 'target', 'verdict'];
const productRow = (r: MetricsResult) => [
  "Yunwei: hourly points from the hourly rollups' charts' index",
  r.points.toLocaleString('en'),
  f(r.product.p50),
  f(r.product.p95),
  f(r.product.max),
  f(r.cpuMs),
  'p95 < 100 ms',
  r.product.p95 < 100 ? 'PASS' : 'FAIL',
];

/** BENCH_METRICS_MODE=hourly: the 5,000 interfaces, the year in hourly rollups (see the head of this file). */
function renderHourly(r: MetricsResult, cfg: MetricsConfig, date: Date): { markdown: string; text: string } {
  const t = table([HEAD_ROW, productRow(r)], ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'l']);
  const head =
    `## Monitoring charts at the issue's size (issue 12)\n\n_${date.toISOString().slice(0, 10)}: ` +
    `\`BENCH_METRICS_MODE=hourly npm run bench -- --only=metrics\`; ${r.version}; ${cfg.interfaces.toLocaleString('en')} interfaces. ` +
    `**What was loaded:** ${cfg.days} days of HOURLY rollups in mon_if_1h (${r.hourlyRows.toLocaleString('en')} rows, ` +
    `${mb(r.hourlyBytes)} with its indexes), written straight into the product's four-week partitions in time order, and the last ` +
    `${cfg.recentDays} days of 5-minute rollups in mon_if_5m (${r.rows.toLocaleString('en')} rows in ${r.partitions} weekly partitions; ` +
    `heap ${mb(r.heapBytes)}, primary key ${mb(r.pkBytes)}, charts' index ${mb(r.chartBytes)}) with the hourly rollups the ` +
    `product's rollUpHours makes of them; loaded in ${r.loadSeconds.toFixed(0)} s. **Why not the 5-minute year:** for 5,000 ` +
    `interfaces it is 525,600,000 rows, about 100 GB with its indexes (the 200-interface year above: 6.3 GB for 21M rows), more than ` +
    `the bench machine's free disk (75 GB) and many hours of loading; and a 30-day chart does not read it: its ` +
    `${r.points.toLocaleString('en')} points are hours, read from mon_if_1h (rollups.ts pointSeconds), so the hourly year is ` +
    `exactly what the chart touches. Then ${cfg.queries} charts through the product's metrics() for a random interface and a ` +
    `random 30-day window of the year. Target: p95 < 100 ms on PostgreSQL. Knobs: BENCH_METRICS_INTERFACES (5000 in this mode), ` +
    `BENCH_METRICS_DAYS, BENCH_METRICS_RECENT_DAYS, BENCH_METRICS_QUERIES._\n\n`;
  const plans = `\n\n- **Plan** (one chart's read, EXPLAIN (ANALYZE, BUFFERS)): ${r.plan}.\n`;
  return {
    markdown: `${metricsMarkers('hourly')[0]}\n${head}${t.md}${plans}\n${metricsMarkers('hourly')[1]}`,
    text: `${t.text}${plans.replace(/\*\*/g, '')}`,
  };
}

export function renderMetrics(r: MetricsResult, cfg: MetricsConfig, date: Date): { markdown: string; text: string } {
  if (cfg.mode === 'hourly' || !r.before) return renderHourly(r, cfg, date);
  const rows = [
    HEAD_ROW,
    productRow(r),
    [
      "before: half-hour points averaged from the 5-minute rollups' charts' index",
      r.pointsBefore.toLocaleString('en'),
      f(r.before.p50),
      f(r.before.p95),
      f(r.before.max),
      f(r.cpuBeforeMs),
      '—',
      r.before.p95 < 100 ? 'PASS' : 'FAIL',
    ],
  ];
  const t = table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'l']);
  const head =
    `## Monitoring charts (issue 12)\n\n_${date.toISOString().slice(0, 10)}: \`npm run bench -- --only=metrics\`; ${r.version}; ` +
    `${cfg.interfaces.toLocaleString('en')} interfaces × ${cfg.days} days of 5-minute rollups in mon_if_5m ` +
    `(${r.rows.toLocaleString('en')} rows in ${r.partitions} weekly partitions, loaded in time order in ${r.loadSeconds.toFixed(0)} s ` +
    `with the hourly rollups the product makes of them: ${r.hourlyRows.toLocaleString('en')} rows in mon_if_1h, ${mb(r.hourlyBytes)} with its indexes; ` +
    `5-minute heap ${mb(r.heapBytes)}, primary key ${mb(r.pkBytes)}, charts' index ${mb(r.chartBytes)}), then ${cfg.queries} charts ` +
    `through the product's metrics() for a random interface and a random 30-day window of the year, as the device page asks now ` +
    `(${r.points.toLocaleString('en')} points) and, alternating, as it asked before (${r.pointsBefore.toLocaleString('en')}). ` +
    `Target: p95 < 100 ms on PostgreSQL (the issue's size is BENCH_METRICS_INTERFACES=5000: about 25 times the rows and the disk). ` +
    `Knobs: BENCH_METRICS_INTERFACES, BENCH_METRICS_DAYS, BENCH_METRICS_QUERIES._\n\n`;
  const plans =
    `\n\n- **Plan now** (one chart's read, EXPLAIN (ANALYZE, BUFFERS)): ${r.plan}.\n- **Plan before:** ${r.planBefore}.\n` +
    `- **Why it was slow:** the plan before was already an index-only scan in the order of the query (device, ifIndex, at), ` +
    `with no heap fetches; its cost is the 8,640 index entries of one interface's month in 5 or 6 weekly partitions, about ` +
    `140 pages that a year of data (several GB, more than shared_buffers) mostly reads from outside shared buffers, then ` +
    `8,640 rows grouped into 1,440. The median was fine; the tail was those page reads on a shared machine.\n` +
    `- **What changed (monitoring module):** hourly rollups of the 5-minute ones (mon_if_1h, mon_icmp_1h; four-week ` +
    `partitions; the rollup job recomputes the hours its buckets fall in), with the same charts' index; a chart's points ` +
    `are its width (\`points\`, default ${CHART_POINTS}), and a point of an hour or more is read from the hourly rollups, so ` +
    `a 30-day chart reads 720 index entries in 2 or 3 partitions and sends 720 points (rollups.ts pointSeconds).`;
  return { markdown: `${METRICS_BEGIN}\n${head}${t.md}${plans}\n${METRICS_END}`, text: `${t.text}${plans.replace(/\*\*/g, '')}` };
}
