// The message's trigram index built per closed day (message-index.ts) and the events' unnest() INSERT
// (pg-insert.ts): on PostgreSQL the current day's partition has no trigram index until its day has
// ended, then it has one and the old parent index is gone; on PGlite the one table has one. `q` finds
// the same Chinese substrings before and after; values with the characters an array literal quotes
// (braces, commas, quotes, backslashes, the word NULL) and real NULLs come back as written.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../kernel/db/client.ts';
import { onPostgres, testApp, type TestApp } from '../../test/harness.ts';
import { partitions } from '../../kernel/timeseries/catalog.ts';
import { indexMessages, PARENT_INDEX, partitionIndex, timeArms } from './message-index.ts';
import type { EventRow } from './normalise.ts';
import { arrayLiteral } from './pg-insert.ts';
import { pgStore } from './pg-store.ts';
import { eventSeries } from './series.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 120_000);
afterAll(async () => t?.close());

function ev(at: Date, host: string, message: string, o: Partial<EventRow> = {}): EventRow {
  return {
    receivedAt: at,
    occurredAt: null,
    source: '127.0.0.9',
    host,
    vendor: 'huawei',
    product: 'USG6000',
    category: 'attack',
    severity: 'high',
    srcIp: null,
    srcPort: null,
    dstIp: null,
    dstPort: null,
    protocol: null,
    user: null,
    action: null,
    rule: null,
    bytes: null,
    packets: null,
    message,
    raw: message,
    facility: null,
    fingerprint: `${host}|${message}`,
    truncated: false,
    ...o,
  };
}

const indexes = async () =>
  new Set(
    (await queryRows<{ i: string }>(t.ctx.db, sql`SELECT indexname AS i FROM pg_indexes WHERE indexname LIKE '%trgm'`)).map((r) => r.i),
  );

describe('event rows: one unnest() INSERT, trigram index per closed day', () => {
  it('cuts a search range at the start of today and then at the hours', () => {
    const d = new Date('2026-12-06T16:00:00.000Z'); // 00:00 in Shanghai
    const h = (x: number) => new Date(d.getTime() + x * 3_600_000);
    const arms = timeArms(h(-30), h(2.5), d).map((a) => [a.from, a.to]);
    expect(arms).toEqual([
      [h(-30), d],
      [d, h(1)],
      [h(1), h(2)],
      [h(2), h(2.5)],
    ]);
    expect(timeArms(h(0.25), h(0.5), d)).toEqual([{ from: h(0.25), to: h(0.5) }]);
    expect(timeArms(h(-5), h(-1), d)).toEqual([{ from: h(-5), to: h(-1) }]);
    // The current hour (from 02:00) is cut at its quarters.
    expect(timeArms(h(1.5), h(2.6), d, h(2)).map((a) => [a.from, a.to])).toEqual([
      [h(1.5), h(2)],
      [h(2), h(2.25)],
      [h(2.25), h(2.5)],
      [h(2.5), h(2.6)],
    ]);
  });

  it('writes awkward values as they are', async () => {
    expect(arrayLiteral(['a,b', null, 'x"y\\z', '{}', 'NULL'])).toBe('{"a,b",NULL,"x\\"y\\\\z","{}","NULL"}');
    const at = new Date();
    const odd = ['逗号,与{花括号}', '引号"与反斜杠\\', 'NULL', ' 前后空格 ', ''];
    await pgStore.write(
      t.ctx,
      odd.map((m, i) => ev(new Date(at.getTime() + i), 'odd-host', m, { user: i % 2 ? null : 'NULL', srcPort: i ? i : null })),
    );
    const page = await pgStore.list(
      t.ctx,
      { from: new Date(at.getTime() - 1000), to: new Date(at.getTime() + 1000), host: 'odd-host' },
      10,
      0,
    );
    expect(page.items.map((i) => i.message).sort()).toEqual([...odd].sort());
    const users = await queryRows<{ u: string | null; p: number | null }>(
      t.ctx.db,
      sql`SELECT user_name AS u, src_port AS p FROM evt_events WHERE host = 'odd-host' ORDER BY received_at`,
    );
    expect(users).toEqual(odd.map((_, i) => ({ u: i % 2 ? null : 'NULL', p: i ? i : null })));
  });

  it('indexes a day once it has ended; q finds Chinese substrings before and after', async () => {
    const now = new Date();
    await pgStore.write(t.ctx, [
      ev(now, 'idx-host', '检测到暴力破解 SSH 登录 来自 10.9.9.9'),
      ev(new Date(now.getTime() - 40 * 86_400_000), 'idx-host', '旧日志：暴力破解已阻断'),
    ]);
    const search = async () =>
      (
        await pgStore.list(
          t.ctx,
          { from: new Date(now.getTime() - 50 * 86_400_000), to: new Date(now.getTime() + 1000), q: '暴力破解' },
          10,
          0,
        )
      ).items.map((i) => i.message);
    const before = await search();
    expect(before).toEqual(['检测到暴力破解 SSH 登录 来自 10.9.9.9', '旧日志：暴力破解已阻断']);
    if (!onPostgres) {
      expect(await indexMessages(t.ctx.db, now)).toEqual([PARENT_INDEX]);
      expect(await indexMessages(t.ctx.db, now)).toEqual([]);
      expect(await indexes()).toContain(PARENT_INDEX);
      expect(await search()).toEqual(before);
      return;
    }
    const today = (await partitions(t.ctx.db, eventSeries)).find((p) => p.from && p.to && p.from <= now && now < p.to)!;
    const at = (h: number) => new Date(today.from!.getTime() + h * 3_600_000);
    // An installation from before: the series' parent carried the index (and every partition with it).
    await t.ctx.db.execute(sql.raw(`CREATE INDEX ${PARENT_INDEX} ON evt_events USING gin (message gin_trgm_ops)`));
    // Two and a half hours into the day: the closed DEFAULT whole, the two finished hours partially.
    const made = await indexMessages(t.ctx.db, at(2.5));
    expect(made).toEqual(
      expect.arrayContaining([
        `-${PARENT_INDEX}`,
        partitionIndex('evt_events_pdefault'),
        `${today.name}_h00_trgm`,
        `${today.name}_h01_trgm`,
      ]),
    );
    expect(made).not.toContain(`${today.name}_h02_trgm`);
    // The current hour's finished quarters (02:00–02:15, 02:15–02:30), until the hour has its own index.
    expect(made).toEqual(expect.arrayContaining([`${today.name}_h02q0_trgm`, `${today.name}_h02q1_trgm`]));
    expect(await search()).toEqual(before);
    expect(await indexMessages(t.ctx.db, at(3.1))).toEqual(
      expect.arrayContaining([`${today.name}_h02_trgm`, `-${today.name}_h02q0_trgm`, `-${today.name}_h02q1_trgm`]),
    );
    expect(made).not.toContain(partitionIndex(today.name));
    expect(await indexes()).not.toContain(PARENT_INDEX);
    expect(await search()).toEqual(before);
    // The day over, the next run indexes it whole and drops its hours.
    const next = await indexMessages(t.ctx.db, at(24.1));
    expect(next).toEqual(expect.arrayContaining([partitionIndex(today.name), `-${today.name}_h00_trgm`, `-${today.name}_h01_trgm`]));
    const after = await indexes();
    expect(after).toContain(partitionIndex(today.name));
    expect([...after].filter((i) => i.startsWith(`${today.name}_h`))).toEqual([]);
    expect(await search()).toEqual(before);
  });
});
