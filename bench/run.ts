// `npm run bench`: cold start and idle memory of the embedded start, then throughput at 50
// connections of (a) bare Fastify, (b) a bare 50-row query, (c) the real authenticated list endpoint,
// on PostgreSQL and on PGlite. Prints a table and writes docs/performance.md (issue 2).
//
// PostgreSQL: a new database on BENCH_DATABASE_URL or TEST_DATABASE_URL; neither set, a throwaway
// cluster (scripts/lib/pgcluster.mjs), stopped at the end.
// Knobs: BENCH_CONNECTIONS (50), BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_COLD_START=0 skips
// the cold start, BENCH_ONLY=postgresql|pglite runs one database (partial runs leave the doc alone).
//
// Then the service desk at scale (bench/desk.ts): 1,000,000 tickets on PostgreSQL, 100,000 on PGlite.
// `npm run bench -- --only=desk` runs only that part (and rewrites only its section of the doc),
// `--only=http` only the part before it. Knobs: BENCH_DESK_PG_TICKETS (1000000), BENCH_DESK_PG_OPEN
// (100000), BENCH_DESK_LITE_TICKETS (100000), BENCH_DESK_LITE_OPEN (10000), BENCH_DESK_LITE_SLA_OPEN
// (100000), BENCH_DESK_CLIENTS (4), BENCH_DESK_WRITERS (8), BENCH_DESK_DURATION (6 s),
// BENCH_DESK_WARMUP (2 s).
//
// Then the asset register at scale (bench/assets.ts): 50,000 assets on PostgreSQL and on PGlite, the
// filtered and searched lists, and a 10,000-row Excel import. `--only=assets` runs only that part
// (and rewrites only its section). Knobs: BENCH_ASSETS_PG (50000), BENCH_ASSETS_LITE (50000),
// BENCH_ASSETS_IMPORT_ROWS (10000), BENCH_ASSETS_LITE_IMPORT (1; 0 skips the import on PGlite),
// BENCH_ASSETS_CLIENTS (4), BENCH_ASSETS_DURATION (6 s), BENCH_ASSETS_WARMUP (2 s).
//
// Then the time-series helper (bench/timeseries.ts): partitioned vs plain vs pg_partman on PostgreSQL,
// BRIN vs b-tree on PGlite. `--only=series` runs only that part. Knobs: BENCH_SERIES_PG_DAYS (14),
// BENCH_SERIES_PG_ROWS_PER_DAY (100000), BENCH_SERIES_LITE_DAYS (14), BENCH_SERIES_LITE_ROWS_PER_DAY
// (25000), BENCH_SERIES_BATCH (2000), BENCH_SERIES_QUERIES (15).
//
// Then network operations (bench/network.ts): configuration backup of many devices from a real sshd,
// against OpenSSH's ssh client fetching the same. `--only=network`. Knobs: BENCH_NET_DEVICES (200),
// BENCH_NET_CONCURRENCY (8), BENCH_NET_CONFIG_LINES (2000).
//
// Then SNMP polling (bench/snmp.ts): the product's SNMP collector polling recorded switches on one
// snmpsim and storing the samples, against Debian's snmpbulkwalk walking the same. `--only=snmp`.
// Knobs: BENCH_SNMP_DEVICES (20), BENCH_SNMP_INTERFACES (100), BENCH_SNMP_ROUNDS (3),
// BENCH_SNMP_CONCURRENCY (4), BENCH_SNMP_LARGE (1700 ports in one device, past the former cap; 0 skips it).
//
// Then the monitoring charts (bench/metrics.ts): a year of 5-minute interface rollups loaded on
// PostgreSQL, then the product's 30-day chart of random interfaces. `--only=metrics`. Knobs:
// BENCH_METRICS_INTERFACES (200; 5000 for the issue's full size), BENCH_METRICS_DAYS (365),
// BENCH_METRICS_QUERIES (200). BENCH_METRICS_MODE=hourly (with --only=metrics): the issue's 5,000
// interfaces, a year of hourly rollups and BENCH_METRICS_RECENT_DAYS (3) of 5-minute ones (own section).
import { cpus } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cleanupAll, onCleanup, onExitSync } from './lib/cleanup.ts';
import { measureColdStart, type ColdStartResult } from './lib/coldstart.ts';
import { SCENARIOS } from './lib/servers.ts';
import * as prettier from 'prettier';
import { render, type DbRun } from './lib/report.ts';
import { benchDatabase } from './lib/http-db.ts';
import { benchDesk, type DeskConfig, type DeskRun } from './desk.ts';
import { DESK_BEGIN, DESK_END, renderDesk } from './lib/desk-report.ts';
import { benchAssets, type AssetsConfig, type AssetsRun } from './assets.ts';
import { ASSETS_BEGIN, ASSETS_END, renderAssets } from './lib/assets-report.ts';
import { benchSeries, type SeriesConfig, type SeriesRun } from './timeseries.ts';
import { SERIES_BEGIN, SERIES_END, renderSeries } from './lib/series-report.ts';
import { NETWORK_BEGIN, NETWORK_END, benchNetwork, renderNetwork, type NetworkConfig } from './network.ts';
import { SNMP_BEGIN, SNMP_END, benchSnmp, renderSnmp, type SnmpConfig } from './snmp.ts';
import { METRICS_BEGIN, METRICS_END, benchMetrics, metricsMarkers, renderMetrics, type MetricsConfig } from './metrics.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The product's Node (the npm package node@24), as `npm start` runs it.
const NODE = existsSync(join(ROOT, 'node_modules/.bin/node')) ? join(ROOT, 'node_modules/.bin/node') : process.execPath;
// BENCH_LIMIT_MIN: the watchdog's minutes (a full-size metrics run on a busy machine needs more than 25).
const TOTAL_LIMIT_MS = (Number(process.env.BENCH_LIMIT_MIN) || 25) * 60_000;

