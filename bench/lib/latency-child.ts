// A closed-loop HTTP client in its own process (so it never shares an event loop with the servers
// under test): `connections` loops, each sending the next request as soon as the last answered, over
// keep-alive sockets. Warm-up first (discarded), then every request's latency is kept, so p95 is
// exact (autocannon reports p90 and p97.5, not p95). The result goes back over IPC.
import http from 'node:http';
import type { LatencyMessage, LatencyOptions, LatencyResult } from './latency.ts';

function once(agent: http.Agent, o: LatencyOptions, n: number): Promise<{ status: number; body: string }> {
  const u = new URL(o.url);
  const body = o.body === undefined ? undefined : o.body.replaceAll('{n}', String(n));
  const headers: Record<string, string | number> = { ...o.headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: u.hostname, port: u.port, path: u.pathname + u.search, method: o.method ?? 'GET', headers, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.end(body);
  });
}

const pct = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

async function run(o: LatencyOptions): Promise<LatencyResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  let n = 0;
  let measuring = false;
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  let firstError: string | null = null;
  const loop = async (until: () => boolean) => {
    while (!until()) {
      const i = ++n;
      const t0 = performance.now();
      let status = 0;
      try {
        const r = await once(agent, o, i);
        status = r.status;
        if ((status < 200 || status > 299) && firstError === null) firstError = `${status} ${r.body.slice(0, 300)}`;
      } catch (e) {
        if (firstError === null) firstError = (e as Error).message;
      }
      if (measuring) {
        lat.push(performance.now() - t0);
        statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
      }
    }
  };
  const phase = async (seconds: number) => {
    const end = performance.now() + seconds * 1000;
    await Promise.all(Array.from({ length: o.connections }, () => loop(() => performance.now() >= end)));
  };
  if (o.warmupSeconds > 0) await phase(o.warmupSeconds);
  firstError = null;
  measuring = true;
  const measuredFrom = performance.now();
  await phase(o.durationSeconds);
  const seconds = (performance.now() - measuredFrom) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(lat).sort();
  const ok = Object.entries(statuses).reduce((s, [k, v]) => (k.startsWith('2') ? s + v : s), 0);
  return {
    requests: lat.length,
    ok,
    failed: lat.length - ok,
    statuses,
    firstError,
    seconds,
    perSecond: ok / seconds,
    meanMs: lat.reduce((s, x) => s + x, 0) / Math.max(1, lat.length),
    p50Ms: pct(sorted, 50),
    p95Ms: pct(sorted, 95),
    p99Ms: pct(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

process.once('message', (o: LatencyOptions) => {
  void run(o)
    .then((result) => {
      const done: LatencyMessage = { type: 'result', result };
      process.send!(done, () => process.disconnect());
    })
    .catch((e: unknown) => {
      process.stderr.write(`latency child: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
});
