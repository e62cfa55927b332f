// SNMP polling measured (issue 12, "Speed": 100,000 interface counters a minute at under 20% of one
// core, against `snmpbulkwalk` fetching the same OIDs from the same agents). One snmpsim process on
// 127.0.0.1 answers BENCH_SNMP_DEVICES recorded switches of BENCH_SNMP_INTERFACES ports each (one
// community per device; test/agents.ts switchRecords: sysUpTime, sysName, ifNumber and the IF-MIB
// columns the poller walks, nothing else). The product registers them (createDevice: sealed
// community, first poll at once) and then runs BENCH_SNMP_ROUNDS rounds of its SNMP collector a
// minute apart on its clock (the collector's targets, pollSnmp over net-snmp GETBULK, writeSnmp into
// the database in batches of the sink's size, BENCH_SNMP_CONCURRENCY polls at once): the CPU of this
// process over those rounds (on PostgreSQL the server's own CPU is not counted; on PGlite the
// database runs in this process and is). Beside it, in the same run, Debian's `snmpbulkwalk` walks
// mib-2 of each device once per round, the same OIDs from the same agent, as many at once: the CPU of
// those child processes is the reference. The agent's own CPU counts in neither.
// A counter is one of the six an interface keeps (octets, errors, discards; in and out).
// Then one large device (BENCH_SNMP_LARGE ports) polled once: the poll's GETBULK budget grows with
// its ifNumber (snmp.ts requestBudget); with the former fixed 400 requests it stopped near 1,596.
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/kernel/db/client.ts';
import { settleFirstPolls, setSnmpLimits, snmpCollector } from '../src/server/modules/monitoring/collectors.ts';
import { createDevice } from '../src/server/modules/monitoring/devices.ts';
import { pollSnmp, SNMP_LIMITS, requestBudget } from '../src/server/modules/monitoring/snmp.ts';
import { startSnmpsimDevices, switchRecords, type Simulator } from '../src/server/modules/monitoring/test/agents.ts';
import { round } from '../src/server/modules/monitoring/test/round.ts';
import { childrenCpuSeconds } from './lib/cpu.ts';
import { monitoringDb } from './lib/mon-db.ts';
import { table } from './lib/report.ts';
import { inBatches } from './network.ts';

export const SNMP_BEGIN = '<!-- bench:snmp:begin -->';
export const SNMP_END = '<!-- bench:snmp:end -->';
/** Counters an interface keeps: in/out octets, errors, discards. */
const COUNTERS_PER_IF = 6;
const TARGET_PER_MINUTE = 100_000;

export interface SnmpConfig {
  devices: number;
  interfaces: number;
  rounds: number;
  concurrency: number;
  large: number;
  log: (s: string) => void;
}

export interface SnmpRun {
  label: string;
  /** Successful device polls over the measured rounds, of devices × rounds. */
  polledOk: number;
  /** Interface samples stored over the measured rounds. */
  samples: number;
  cpuSeconds: number;
  wallSeconds: number;
}

export interface SnmpReference {
  varbinds: number;
  cpuSeconds: number;
  wallSeconds: number;
}

export interface LargeDevice {
  ports: number;
  interfaces: number;
  state: string;
  budget: number;
  cpuSeconds: number;
}

export interface SnmpResults {
  runs: SnmpRun[];
  reference: SnmpReference;
  large: LargeDevice | null;
}

