// Cold start and idle memory of the product's embedded start: `npm start` (scripts/start.mjs) on a fresh
// clone after `npm ci` (which built the web UI and the server bundle) and an empty data directory (first
// start: migrations + demo, an empty compile cache), then `npm start` again on the same directory (the
// start the "< 3 s" target refers to), timed until GET /api/health answers; RSS read from /proc after
// 5 s idle. BENCH_SERVER_BUNDLE=0 measures the start from the sources (YUNWEI_SERVER_BUNDLE=0).
import { spawn, type ChildProcess } from 'node:child_process';
import { buildWebIfNeeded } from '../../scripts/lib/web-build.mjs';
import { bundleServer, serverBundleFresh } from '../../scripts/lib/server-bundle.mjs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST, freePort, sleep } from './net.ts';
import { onExitSync } from './cleanup.ts';

export interface StartTiming {
  ms: number;
  pid: number;
}

export interface ColdStartResult {
  firstStartMs: number;
  /** Every start after the first, on the same data directory. */
  restartMs: number[];
  idleRssMb: number;
  idlePeakRssMb: number;
  idleWaitMs: number;
}

const START_TIMEOUT_MS = 90_000;

interface Running {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

function vm(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]) / 1024;
}

/** The server process under scripts/start.mjs (its only child), or the process itself. */
function serverPid(wrapper: number): number {
  const children = readFileSync(`/proc/${wrapper}/task/${wrapper}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return children.length === 1 ? Number(children[0]) : wrapper;
}

/** `npm start` runs scripts/start.mjs (which checks the web UI and the server bundle, then runs the server). */
function start(root: string, node: string, dataDir: string, port: number, compileCache: string): Running {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST,
    PORT: String(port),
    YUNWEI_DATA_DIR: dataDir,
    YUNWEI_DEMO: '1',
    // A fresh clone's first start finds no compiled code cached; later starts find what it left.
    NODE_COMPILE_CACHE: compileCache,
    YUNWEI_SERVER_BUNDLE: process.env.BENCH_SERVER_BUNDLE === '0' ? '0' : '1',
  };
  // The embedded start: never a PostgreSQL from the caller's environment.
  delete env.DATABASE_URL;
  delete env.YUNWEI_ROLES;
  delete env.YUNWEI_SECRET_KEY;
  delete env.NODE_OPTIONS;
  const child = spawn(node, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (b: Buffer) => {
    output.push(b.toString());
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', (e) => {
      output.push(`spawn error: ${e.message}`);
      resolve(-1);
    });
  });
  return { child, output, exited };
}

/** Polls /api/health until it answers 200; returns ms since t0. */
async function waitHealthy(r: Running, port: number, t0: number): Promise<number> {
  let exitCode: number | null | undefined;
  void r.exited.then((c) => (exitCode = c));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`server exited (${exitCode}) before answering:\n${r.output.join('').slice(-3000)}`);
    if (performance.now() - t0 > START_TIMEOUT_MS)
      throw new Error(`server not healthy after ${START_TIMEOUT_MS} ms:\n${r.output.join('').slice(-3000)}`);
    try {
      const res = await fetch(`http://${HOST}:${port}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) {
        const body = (await res.json()) as { status?: string; database?: string };
        if (body.status !== 'ok' || body.database !== 'pglite') throw new Error(`unexpected health answer ${JSON.stringify(body)}`);
        return performance.now() - t0;
      }
      await res.body?.cancel();
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('unexpected health')) throw e;
      /* not listening yet */
    }
    await sleep(20);
  }
}

/** Graceful stop (SIGTERM: PGlite must close cleanly before the next start), SIGKILL after 15 s. */
async function stop(r: Running): Promise<void> {
  if (r.child.exitCode !== null || r.child.signalCode !== null) return;
  r.child.kill('SIGTERM');
  const t = setTimeout(() => r.child.kill('SIGKILL'), 15_000);
  await r.exited;
  clearTimeout(t);
}

export async function measureColdStart(opts: {
  root: string;
  node: string;
  restarts: number;
  idleWaitMs: number;
  log: (s: string) => void;
}): Promise<ColdStartResult> {
  const dir = mkdtempSync(join(tmpdir(), 'yunwei-bench-data-'));
  const removeDir = onExitSync('cold-start data dir', () => rmSync(dir, { recursive: true, force: true }));
  const state: { current: Running | null } = { current: null };
  const killCurrent = onExitSync('cold-start server', () => {
    const c = state.current?.child;
    if (c && c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  try {
    const once = async (): Promise<{ ms: number; run: Running }> => {
      const port = await freePort();
      const t0 = performance.now();
      const run = start(opts.root, opts.node, join(dir, 'data'), port, join(dir, 'compile-cache'));
      state.current = run;
      const ms = await waitHealthy(run, port, t0);
      return { ms, run };
    };

    // A fresh clone after `npm ci` (which built the web UI and the server bundle): what `npm start` does the first time.
    if (!buildWebIfNeeded(opts.root)) throw new Error('the web build failed');
    if (process.env.BENCH_SERVER_BUNDLE !== '0' && !serverBundleFresh(opts.root) && !(await bundleServer(opts.root)))
      throw new Error('the server bundle did not build');
    const first = await once();
    opts.log(`  first start, as npm start (migrations + demo): ${first.ms.toFixed(0)} ms`);
    await stop(first.run);

    const restartMs: number[] = [];
    let last: Running | null = null;
    for (let i = 0; i < opts.restarts; i++) {
      const r = await once();
      restartMs.push(r.ms);
      opts.log(`  start on the same data dir #${i + 1}: ${r.ms.toFixed(0)} ms`);
      if (i < opts.restarts - 1) await stop(r.run);
      else last = r.run;
    }
    await sleep(opts.idleWaitMs);
    // npm start's wrapper (scripts/start.mjs) runs the server as its child: the server's memory is measured.
    const pid = serverPid(last!.child.pid!);
    const idleRssMb = vm(pid, 'VmRSS');
    const idlePeakRssMb = vm(pid, 'VmHWM');
    opts.log(`  idle RSS after ${opts.idleWaitMs / 1000} s: ${idleRssMb.toFixed(0)} MB (peak ${idlePeakRssMb.toFixed(0)} MB)`);
    await stop(last!);
    return { firstStartMs: first.ms, restartMs, idleRssMb, idlePeakRssMb, idleWaitMs: opts.idleWaitMs };
  } finally {
    if (state.current) await stop(state.current);
    killCurrent();
    rmSync(dir, { recursive: true, force: true });
    removeDir();
  }
}