function intEnv(name: string, dflt: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${v}"`);
  return n;
}

const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 50);
const DURATION = intEnv('BENCH_DURATION', 10);
const WARMUP = intEnv('BENCH_WARMUP', 2);
const COLD_START = process.env.BENCH_COLD_START !== '0';
const ONLY = process.env.BENCH_ONLY?.toLowerCase();
/** `--only=desk` / `--only=http`: one part of the bench. */
const PART = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const PARTS = ['desk', 'http', 'assets', 'series', 'network', 'snmp', 'metrics'];
if (PART !== undefined && !PARTS.includes(PART))
  throw new Error(`--only=${PART}: expected one of ${PARTS.map((p) => `--only=${p}`).join(', ')}`);
const NETWORK: Omit<NetworkConfig, 'log'> = {
  devices: intEnv('BENCH_NET_DEVICES', 200),
  concurrency: intEnv('BENCH_NET_CONCURRENCY', 8),
  configLines: intEnv('BENCH_NET_CONFIG_LINES', 2000),
};
const SNMP: Omit<SnmpConfig, 'log'> = {
  devices: intEnv('BENCH_SNMP_DEVICES', 20),
  interfaces: intEnv('BENCH_SNMP_INTERFACES', 100),
  rounds: intEnv('BENCH_SNMP_ROUNDS', 3),
  concurrency: intEnv('BENCH_SNMP_CONCURRENCY', 4),
  large: intEnv('BENCH_SNMP_LARGE', 1700),
};
const METRICS_MODE = process.env.BENCH_METRICS_MODE || 'full';
if (METRICS_MODE !== 'full' && METRICS_MODE !== 'hourly')
  throw new Error(`BENCH_METRICS_MODE must be "full" or "hourly", got "${METRICS_MODE}"`);
const METRICS: Omit<MetricsConfig, 'log'> = {
  mode: METRICS_MODE,
  interfaces: intEnv('BENCH_METRICS_INTERFACES', METRICS_MODE === 'hourly' ? 5000 : 200),
  days: intEnv('BENCH_METRICS_DAYS', 365),
  queries: intEnv('BENCH_METRICS_QUERIES', 200),
  recentDays: intEnv('BENCH_METRICS_RECENT_DAYS', 3),
};
const DESK: Omit<DeskConfig, 'log'> = {
  readConnections: intEnv('BENCH_DESK_CLIENTS', 4),
  writeConnections: intEnv('BENCH_DESK_WRITERS', 8),
  warmupSeconds: intEnv('BENCH_DESK_WARMUP', 2),
  durationSeconds: intEnv('BENCH_DESK_DURATION', 6),
  pgTickets: intEnv('BENCH_DESK_PG_TICKETS', 1_000_000),
  pgOpen: intEnv('BENCH_DESK_PG_OPEN', 100_000),
  liteTickets: intEnv('BENCH_DESK_LITE_TICKETS', 100_000),
  liteOpen: intEnv('BENCH_DESK_LITE_OPEN', 10_000),
  liteSlaOpen: intEnv('BENCH_DESK_LITE_SLA_OPEN', 100_000),
};

const ASSETS: Omit<AssetsConfig, 'log'> = {
  connections: intEnv('BENCH_ASSETS_CLIENTS', 4),
  warmupSeconds: intEnv('BENCH_ASSETS_WARMUP', 2),
  durationSeconds: intEnv('BENCH_ASSETS_DURATION', 6),
  pgAssets: intEnv('BENCH_ASSETS_PG', 50_000),
  liteAssets: intEnv('BENCH_ASSETS_LITE', 50_000),
  importRows: intEnv('BENCH_ASSETS_IMPORT_ROWS', 10_000),
  liteImport: process.env.BENCH_ASSETS_LITE_IMPORT !== '0',
};

