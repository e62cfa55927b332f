// Leases on both databases: a node that dies holding shards keeps them only until its leases expire
// (by the database's clock), then a live node takes them over and the dead one is removed; a node that
// stops gives everything back at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDb, type TestDb } from '../../test/harness.ts';
import { queryRows } from '../db/client.ts';
import type { CollectorDef, CollectorRuntime } from './types.ts';
import { createTestTable, pollerDouble, startTestCollectors, testSink, until, type TestRow } from './test-doubles.ts';

let db: TestDb;
let rt: CollectorRuntime | null = null;

beforeAll(async () => {
  db = await testDb();
  await createTestTable(db.database.db);
});
afterAll(async () => {
  await rt?.stop();
  await db?.drop();
});

const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db.database.db, query))[0]!.n;

describe('collector leases', () => {
  it('takes over the shards of a node that died once its leases expire, and then forgets that node', async () => {
    const shards = 16;
    const d = db.database.db;
    // The dead node: seen just now, holding every shard for 1.5 s more, never heard from again.
    await d.execute(sql`INSERT INTO collector_nodes (node, started_at, seen_at, lease_ms, collectors, health)
      VALUES ('ghost', now(), now(), 300, ARRAY['test.poller', 'test.global'], '[]'::jsonb)`);
    await d.execute(sql`INSERT INTO collector_leases (collector, shard, node, expires_at)
      SELECT 'test.poller', s, 'ghost', now() + interval '1500 milliseconds' FROM generate_series(0, ${shards - 1}::int) AS s
      UNION ALL SELECT 'test.global', 0, 'ghost', now() + interval '1500 milliseconds'`);
    const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
    const ghostUntil = (await queryRows<{ t: string }>(d, sql`SELECT ${iso('max(expires_at)')} AS t FROM collector_leases`))[0]!.t;

    const listening: { at: Date; until: Date | null }[] = [];
    const global: CollectorDef<TestRow, string> = {
      id: 'test.global',
      kind: 'listener',
      scope: 'global',
      sink: testSink(),
      start: async (c) => {
        const run = { at: c.now(), until: null as Date | null };
        listening.push(run);
        return { stop: async () => void (run.until = c.now()) };
      },
    };
    const poller = pollerDouble({ scope: 'global', targets: 20, intervalMs: 50, sink: testSink({ flushMs: 50 }) });
    rt = await startTestCollectors(db.database, 'node-c', [poller, global], { shards });
    expect(rt.health().find((h) => h.id === 'test.poller')?.targets ?? 0).toBe(0);

    await until(
      async () => (await count(sql`SELECT count(DISTINCT key)::int AS n FROM collector_test_rows WHERE node = 'node-c'`)) === 20,
      'node-c polls every target',
    );
    const first = (await queryRows<{ t: string }>(d, sql`SELECT ${iso('min(started_at)')} AS t FROM collector_test_rows`))[0]!.t;
    // Nothing was polled while the dead node's leases ran (the database and this process share a clock).
    expect(first >= ghostUntil, `first poll ${first}, dead node's leases until ${ghostUntil}`).toBe(true);
    await until(() => listening.length === 1, 'the global listener starts on node-c');
    expect(listening[0]!.at.toISOString() >= ghostUntil).toBe(true);
    expect(rt.health().find((h) => h.id === 'test.global')).toMatchObject({ state: 'running', targets: 1 });
    await until(async () => (await count(sql`SELECT count(*)::int AS n FROM collector_nodes WHERE node = 'ghost'`)) === 0, 'ghost removed');
    expect(await count(sql`SELECT count(*)::int AS n FROM collector_leases WHERE node = 'node-c'`)).toBe(shards + 1);

    await rt.stop();
    expect(listening[0]!.until).not.toBeNull();
    expect(await count(sql`SELECT count(*)::int AS n FROM collector_leases WHERE node = 'node-c'`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM collector_nodes`)).toBe(0);
  });
});
