// Several nodes against one PostgreSQL (issue 2, point 12): a session made on one node works on the
// other, and a job scheduled every minute runs once per minute in total, not once per node.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { onPostgres, testDb, type TestDb } from './test/harness.ts';
import { freePort } from '../../scripts/lib/net.mjs';
import { queryRows } from './kernel/db/client.ts';

const NODE = join(process.cwd(), 'node_modules/.bin/node');

interface Node {
  proc: ChildProcess;
  base: string;
  out: string[];
}

// Every process started, so afterAll stops them even when a start failed half-way.
const started: ChildProcess[] = [];

async function startNode(url: string, dataDir: string): Promise<Node> {
  const port = await freePort();
  const out: string[] = [];
  const proc = spawn(NODE, ['src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      YUNWEI_SNMP_TRAP_PORT: String(await freePort()),
      YUNWEI_DATA_DIR: dataDir,
      YUNWEI_SECRET_KEY: '11'.repeat(32),
      YUNWEI_DEMO: '1',
      YUNWEI_DEMO_PASSWORD: 'Demo-Pass-1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc);
  proc.stdout?.on('data', (b: Buffer) => out.push(b.toString()));
  proc.stderr?.on('data', (b: Buffer) => out.push(b.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (proc.exitCode !== null) throw new Error(`node exited ${proc.exitCode}: ${out.join('')}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { proc, base, out };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`node did not start: ${out.join('')}`);
}

function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe.skipIf(!onPostgres)('two nodes on one PostgreSQL', () => {
  let db: TestDb;
  let a: Node;
  let b: Node;
  const dirs: string[] = [];

  beforeAll(async () => {
    db = await testDb();
    const d1 = mkdtempSync(join(tmpdir(), 'yw-node-'));
    const d2 = mkdtempSync(join(tmpdir(), 'yw-node-'));
    dirs.push(d1, d2);
    // Start them together: both migrate and bootstrap at once, as a rolling deploy would.
    [a, b] = await Promise.all([startNode(db.url!, d1), startNode(db.url!, d2)]);
  }, 180_000);

  afterAll(async () => {
    for (const p of started) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await db?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('loads the demo once although both nodes started together', async () => {
    const rows = await queryRows<{ n: number }>(db.database.db, sql`SELECT count(*)::int AS n FROM contracts`);
    expect(rows[0]!.n).toBe(2);
    const admins = await queryRows<{ n: number }>(db.database.db, sql`SELECT count(*)::int AS n FROM users WHERE username = 'admin'`);
    expect(admins[0]!.n).toBe(1);
  });

  it('accepts on node B a session made on node A, and ends it on both', async () => {
    const login = await fetch(`${a.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'pm', password: 'Demo-Pass-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = cookieHeader(login);
    const csrf = /yunwei_csrf=([^;]+)/.exec(cookie)![1]!;
    const meB = await fetch(`${b.base}/api/auth/me`, { headers: { cookie } });
    expect(meB.status).toBe(200);
    expect(((await meB.json()) as { username: string }).username).toBe('pm');
    const out = await fetch(`${b.base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await fetch(`${a.base}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('runs the every-minute job once per minute across both nodes', async () => {
    // Wait until two distinct minutes have runs (both nodes running every occurrence would show 4 runs).
    const deadline = Date.now() + 200_000;
    let minutes: { m: string; n: number; nodes: number }[] = [];
    while (Date.now() < deadline) {
      minutes = await queryRows<{ m: string; n: number; nodes: number }>(
        db.database.db,
        sql`SELECT to_char(date_trunc('minute', started_at), 'HH24:MI') AS m, count(*)::int AS n, count(DISTINCT node)::int AS nodes
            FROM job_runs WHERE job = 'kernel-heartbeat' GROUP BY 1 ORDER BY 1`,
      );
      if (minutes.length >= 2) break;
      await new Promise((r) => setTimeout(r, 5000));
    }
    expect(minutes.length).toBeGreaterThanOrEqual(2);
    // A run can start late on a loaded machine (pg-boss then also sends the occurrence it missed), so
    // one wall-clock minute may hold two runs and the one before none. Both nodes running every
    // occurrence would double the count; a late run adds at most one to it.
    const runs = minutes.reduce((s, m) => s + m.n, 0);
    expect(runs, JSON.stringify(minutes)).toBeLessThanOrEqual(minutes.length + 1);
    for (const m of minutes) expect(m.n, `minute ${m.m}`).toBeLessThanOrEqual(2);
  }, 240_000);
});
