// Security event ingest at load (issue 13, "Speed": receive, parse, normalise, merge, persist to
// PostgreSQL; rsyslog writing the same stream to a file as the reference ratio; a 10× burst with no TCP
// loss; memory bounded). Not part of `npm run bench` (run.ts is at its size limit); run it alone:
//   node --v8-pool-size=1 bench/ingest.ts
// PostgreSQL: a new database on BENCH_DATABASE_URL or TEST_DATABASE_URL (required), dropped at the end.
// The product's syslog receiver (events/receiver.ts) runs in this process under the collector runtime,
// with its disk spool, on a free port of 127.0.0.1; syslog-ng's loggen sends a file of realistic
// device lines (bench/lib/ingest-peers.ts) over BENCH_INGEST_CONNECTIONS TCP connections.
//  1. Capacity: BENCH_INGEST_EVENTS lines as fast as loggen sends; events/s from loggen's start until
//     the last is persisted (sum of the merged counts), CPU of this process (the receiver, parsing,
//     spool, writer) and of the PostgreSQL server (when local: a shared server counts its other users).
//  2. Reference: rsyslogd with only imtcp and omfile, the same loggen run; lines/s until all are in the file.
//  3. Burst: a steady rate (a tenth of the measured capacity, at least 100/s per connection) for
//     BENCH_INGEST_STEADY_S, then ten times that for BENCH_INGEST_BURST_S (the issue's 60 s; default
//     20), then the steady rate again; sent (loggen's own count) against stored once drained, and how
//     long the drain took. When the capacity is low, the burst is above it: the spool takes the excess.
//  4. Spool: the kernel spool alone appending the same rows in the sink's batches (fsync'd each).
// Peak RSS of this process is sampled every 100 ms throughout. Writes its section of docs/performance.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/server/kernel/db/client.ts';
import { encodeRow, Spool } from '../src/server/kernel/collectors/spool.ts';
import { startTestCollectors } from '../src/server/kernel/collectors/test-doubles.ts';
import { normalise } from '../src/server/modules/events/normalise.ts';
import { syslogCollector } from '../src/server/modules/events/receiver.ts';
import { loggen } from '../src/server/modules/events/test/loggen.ts';
import { freePort } from '../src/server/modules/events/test/senders.ts';
import { cpuProbe, dbDelta, postmasterOf } from './lib/cpu.ts';
import { linesFile, procCpuSeconds, startRsyslog } from './lib/ingest-peers.ts';
import { monitoringDb } from './lib/mon-db.ts';

const int = (name: string, d: number) => (process.env[name] ? Number(process.env[name]) : d);
const EVENTS = int('BENCH_INGEST_EVENTS', 200_000);
const CONNS = int('BENCH_INGEST_CONNECTIONS', 4);
const STEADY_S = int('BENCH_INGEST_STEADY_S', 5);
const BURST_S = int('BENCH_INGEST_BURST_S', 20);
const BEGIN = '<!-- bench:ingest:begin -->';
const END = '<!-- bench:ingest:end -->';
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL or TEST_DATABASE_URL: a PostgreSQL server to create the bench database on');

