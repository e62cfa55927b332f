// The kernel's time-series helper measured (issue 10, point 3; docs/decisions/0008). Monitoring
// samples (500 targets, four metrics, in time order) loaded through the product's appendRows in
// batches, every batch into each table under test in turn, so the shared machine's noise falls on all
// of them alike and the ratios hold:
//   PostgreSQL: the partitioned series (ensureSeries: daily partitions, BRIN on time, b-tree on
//     (target, at)) next to the same table unpartitioned (the baseline), and next to the same table
//     kept by pg_partman when the server has it (bench/lib/series-partman.ts). Then range queries on
//     each, retention of half the days (maintainSeries: DETACH + DROP; the baseline: batched DELETE
//     then VACUUM; pg_partman: run_maintenance with a retention), with the sizes before and after.
//   PGlite: the plain series with BRIN on time (what ensureSeries makes there) next to a b-tree on
//     time and no index on time; range queries, the health figures (seriesStats) and retention.
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/server/kernel/db/client.ts';
import { createTableSql, indexSql, q } from '../src/server/kernel/timeseries/columns.ts';
import { aheadEnd, createPartitions } from '../src/server/kernel/timeseries/ensure.ts';
import { deleteBefore } from '../src/server/kernel/timeseries/maintain.ts';
import {
  appendRows,
  ensureSeries,
  maintainSeries,
  periodOf,
  retentionCutoff,
  seriesStats,
  type SeriesDef,
} from '../src/server/kernel/timeseries/index.ts';
import { onCleanup } from './lib/cleanup.ts';
import { freshDb } from './lib/seed.ts';
import { partmanCreate, partmanMaintain, partmanMissing, partmanRetention, partmanVersion } from './lib/series-partman.ts';
import {
  DAY,
  batch,
  bytes,
  loadInterleaved,
  median,
  metricsSeries,
  planOf,
  QUERIES,
  rowCount,
  timed,
  timeQueries,
  type MetricsTable,
  type Timed,
} from './lib/series-work.ts';

export interface SeriesConfig {
  pgDays: number;
  pgRowsPerDay: number;
  liteDays: number;
  liteRowsPerDay: number;
  batchSize: number;
  queryRuns: number;
  log: (s: string) => void;
}

export interface TableRun {
  id: string;
  label: string;
  insert: Timed;
  bytes: number;
  /** Median ms per query id. */
  queries: Record<string, number>;
  /** The daily report's plan: relations read, nodes. */
  plan: { relations: string[]; chain: string };
}

export interface RetentionRun {
  label: string;
  ms: number;
  rowsBefore: number;
  rowsAfter: number;
  bytesBefore: number;
  bytesAfter: number;
  /** Baseline DELETE: the VACUUM after it (PostgreSQL), or the same rows written again (PGlite). */
  vacuumMs?: number;
  bytesAfterVacuum?: number;
  bytesAfterRefill?: number;
  /** PostgreSQL: 200-row appends into the same table from another connection while it ran. */
  writer?: { inserts: number; longestMs: number };
}

export interface SeriesRun {
  label: 'PostgreSQL' | 'PGlite';
  version: string;
  days: number;
  rowsPerDay: number;
  retentionDays: number;
  tables: TableRun[];
  /** PostgreSQL: making the partitions of the whole range (ours; pg_partman's create_parent). */
  create: { label: string; ms: number; partitions: number }[];
  retention: RetentionRun[];
  /** Maintenance with nothing to do (median of 3): ours, pg_partman's. */
  steady: { label: string; ms: number }[];
  /** seriesStats next to a plain min()/max() (medians of 3). */
  stats: { probeMs: number; naiveMs: number } | null;
  partman: { version: string } | { skipped: string } | null;
}

