// The database restarts under running collectors (issue 10 acceptance: "survives a database restart
// (reconnects, nothing lost that it had acknowledged)"). A throwaway cluster of its own, so the shared
// one other tests use is untouched.
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../../test/harness.ts';
import { startThrowawayCluster, type ThrowawayCluster } from '../../../../scripts/lib/pgcluster.mjs';
import { openDatabase, type Database } from '../db/client.ts';
import type { CollectorHealth, CollectorRuntime } from './types.ts';
import {
  LineClient,
  createTestTable,
  pollerDouble,
  startTestCollectors,
  tcpListenerDouble,
  testSink,
  until,
  writtenLines,
} from './test-doubles.ts';

describe.skipIf(!onPostgres)('collectors across a database restart', () => {
  let cluster: ThrowawayCluster;
  let database: Database;
  let rt: CollectorRuntime | null = null;
  let client: LineClient | null = null;
  let sender: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    database = await openDatabase({ url: cluster.url, pgliteDir: null, poolSize: 5 });
    await database.migrate();
    await createTestTable(database.db);
  });
  afterAll(async () => {
    clearInterval(sender);
    client?.close();
    // Bounded, and the server goes first: a pool whose connections died with the restart must not
    // keep the file waiting (seen on a loaded machine).
    const bounded = (p: Promise<unknown> | undefined) => Promise.race([p, delay(15_000)]);
    await bounded(rt?.stop());
    cluster?.stop();
    await bounded(database?.close());
  });

  it('keeps accepting while the database is down, reconnects by itself and writes every acknowledged row once', async () => {
    // Each write holds its transaction open a while, so the restart finds one under way.
    const tcp = tcpListenerDouble({ sink: testSink({ flushMs: 20, batchSize: 100, before: () => delay(40) }) });
    const poller = pollerDouble({ scope: 'global', targets: 5, intervalMs: 50, sink: testSink({ flushMs: 50 }) });
    rt = await startTestCollectors(database, 'node-a', [tcp.def, poller], { retryMs: { min: 50, max: 400 } });
    const of = (id: string): CollectorHealth => rt!.health().find((h) => h.id === id)!;
    client = new LineClient(tcp.port());
    await client.ready();
    const c = client;
    sender = setInterval(() => c.send(5), 10);
    await until(() => of('test.tcp').written >= 200, 'rows written before the restart');

    cluster.halt();
    const ackedAtHalt = c.acked.size;
    await until(() => of('test.tcp').state === 'backoff' && of('test.tcp').lastError !== null, 'writes back off');
    // The driver's reason, short (not drizzle's "Failed query: …" with the batch as parameters).
    expect(of('test.tcp').lastError!.length).toBeLessThanOrEqual(200);
    expect(of('test.tcp').lastError).not.toMatch(/^Failed query/);
    // Still accepted and acknowledged while nothing can be written.
    await until(() => c.acked.size >= ackedAtHalt + 300, 'lines acknowledged while the database is down');
    expect(of('test.tcp').queued).toBeGreaterThanOrEqual(300);
    expect(of('test.tcp').lagMs).toBeGreaterThan(0);
    const polledBefore = of('test.poller').written;

    cluster.resume();
    await until(() => of('test.tcp').state === 'running' && of('test.tcp').written > ackedAtHalt + 300, 'writes resume by themselves');
    await until(() => of('test.poller').written > polledBefore, 'polls resume');
    clearInterval(sender);
    await until(() => c.acked.size === c.sent, 'every line sent acknowledged');
    await rt.stop();

    const lines = await writtenLines(database.db);
    const missing = [...c.acked].filter((seq) => !lines.has(seq));
    const twice = [...lines].filter(([, n]) => n !== 1).map(([seq]) => seq);
    expect(missing).toEqual([]);
    expect(twice).toEqual([]);
    expect(lines.size).toBe(c.acked.size);
  });
});
