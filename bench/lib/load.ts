// Load at N connections with autocannon's programmatic API, in a child process (load-child.ts).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onExitSync } from './cleanup.ts';
import { dbDelta, type CpuProbe, type CpuSnapshot } from './cpu.ts';

export interface LoadOptions {
  url: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  headers: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  requestsTotal: number;
  latencyMeanMs: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
  /** CPU of the load generator itself during the measured run, µs. */
  loadGenCpuUs: number;
}

/** What the child sends: first when the measured run starts, then its result. */
export type LoadMessage = { type: 'measuring' } | { type: 'result'; result: LoadResult };

export interface Measured extends LoadResult {
  /** CPU µs per request of this process (servers, PGlite), of PostgreSQL (null: not local), of the load generator. */
  cpuServerUs: number;
  cpuDbUs: number | null;
  cpuLoadGenUs: number;
}

export class LoadErrors extends Error {}

const CHILD = fileURLToPath(new URL('./load-child.ts', import.meta.url));

export async function load(o: LoadOptions, probe: CpuProbe): Promise<Measured> {
  // No execArgv: a --cpu-prof of the bench must not profile the load generator too.
  const child = fork(CHILD, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const removeKill = onExitSync('load generator', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const limitMs = (o.warmupSeconds + o.durationSeconds + 30) * 1000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const snap: { before: CpuSnapshot | null; after: CpuSnapshot | null } = { before: null, after: null };
    const result = await new Promise<LoadResult>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`load on ${o.url} did not finish within ${limitMs} ms`)), limitMs);
      child.on('message', (raw) => {
        const m = raw as LoadMessage;
        if (m.type === 'measuring') snap.before = probe();
        else {
          snap.after = probe();
          resolve(m.result);
        }
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`load generator exited (${code ?? signal}) without a result`)));
      child.send(o);
    });
    if (result.non2xx || result.errors || result.timeouts || result.ok2xx === 0)
      throw new LoadErrors(
        `${o.url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.ok2xx} 2xx — the bench measures only error-free runs`,
      );
    const { before: b, after: a } = snap;
    if (!b || !a) throw new Error('load generator sent no start of measurement');
    const n = result.requestsTotal;
    const db = dbDelta(b, a);
    return {
      ...result,
      cpuServerUs: (a.selfUs - b.selfUs) / n,
      cpuDbUs: db === null ? null : db / n,
      cpuLoadGenUs: result.loadGenCpuUs / n,
    };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    removeKill();
  }
}