/** The series' table unpartitioned, with its declared indexes and this index on time. */
async function plainTable(db: Db, def: SeriesDef, timeIndex: 'brin' | 'btree' | 'none'): Promise<void> {
  await db.execute(sql.raw(createTableSql(def, false)));
  const [onTime, ...declared] = indexSql(def, false);
  const asBtree = () => onTime!.sql.replace(/_brin"/, '_at"').replace(/ USING brin (.*) WITH .*$/, ' $1');
  if (timeIndex !== 'none') await db.execute(sql.raw(timeIndex === 'btree' ? asBtree() : onTime!.sql));
  for (const ix of declared) await db.execute(sql.raw(ix.sql));
}

const dayStarts = (start: number, days: number) => Array.from({ length: Math.max(1, days - 2) }, (_, i) => start + (i + 1) * DAY);

/** Loads `days` × `rowsPerDay` rows into every table (interleaved), VACUUM ANALYZE, then the queries. */
async function tableRuns(
  db: Db,
  defs: { def: SeriesDef<MetricsTable>; id: string; label: string }[],
  o: { start: number; days: number; rowsPerDay: number },
  c: SeriesConfig,
): Promise<TableRun[]> {
  const loaded = await loadInterleaved(
    db,
    defs.map((d) => d.def),
    { start: o.start, rowsPerDay: o.rowsPerDay, batches: Math.floor((o.days * o.rowsPerDay) / c.batchSize), size: c.batchSize, log: c.log },
  );
  for (const d of defs) await db.execute(sql.raw(`VACUUM ANALYZE ${q(d.def.name)}`));
  const days_ = dayStarts(o.start, o.days);
  const ms = await timeQueries(
    db,
    defs.map((d) => d.def),
    days_,
    c.queryRuns,
  );
  const mid = days_[Math.floor(days_.length / 2)]!;
  const out: TableRun[] = [];
  for (const [i, d] of defs.entries()) {
    out.push({
      id: d.id,
      label: d.label,
      insert: loaded[i]!,
      bytes: await bytes(db, d.def.name),
      queries: Object.fromEntries(QUERIES.map((x) => [x.id, ms[x.id]![i]!])),
      plan: await planOf(db, QUERIES[2]!.query(d.def, mid, 0)),
    });
    c.log(
      `  ${d.label.padEnd(44)} ${loaded[i]!.rowsPerSecond.toFixed(0).padStart(7)} rows/s  ${(out[i]!.bytes / 1048576).toFixed(0).padStart(5)} MB  ` +
        QUERIES.map((x) => `${x.id} ${ms[x.id]![i]!.toFixed(1)} ms`).join('  '),
    );
  }
  return out;
}

async function benchPostgres(pgUrl: string, c: SeriesConfig): Promise<SeriesRun> {
  const bdb = await freshDb(pgUrl);
  const removeDrop = onCleanup('PostgreSQL series database', () => bdb.drop());
  const db = bdb.database.db;
  const now = new Date(); // the real clock: pg_partman reads now()
  const retentionDays = Math.floor(c.pgDays / 2);
  const part = metricsSeries('bench_series_part', 3650);
  const plain = metricsSeries('bench_series_plain', 3650);
  const pm = metricsSeries('bench_series_partman', 3650);
  const start = periodOf(part, new Date(now.getTime() - c.pgDays * DAY)).from;
  c.log(`\nTime series on ${bdb.version}: ${c.pgDays} days × ${c.pgRowsPerDay.toLocaleString('en')} samples into each table…`);
  const create: SeriesRun['create'] = [];
  const made = await timed(async () => {
    await ensureSeries(bdb.database, part, start);
    return createPartitions(db, part, start, aheadEnd(part, now));
  });
  create.push({ label: 'ours: ensureSeries + createPartitions', ms: made.ms, partitions: made.value.length + 8 });
  await plainTable(db, plain, 'brin');
  const missing = await partmanMissing(db);
  const defs = [
    { def: part, id: 'partitioned', label: 'partitioned by day (ensureSeries)' },
    { def: plain, id: 'plain', label: 'one plain table (baseline)' },
  ];
  let partman: SeriesRun['partman'];
  if (missing) {
    c.log(`  pg_partman: skipped: ${missing}`);
    partman = { skipped: missing };
  } else {
    const ms = await partmanCreate(db, pm, start);
    const [n] = await queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = to_regclass(${pm.name})`,
    );
    create.push({ label: 'pg_partman: create_parent', ms, partitions: Number(n?.n ?? 0) });
    defs.push({ def: pm, id: 'partman', label: 'partitioned by day (pg_partman)' });
    partman = { version: await partmanVersion(db) };
  }
  const tables = await tableRuns(db, defs, { start: start.getTime(), days: c.pgDays, rowsPerDay: c.pgRowsPerDay }, c);

  // Retention of the older half.
  const kept = metricsSeries(part.name, retentionDays);
  const cutoff = retentionCutoff(kept, now);
  const retention: RetentionRun[] = [];
  const measure = async (label: string, def: SeriesDef<MetricsTable>, fn: () => Promise<unknown>): Promise<RetentionRun> => {
    const rowsBefore = await rowCount(db, def.name);
    const bytesBefore = await bytes(db, def.name);
    const w = await whileWriting(db, def, now, fn);
    const rowsAfter = (await rowCount(db, def.name)) - w.written;
    const r: RetentionRun = {
      label,
      ms: w.ms,
      rowsBefore,
      rowsAfter,
      bytesBefore,
      bytesAfter: await bytes(db, def.name),
      writer: w.writer,
    };
    retention.push(r);
    return r;
  };
  await measure('partitioned: maintainSeries (DETACH + DROP)', part, () => maintainSeries({ db }, kept, now));
  const del = await measure('plain: batched DELETE (the PGlite path)', plain, () => deleteBefore(db, plain.name, 'at', cutoff));
  const vac = await timed(() => db.execute(sql.raw(`VACUUM ${q(plain.name)}`)));
  del.vacuumMs = vac.ms;
  del.bytesAfterVacuum = await bytes(db, plain.name);
  const steady: SeriesRun['steady'] = [];
  const ours: number[] = [];
  for (let i = 0; i < 3; i++) ours.push((await timed(() => maintainSeries({ db }, kept, now))).ms);
  steady.push({ label: 'ours: maintainSeries', ms: median(ours) });
  if (!missing) {
    await measure('pg_partman: run_maintenance with retention', pm, () => partmanRetention(db, pm, retentionDays));
    const theirs: number[] = [];
    for (let i = 0; i < 3; i++) theirs.push(await partmanMaintain(db, pm));
    steady.push({ label: 'pg_partman: run_maintenance', ms: median(theirs) });
  }
  const stats = await statsTimes(db, part, now, c);
  for (const r of retention)
    c.log(
      `  retention, ${r.label.padEnd(44)} ${r.ms.toFixed(0).padStart(6)} ms  rows ${r.rowsBefore} → ${r.rowsAfter}  ` +
        `${(r.bytesBefore / 1048576).toFixed(0)} → ${(r.bytesAfter / 1048576).toFixed(0)} MB` +
        (r.vacuumMs === undefined ? '' : `; VACUUM ${r.vacuumMs.toFixed(0)} ms → ${(r.bytesAfterVacuum! / 1048576).toFixed(0)} MB`),
    );
  await bdb.drop();
  removeDrop();
  return {
    label: 'PostgreSQL',
    version: bdb.version,
    days: c.pgDays,
    rowsPerDay: c.pgRowsPerDay,
    retentionDays,
    tables,
    create,
    retention,
    steady,
    stats,
    partman,
  };
}

async function benchPglite(c: SeriesConfig): Promise<SeriesRun> {
  const bdb = await freshDb(null);
  const removeDrop = onCleanup('PGlite series database', () => bdb.drop());
  const db = bdb.database.db;
  const now = new Date();
  const retentionDays = Math.floor(c.liteDays / 2);
  const brin = metricsSeries('bench_series_brin', 3650);
  const btree = metricsSeries('bench_series_btree', 3650);
  const none = metricsSeries('bench_series_none', 3650);
  const start = periodOf(brin, new Date(now.getTime() - c.liteDays * DAY)).from;
  c.log(`\nTime series on ${bdb.version}: ${c.liteDays} days × ${c.liteRowsPerDay.toLocaleString('en')} samples into each table…`);
  await ensureSeries(bdb.database, brin, now);
  await plainTable(db, btree, 'btree');
  await plainTable(db, none, 'none');
  const defs = [
    { def: brin, id: 'brin', label: 'BRIN on time (ensureSeries)' },
    { def: btree, id: 'btree', label: 'b-tree on time' },
    { def: none, id: 'none', label: 'no index on time (baseline)' },
  ];
  const tables = await tableRuns(db, defs, { start: start.getTime(), days: c.liteDays, rowsPerDay: c.liteRowsPerDay }, c);
  const stats = await statsTimes(db, brin, now, c);

  const kept = metricsSeries(brin.name, retentionDays);
  const rowsBefore = await rowCount(db, brin.name);
  const bytesBefore = await bytes(db, brin.name);
  const t = await timed(() => maintainSeries({ db }, kept, now));
  const rowsAfter = await rowCount(db, brin.name);
  const r: RetentionRun = {
    label: 'maintainSeries: batched DELETE + VACUUM (ANALYZE)',
    ms: t.ms,
    rowsBefore,
    rowsAfter,
    bytesBefore,
    bytesAfter: await bytes(db, brin.name),
  };
  // As many rows again, after now: does the freed space take them?
  const removed = rowsBefore - rowsAfter;
  for (let b = 0; b * c.batchSize < removed; b++)
    await appendRows({ db }, brin, batch(now.getTime(), c.liteRowsPerDay, b, c.batchSize).slice(0, removed - b * c.batchSize));
  r.bytesAfterRefill = await bytes(db, brin.name);
  c.log(
    `  retention, ${r.label}: ${r.ms.toFixed(0)} ms, rows ${rowsBefore} → ${rowsAfter}, ${(bytesBefore / 1048576).toFixed(0)} → ${(r.bytesAfter / 1048576).toFixed(0)} MB, ` +
      `${(r.bytesAfterRefill / 1048576).toFixed(0)} MB after writing ${removed} rows again`,
  );
  await bdb.drop();
  removeDrop();
  return {
    label: 'PGlite',
    version: bdb.version,
    days: c.liteDays,
    rowsPerDay: c.liteRowsPerDay,
    retentionDays,
    tables,
    create: [],
    retention: [r],
    steady: [],
    stats,
    partman: null,
  };
}

/**
 * Runs fn while another connection appends 200 recent rows at a time to the same table, as a collector
 * would during the hourly maintenance: how long fn took, and the longest append meanwhile.
 */
async function whileWriting(
  db: Db,
  def: SeriesDef<MetricsTable>,
  now: Date,
  fn: () => Promise<unknown>,
): Promise<{ ms: number; written: number; writer: { inserts: number; longestMs: number } }> {
  let stop = false;
  let inserts = 0;
  let longestMs = 0;
  const writer = (async () => {
    while (!stop) {
      const t = performance.now();
      await appendRows({ db }, def, batch(now.getTime() - 3_600_000, 86_400, inserts, 200));
      longestMs = Math.max(longestMs, performance.now() - t);
      inserts++;
    }
  })();
  let ms: number;
  try {
    ms = (await timed(fn)).ms;
  } finally {
    stop = true;
    await writer;
  }
  return { ms, written: inserts * 200, writer: { inserts, longestMs } };
}

/** seriesStats next to a plain min()/max() of the time column, each the median of 3 (after one untimed). */
async function statsTimes(db: Db, def: SeriesDef, now: Date, c: SeriesConfig): Promise<NonNullable<SeriesRun['stats']>> {
  const probe: number[] = [];
  const naive: number[] = [];
  for (let i = 0; i < 4; i++) {
    const p = await timed(() => seriesStats({ db }, def, now));
    const n = await timed(() => db.execute(sql.raw(`SELECT min(at), max(at) FROM ${q(def.name)}`)));
    if (i === 0) continue;
    probe.push(p.ms);
    naive.push(n.ms);
  }
  const r = { probeMs: median(probe), naiveMs: median(naive) };
  c.log(`  seriesStats (oldest/newest by halving windows) ${r.probeMs.toFixed(1)} ms; SELECT min(at), max(at) ${r.naiveMs.toFixed(1)} ms`);
  return r;
}

export async function benchSeries(pgUrl: string | null, wantLite: boolean, c: SeriesConfig): Promise<SeriesRun[]> {
  const runs: SeriesRun[] = [];
  if (pgUrl) runs.push(await benchPostgres(pgUrl, c));
  if (wantLite) runs.push(await benchPglite(c));
  return runs;
}
