// The http part of the bench (bench/run.ts): per database, the scenarios (a) → (c) of lib/servers.ts under
// autocannon, (b) and (c) again alternating for the target's ratio, and (c) at 4 closed-loop clients.
import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/server/kernel/db/client.ts';
import { TOTAL_CAP } from '../../src/server/kernel/db/paged-total.ts';
import { onCleanup } from './cleanup.ts';
import { cpuProbe, postmasterOf } from './cpu.ts';
import { latency } from './latency.ts';
import { load, type Measured } from './load.ts';
import type { DbRun } from './report.ts';
import { freshDb, PEOPLE_IN_PARTY, READER, seed } from './seed.ts';
import { checkScenario, startServers, type ScenarioId } from './servers.ts';
import { signIn } from './session.ts';

/** The plan's nodes, outermost first: "Limit → Sort (name) → Seq Scan on people". */
async function plan(db: Db, query: SQL): Promise<string> {
  const rows = await queryRows<Record<string, string>>(db, sql`EXPLAIN ${query}`);
  return rows
    .map((r) => Object.values(r)[0] ?? '')
    .map((line) => /^\s*(?:->\s*)?([A-Za-z][\w ]*?(?: on \w+)?)\s*\(cost/.exec(line)?.[1])
    .filter((x): x is string => !!x)
    .join(' → ');
}

/** Runs of (b) and (c), alternating, whose medians make the target's ratio. */
const RATIO_RUNS = 3;
const RATIO_PAIR: ScenarioId[] = ['b', 'c'];
/** The run with the median requests/s (of an odd count; the lower middle of an even one). */
function medianRun(list: Measured[]): Measured {
  const sorted = [...list].sort((x, y) => x.requestsPerSecond - y.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Clients of the latency target (issue 11 point 17: p99 under 20 ms at 4 closed-loop clients). */
const CLOSED_LOOP = 4;

// The chain from (b) to (c), so that each step is measured next to the one it is compared with.
const ORDER: ScenarioId[] = ['a', 'b', 'b2', 'b3', 'c0', 'c'];

export interface HttpBenchConfig {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  log: (s: string) => void;
}

/** One database: seeded, every scenario's server started, the chain (a) → (c) measured, then the ratio's medians and the latency. */
export async function benchDatabase(baseUrl: string | null, cfg: HttpBenchConfig): Promise<DbRun> {
  const { log } = cfg;
  const secretKey = randomBytes(32);
  const bdb = await freshDb(baseUrl);
  const removeDrop = onCleanup(`${bdb.label} database`, () => bdb.drop());
  log(`\n${bdb.label}: ${bdb.version}; seeding…`);
  const t = performance.now();
  const seeded = await seed(bdb.database, secretKey);
  log(`  seeded ${PEOPLE_IN_PARTY} people in one party in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const servers = await startServers(bdb.database, secretKey, seeded.partyId);
  const removeClose = onCleanup(`${bdb.label} servers`, () => servers.close());
  const cookie = (await signIn(servers.appUrl, READER)).sid;
  const headers = { cookie };
  let postmaster: number | null = null;
  if (bdb.database.pool) {
    const pid = (await bdb.database.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    postmaster = pid === undefined ? null : postmasterOf(pid);
    if (postmaster === null) log('  (PostgreSQL is not on this machine: its CPU time is not measured)');
  }
  const probe = cpuProbe(postmaster);
  const pagePlan = await plan(bdb.database.db, sql`SELECT * FROM people WHERE party_id = ${seeded.partyId} ORDER BY name LIMIT 50`);
  const countPlan = await plan(
    bdb.database.db,
    sql`SELECT count(*) FROM (SELECT 1 FROM people WHERE party_id = ${seeded.partyId} LIMIT ${TOTAL_CAP + 1}) up_to`,
  );
  const runs = new Map<ScenarioId, Measured[]>();
  const measure = async (id: ScenarioId) => {
    const s = servers.scenarios.find((x) => x.id === id)!;
    await checkScenario(s, headers, seeded.partyId);
    const r = await load(
      {
        url: s.url,
        connections: cfg.connections,
        warmupSeconds: cfg.warmupSeconds,
        durationSeconds: cfg.durationSeconds,
        headers: s.auth ? headers : {},
      },
      probe,
    );
    runs.set(id, [...(runs.get(id) ?? []), r]);
    const db = r.cpuDbUs === null ? '' : ` + ${r.cpuDbUs.toFixed(0)} µs PostgreSQL`;
    log(
      `  ${s.label.padEnd(50)} ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p99 ${r.latencyP99Ms.toFixed(1).padStart(6)} ms  CPU/req ${r.cpuServerUs.toFixed(0)} µs Node${db}`,
    );
  };
  for (const id of ORDER) await measure(id);
  // The target's two scenarios again, alternating, so that a neighbour's burst on this shared machine
  // lands on both sides of the ratio: each is the median of its RATIO_RUNS runs.
  for (let i = 1; i < RATIO_RUNS; i++) for (const id of RATIO_PAIR) await measure(id);
  const results = new Map<ScenarioId, Measured>();
  for (const [id, list] of runs) results.set(id, medianRun(list));
  // The latency target: (c) answered to CLOSED_LOOP clients that each wait for their answer.
  const c = servers.scenarios.find((x) => x.id === 'c')!;
  const closedLoop = await latency({
    url: c.url,
    headers,
    connections: CLOSED_LOOP,
    warmupSeconds: cfg.warmupSeconds,
    durationSeconds: cfg.durationSeconds,
  });
  log(
    `  (c) at ${CLOSED_LOOP} closed-loop clients: p50 ${closedLoop.p50Ms.toFixed(1)} ms, p99 ${closedLoop.p99Ms.toFixed(1)} ms, ${closedLoop.perSecond.toFixed(0)} req/s`,
  );
  await servers.close();
  removeClose();
  await bdb.drop();
  removeDrop();
  return { label: bdb.label, version: bdb.version, results, pagePlan, countPlan, closedLoop };
}
