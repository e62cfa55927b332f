// The event-store contract (issue 13 point 8), the same cases against both stores: PostgreSQL's
// partitions (PGlite or PostgreSQL, as the run says) and a real ClickHouse server started for the test
// (Debian's clickhouse-server). Merging within the window, across batches; the list's filters (Chinese
// substrings), order and pages; the chart's buckets; the totals for reports; lines by words; and the
// correlation selections. Each case uses its own hosts and day, so the cases share one store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.ts';
import { clickhouseStore } from './clickhouse/store.ts';
import type { EventRow } from './normalise.ts';
import { pgStore } from './pg-store.ts';
import type { EventStore } from './store.ts';
import { CLICKHOUSE_MISSING, clickhouseBinary, startClickHouse, type ClickHouse } from './test/clickhouse.ts';

if (!clickhouseBinary) console.warn(CLICKHOUSE_MISSING);

let t: TestApp;
let ch: ClickHouse | null = null;
const stores: Record<string, EventStore | null> = { postgres: pgStore, clickhouse: null };

beforeAll(async () => {
  t = await testApp();
  if (clickhouseBinary) {
    ch = await startClickHouse();
    stores.clickhouse = clickhouseStore(ch.url('yunwei_contract'));
  }
}, 300_000);
afterAll(async () => {
  await ch?.stop();
  await t?.close();
});

const day = (n: number, time = '10:00:00') => new Date(`2026-11-${String(n).padStart(2, '0')}T${time}.000+08:00`);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

function ev(at: Date, o: Partial<EventRow> & { host: string; message: string }): EventRow {
  return {
    receivedAt: at,
    occurredAt: plus(at, -500),
    source: '127.0.0.9',
    vendor: 'huawei',
    product: 'USG6000',
    category: 'traffic',
    severity: 'medium',
    srcIp: '10.1.1.1',
    srcPort: 40000,
    dstIp: '10.2.2.2',
    dstPort: 22,
    protocol: 'tcp',
    user: null,
    action: 'deny',
    rule: null,
    raw: `<12>${o.message}`,
    facility: 1,
    fingerprint: `${o.host}|${o.message}`,
    truncated: false,
    bytes: null,
    packets: null,
    ...o,
  };
}

