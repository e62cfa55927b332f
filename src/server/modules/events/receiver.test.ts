// The receiver with real senders on 127.0.0.1 (issue 13 point 1): util-linux logger over TCP (octet
// counting and LF) and UDP, RFC 5424 and 3164; GBK from a source without a setting and from one
// registered as GBK; merging; unknown sources; and the faults a listener meets (a cut frame, a wrong
// octet count, a 1 MB line, invalid UTF-8, binary noise, a sender that never closes), after each of
// which the receiver still takes lines.
import { hostname } from 'node:os';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../kernel/collectors/test-doubles.ts';
import type { CollectorRuntime } from '../../kernel/collectors/types.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TEvent, TUnknownSource } from '../../../common/events.ts';
import { MAX_FRAME } from './framing.ts';
import { logger, sendTcp, sendUdp, startReceiver, tcp } from './test/senders.ts';

let t: TestApp;
let rt: CollectorRuntime;
let port: number;
let eng: Agent;

beforeAll(async () => {
  t = await testApp();
  ({ rt, port } = await startReceiver(t));
  eng = await t.userAgent('eng.sec', ['engineer']);
});
afterAll(async () => {
  await rt?.stop();
  await t?.close();
});

type Page = { items: TEvent[]; total: number };
const events = async (query: string) => json<Page>(await eng.get(`/api/events?pageSize=200&${query}`));
const q = (text: string) => `q=${encodeURIComponent(text)}`;
/** Waits until `n` rows match the text, then returns them. */
async function arrived(text: string, n = 1): Promise<TEvent[]> {
  let page: Page = { items: [], total: 0 };
  // Items, not total: the page and its count are two queries, and a batch may commit between them.
  await until(async () => (page = await events(q(text))).items.length >= n, `${n} event(s) with "${text}"`, 15_000);
  return page.items;
}
const counters = () => rt.health().find((h) => h.id === 'events.syslog')!.counters ?? {};

describe('real senders', () => {
  it('logger over TCP (RFC 5424 octet-counted, RFC 3164 LF) and UDP arrives as events', async () => {
    await logger(port, 'tcp-5424 被拒绝的连接', { tcp: true, rfc5424: true, octet: true, priority: 'auth.err' });
    await logger(port, 'tcp-3164 plain line', { tcp: true });
    await logger(port, 'udp-5424 datagram', { rfc5424: true, priority: 'daemon.info' });
    const [a] = await arrived('tcp-5424 被拒绝');
    expect(a).toMatchObject({ host: hostname(), severity: 'high', message: 'tcp-5424 被拒绝的连接', count: 1 });
    expect(Math.abs(new Date(a!.occurredAt!).getTime() - Date.now())).toBeLessThan(60_000);
    expect((await arrived('tcp-3164 plain'))[0]).toMatchObject({ host: hostname(), severity: 'medium' });
    expect((await arrived('udp-5424 datagram'))[0]).toMatchObject({ severity: 'info' });
  });

  it('reads GBK as Chinese without a setting, and by the setting of a registered GBK source', async () => {
    const line = '<188>Dec  6 2026 14:06:00 USG6000-FW %%01SHELL/4/LOGINFAIL(l):用户 admin 登录失败（密码错误）';
    await sendTcp(port, Buffer.concat([iconv.encode(line, 'gbk'), Buffer.from('\n')]));
    expect((await arrived('登录失败（密码错误）'))[0]).toMatchObject({ vendor: 'huawei', category: 'auth', severity: 'medium' });

    const add = await eng.post('/api/events/sources', { name: '出口防火墙', address: '127.0.0.2', vendor: 'huawei', charset: 'gbk' });
    expect(add.statusCode, add.body).toBe(201);
    // Bytes that are valid UTF-8 and valid GBK: only the source's setting says they are GBK ("浣犲ソ" in GBK is "你好" in UTF-8).
    const ambiguous = iconv.encode('<190>Dec  6 2026 14:06:00 FW2 %%01SHELL/6/X(l):标记甲 浣犲ソ', 'gbk');
    await until(
      async () => {
        await sendUdp(port, ambiguous, '127.0.0.2');
        return (await events(q('标记甲'))).total > 0;
      },
      'the registered source applied',
      15_000,
    );
    expect((await arrived('标记甲 浣犲ソ'))[0]).toMatchObject({ host: 'FW2', vendor: 'huawei' });
  });

  it('merges identical events within 60 s into one row with a count', async () => {
    const line =
      '<134>Dec  6 14:05:11 SANGFOR-AF 日志类型:WAF应用防护日志, 源IP:10.1.1.5, 目的IP:192.0.2.20, 攻击类型:合并测试, 严重级别:高';
    await sendTcp(port, Array(5).fill(line).join('\n') + '\n');
    await until(async () => (await events(q('合并测试'))).items[0]?.count === 5, 'five merged', 15_000);
    const page = await events(q('合并测试'));
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ vendor: 'sangfor', severity: 'high', srcIp: '10.1.1.5', dstIp: '192.0.2.20' });
    // A minute later the same event starts a new row.
    t.clock.advance(61_000);
    await sendTcp(port, line + '\n');
    await until(async () => (await events(q('合并测试'))).total === 2, 'a new row after the window', 15_000);
  });

  it('the chart sums merged counts per bucket and severity', async () => {
    const res = await eng.get(`/api/events/stats?${q('合并测试')}`);
    expect(res.statusCode, res.body).toBe(200);
    const stats = json<{ bucketSec: number; points: { high: number; info: number }[] }>(res);
    // The default range (7 days back, 1 ahead) in at most 120 buckets.
    expect(stats.bucketSec).toBe(3 * 3600);
    expect(stats.points.reduce((n, p) => n + p.high, 0)).toBe(6);
    expect(stats.points.reduce((n, p) => n + p.info, 0)).toBe(0);
  });

  it('lists senders that are not registered sources with their count', async () => {
    const { items } = json<{ items: TUnknownSource[] }>(await eng.get('/api/events/unknown-sources'));
    const me = items.find((s) => s.address === '127.0.0.1');
    expect(me?.count).toBeGreaterThanOrEqual(9);
    expect(items.find((s) => s.address === '127.0.0.2')).toBeUndefined();
  });
});