const SERIES: Omit<SeriesConfig, 'log'> = {
  pgDays: intEnv('BENCH_SERIES_PG_DAYS', 14),
  pgRowsPerDay: intEnv('BENCH_SERIES_PG_ROWS_PER_DAY', 100_000),
  liteDays: intEnv('BENCH_SERIES_LITE_DAYS', 14),
  liteRowsPerDay: intEnv('BENCH_SERIES_LITE_ROWS_PER_DAY', 25_000),
  batchSize: intEnv('BENCH_SERIES_BATCH', 2000),
  queryRuns: intEnv('BENCH_SERIES_QUERIES', 15),
};

/** The text between a section's markers (markers included), or null. */
function section(text: string, begin: string, end: string): string | null {
  const at = text.indexOf(begin);
  const to = text.indexOf(end);
  return at >= 0 && to > at ? text.slice(at, to + end.length) : null;
}

/** `text` with its section replaced by `next` (or `next` appended when it has none). */
function withSection(text: string, old: string | null, next: string): string {
  return old ? text.replace(old, () => next) : `${text.trimEnd()}\n\n${next}\n`;
}

const log = (s: string) => process.stdout.write(`${s}\n`);
const HTTP = { connections: CONNECTIONS, warmupSeconds: WARMUP, durationSeconds: DURATION, log };

