// Latency percentiles (p50/p95/p99) and rate of one request at a fixed concurrency, measured by a
// closed-loop client in a child process (latency-child.ts).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onExitSync } from './cleanup.ts';

export interface LatencyOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  /** JSON body; every `{n}` is replaced by the request's sequence number. */
  body?: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LatencyResult {
  requests: number;
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  firstError: string | null;
  seconds: number;
  /** 2xx answers per second of the measured run. */
  perSecond: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export type LatencyMessage = { type: 'result'; result: LatencyResult };

const CHILD = fileURLToPath(new URL('./latency-child.ts', import.meta.url));

/** Measures o; throws unless every measured request answered 2xx. */
export async function latency(o: LatencyOptions): Promise<LatencyResult> {
  const child = fork(CHILD, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const removeKill = onExitSync('latency client', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const limitMs = (o.warmupSeconds + o.durationSeconds + 60) * 1000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await new Promise<LatencyResult>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${o.method ?? 'GET'} ${o.url} did not finish within ${limitMs} ms`)), limitMs);
      child.on('message', (m: LatencyMessage) => resolve(m.result));
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`latency client exited (${code ?? signal}) without a result`)));
      child.send(o);
    });
    if (result.failed || result.ok === 0)
      throw new Error(
        `${o.method ?? 'GET'} ${o.url}: ${result.failed} of ${result.requests} not 2xx (${JSON.stringify(result.statuses)}; first: ${result.firstError ?? '—'})`,
      );
    return result;
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    removeKill();
  }
}