const community = (i: number) => `bench-sw-${i}`;
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function oneDatabase(url: string | null, cfg: SnmpConfig, sim: Simulator): Promise<SnmpRun> {
  const m = await monitoringDb(url);
  try {
    for (let i = 0; i < cfg.devices; i++)
      await createDevice(m.ctx, {
        name: `bench-sw-${i}`,
        address: '127.0.0.1',
        snmp: { version: '2c', community: community(i), port: sim.port },
        icmp: false,
        intervalSec: 60,
        serviceLine: 'NET',
      });
    await settleFirstPolls(); // the first polls: every interface's baseline
    cfg.log(`  ${m.bench.label}: ${cfg.devices} devices registered and polled once; ${cfg.rounds} rounds…`);
    const [before] = await queryRows<{ n: number }>(m.ctx.db, sql`SELECT count(*)::int AS n FROM mon_if_samples`);
    let polledOk = 0;
    let cpuSeconds = 0;
    const t0 = performance.now();
    for (let r = 0; r < cfg.rounds; r++) {
      m.advance(60_000);
      const c0 = cpuNow();
      const n = await round(m.ctx, snmpCollector, { concurrency: cfg.concurrency, batchSize: snmpCollector.sink.batchSize ?? 100 });
      cpuSeconds += cpuNow() - c0;
      if (n !== cfg.devices) throw new Error(`round ${r}: ${n} devices due, expected ${cfg.devices}`);
      const [ok] = await queryRows<{ n: number }>(
        m.ctx.db,
        sql`SELECT count(*)::int AS n FROM mon_devices WHERE snmp_state = 'ok' AND snmp_at = ${m.ctx.now().toISOString()}`,
      );
      polledOk += ok?.n ?? 0;
    }
    const wallSeconds = (performance.now() - t0) / 1000;
    const [after] = await queryRows<{ n: number }>(m.ctx.db, sql`SELECT count(*)::int AS n FROM mon_if_samples`);
    return { label: m.bench.label, polledOk, samples: (after?.n ?? 0) - (before?.n ?? 0), cpuSeconds, wallSeconds };
  } finally {
    await m.bench.drop();
  }
}

/** `snmpbulkwalk` of mib-2 of one device; resolves with the number of values it printed. */
function bulkwalk(port: number, c: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'snmpbulkwalk',
      ['-v2c', '-c', c, '-Cr56', '-t', '10', '-r', '1', '-On', '-Oq', `127.0.0.1:${port}`, '1.3.6.1.2.1'],
      { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, MIBS: '' } },
    );
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`snmpbulkwalk exited ${code}`));
      // The last answer's repetitions past the end print as "No more variables left…": not values.
      const lines = Buffer.concat(out).toString('utf8').split('\n');
      resolve(lines.filter((l) => l.startsWith('.') && !l.includes('No more variables')).length);
    });
  });
}

async function reference(cfg: SnmpConfig, sim: Simulator): Promise<SnmpReference> {
  let varbinds = 0;
  const c0 = childrenCpuSeconds();
  const t0 = performance.now();
  for (let r = 0; r < cfg.rounds; r++)
    await inBatches(cfg.devices, cfg.concurrency, async (i) => {
      const n = await bulkwalk(sim.port, community(i));
      varbinds += n;
    });
  return { varbinds, cpuSeconds: childrenCpuSeconds() - c0, wallSeconds: (performance.now() - t0) / 1000 };
}

async function largeDevice(ports: number): Promise<LargeDevice> {
  const sim = await startSnmpsimDevices(new Map([['bench-large', switchRecords('bench-large', ports)]]));
  try {
    const c0 = cpuNow();
    const limits = { ...SNMP_LIMITS, timeoutMs: 10_000 };
    const r = await pollSnmp(
      { address: '127.0.0.1', port: sim.port, version: '2c', community: 'bench-large' },
      new AbortController().signal,
      limits,
    );
    return {
      ports,
      interfaces: r.ok ? r.interfaces.length : 0,
      state: r.ok ? 'ok' : `${r.state}: ${r.error}`,
      budget: requestBudget(limits, ports),
      cpuSeconds: cpuNow() - c0,
    };
  } finally {
    await sim.stop();
  }
}

export async function benchSnmp(pgUrl: string | null, wantLite: boolean, cfg: SnmpConfig): Promise<SnmpResults> {
  cfg.log(
    `\nSNMP polling: ${cfg.devices} devices × ${cfg.interfaces} interfaces (snmpsim), ${cfg.rounds} rounds, ${cfg.concurrency} polls at once`,
  );
  // snmpsim answers one request at a time on a shared machine: a patient timeout, so nothing is retried.
  setSnmpLimits({ timeoutMs: 10_000, retries: 0 });
  let large: LargeDevice | null = null;
  if (cfg.large > 0) {
    cfg.log(`  one device of ${cfg.large} ports…`);
    large = await largeDevice(cfg.large);
  }
  const sim = await startSnmpsimDevices(
    new Map(Array.from({ length: cfg.devices }, (_, i) => [community(i), switchRecords(community(i), cfg.interfaces)])),
  );
  try {
    const runs: SnmpRun[] = [];
    if (pgUrl) runs.push(await oneDatabase(pgUrl, cfg, sim));
    if (wantLite) runs.push(await oneDatabase(null, cfg, sim));
    cfg.log('  snmpbulkwalk of the same agents…');
    const ref = await reference(cfg, sim);
    await sim.stop();
    return { runs, reference: ref, large };
  } finally {
    setSnmpLimits({});
    await sim.stop();
  }
}