describe('faults', () => {
  it('a cut octet-counted frame is kept and counted; a wrong count does not stop the next connection', async () => {
    const before = counters();
    await sendTcp(port, '200 <13>Dec  6 14:00:00 h app: cut-frame marker');
    expect((await arrived('cut-frame marker'))[0]).toBeDefined();
    await sendTcp(port, '12x <13>bad-count marker\n');
    await sendTcp(port, '5 <13>wrong-count marker\n');
    await sendTcp(port, '<13>after-bad-counts marker\n');
    await arrived('after-bad-counts');
    await arrived('bad-count marker');
    const after = counters();
    expect(after.truncated! - (before.truncated ?? 0)).toBeGreaterThanOrEqual(1);
    expect(after.bad_octet_count! - (before.bad_octet_count ?? 0)).toBeGreaterThanOrEqual(1);
  });

  it('a 1 MB line is cut to 64 KiB, counted, and the line after it arrives', async () => {
    const before = counters().truncated ?? 0;
    await sendTcp(port, `<13>Dec  6 14:00:00 h app: huge-line ${'长'.repeat(350_000)}\n<13>after-huge marker\n`);
    await arrived('after-huge marker');
    const [huge] = await arrived('huge-line');
    expect(Buffer.byteLength(huge!.message)).toBeLessThanOrEqual(MAX_FRAME);
    expect(counters().truncated! - before).toBe(1);
  });

  it('invalid UTF-8 is read as GB18030 and binary noise is counted, not stored', async () => {
    await sendUdp(port, Buffer.concat([Buffer.from('<13>invalid-utf8 marker '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff])]));
    await arrived('invalid-utf8 marker');
    const noise = counters().noise ?? 0;
    await sendUdp(port, Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 0x80, 0x81, 0, 0, 0]));
    await sendTcp(port, Buffer.concat([Buffer.from([0, 1, 2, 3, 27, 4, 5, 6, 7, 8, 10]), Buffer.from('<13>after-noise marker\n')]));
    await arrived('after-noise marker');
    await until(() => (counters().noise ?? 0) >= noise + 2, 'noise counted', 5000);
  });

  it('a sender that never closes holds nothing up, and its finished lines arrive', async () => {
    const hanging = await tcp(port);
    hanging.write('<13>hanging-sender complete line\n<13>hanging-sender half a li');
    await logger(port, 'while-hanging marker', { tcp: true, rfc5424: true, octet: true });
    await arrived('while-hanging marker');
    await arrived('hanging-sender complete');
    expect(rt.health().find((h) => h.id === 'events.syslog')!.state).toBe('running');
    hanging.destroy();
  });
});

describe('filter rules', () => {
  it('the first matching rule decides: a keep before a drop stores the line, the drop is counted, not stored', async () => {
    const add = (rule: object) => eng.post('/api/events/filters', rule);
    expect((await add({ action: 'keep', field: 'message', op: 'contains', value: '保留乙' })).statusCode).toBe(201);
    expect((await add({ action: 'drop', field: 'host', op: 'eq', value: 'noisy-fw', note: '会话日志太多' })).statusCode).toBe(201);
    const line = (text: string) => `<134>Dec  6 14:05:11 NOISY-FW app: ${text}\n`;
    await until(
      async () => {
        await sendTcp(port, line('丢弃丙'));
        return (counters().filtered ?? 0) > 0;
      },
      'the filter rules applied',
      15_000,
    );
    // One connection, in order: once the kept line is stored the dropped one before it was handled.
    await sendTcp(port, line('丢弃丁') + line('保留乙'));
    expect((await arrived('保留乙'))[0]).toMatchObject({ host: 'NOISY-FW' });
    expect((await events(q('丢弃丁'))).total).toBe(0);
    const { items } = json<{ items: { action: string; note: string | null }[] }>(await eng.get('/api/events/filters'));
    expect(items.map((r) => r.action)).toEqual(['keep', 'drop']);
  });
});