/** Writes the doc as Prettier formats it, so `prettier --check .` (npm test) holds after a bench run. */
async function writeDoc(file: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

interface PgCluster {
  url: string;
  stop(): void;
}
interface PgClusterModule {
  startThrowawayCluster(): Promise<PgCluster>;
}

/** The PostgreSQL server to create the bench database on. */
async function postgresUrl(): Promise<string> {
  const given = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (given) {
    log(`PostgreSQL: ${given.replace(/\/\/[^@/]*@/, '//…@')} (from the environment)`);
    return given;
  }
  // Plain .mjs without type declarations: imported by URL and typed here.
  const spec = pathToFileURL(join(ROOT, 'scripts/lib/pgcluster.mjs')).href;
  const mod = (await import(spec)) as PgClusterModule;
  log('PostgreSQL: starting a throwaway cluster…');
  const cluster = await mod.startThrowawayCluster();
  const removeSync = onExitSync('PostgreSQL cluster', () => cluster.stop());
  onCleanup('PostgreSQL cluster', async () => {
    cluster.stop();
    removeSync();
  });
  log(`PostgreSQL: throwaway cluster at ${cluster.url}`);
  return cluster.url;
}

async function main(): Promise<number> {
  const started = performance.now();
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: still running after ${TOTAL_LIMIT_MS / 60_000} min, giving up\n`);
    process.exit(1); // the 'exit' clean-ups kill children and remove temp dirs
  }, TOTAL_LIMIT_MS);
  watchdog.unref();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`;
  log(`Yunwei bench: ${machine}, Node ${process.version}, ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per run`);
  try {
    const wantPg = ONLY === undefined || ONLY === 'postgresql' || ONLY === 'postgres';
    const wantLite = ONLY === undefined || ONLY === 'pglite';
    const pgUrl = wantPg ? await postgresUrl() : null;

    const file = join(ROOT, 'docs/performance.md');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const oldDesk = section(current, DESK_BEGIN, DESK_END);
    const oldAssets = section(current, ASSETS_BEGIN, ASSETS_END);
    const oldSeries = section(current, SERIES_BEGIN, SERIES_END);
    const oldNetwork = section(current, NETWORK_BEGIN, NETWORK_END);
    const oldSnmp = section(current, SNMP_BEGIN, SNMP_END);
    const oldMetrics = section(current, METRICS_BEGIN, METRICS_END);
    // The hourly mode (the issue's 5,000 interfaces) has its own section, after the full mode's.
    const oldMetricsHourly = section(current, ...metricsMarkers('hourly'));

    let deskMd: string | null = null;
    const runDesk = async () => {
      const t0 = performance.now();
      const deskRuns: DeskRun[] = await benchDesk(pgUrl, wantLite, { ...DESK, log });
      const d = renderDesk(deskRuns, { ...DESK, log }, new Date(), (performance.now() - t0) / 1000);
      log(d.text);
      return deskRuns.length === 2 ? d.markdown : null;
    };
    let assetsMd: string | null = null;
    const runAssets = async () => {
      const t0 = performance.now();
      const assetRuns: AssetsRun[] = await benchAssets(pgUrl, wantLite, { ...ASSETS, log });
      const a = renderAssets(assetRuns, { ...ASSETS, log }, new Date(), (performance.now() - t0) / 1000);
      log(a.text);
      return assetRuns.length === 2 ? a.markdown : null;
    };
    let seriesMd: string | null = null;
    const runSeries = async () => {
      const t0 = performance.now();
      const seriesRuns: SeriesRun[] = await benchSeries(pgUrl, wantLite, { ...SERIES, log });
      const s = renderSeries(seriesRuns, { ...SERIES, log }, new Date(), (performance.now() - t0) / 1000);
      log(s.text);
      return seriesRuns.length === 2 ? s.markdown : null;
    };
    let networkMd: string | null = null;
    const runNetwork = async () => {
      const runs = await benchNetwork(pgUrl, wantLite, { ...NETWORK, log });
      const n = renderNetwork(runs, { ...NETWORK, log }, new Date());
      log(n.text);
      return runs.length === 2 ? n.markdown : null;
    };
    let snmpMd: string | null = null;
    const runSnmp = async () => {
      const res = await benchSnmp(pgUrl, wantLite, { ...SNMP, log });
      const n = renderSnmp(res, { ...SNMP, log }, new Date());
      log(n.text);
      return res.runs.length === 2 ? n.markdown : null;
    };
    let metricsMd: string | null = null;
    const runMetrics = async () => {
      const res = pgUrl ? await benchMetrics(pgUrl, { ...METRICS, log }) : null;
      const n = res ? renderMetrics(res, { ...METRICS, log }, new Date()) : null;
      if (n) log(n.text);
      return n?.markdown ?? null;
    };
    /** One part alone: its section of the doc rewritten, the rest left as it was. */
    const onePart = async (name: string, run: () => Promise<string | null>, old: string | null) => {
      const md = await run();
      if (md) {
        await writeDoc(file, withSection(current, old, md));
        log(`${name} section written to ${file} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
      } else log(`A partial run (BENCH_ONLY): ${file} left as it was.`);
      return 0;
    };
    if (PART === 'assets') return await onePart('Assets', runAssets, oldAssets);
    if (PART === 'desk') return await onePart('Desk', runDesk, oldDesk);
    if (PART === 'series') return await onePart('Series', runSeries, oldSeries);
    if (PART === 'network') return await onePart('Network', runNetwork, oldNetwork);
    if (PART === 'snmp') return await onePart('SNMP', runSnmp, oldSnmp);
    if (PART === 'metrics') return await onePart('Metrics', runMetrics, METRICS.mode === 'hourly' ? oldMetricsHourly : oldMetrics);

    let coldStart: ColdStartResult | null = null;
    if (COLD_START) {
      log('\nCold start (embedded, npm start):');
      coldStart = await measureColdStart({ root: ROOT, node: NODE, restarts: 3, idleWaitMs: 5000, log });
    }

    const runs: DbRun[] = [];
    if (pgUrl) runs.push(await benchDatabase(pgUrl, HTTP));
    if (wantLite) runs.push(await benchDatabase(null, HTTP));
    if (PART !== 'http') deskMd = await runDesk();
    if (PART !== 'http') assetsMd = await runAssets();
    if (PART !== 'http') seriesMd = await runSeries();
    if (PART !== 'http') networkMd = await runNetwork();
    if (PART !== 'http') snmpMd = await runSnmp();
    if (PART !== 'http' && METRICS.mode === 'full') metricsMd = await runMetrics();

    const out = render({
      date: new Date(),
      machine,
      node: process.version,
      connections: CONNECTIONS,
      warmupSeconds: WARMUP,
      durationSeconds: DURATION,
      coldStart,
      scenarios: [...SCENARIOS],
      runs,
      elapsedSeconds: (performance.now() - started) / 1000,
    });
    log(out.text);
    if (coldStart && runs.length === 2) {
      mkdirSync(dirname(file), { recursive: true });
      // A run without the desk, assets or series part keeps the section of the last run that had it.
      const parts = [
        deskMd ?? oldDesk,
        assetsMd ?? oldAssets,
        seriesMd ?? oldSeries,
        networkMd ?? oldNetwork,
        snmpMd ?? oldSnmp,
        metricsMd ?? oldMetrics,
      ].filter((x): x is string => !!x);
      // What follows the last section of this run (the other benches' sections and their notes) is kept.
      const end = current.indexOf(METRICS_END);
      const tail = end >= 0 ? current.slice(end + METRICS_END.length) : '';
      await writeDoc(file, out.markdown + (parts.length ? `\n${parts.join('\n\n')}` : '') + (tail.trim() ? tail : '\n'));
      log(`Written to ${file}`);
    } else log(`A partial run (BENCH_ONLY / BENCH_COLD_START=0): ${file} left as it was.`);
    return 0;
  } catch (e) {
    process.stderr.write(`\nbench FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  } finally {
    clearTimeout(watchdog);
    await cleanupAll();
  }
}

process.exit(await main());