export function renderSnmp(res: SnmpResults, cfg: SnmpConfig, date: Date): { markdown: string; text: string } {
  const counters = cfg.devices * cfg.interfaces * cfg.rounds * COUNTERS_PER_IF;
  const perCore = (cpu: number) => (counters * 60) / cpu;
  const share = (cpu: number) => `${((100 * TARGET_PER_MINUTE) / perCore(cpu)).toFixed(1)}%`;
  const refPerCounter = res.reference.cpuSeconds / counters;
  const rows = [
    [
      'poller',
      'polls ok',
      'samples stored',
      'wall s',
      'CPU µs/counter',
      'counters/min on one core',
      '% of a core at 100,000/min',
      '× snmpbulkwalk CPU',
    ],
    ...res.runs.map((r) => [
      `Yunwei on ${r.label}`,
      `${r.polledOk}/${cfg.devices * cfg.rounds}`,
      r.samples.toLocaleString('en'),
      r.wallSeconds.toFixed(1),
      ((r.cpuSeconds * 1e6) / counters).toFixed(2),
      Math.round(perCore(r.cpuSeconds)).toLocaleString('en'),
      share(r.cpuSeconds),
      (r.cpuSeconds / res.reference.cpuSeconds).toFixed(2),
    ]),
    [
      '`snmpbulkwalk` (fetch only)',
      `${res.reference.varbinds.toLocaleString('en')} values`,
      '—',
      res.reference.wallSeconds.toFixed(1),
      (refPerCounter * 1e6).toFixed(2),
      Math.round(perCore(res.reference.cpuSeconds)).toLocaleString('en'),
      share(res.reference.cpuSeconds),
      '1.00',
    ],
  ];
  const t = table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);
  const l = res.large;
  const large = l
    ? `\n\n**A large device:** one switch of ${l.ports.toLocaleString('en')} ports polled once: ${l.interfaces.toLocaleString('en')} ` +
      `interfaces returned (${l.state}), ${l.cpuSeconds.toFixed(2)} s CPU. The poll's GETBULK budget is now the fixed ` +
      `${SNMP_LIMITS.maxRequests} requests plus what the device's ifNumber calls for (${l.budget} here); before, a fixed ` +
      `${SNMP_LIMITS.maxRequests} (4 rows of the 14 columns an answer) stopped any device of more than about 1,596 ports as "garbage".`
    : '';
  const head =
    `## SNMP polling (issue 12)\n\n_${date.toISOString().slice(0, 10)}: \`npm run bench -- --only=snmp\`; ${cfg.devices} recorded ` +
    `switches of ${cfg.interfaces} ports on one snmpsim (127.0.0.1), ${cfg.rounds} rounds of the product's SNMP collector ` +
    `(pollSnmp over net-snmp GETBULK, writeSnmp into the database, ${cfg.concurrency} polls at once) after a first poll; ` +
    `beside it Debian's \`snmpbulkwalk\` walking mib-2 of each device as often (the same OIDs: the data holds only what a poll ` +
    `reads). A counter is one of the six an interface keeps (octets, errors, discards; in and out): ` +
    `${counters.toLocaleString('en')} per run. CPU is the product's process (on PostgreSQL the server's own CPU is not counted; ` +
    `PGlite runs inside the process) against the \`snmpbulkwalk\` processes'; the agent's counts in neither. ` +
    `Target: 100,000 counters a minute at under 20% of one core. Knobs: BENCH_SNMP_DEVICES, BENCH_SNMP_INTERFACES, ` +
    `BENCH_SNMP_ROUNDS, BENCH_SNMP_CONCURRENCY, BENCH_SNMP_LARGE._\n\n`;
  return { markdown: `${SNMP_BEGIN}\n${head}${t.md}${large}\n${SNMP_END}`, text: `${t.text}${large.replace(/\*\*/g, '')}` };
}
