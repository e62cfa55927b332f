// Issue 10: a collector declared by a module runs in a node with the collector role only, and an API
// node (another node on the same database) reports its state and lag in GET /api/health.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { freePort } from '../../scripts/lib/net.mjs';
import { loadConfig, type Config } from './kernel/config.ts';
import { modules } from './modules/index.ts';
import { startNode, type RunningNode } from './node.ts';
import { moduleMigrations, registryOf } from './site.ts';
import { sample } from './test/sample-module/module.ts';
import { samplePolls } from './test/sample-module/series.ts';
import { testDb, TEST_PASSWORD, type TestDb } from './test/harness.ts';
import { until } from './kernel/collectors/test-doubles.ts';

const registry = registryOf([...modules, sample]);
const dir = mkdtempSync(join(tmpdir(), 'yw-node-'));
// Port 0: the system picks a free one (the config check wants 1–65535 from the environment). The
// roles are set after the check, which allows split roles only with DATABASE_URL: both nodes here
// share one database object, PGlite included.
const config = (roles: string) => ({
  ...loadConfig({
    PORT: '1',
    YUNWEI_DATA_DIR: dir,
    YUNWEI_SECRET_KEY: '22'.repeat(32),
    YUNWEI_DEMO: '1',
    YUNWEI_DEMO_PASSWORD: TEST_PASSWORD,
    LOG_LEVEL: 'silent',
  }),
  port: 0,
  // A free port of this test's own: the trap listener of another test (or node) keeps 1162.
  snmpTrapPort: trapPort,
  roles: new Set([roles]) as Config['roles'],
  databaseUrl: db.url,
});
const log = pino({ level: 'silent' });

let db: TestDb;
let trapPort = 1162;
let collector: RunningNode;
let api: RunningNode;
beforeAll(async () => {
  db = await testDb(moduleMigrations(registry));
  trapPort = await freePort();
  collector = await startNode({ config: config('collector'), database: db.database, log, registry, nodeId: 'collector-1' });
  api = await startNode({ config: config('api'), database: db.database, log, registry, nodeId: 'api-1' });
});
afterAll(async () => {
  await api?.stop();
  await collector?.stop();
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

interface Health {
  collectors: { id: string; node: string; state: string; lagMs: number; written?: number; lastError?: string | null }[];
}

describe('a collector in the collector role', () => {
  it('runs only there: the API node serves requests, the collector node serves none', () => {
    expect(api.app).not.toBeNull();
    expect(collector.app).toBeNull();
    expect(api.collectors).toBeNull();
    // Every collector the site's modules declare, the test's own among them.
    expect(collector.collectors?.health().map((h) => h.id)).toEqual(registry.modules.flatMap((m) => (m.collectors ?? []).map((c) => c.id)));
    expect(collector.collectors?.health().map((h) => h.id)).toContain('sample.poller');
  });

  it('writes what it collects, through batched hand-off, from the node that runs it', async () => {
    await until(async () => (await db.database.db.select().from(samplePolls.table)).length >= 4, 'two rounds over the two demo notes');
    const rows = await db.database.db.select().from(samplePolls.table);
    expect(new Set(rows.map((r) => r.node))).toEqual(new Set(['collector-1']));
  });

  it('is reported by the API node: state and lag to anyone, counters and the last error to a signed-in user', async () => {
    await until(async () => {
      const h = (await api.app!.inject({ method: 'GET', url: '/api/health' })).json<Health>();
      return h.collectors.some((c) => c.id === 'sample.poller' && c.state === 'running');
    }, 'the collector node publishing its health');
    const open = (await api.app!.inject({ method: 'GET', url: '/api/health' })).json<Health>();
    const c = open.collectors.find((x) => x.id === 'sample.poller')!;
    expect(c).toEqual({ id: 'sample.poller', node: 'collector-1', state: 'running', lagMs: expect.any(Number) as number });
    const login = await api.app!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'pm', password: TEST_PASSWORD } });
    const cookie = login.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
    const detailed = (await api.app!.inject({ method: 'GET', url: '/api/health', headers: { cookie } })).json<Health>();
    expect(detailed.collectors.find((x) => x.id === 'sample.poller')).toMatchObject({
      written: expect.any(Number) as number,
      lastError: null,
    });
  });

  it('drains on stop: every row it accepted is written', async () => {
    await collector.stop();
    const h = collector.collectors!.health().find((x) => x.id === 'sample.poller')!;
    expect(h.queued).toBe(0);
    expect((await db.database.db.select().from(samplePolls.table)).length).toBe(h.written);
  });
});
