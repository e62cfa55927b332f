// The collector runtime on one node (issue 10, point 2), on PGlite and on PostgreSQL: a poller and a
// TCP listener run, report health, stop with a drain; a slow database makes emit() wait (back-pressure)
// and the listener stop reading.
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDb, type TestDb } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import { collectorHealth } from './health.ts';
import type { CollectorContext, CollectorDef, CollectorHealth, CollectorRuntime, StartCollectorsOptions } from './types.ts';
import {
  LineClient,
  createTestTable,
  pollerDouble,
  startTestCollectors,
  tcpListenerDouble,
  testSink,
  until,
  writtenLines,
  type TestRow,
} from './test-doubles.ts';

let db: TestDb;
const running: CollectorRuntime[] = [];
const clients: LineClient[] = [];

beforeAll(async () => {
  db = await testDb();
  await createTestTable(db.database.db);
});
beforeEach(async () => {
  await db.database.db.execute(sql`DELETE FROM collector_test_rows`);
});
afterAll(async () => {
  for (const c of clients) c.close();
  for (const r of running) await r.stop();
  await db?.drop();
});

async function start(defs: StartCollectorsOptions['defs']): Promise<CollectorRuntime> {
  const rt = await startTestCollectors(db.database, 'node-a', defs);
  running.push(rt);
  return rt;
}
async function connect(port: number): Promise<LineClient> {
  const c = new LineClient(port);
  clients.push(c);
  await c.ready();
  return c;
}
const of = (rt: CollectorRuntime, id: string): CollectorHealth => rt.health().find((h) => h.id === id)!;

describe('collector runtime on one node', () => {
  it('runs a poller and a TCP listener, reports their health, and drains every accepted row on stop', async () => {
    const poller = pollerDouble({ scope: 'global', targets: 12, intervalMs: 100, sink: testSink({ flushMs: 50 }) });
    // Rows of the listener wait in the buffer until stop: only the drain can write them.
    const tcp = tcpListenerDouble({ sink: testSink({ flushMs: 600_000, batchSize: 10_000 }) });
    const rt = await start([poller, tcp.def]);
    const client = await connect(tcp.port());
    client.send(300);
    await until(() => client.acked.size === 300, 'all 300 lines acknowledged');
    await until(() => of(rt, 'test.poller').written >= 24, 'two rounds of the poller written');

    const p = of(rt, 'test.poller');
    expect(p).toMatchObject({ node: 'node-a', state: 'running', targets: 12, lastError: null });
    expect(p.lastFlushAt).not.toBeNull();
    const t = of(rt, 'test.tcp');
    expect(t).toMatchObject({ state: 'running', queued: 300, written: 0, lastFlushAt: null });
    expect(t.lagMs).toBeGreaterThan(0); // the oldest unwritten row waits

    // What GET /api/health reports, read from the database as another process would.
    await until(async () => {
      const { nodes } = await collectorHealth(db.database.db, new Date());
      return nodes.length === 1 && nodes[0]!.collectors.some((c) => c.id === 'test.tcp' && c.queued === 300);
    }, 'health published');
    const { nodes } = await collectorHealth(db.database.db, new Date());
    expect(nodes[0]).toMatchObject({ node: 'node-a' });
    expect(nodes[0]!.collectors.map((c) => c.id).sort()).toEqual(['test.poller', 'test.tcp']);

    await rt.stop();
    const lines = await writtenLines(db.database.db);
    expect(lines.size).toBe(300);
    for (const seq of client.acked) expect(lines.get(seq), `line ${seq}`).toBe(1);
    expect(rt.health().map((h) => h.state)).toEqual(['stopped', 'stopped']);
    expect(of(rt, 'test.tcp')).toMatchObject({ queued: 0, written: 300 });
    const polled = await queryRows<{ key: string }>(
      db.database.db,
      sql`SELECT DISTINCT key FROM collector_test_rows WHERE collector = 'test.poller'`,
    );
    expect(polled.length).toBe(12);
    // A node that stopped is no longer reported.
    expect((await collectorHealth(db.database.db, new Date())).nodes).toEqual([]);
  });

  it('makes emit() wait above the high water mark, and the listener stop reading, until writes catch up', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const sink = () => testSink({ batchSize: 5, flushMs: 20, highWater: 20, before: () => gate });
    const tcp = tcpListenerDouble({ sink: sink() });
    const captured: { c?: CollectorContext<TestRow> } = {};
    const direct: CollectorDef<TestRow> = {
      id: 'test.direct',
      kind: 'listener',
      scope: 'local',
      sink: sink(),
      start: async (c) => {
        captured.c = c;
        return { stop: async () => undefined };
      },
    };
    const rt = await start([tcp.def, direct]);
    const client = await connect(tcp.port());
    client.send(200);
    // The write of the first batch hangs: 20 lines are accepted and acknowledged, then none.
    await until(() => client.acked.size === 20 && tcp.pausedSockets() === 1, 'listener paused at the high water mark');
    expect(of(rt, 'test.tcp')).toMatchObject({ state: 'running', queued: 20, written: 0 });
    expect(of(rt, 'test.tcp').lagMs).toBeGreaterThan(0);

    const c = captured.c!;
    const row = (seq: number): TestRow => ({
      collector: 'test.direct',
      node: 'node-a',
      key: 'x',
      seq,
      startedAt: new Date(),
      endedAt: new Date(),
    });
    await c.emit(Array.from({ length: 20 }, (_, i) => row(i)));
    expect(c.paused()).toBe(true);
    let accepted = false;
    const waiting = c.emit([row(20)]).then(() => (accepted = true));
    await delay(200);
    expect(accepted).toBe(false);
    expect(client.acked.size).toBe(20);
    expect(tcp.pausedSockets()).toBe(1);

    open();
    await waiting;
    await until(() => client.acked.size === 200, 'all lines acknowledged once writes go through');
    await c.flushed();
    expect(c.paused()).toBe(false);
    expect(tcp.pauses).toBeGreaterThan(0);
    await rt.stop();
    const lines = await writtenLines(db.database.db);
    expect(lines.size).toBe(200);
    expect([...lines.values()].every((n) => n === 1)).toBe(true);
    expect((await writtenLines(db.database.db, 'test.direct')).size).toBe(21);
  });
});
