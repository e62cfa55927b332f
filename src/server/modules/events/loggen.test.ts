// Ingest with syslog-ng's loggen as the sender (issue 13, real peers; not a timing test): loggen over
// TCP, RFC 3164 lines ended by LF and RFC 5424 octet-counted frames, each on several connections;
// exactly as many events are stored as loggen says it sent (each line numbered, so none merge), none
// lost and none twice, and the receiver counts no fault.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../kernel/collectors/test-doubles.ts';
import type { CollectorRuntime } from '../../kernel/collectors/types.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { loggen } from './test/loggen.ts';
import { startReceiver } from './test/senders.ts';

let t: TestApp;
let rt: CollectorRuntime;
let port: number;

beforeAll(async () => {
  t = await testApp();
  ({ rt, port } = await startReceiver(t));
});
afterAll(async () => {
  await rt?.stop();
  await t?.close();
});

/** Events stored from one loggen run (its run id is in every line): rows, their counts, distinct sequence numbers. */
async function storedRun(runid: string) {
  const [r] = await queryRows<{ rows: number; total: number; seqs: number }>(
    t.ctx.db,
    sql`SELECT count(*)::int AS rows, coalesce(sum(count), 0)::int AS total,
          count(DISTINCT substring(message from 'seq: (\\d+), thread: (\\d+)') || '/' || substring(message from 'thread: (\\d+)'))::int AS seqs
        FROM evt_events WHERE message LIKE ${`%runid: ${runid},%`}`,
  );
  return r!;
}

describe('loggen over TCP', () => {
  it.each([
    { name: 'RFC 3164, LF framing', rfc5424: false },
    { name: 'RFC 5424, octet counting', rfc5424: true },
  ])('delivers N messages on 4 connections and exactly N are stored ($name)', async ({ rfc5424 }) => {
    const n = 4000;
    const all = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT coalesce(sum(count), 0)::int AS n FROM evt_events`))[0]!.n;
    const before = await all();
    const res = await loggen(port, { count: n / 4, connections: 4, rfc5424 });
    expect(res.sent).toBe(n);
    await until(async () => (await all()) - before >= n, `${n} events stored`, 60_000);
    const [last] = await queryRows<{ m: string }>(t.ctx.db, sql`SELECT message AS m FROM evt_events ORDER BY received_at DESC LIMIT 1`);
    const runid = /runid: (\d+)/.exec(last!.m)![1]!;
    await new Promise((r) => setTimeout(r, 1500)); // anything more would be a duplicate: give it time to show
    expect(await storedRun(runid)).toEqual({ rows: n, total: n, seqs: n });
    const c = rt.health().find((h) => h.id === 'events.syslog')!.counters ?? {};
    expect(c.truncated ?? 0).toBe(0);
    expect(c.bad_octet_count ?? 0).toBe(0);
  });
});
