// ICMP reachability, latency and loss by Debian's fping (issue 12: "as Zabbix and LibreNMS do"),
// R-MON-01/02. The polls of one collector round are gathered and answered by ONE fping process for all
// their addresses (a thousand devices are one process, not a thousand), and only addresses of
// registered devices are ever passed to it.
import { spawn } from 'node:child_process';
import type { TIcmpState } from '../../../common/monitoring.ts';

export interface PingResult {
  state: TIcmpState;
  reachable: boolean;
  /** Average of the replies, ms; null without a reply. */
  latencyMs: number | null;
  lossPct: number | null;
  error?: string;
}

/** Echo requests per address and round. */
export const PINGS = 3;
/** Addresses per fping process at most (its command line and its run time stay bounded). */
const CHUNK = 512;

let fpingPath = '/usr/bin/fping';
/** Where fping is (tests point it at a missing file to see the device say so). */
export function setFpingPath(path: string): void {
  fpingPath = path;
}

/** Parses `addr : 0.08 0.01 -` lines of `fping -C N -q` (stderr). */
export function parseFping(text: string): Map<string, PingResult> {
  const out = new Map<string, PingResult>();
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+:\s+((?:[\d.]+|-)(?:\s+(?:[\d.]+|-))*)\s*$/.exec(line);
    if (!m) continue;
    const times = m[2]!.split(/\s+/).map((v) => (v === '-' ? null : Number(v)));
    const ok = times.filter((v): v is number => v !== null && Number.isFinite(v));
    out.set(m[1]!, {
      state: ok.length ? 'ok' : 'unreachable',
      reachable: ok.length > 0,
      latencyMs: ok.length ? Math.round((ok.reduce((a, b) => a + b, 0) / ok.length) * 1000) / 1000 : null,
      lossPct: Math.round(((times.length - ok.length) / times.length) * 1000) / 10,
    });
  }
  return out;
}

function runFping(addresses: string[], source?: string): Promise<Map<string, PingResult>> {
  return new Promise((resolve) => {
    const fail = (state: TIcmpState, error: string) =>
      resolve(new Map(addresses.map((a) => [a, { state, reachable: false, latencyMs: null, lossPct: null, error }])));
    // -q: only the per-address summary; -p 20: 20 ms between pings of one address; -t 500: each
    // reply awaited 500 ms; -i 2: 2 ms between packets to different addresses.
    // -S: the source address (a probe pair whose source is a device's address on this node).
    const from = source ? ['-S', source] : [];
    const child = spawn(fpingPath, ['-C', String(PINGS), '-q', '-p', '20', '-t', '500', '-i', '2', ...from, ...addresses], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (err.length < 1_000_000) err += d;
    });
    child.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? fail('no_fping', '未安装 fping') : fail('error', e.message)));
    child.on('close', (code) => {
      const parsed = parseFping(err);
      // 3: bad arguments, 4: a system call failed (a source address this host does not have).
      if ((code === 3 || code === 4) && !parsed.size)
        return fail('error', `fping：${err.trim().split('\n')[0] ?? `exit ${code}`}`.slice(0, 200));
      // An address without a summary line was not resolved (fping: "Name or service not known").
      for (const a of addresses)
        if (!parsed.has(a)) parsed.set(a, { state: 'unresolved', reachable: false, latencyMs: null, lossPct: null, error: '无法解析地址' });
      resolve(parsed);
    });
  });
}

/** Pings addresses (each once, however often it is asked), CHUNK per process; from `source` when given. */
export async function ping(addresses: string[], source?: string): Promise<Map<string, PingResult>> {
  const unique = [...new Set(addresses)];
  const out = new Map<string, PingResult>();
  for (let i = 0; i < unique.length; i += CHUNK) for (const [k, v] of await runFping(unique.slice(i, i + CHUNK), source)) out.set(k, v);
  return out;
}

/**
 * Gathers the addresses asked for in one tick (the polls the collector runtime starts for a round)
 * into one fping run. The runtime starts a round's polls together (the collector's concurrency is set
 * above any round), so a round is one process.
 */
export class PingBatcher {
  /** The source address of every ping of this batcher (fping -S); none: the host's choice. */
  private readonly source: string | undefined;
  constructor(source?: string) {
    this.source = source;
  }
  private pending = new Map<string, ((r: PingResult) => void)[]>();
  private timer: NodeJS.Timeout | null = null;

  ask(address: string): Promise<PingResult> {
    return new Promise((resolve) => {
      const waiting = this.pending.get(address) ?? [];
      waiting.push(resolve);
      this.pending.set(address, waiting);
      this.timer ??= setTimeout(() => void this.flush(), 5);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    this.timer = null;
    const results = await ping([...batch.keys()], this.source);
    for (const [address, waiting] of batch) for (const resolve of waiting) resolve(results.get(address)!);
  }
}
