// What the time-series bench does to each table under test: the rows (monitoring samples in time
// order), the interleaved load (every batch goes to each table in turn, so the machine's noise falls
// on all of them alike), the range queries, sizes and plans.
import { sql, type SQL } from 'drizzle-orm';
import { doublePrecision, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../../src/server/kernel/db/client.ts';
import { appendRows, defineSeries, inRange, type SeriesDef } from '../../src/server/kernel/timeseries/index.ts';

export const DAY = 86_400_000;
export const TARGETS = 500;
const METRICS = ['rtt_ms', 'loss_pct', 'if_in_bps', 'cpu_pct'];

export function metricsTable(name: string) {
  return pgTable(name, {
    at: timestamp('at', { withTimezone: true }).notNull(),
    target: integer('target').notNull(),
    metric: text('metric').notNull(),
    value: doublePrecision('value').notNull(),
  });
}
export type MetricsTable = ReturnType<typeof metricsTable>;

/** The bench's series: a sample every few seconds per target, b-tree on (target, at) for per-device charts. */
export function metricsSeries(name: string, retentionDays: number): SeriesDef<MetricsTable> {
  return defineSeries({ name, table: metricsTable(name), timeColumn: 'at', retentionDays, indexes: [{ columns: ['target', 'at'] }] });
}

/** Batch `b` of the load: `size` rows evenly spread over the days from `start`, in time order. */
export function batch(start: number, rowsPerDay: number, b: number, size: number): MetricsTable['$inferInsert'][] {
  const step = DAY / rowsPerDay;
  return Array.from({ length: size }, (_, k) => {
    const i = b * size + k;
    return {
      at: new Date(start + Math.floor(i * step)),
      target: i % TARGETS,
      metric: METRICS[i % METRICS.length]!,
      value: (i * 7919) % 1000,
    };
  });
}

export interface Timed {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

/** Loads `batches` batches into every def, rotating which goes first; time spent per def. */
export async function loadInterleaved(
  db: Db,
  defs: SeriesDef<MetricsTable>[],
  o: { start: number; rowsPerDay: number; batches: number; size: number; onDay?: (day: number) => Promise<void>; log: (s: string) => void },
): Promise<Timed[]> {
  const spent = defs.map(() => 0);
  const perDay = Math.max(1, Math.round(o.rowsPerDay / o.size));
  for (let b = 0; b < o.batches; b++) {
    if (b % perDay === 0) await o.onDay?.(b / perDay);
    const rows = batch(o.start, o.rowsPerDay, b, o.size);
    for (let j = 0; j < defs.length; j++) {
      const i = (b + j) % defs.length;
      const t = performance.now();
      await appendRows({ db }, defs[i]!, rows);
      spent[i]! += performance.now() - t;
    }
    if ((b + 1) % (perDay * 7) === 0) o.log(`    … ${((b + 1) * o.size).toLocaleString('en')} rows into each table`);
  }
  return spent.map((ms) => ({ rows: o.batches * o.size, seconds: ms / 1000, rowsPerSecond: (o.batches * o.size) / (ms / 1000) }));
}

export interface QueryKind {
  id: 'hour' | 'dayTarget' | 'dayReport';
  label: string;
  query(def: SeriesDef<MetricsTable>, dayStart: number, k: number): SQL;
}

/** Three reads a monitoring page and a daily report make; each on a different day and hour every time. */
export const QUERIES: QueryKind[] = [
  {
    id: 'hour',
    label: 'one hour, all targets: count and average',
    query: (def, d, k) => {
      const from = d + (k % 24) * 3_600_000;
      return sql`SELECT count(*)::int AS n, avg(value) AS v FROM ${def.table} WHERE ${inRange(def, new Date(from), new Date(from + 3_600_000))}`;
    },
  },
  {
    id: 'dayTarget',
    label: 'one day, one target: its samples in time order',
    query: (def, d, k) =>
      sql`SELECT at, value FROM ${def.table} WHERE ${def.table.target} = ${(k * 37) % TARGETS} AND ${inRange(def, new Date(d), new Date(d + DAY))} ORDER BY at`,
  },
  {
    id: 'dayReport',
    label: 'one day, all targets: average and maximum per target (daily report)',
    query: (def, d) =>
      sql`SELECT target, avg(value) AS v, max(value) AS m FROM ${def.table} WHERE ${inRange(def, new Date(d), new Date(d + DAY))} GROUP BY target`,
  },
];

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Median milliseconds of each query on each def, `runs` times on days picked from `days`, interleaved. */
export async function timeQueries(
  db: Db,
  defs: SeriesDef<MetricsTable>[],
  days: number[],
  runs: number,
): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const q of QUERIES) {
    // One untimed pass first: the first run of a statement pays for cold caches and planning.
    for (const def of defs) await db.execute(q.query(def, days[0]!, runs));
    const ms = defs.map(() => [] as number[]);
    for (let k = 0; k < runs; k++) {
      const d = days[(k * 5) % days.length]!;
      for (let j = 0; j < defs.length; j++) {
        const i = (k + j) % defs.length;
        const t = performance.now();
        await db.execute(q.query(defs[i]!, d, k));
        ms[i]!.push(performance.now() - t);
      }
    }
    out[q.id] = ms.map(median);
  }
  return out;
}

/** Bytes of the table, its indexes and all its partitions. */
export async function bytes(db: Db, table: string): Promise<number> {
  const [r] = await queryRows<{ b: number }>(
    db,
    sql`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::float8 AS b FROM pg_class c
        WHERE c.oid = to_regclass(${table}) OR c.oid IN (SELECT relid FROM pg_partition_tree(to_regclass(${table})))`,
  );
  return Number(r?.b ?? 0);
}

export async function rowCount(db: Db, table: string): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return Number(r?.n ?? 0);
}

/** EXPLAIN of a query: the tables it reads (partitions), and its nodes outermost first. */
export async function planOf(db: Db, query: SQL): Promise<{ relations: string[]; chain: string }> {
  const lines = (await queryRows<Record<string, string>>(db, sql`EXPLAIN ${query}`)).map((r) => Object.values(r)[0] ?? '');
  const relations = [...new Set(lines.filter((l) => !/Bitmap Index Scan/.test(l)).flatMap((l) => / on (\w+)/.exec(l)?.slice(1) ?? []))];
  const chain = lines
    .map((l) => /^\s*(?:->\s*)?([A-Z][A-Za-z ]*?)(?:\s+on\s|\s+using\s|\s*\(cost)/.exec(l)?.[1])
    .filter((x): x is string => !!x);
  return { relations, chain: [...new Set(chain)].join(' → ') };
}

/** Milliseconds of one call. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}
