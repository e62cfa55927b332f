// The ClickHouse event store in the product (issue 13 point 8), against a real clickhouse-server:
// with YUNWEI_EVENTS_URL set, lines a real sender (util-linux logger) sends to the receiver are merged
// and stored in ClickHouse, not PostgreSQL, and GET /api/events answers them as it does from
// PostgreSQL; a correlation rule raises its alert from them; retention drops whole daily partitions;
// a ClickHouse that cannot be reached is a 503 problem+json in Chinese, not a crash.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEvent } from '../../../../common/events.ts';
import { until } from '../../../kernel/collectors/test-doubles.ts';
import type { CollectorRuntime } from '../../../kernel/collectors/types.ts';
import { queryRows } from '../../../kernel/db/client.ts';
import { json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { BRUTE_FORCE_RULE, correlate, alertByKey } from '../api.ts';
import { hitsOfRows } from '../correlation/evaluate.ts';
import { compileRule } from '../correlation/rule.ts';
import { saveRule } from '../correlation/service.ts';
import type { EventRow } from '../normalise.ts';
import { eventStore } from '../store.ts';
import { CLICKHOUSE_MISSING, clickhouseBinary, startClickHouse, type ClickHouse } from '../test/clickhouse.ts';
import { logger, startReceiver } from '../test/senders.ts';
import { chRaw, chSelect, parseEventsUrl } from './client.ts';
import { clickhouseStore } from './store.ts';

if (!clickhouseBinary) console.warn(CLICKHOUSE_MISSING);

let t: TestApp;
let ch: ClickHouse;
let rt: CollectorRuntime | null = null;
let eng: Agent;
const before = process.env.YUNWEI_EVENTS_URL;

describe.skipIf(!clickhouseBinary)('ClickHouse event store', () => {
  beforeAll(async () => {
    ch = await startClickHouse();
    process.env.YUNWEI_EVENTS_URL = ch.url('yunwei_app');
    t = await testApp();
    eng = await t.userAgent('eng.sec', ['engineer']);
  }, 300_000);
  afterAll(async () => {
    await rt?.stop();
    await t?.close();
    await ch?.stop();
    if (before === undefined) delete process.env.YUNWEI_EVENTS_URL;
    else process.env.YUNWEI_EVENTS_URL = before;
  });

  type Page = { items: TEvent[]; total: number };
  const events = async (query: string) => json<Page>(await eng.get(`/api/events?pageSize=50&${query}`));

  it('stores what a real sender sends in ClickHouse, merged, and serves it on GET /api/events', async () => {
    let port: number;
    ({ rt, port } = await startReceiver(t));
    const line = 'USG 策略拒绝 src=10.3.3.3 dst=10.4.4.4 登录失败';
    await logger(port, line, { tcp: true, rfc5424: true, octet: true, priority: 'auth.err' });
    await logger(port, line, { tcp: true, rfc5424: true, octet: true, priority: 'auth.err' });
    let page: Page = { items: [], total: 0 };
    await until(async () => (page = await events(`q=${encodeURIComponent('策略拒绝')}`)).items[0]?.count === 2, 'two merged lines', 30_000);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ message: line, severity: 'high', count: 2 });
    expect(Object.keys(page.items[0]!).sort()).toEqual(
      ['id', 'receivedAt', 'occurredAt', 'host', 'vendor', 'product', 'category', 'severity', 'srcIp', 'dstIp', 'message', 'count'].sort(),
    );
    // The rows are in ClickHouse (a row and its delta), none in PostgreSQL's series.
    const target = parseEventsUrl(ch.url('yunwei_app'));
    const rows = await chSelect<{ n: string; c: string }>(
      target,
      chRaw(`SELECT count() AS n, sum(count) AS c FROM yunwei_app.evt_events WHERE positionUTF8(message, '策略拒绝') > 0`),
    );
    expect(rows[0]).toMatchObject({ c: '2' });
    const [pg] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM evt_events`);
    expect(pg!.n).toBe(0);
    // Filters and the chart on the same store.
    expect((await events(`q=${encodeURIComponent('不存在的内容')}`)).total).toBe(0);
    const stats = json<{ points: { high: number }[] }>(await eng.get(`/api/events/stats?q=${encodeURIComponent('策略拒绝')}`));
    expect(stats.points.reduce((n, p) => n + p.high, 0)).toBe(2);
  });

  it('raises a correlation alert from events stored in ClickHouse', async () => {
    await saveRule(t.ctx, { yaml: BRUTE_FORCE_RULE, enabled: true });
    const now = t.clock.now();
    const base = (i: number, message: string, user = 'admin'): EventRow => ({
      receivedAt: new Date(now.getTime() - 30_000 + i * 1000),
      occurredAt: null,
      source: '127.0.0.21',
      host: 'fw-bf',
      vendor: 'huawei',
      product: 'USG',
      category: 'auth',
      severity: 'medium',
      srcIp: '10.66.0.7',
      srcPort: null,
      dstIp: '10.0.0.1',
      dstPort: 22,
      protocol: 'tcp',
      user,
      action: null,
      rule: null,
      message,
      raw: message,
      facility: null,
      fingerprint: `bf-${i}`,
      truncated: false,
      bytes: null,
      packets: null,
    });
    const rows = [...Array.from({ length: 6 }, (_, i) => base(i, `用户 admin 登录失败 第${i}次`)), base(7, '用户 admin 登录成功')];
    await eventStore().write(t.ctx, rows);
    expect(await correlate(t.ctx)).toBeGreaterThan(0);
    expect(await alertByKey(t.ctx, '10.66.0.7')).toMatchObject({ key: '10.66.0.7' });
    // The job's window counted by ClickHouse (GROUP BY) gives what Node counts from the same rows.
    const store = eventStore();
    const from = new Date(now.getTime() - 600_000);
    for (const yaml of [
      BRUTE_FORCE_RULE.replace('failed >= 5 then success', 'failed >= 5'),
      BRUTE_FORCE_RULE.replace('failed >= 5 then success', 'failed | count(user) >= 1'),
    ]) {
      const c = compileRule(yaml);
      const rows = await store.select(t.ctx, c.first.selection, c.groupBy, c.first.distinct, from, now, 1000);
      const hits = await store.hits!(t.ctx, c, from, now);
      expect(hits).toEqual(hitsOfRows(c, rows, null, from, now));
      expect(hits).toMatchObject([{ key: '10.66.0.7', count: 6 }]);
    }
  });

  it('keeps 180 days by dropping whole daily partitions', async () => {
    const store = clickhouseStore(ch.url('yunwei_retention'));
    const row = (at: string, message: string): EventRow => ({
      receivedAt: new Date(at),
      occurredAt: null,
      source: '127.0.0.9',
      host: 'fw-r',
      vendor: 'generic',
      product: 'fw',
      category: 'traffic',
      severity: 'low',
      srcIp: null,
      srcPort: null,
      dstIp: null,
      dstPort: null,
      protocol: null,
      user: null,
      action: null,
      rule: null,
      message,
      raw: message,
      facility: null,
      fingerprint: message,
      truncated: false,
      bytes: null,
      packets: null,
    });
    await store.write(t.ctx, [
      row('2026-05-01T10:00:00Z', 'old-1'),
      row('2026-05-02T23:59:59Z', 'old-2'),
      row('2026-05-03T00:00:00Z', 'kept-1'),
      row('2026-06-01T00:00:00Z', 'kept-2'),
    ]);
    expect(await store.retain(new Date('2026-05-03T08:00:00Z'))).toEqual(['20260501', '20260502']);
    const page = await store.list(t.ctx, { from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') }, 10, 0);
    expect(page.items.map((i) => i.message)).toEqual(['kept-2', 'kept-1']);
    expect(await store.retain(new Date('2026-05-03T08:00:00Z'))).toEqual([]);
  });

  it('answers 503 problem+json in Chinese when ClickHouse cannot be reached', async () => {
    process.env.YUNWEI_EVENTS_URL = 'http://yunwei:x@127.0.0.1:9/yunwei';
    try {
      const r = await eng.get('/api/events');
      expect(r.statusCode).toBe(503);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(json<{ code: string; detail?: string; title?: string }>(r)).toMatchObject({ code: 'events.store_unavailable' });
      expect(r.body).toContain('事件库（ClickHouse）暂时无法访问');
    } finally {
      process.env.YUNWEI_EVENTS_URL = ch.url('yunwei_app');
    }
  });
});