describe.each(['postgres', 'clickhouse'])('%s event store', (name) => {
  const store = () => stores[name]!;
  const skip = name === 'clickhouse' && !clickhouseBinary;

  it.skipIf(skip)('merges identical events within 60 s of the first sighting, also across batches', async () => {
    const t0 = day(1);
    const line = { host: `m-${name}`, message: '拒绝 SSH 连接 10.1.1.1' };
    await store().write(t.ctx, [ev(t0, line), ev(plus(t0, 10_000), line), ev(plus(t0, 1000), { host: `m-${name}`, message: '其他' })]);
    await store().write(t.ctx, [ev(plus(t0, 59_000), line)]);
    await store().write(t.ctx, [ev(plus(t0, 61_000), line), ev(plus(t0, 70_000), line)]);
    const page = await store().list(t.ctx, { from: day(1, '00:00:00'), to: day(2, '00:00:00'), host: `m-${name}` }, 50, 0);
    expect(page.total).toBe(3);
    expect(page.items.map((i) => [i.message, i.count, i.receivedAt])).toEqual([
      ['拒绝 SSH 连接 10.1.1.1', 2, plus(t0, 61_000).toISOString()],
      ['其他', 1, plus(t0, 1000).toISOString()],
      ['拒绝 SSH 连接 10.1.1.1', 3, t0.toISOString()],
    ]);
    expect(page.items[2]).toMatchObject({
      host: `m-${name}`,
      vendor: 'huawei',
      product: 'USG6000',
      category: 'traffic',
      severity: 'medium',
      srcIp: '10.1.1.1',
      dstIp: '10.2.2.2',
      occurredAt: plus(t0, -500).toISOString(),
    });
    expect(page.items[2]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.skipIf(skip)('filters by Chinese substring (case-insensitive), host, severity and time; pages newest first', async () => {
    const h = `f-${name}`;
    const rows = [
      ev(day(3, '09:00:00'), { host: h, message: '检测到病毒 Trojan.Win32 已隔离', severity: 'high' }),
      ev(day(3, '09:01:00'), { host: h, message: '用户 admin 登录失败', severity: 'medium' }),
      ev(day(3, '09:02:00'), { host: `${h}-2`, message: '用户 root 登录失败', severity: 'high' }),
      ev(day(3, '09:03:00'), { host: h, message: "引号 ' 与反斜杠 \\ 与百分号 %", severity: 'low' }),
      ev(day(4, '09:00:00'), { host: h, message: '用户 guest 登录失败', severity: 'high' }),
    ];
    await store().write(t.ctx, rows);
    const range = { from: day(3, '00:00:00'), to: day(4, '00:00:00') };
    const msgs = async (f: object, limit = 50, offset = 0) =>
      (await store().list(t.ctx, { ...range, ...f }, limit, offset)).items.map((i) => i.message);
    expect(await msgs({ q: '登录失败' })).toEqual(['用户 root 登录失败', '用户 admin 登录失败']);
    expect(await msgs({ q: 'trojan' })).toEqual(['检测到病毒 Trojan.Win32 已隔离']);
    expect(await msgs({ q: '登录失败', host: h })).toEqual(['用户 admin 登录失败']);
    expect(await msgs({ severity: 'high' })).toEqual(['用户 root 登录失败', '检测到病毒 Trojan.Win32 已隔离']);
    expect(await msgs({ q: "' 与反斜杠 \\" })).toEqual(["引号 ' 与反斜杠 \\ 与百分号 %"]);
    expect(await msgs({ q: '%' })).toEqual(["引号 ' 与反斜杠 \\ 与百分号 %"]);
    expect(await msgs({ q: "x' OR '1'='1" })).toEqual([]);
    expect(await msgs({}, 2, 0)).toEqual(["引号 ' 与反斜杠 \\ 与百分号 %", '用户 root 登录失败']);
    expect(await msgs({}, 2, 2)).toEqual(['用户 admin 登录失败', '检测到病毒 Trojan.Win32 已隔离']);
    expect((await store().list(t.ctx, { ...range, host: h }, 1, 0)).total).toBe(3);
  });

  it.skipIf(skip)('counts per bucket and severity (merged counts summed), and per severity for reports', async () => {
    const h = `s-${name}`;
    const t0 = day(5, '08:00:00');
    const a = { host: h, message: 'IPS 攻击 SQL 注入', severity: 'critical' as const };
    await store().write(t.ctx, [ev(t0, a), ev(plus(t0, 5000), a), ev(plus(t0, 20_000), a)]);
    await store().write(t.ctx, [ev(plus(t0, 3_600_000), { host: h, message: '流量告警', severity: 'low' })]);
    const s = { from: t0, to: plus(t0, 2 * 3_600_000), host: h };
    const points = await store().stats(t.ctx, s, 3600);
    expect(points.map((p) => [p.at.toISOString(), p.severity, p.n])).toEqual([
      [t0.toISOString(), 'critical', 3],
      [plus(t0, 3_600_000).toISOString(), 'low', 1],
    ]);
    const totals = await store().severityTotals(t.ctx, day(5, '00:00:00'), day(6, '00:00:00'));
    expect(Object.fromEntries(totals.map((x) => [x.severity, x.n]))).toEqual({ critical: 3, low: 1 });
    // The list's rows: the three critical lines merged into one record.
    expect(Object.fromEntries(totals.map((x) => [x.severity, x.records]))).toEqual({ critical: 1, low: 1 });
  });

  it.skipIf(skip)('finds lines by words in the raw line, oldest first, a merged row once', async () => {
    const h = `w-${name}`;
    const t0 = day(7);
    const sig = { host: h, message: '特征库升级成功 版本 2026.11.07' };
    await store().write(t.ctx, [ev(t0, sig), ev(plus(t0, 1000), sig), ev(plus(t0, 2000), { host: h, message: 'Virus DB updated 9.1' })]);
    await store().write(t.ctx, [ev(plus(t0, 3000), sig)]);
    const lines = await store().mentioning(t.ctx, {
      from: day(7, '00:00:00'),
      to: day(8, '00:00:00'),
      words: ['升级成功', 'virus db'],
      limit: 10,
    });
    expect(lines.map((l) => [l.message, l.host, l.receivedAt.toISOString()])).toEqual([
      [sig.message, h, t0.toISOString()],
      ['Virus DB updated 9.1', h, plus(t0, 2000).toISOString()],
    ]);
    expect(lines[0]).toMatchObject({ source: '127.0.0.9', vendor: 'huawei', raw: `<12>${sig.message}`, occurredAt: plus(t0, -500) });
  });

  it.skipIf(skip)('selects rows for correlation: eq (any case), contains, startswith, group and distinct fields', async () => {
    const t0 = day(9);
    const fail = (i: number, user: string) =>
      ev(plus(t0, i * 1000), { host: `c-${name}`, message: `用户 ${user} 登录失败 #${i}`, srcIp: '10.9.9.9', user, category: 'auth' });
    await store().write(t.ctx, [
      fail(1, 'admin'),
      fail(2, 'root'),
      fail(3, 'Admin'),
      ev(plus(t0, 4000), { host: `c-${name}`, message: '用户 admin 登录成功', srcIp: '10.9.9.9', user: 'admin', category: 'auth' }),
    ]);
    const from = t0;
    const to = plus(t0, 60_000);
    const sel = (s: Parameters<EventStore['select']>[1]) => store().select(t.ctx, s, 'srcIp', 'user', from, to, 100);
    const failed = await sel([
      { field: 'host', op: 'eq', values: [`C-${name}`.toUpperCase()] },
      { field: 'message', op: 'contains', values: ['登录失败'] },
    ]);
    expect(failed.map((r) => [r.key, r.distinct, r.count, r.at.toISOString()])).toEqual([
      ['10.9.9.9', 'admin', 1, plus(t0, 1000).toISOString()],
      ['10.9.9.9', 'root', 1, plus(t0, 2000).toISOString()],
      ['10.9.9.9', 'Admin', 1, plus(t0, 3000).toISOString()],
    ]);
    const ok = await sel([
      { field: 'category', op: 'eq', values: ['AUTH'] },
      { field: 'message', op: 'startswith', values: ['用户 ADMIN 登录成', 'nothing'] },
    ]);
    expect(ok.map((r) => r.message)).toEqual(['用户 admin 登录成功']);
    expect(await sel([{ field: 'message', op: 'startswith', values: ['登录'] }])).toEqual([]);
  });

  it.skipIf(skip)('sums a counter for large flows: counter × merged count, rows without it left out (R-MON-04)', async () => {
    const t0 = day(10);
    const flow = (i: number, bytes: number | null) =>
      ev(plus(t0, i * 1000), { host: `f-${name}`, message: `会话结束 ${bytes ?? '无'}`, srcIp: '10.7.7.7', bytes, category: 'traffic' });
    // The same session line twice merges into one row counted twice (a merge's delta row in ClickHouse).
    await store().write(t.ctx, [flow(1, 600_000_000), flow(2, 600_000_000), flow(3, 50_000_000), flow(4, null)]);
    const rows = await store().select(
      t.ctx,
      [{ field: 'host', op: 'eq', values: [`f-${name}`] }],
      'srcIp',
      null,
      t0,
      plus(t0, 60_000),
      100,
      'bytes',
    );
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(1_250_000_000);
    expect(rows.every((r) => r.key === '10.7.7.7')).toBe(true);
  });
});
