// Runs autocannon in a child process, so the load generator has its own event loop (and its own
// process, where autocannon aggregates its results) and never shares one with the servers under
// test. Warm-up first (discarded), then the measured run; the result goes back over IPC.
import autocannon from 'autocannon';
import type { LoadMessage, LoadOptions, LoadResult } from './load.ts';

async function run(o: LoadOptions, duration: number): Promise<autocannon.Result> {
  return autocannon({ url: o.url, connections: o.connections, duration, headers: o.headers, timeout: 10, pipelining: 1 });
}

process.once('message', (o: LoadOptions) => {
  void (async () => {
    if (o.warmupSeconds > 0) await run(o, o.warmupSeconds);
    const started: LoadMessage = { type: 'measuring' };
    process.send!(started);
    const cpu0 = process.cpuUsage();
    const r = await run(o, o.durationSeconds);
    const cpu = process.cpuUsage(cpu0);
    const result: LoadResult = {
      requestsPerSecond: r.requests.mean,
      requestsTotal: r.requests.total,
      latencyMeanMs: r.latency.mean,
      latencyP50Ms: r.latency.p50,
      latencyP99Ms: r.latency.p99,
      latencyMaxMs: r.latency.max,
      ok2xx: r['2xx'],
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      durationSeconds: r.duration,
      loadGenCpuUs: cpu.user + cpu.system,
    };
    const done: LoadMessage = { type: 'result', result };
    process.send!(done, () => process.disconnect());
  })().catch((e: unknown) => {
    process.stderr.write(`load child: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
});