let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), 'yw-ingest-'));
const file = await linesFile(dir, 10_000);
const m = await monitoringDb(url);
const out: string[] = [];
try {
  const stored = async () =>
    (await queryRows<{ n: number }>(m.ctx.db, sql`SELECT coalesce(sum(count), 0)::bigint AS n FROM evt_events`)).map((r) =>
      Number(r.n),
    )[0]!;
  const until = async (check: () => Promise<boolean>, ms: number) => {
    const t0 = performance.now();
    let said = t0;
    while (!(await check())) {
      if (performance.now() - t0 > ms) return false;
      if (performance.now() - said > 5000) {
        said = performance.now();
        console.log(`    … ${fmt(await stored())} stored after ${((said - t0) / 1000).toFixed(0)} s`);
      }
      await sleep(100);
    }
    return true;
  };
  const [{ pid }] = (await queryRows<{ pid: number }>(m.ctx.db, sql`SELECT pg_backend_pid() AS pid`)) as [{ pid: number }];
  const postmaster = postmasterOf(pid);
  const probe = cpuProbe(postmaster);
  const port = await freePort();
  const rt = await startTestCollectors(m.bench.database, 'bench-ingest', [syslogCollector], {
    site: { dataDir: join(dir, 'data'), syslog: { host: '127.0.0.1', port } },
  });
  const rssIdle = process.memoryUsage().rss;
  const perConn = Math.ceil(EVENTS / CONNS);

  // 1. Capacity.
  console.log(`capacity: ${fmt(perConn * CONNS)} lines on ${CONNS} connections…`);
  const c0 = probe();
  let t0 = performance.now();
  const sentA = (await loggen(port, { count: perConn, connections: CONNS, file })).sent;
  const sendS = (performance.now() - t0) / 1000;
  const drained = await until(async () => (await stored()) >= sentA, 600_000);
  const wallA = (performance.now() - t0) / 1000;
  const c1 = probe();
  const storedA = await stored();
  const rate = sentA / wallA;
  const selfCpu = (c1.selfUs - c0.selfUs) / 1e6;
  const dbCpu = dbDelta(c0, c1);
  console.log(
    `  ${fmt(rate)} events/s (${drained ? 'all' : 'NOT all'} stored: ${fmt(storedA)} of ${fmt(sentA)}), CPU ${selfCpu.toFixed(1)} s`,
  );

  // 2. rsyslog, same stream.
  const rport = await freePort();
  const rs = await startRsyslog(dir, rport);
  const r0 = await procCpuSeconds(rs.proc.pid!);
  t0 = performance.now();
  const sentR = (await loggen(rport, { count: perConn, connections: CONNS, file })).sent;
  await until(async () => (await rs.lines()) >= sentR, 300_000);
  const wallR = (performance.now() - t0) / 1000;
  const rsCpu = (await procCpuSeconds(rs.proc.pid!)) - r0;
  const rsLines = await rs.lines();
  await rs.stop();
  const rateR = sentR / wallR;
  console.log(`  rsyslog: ${fmt(rateR)} lines/s, CPU ${rsCpu.toFixed(1)} s`);

  // 3. Burst: a tenth of capacity, ten times that, a tenth again.
  const base = Math.max(100, Math.floor(rate / 10 / CONNS));
  console.log(`burst: ${fmt(base * CONNS)}/s for ${STEADY_S} s, ${fmt(base * CONNS * 10)}/s for ${BURST_S} s, then ${STEADY_S} s…`);
  const before = await stored();
  peakRss = 0;
  let sentB = 0;
  sentB += (await loggen(port, { seconds: STEADY_S, rate: base, connections: CONNS, file })).sent;
  const burst = await loggen(port, { seconds: BURST_S, rate: base * 10, connections: CONNS, file });
  sentB += burst.sent;
  const burstEnd = performance.now();
  sentB += (await loggen(port, { seconds: STEADY_S, rate: base, connections: CONNS, file })).sent;
  const drainedB = await until(async () => (await stored()) - before >= sentB, 300_000);
  const drainS = (performance.now() - burstEnd) / 1000 - STEADY_S;
  await sleep(2000);
  const storedB = (await stored()) - before;
  const peakBurst = peakRss;
  const counters = rt.health().find((h) => h.id === 'events.syslog')?.counters ?? {};
  await rt.stop();
  console.log(
    `  sent ${fmt(sentB)}, stored ${fmt(storedB)} (${drainedB ? 'drained' : 'NOT drained'}), burst sent at ${fmt(burst.sent / burst.seconds)}/s`,
  );

  // 4. The spool alone, the same rows in the sink's batches.
  const lines = readFileSync(file).toString('latin1').split('\n').filter(Boolean);
  const rows = lines.map((l) => encodeRow(normalise(Buffer.from(l, 'latin1'), '127.0.0.1', undefined, new Date())));
  const spool = await Spool.open(join(dir, 'spool-bench'), 64 << 20);
  const batch = syslogCollector.sink.batchSize ?? 2000;
  let spooled = 0;
  let bytes = 0;
  t0 = performance.now();
  while (performance.now() - t0 < 5000) {
    const b = rows.slice(spooled % rows.length, (spooled % rows.length) + batch);
    await spool.append(b);
    spooled += b.length;
    bytes += b.reduce((a, x) => a + x.length, 0);
  }
  const spoolS = (performance.now() - t0) / 1000;
  await spool.close();

  out.push(
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on the shared 2-core development machine (1-minute load average ${loadavg()[0]!.toFixed(1)} at the end), ` +
      `PostgreSQL ${postmaster ? 'local' : 'remote'}; \`node bench/ingest.ts\`, ` +
      `${fmt(sentA)} lines of the vendor samples (10,000 distinct, Huawei in GBK) from loggen on ${CONNS} TCP connections.`,
    '',
    '| | events/s | CPU s (this process) | CPU s (PostgreSQL) | events per CPU-second |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| Product: receive → parse → normalise → merge → spool → PostgreSQL | ${fmt(rate)} | ${selfCpu.toFixed(1)} | ${dbCpu === null ? '–' : (dbCpu / 1e6).toFixed(1)} | ${fmt(sentA / (selfCpu + (dbCpu ?? 0) / 1e6))} |`,
    `| rsyslog 8 (imtcp → omfile), same stream | ${fmt(rateR)} | ${rsCpu.toFixed(1)} (rsyslogd) | – | ${fmt(sentR / rsCpu)} |`,
    `| Ratio product / rsyslog | ${(rate / rateR).toFixed(2)} | | | ${(sentA / (selfCpu + (dbCpu ?? 0) / 1e6) / (sentR / rsCpu)).toFixed(2)} |`,
    '',
    `loggen itself sent the capacity run in ${sendS.toFixed(1)} s (TCP back-pressure: it cannot send faster than the receiver reads); ` +
      `all ${fmt(storedA)} were persisted ${drained ? '' : '(NOT all) '}${(wallA - sendS).toFixed(1)} s after it finished. rsyslog wrote ${fmt(rsLines)} of ${fmt(sentR)} lines.`,
    '',
    `**Burst**: ${fmt(base * CONNS)} events/s for ${STEADY_S} s, ${fmt(base * CONNS * 10)} events/s asked for ${BURST_S} s ` +
      `(loggen achieved ${fmt(burst.sent / burst.seconds)}/s), ${fmt(base * CONNS)}/s for ${STEADY_S} s: sent ${fmt(sentB)}, stored ${fmt(storedB)} ` +
      `(${sentB === storedB ? 'no loss, no duplicate' : `**${fmt(sentB - storedB)} missing**`}); the backlog was persisted ${Math.max(0, drainS).toFixed(1)} s after the burst ended. ` +
      `Receiver counters: ${JSON.stringify(counters)}.`,
    '',
    `**Memory** (RSS of this process: receiver, runtime, writer, pool): ${mb(rssIdle)} idle, peak ${mb(peakBurst)} during the burst; ` +
      `the spool bounds what waits in memory (above its limit TCP stops reading).`,
    '',
    `**Spool** alone (kernel/collectors/spool.ts, batches of ${batch} normalised rows, fsync'd each): ${fmt(spooled / spoolS)} rows/s, ` +
      `${(bytes / spoolS / 1024 / 1024).toFixed(1)} MB/s.`,
  );
} finally {
  clearInterval(rssTimer);
  await m.bench.drop();
  rmSync(dir, { recursive: true, force: true });
}

const md = out.join('\n');
console.log(md);
const docPath = join(import.meta.dirname, '..', 'docs', 'performance.md');
const doc = readFileSync(docPath, 'utf8');
const section = `${BEGIN}\n${md}\n${END}`;
const i = doc.indexOf(BEGIN);
const j = doc.indexOf(END);
writeFileSync(docPath, i >= 0 && j > i ? doc.slice(0, i) + section + doc.slice(j + END.length) : doc);
if (i < 0) console.log(`(docs/performance.md has no ${BEGIN} marker: not written)`);
process.exit(0);
