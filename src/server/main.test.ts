// The server process as `npm start` runs it (src/server/main.ts in a child process): configuration
// errors, the embedded database's one-process rule, data that survives a restart, and PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freePort } from '../../scripts/lib/net.mjs';
import { serverEntry } from '../../scripts/lib/server-bundle.mjs';

const onPostgres = process.env.YUNWEI_TEST_DB === 'postgres';
const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const DEMO_PASSWORD = 'Demo-Pass-1';
const SLOW = 180_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  proc: ChildProcess;
  port: number;
  base: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();
const temps: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'yw-main-'));
  temps.push(d);
  return d;
};

/** Starts main.ts (or `entry`) with exactly this configuration (nothing of the test's own environment leaks in). */
async function spawnServer(env: Record<string, string>, entry = 'src/server/main.ts'): Promise<Server> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(YUNWEI_|DATABASE_URL$|PORT$|HOST$|LOG_LEVEL$)/.test(k)) clean[k] = v;
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const proc = spawn(NODE, [entry], {
    cwd: ROOT,
    env: { ...clean, PORT: String(port), YUNWEI_SNMP_TRAP_PORT: String(await freePort()), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(proc);
  let out = '';
  let err = '';
  proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.on('exit', (code, signal) => {
      running.delete(proc);
      r({ code, signal });
    }),
  );
  return { proc, port, base: `http://127.0.0.1:${port}`, stdout: () => out, stderr: () => err, exit };
}

/** Waits for the welcome banner (printed once listening), then for /api/health. */
async function started(s: Server, timeoutMs = 120_000): Promise<Server> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (s.proc.exitCode !== null) throw new Error(`server exited ${s.proc.exitCode}\n${s.stdout()}\n${s.stderr()}`);
    if (s.stdout().includes('Yunwei')) {
      try {
        if ((await fetch(`${s.base}/api/health`)).ok) return s;
      } catch {
        /* not listening yet */
      }
    }
    await sleep(250);
  }
  throw new Error(`server did not start in ${timeoutMs} ms\n${s.stdout()}\n${s.stderr()}`);
}

async function stop(s: Server): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGTERM');
  return s.exit;
}

async function health(s: Server): Promise<Record<string, unknown>> {
  const r = await fetch(`${s.base}/api/health`);
  expect(r.status).toBe(200);
  return (await r.json()) as Record<string, unknown>;
}

/** Signs in as a demo user and reads the contract overview with the session cookie. */
async function overview(s: Server, username: string): Promise<{ contract: { id: string } | null; lines: unknown[] }> {
  const login = await fetch(`${s.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  expect(((await login.json()) as { next: unknown }).next).toBeNull();
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const r = await fetch(`${s.base}/api/contract/overview`, { headers: { cookie } });
  expect(r.status).toBe(200);
  return (await r.json()) as { contract: { id: string } | null; lines: unknown[] };
}

afterAll(async () => {
  for (const p of running) p.kill('SIGKILL');
  await sleep(200);
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('configuration errors', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['YUNWEI_SNMP_TRAP_PORT', '0'],
    ['DATABASE_URL', 'mysql://x'],
    ['YUNWEI_DEMO', 'maybe'],
  ])(
    '%s=%s stops the start with exit code 2 and one line naming the variable',
    async (variable, value) => {
      const s = await spawnServer({ YUNWEI_DATA_DIR: tempDir(), [variable]: value });
      const { code } = await s.exit;
      expect(code).toBe(2);
      const lines = s.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^配置错误 configuration error: ${variable}: `));
    },
    SLOW,
  );
});

describe.skipIf(onPostgres)('the embedded database (PGlite) in a real process', () => {
  let dataDir: string;
  let first: Server;
  let contractId: string;

  beforeAll(async () => {
    dataDir = tempDir();
    first = await started(await spawnServer({ YUNWEI_DATA_DIR: dataDir, YUNWEI_DEMO: '1', YUNWEI_DEMO_PASSWORD: DEMO_PASSWORD }));
  }, SLOW);

  it('starts, reports the embedded database and prints the initial admin password once', async () => {
    expect(await health(first)).toMatchObject({ status: 'ok', database: 'pglite' });
    expect(first.stdout()).toMatch(/admin \/ \S+/);
    expect(first.stdout()).toContain('pm');
  });

  it(
    'refuses a second process on the same data dir, quickly and clearly, and the first keeps serving',
    async () => {
      const t0 = Date.now();
      const second = await spawnServer({ YUNWEI_DATA_DIR: dataDir, YUNWEI_DEMO: '1', YUNWEI_DEMO_PASSWORD: DEMO_PASSWORD });
      const { code } = await second.exit;
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(code).not.toBe(0);
      expect(second.stderr()).toContain(dataDir);
      expect(second.stderr()).toMatch(/in use by process \d+/);
      expect(readFileSync(join(dataDir, 'yunwei.lock'), 'utf8')).toBe(String(first.proc.pid));
      expect(await health(first)).toMatchObject({ status: 'ok' });
    },
    SLOW,
  );

  it(
    'serves the demo contract to the project manager',
    async () => {
      const o = await overview(first, 'pm');
      expect(o.lines).toHaveLength(4);
      expect(o.contract?.id).toBeTruthy();
      contractId = o.contract!.id;
    },
    SLOW,
  );

  it(
    'stops on SIGTERM and, started again on the same dir from the server bundle (as npm start runs it), has the same data and prints no password',
    async () => {
      expect(await stop(first)).toEqual({ code: 0, signal: null });
      // dist/server/main.mjs, built here when stale: its migrations, calendar data and web folder are found as the sources' are.
      const entry = await serverEntry(ROOT);
      expect(entry).toBe(join(ROOT, 'dist/server/main.mjs'));
      const env = { YUNWEI_DATA_DIR: dataDir, YUNWEI_DEMO: '1', YUNWEI_DEMO_PASSWORD: DEMO_PASSWORD };
      const again = await started(await spawnServer(env, entry));
      try {
        expect(await health(again)).toMatchObject({ status: 'ok', database: 'pglite' });
        expect((await (await fetch(`${again.base}/`)).text()).toLowerCase()).toContain('<!doctype html>');
        const o = await overview(again, 'pm');
        expect(o.contract?.id).toBe(contractId);
        expect(o.lines).toHaveLength(4);
        expect(again.stdout()).not.toMatch(/admin \//);
        expect(again.stdout()).not.toContain('shown only once');
      } finally {
        expect((await stop(again)).code).toBe(0);
      }
    },
    SLOW,
  );
});

describe.skipIf(!onPostgres)('PostgreSQL in a real process', () => {
  let name: string;
  afterAll(async () => {
    if (!name) return;
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  it(
    'starts on DATABASE_URL and reports postgresql',
    async () => {
      const base = process.env.TEST_DATABASE_URL;
      if (!base) throw new Error('YUNWEI_TEST_DB=postgres needs TEST_DATABASE_URL');
      name = `yw_main_${randomBytes(6).toString('hex')}`;
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      const u = new URL(base);
      u.pathname = `/${name}`;
      const s = await started(
        await spawnServer({
          YUNWEI_DATA_DIR: tempDir(),
          DATABASE_URL: u.toString(),
          YUNWEI_DEMO: '1',
          YUNWEI_DEMO_PASSWORD: DEMO_PASSWORD,
        }),
      );
      try {
        expect(await health(s)).toMatchObject({ status: 'ok', database: 'postgresql' });
        expect((await overview(s, 'pm')).lines).toHaveLength(4);
      } finally {
        expect((await stop(s)).code).toBe(0);
      }
    },
    SLOW,
  );
});
