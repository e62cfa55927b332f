// Two collector nodes on one PostgreSQL (issue 10 acceptance: "with two nodes each target is handled by
// exactly one of them"): each node has its own connection pool and node id, as two processes would.
// Every poll records node, target, start and end; no target may have polls of two nodes that overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { onPostgres, testDb, type TestDb } from '../../test/harness.ts';
import { openDatabase, queryRows, type Database } from '../db/client.ts';
import { collectorHealth } from './health.ts';
import type { CollectorRuntime } from './types.ts';
import { createTestTable, pollerDouble, startTestCollectors, testSink, until } from './test-doubles.ts';

const TARGETS = 30;

describe.skipIf(!onPostgres)('two collector nodes on one PostgreSQL', () => {
  let db: TestDb;
  let second: Database;
  const runtimes: CollectorRuntime[] = [];

  beforeAll(async () => {
    db = await testDb();
    second = await openDatabase({ url: db.url, pgliteDir: null, poolSize: 5 });
    await createTestTable(db.database.db);
  });
  afterAll(async () => {
    for (const r of runtimes) await r.stop();
    await second?.close();
    await db?.drop();
  });

  const node = async (id: string, database: Database) => {
    const poller = pollerDouble({ scope: 'global', targets: TARGETS, intervalMs: 50, pollMs: 10, sink: testSink({ flushMs: 50 }) });
    const rt = await startTestCollectors(database, id, [poller], { shards: 16 });
    runtimes.push(rt);
    return rt;
  };
  const q = <T>(query: ReturnType<typeof sql>) => queryRows<T>(db.database.db, query);
  /** Pairs of polls of one target by two nodes whose times overlap. */
  const overlaps = async () =>
    q<{ key: string; a: string; b: string }>(sql`SELECT x.key, x.node AS a, y.node AS b FROM collector_test_rows x
      JOIN collector_test_rows y ON y.key = x.key AND y.node > x.node AND x.started_at < y.ended_at AND y.started_at < x.ended_at`);
  const polledBy = async (nodeId: string, since: string) =>
    (
      await q<{ n: number }>(
        sql`SELECT count(DISTINCT key)::int AS n FROM collector_test_rows WHERE node = ${nodeId} AND started_at >= ${since}::timestamptz`,
      )
    )[0]!.n;

  it('splits the targets between the nodes, each polled by one node at a time, and moves them when a node stops', async () => {
    const a = await node('node-a', db.database);
    const b = await node('node-b', second);
    const t0 = new Date().toISOString();
    // Both nodes handle part of the targets, and every target keeps being polled.
    await until(async () => (await polledBy('node-a', t0)) > 0 && (await polledBy('node-b', t0)) > 0, 'both nodes get work');
    await until(async () => {
      const rows = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM collector_test_rows GROUP BY key`);
      return rows.length === TARGETS && rows.every((r) => r.n >= 10);
    }, 'every target polled ten times');
    expect(await overlaps()).toEqual([]);
    const targetsOf = (rt: CollectorRuntime) => rt.health()[0]!.targets ?? 0;
    await until(() => targetsOf(a) + targetsOf(b) === TARGETS && targetsOf(a) > 0 && targetsOf(b) > 0, 'a settled split');
    const { nodes } = await collectorHealth(db.database.db, new Date());
    expect(nodes.map((n) => n.node)).toEqual(['node-a', 'node-b']);

    // node-a stops: node-b polls every target within a few lease periods.
    await a.stop();
    const stoppedAt = new Date().toISOString();
    await until(async () => (await polledBy('node-b', stoppedAt)) === TARGETS, 'node-b takes over every target');
    await until(() => targetsOf(b) === TARGETS, 'node-b reports every target as its own');
    expect(await overlaps()).toEqual([]);
    const after = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM collector_test_rows WHERE node = 'node-a' AND ended_at > ${stoppedAt}::timestamptz`,
    );
    expect(after[0]!.n).toBe(0);

    // node-a comes back (a new process): it gets a share again, still never alongside node-b.
    const a2 = await node('node-a2', db.database);
    const back = new Date().toISOString();
    await until(async () => (await polledBy('node-a2', back)) > 0, 'node-a2 gets work again');
    await until(() => targetsOf(a2) + targetsOf(b) === TARGETS && targetsOf(b) < TARGETS, 'node-b hands over a share');
    const settled = new Date().toISOString();
    await until(async () => (await polledBy('node-a2', settled)) + (await polledBy('node-b', settled)) >= TARGETS, 'a round after');
    expect(await overlaps()).toEqual([]);
  });
});
