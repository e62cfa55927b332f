// ICMP probe pairs against Debian's fping on 127.0.0.x (issue 12 point 3, "between named node pairs"):
// two collector nodes each probe only the pairs named for them, a pair of a node that does not run is
// never probed, the monitoring node's pairs are probed once, a device's address is the source by
// fping -S; samples land in the ICMP series and the chart; thresholds (the default, and a pair's own
// latency and loss ones) raise and clear alerts with tickets; bad input and other roles are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { startTestCollectors, until } from '../../kernel/collectors/test-doubles.ts';
import type { CollectorRuntime } from '../../kernel/collectors/types.ts';
import type { TProbePair } from '../../../common/monitoring-pairs.ts';
import type { TMetrics, TMonAlert } from '../../../common/monitoring.ts';
import { nodePairCollector, nodeIs, pairCollector } from './pair-collectors.ts';
import { evaluatePairAlerts } from './pair-alerts.ts';
import { monProbePairs, monThresholds } from './tables.ts';
import { register } from './test/helpers.ts';

const PAIRS = '/api/monitoring/pairs';
let t: TestApp;
let eng: Agent;
let agency: Agent;
const runtimes: CollectorRuntime[] = [];

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.pairs', ['engineer'], { serviceLines: ['NET'] });
  agency = await t.userAgent('agency.pairs', ['agency_contact']);
});
afterAll(async () => {
  for (const r of runtimes) await r.stop();
  await t?.close();
});

async function create(body: Record<string, unknown>): Promise<TProbePair> {
  const res = await eng.post(PAIRS, body);
  expect(res.statusCode, res.body).toBe(201);
  return json<TProbePair>(res);
}
const pair = async (id: string) => json<TProbePair>(await eng.get(`${PAIRS}/${id}`));
const samples = async (id: string) =>
  (await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM mon_icmp_samples WHERE device_id = ${id}::uuid`))[0]!.n;

describe('probe pairs between named nodes', () => {
  it('names nodes by their id or host name', () => {
    expect(nodeIs('node-a', 'node-a')).toBe(true);
    expect(nodeIs('collector1', 'collector1:4711')).toBe(true);
    expect(nodeIs('collector1', 'collector10:4711')).toBe(false);
  });

  it('each node probes only its own pairs; the monitoring node and device-sourced pairs are probed once', async () => {
    const a = await create({ name: '节点A→核心', source: 'node', sourceNode: 'node-a', target: '127.0.0.2' });
    const b = await create({ name: '节点B→核心', source: 'node', sourceNode: 'node-b', target: '127.0.0.3' });
    const c = await create({ name: '节点C→核心', source: 'node', sourceNode: 'node-c', target: '127.0.0.4' });
    const m = await create({ name: '监控→出口', target: '127.0.0.5', intervalSec: 30 });
    const dev = await register(eng, { name: 'pair-src', address: '127.0.0.6' });
    const byName = await register(eng, { name: 'pair-src-host', address: 'localhost' });
    const d = await create({ name: '设备→服务器', source: 'device', sourceDeviceId: dev.id, target: '127.0.0.7' });
    const h = await create({ name: '主机名源', source: 'device', sourceDeviceId: byName.id, target: '127.0.0.8' });
    expect(d).toMatchObject({ source: 'device', sourceAddress: '127.0.0.6', sourceLabel: 'pair-src（127.0.0.6）' });

    // Leases of 5 s: a round every 10 s (ROUND_MS) needs its shard's lease held through the fping run,
    // which a loaded machine's late renewals of the doubles' 300 ms leases would cut short.
    const o = { shards: 4, leaseMs: 5000 };
    runtimes.push(await startTestCollectors(t.db.database, 'node-a', [pairCollector, nodePairCollector], o));
    runtimes.push(await startTestCollectors(t.db.database, 'node-b', [pairCollector, nodePairCollector], o));
    await until(
      async () => {
        const all = await Promise.all([a, b, m, d, h].map((p) => pair(p.id)));
        return all.every((p) => p.probedAt !== null);
      },
      'every pair with a running source probed',
      40_000,
    );
    for (const r of runtimes.splice(0)) await r.stop();

    const [pa, pb, pc, pm, pd, ph] = (await Promise.all([a, b, c, m, d, h].map((p) => pair(p.id)))) as [
      TProbePair,
      TProbePair,
      TProbePair,
      TProbePair,
      TProbePair,
      TProbePair,
    ];
    expect(pa).toMatchObject({ probedBy: 'node-a', icmpState: 'ok', reachable: true, lossPct: 0 });
    expect(pb).toMatchObject({ probedBy: 'node-b', icmpState: 'ok', reachable: true, lossPct: 0 });
    expect(pa.latencyMs).toBeGreaterThan(0);
    // No collector node is called node-c: its pair is never probed.
    expect(pc).toMatchObject({ probedAt: null, icmpState: null, reachable: null });
    expect(['node-a', 'node-b']).toContain(pm.probedBy);
    expect(pm).toMatchObject({ icmpState: 'ok', reachable: true });
    // fping -S 127.0.0.6: the device's address was the source.
    expect(pd).toMatchObject({ icmpState: 'ok', reachable: true });
    expect(ph.icmpState).toBe('error');
    expect(ph.icmpError).toContain('不是 IP 地址');
    // Probed once each, though both nodes run both collectors.
    for (const p of [a, b, m, d]) expect(await samples(p.id)).toBe(1);
    expect(await samples(c.id)).toBe(0);
    expect(await samples(h.id)).toBe(0);

    const now = Date.now();
    const chart = json<TMetrics>(
      await agency.get(
        `${PAIRS}/${a.id}/metrics?from=${new Date(now - 3600_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`,
      ),
    );
    expect(chart.points).toHaveLength(1);
    expect(chart.points[0]!.latencyMs).toBe(pa.latencyMs);
    const list = json<{ items: TProbePair[]; total: number }>(await agency.get(`${PAIRS}?pageSize=2`));
    expect(list.total).toBe(6);
    expect(list.items).toHaveLength(2);
  });

  it('raises a latency alert with a ticket from the thresholds, and clears it', async () => {
    const [a] = json<{ items: TProbePair[] }>(await eng.get(`${PAIRS}?q=${encodeURIComponent('节点A')}`)).items;
    const setLatency = (raiseValue: number, clearValue: number) =>
      t.ctx.db.update(monThresholds).set({ raiseValue, clearValue, minDurationSec: 0 }).where(eq(monThresholds.rule, 'latency'));
    await setLatency(0, 0);
    expect((await evaluatePairAlerts(t.ctx)).opened).toBeGreaterThanOrEqual(4);
    const open = json<{ items: TMonAlert[] }>(await eng.get(`/api/monitoring/alerts?pairId=${a!.id}`)).items;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ rule: 'latency', state: 'open', deviceId: null, pairId: a!.id, deviceName: '节点A→核心' });
    expect(open[0]!.ticketNumber).toBeTruthy();
    expect((await pair(a!.id)).openAlerts).toBe(1);
    await setLatency(1e6, 1e6);
    expect((await evaluatePairAlerts(t.ctx)).closed).toBeGreaterThanOrEqual(4);
    const closed = json<{ items: TMonAlert[] }>(await eng.get(`/api/monitoring/alerts?pairId=${a!.id}`)).items;
    expect(closed[0]).toMatchObject({ state: 'closed' });
  });

  it('holds each pair against its own latency and loss thresholds over the default, and resolves the ticket with a note', async () => {
    const byName = async (q: string) => json<{ items: TProbePair[] }>(await eng.get(`${PAIRS}?q=${encodeURIComponent(q)}`)).items[0]!;
    const [a, b, m] = [await byName('节点A'), await byName('节点B'), await byName('监控→出口')];
    const TH = '/api/monitoring/thresholds';
    // The default trips every measured pair (0 ms); pair B's own 60 s does not trip, pair A's own 0 ms does.
    await t.ctx.db.update(monThresholds).set({ raiseValue: 0, clearValue: 0, minDurationSec: 0 }).where(eq(monThresholds.rule, 'latency'));
    const own = async (body: Record<string, unknown>) => {
      const res = await eng.post(TH, body);
      expect(res.statusCode, res.body).toBe(201);
      return json<{ id: string; pairId: string | null; deviceId: string | null }>(res);
    };
    const tripA = await own({ rule: 'latency', pairId: a.id, raiseValue: 0, clearValue: 0, minDurationSec: 0, severity: 'high' });
    expect(tripA).toMatchObject({ pairId: a.id, deviceId: null });
    await own({ rule: 'latency', pairId: b.id, raiseValue: 60_000, clearValue: 50_000, minDurationSec: 0 });
    // Loss: fping to 127.0.0.x loses nothing, so even a 0 % threshold must not trip (no reply lost).
    await own({ rule: 'loss', pairId: a.id, raiseValue: 0, clearValue: 0, minDurationSec: 0 });
    await evaluatePairAlerts(t.ctx);
    const live = async (id: string) =>
      json<{ items: TMonAlert[] }>(await eng.get(`/api/monitoring/alerts?pairId=${id}`)).items.filter((x) => x.state !== 'closed');
    const [alertA] = await live(a.id);
    expect(await live(a.id)).toHaveLength(1);
    expect(alertA).toMatchObject({ rule: 'latency', state: 'open' });
    expect(await live(b.id)).toEqual([]);
    expect((await live(m.id)).map((x) => x.rule)).toEqual(['latency']); // no own threshold: the default
    const ticket = async (id: string) =>
      json<{ status: string; channel: string; title: string; severity: string }>(await eng.get(`/api/tickets/${id}`));
    expect(await ticket(alertA!.ticketId!)).toMatchObject({ channel: 'monitoring', title: '探测时延过高：节点A→核心', severity: 'high' });

    // Pair A's own threshold raised out of reach (as data): the alert closes and its ticket is resolved with a note.
    await t.ctx.db.update(monThresholds).set({ raiseValue: 60_000, clearValue: 50_000 }).where(eq(monThresholds.id, tripA.id));
    await t.ctx.db.update(monThresholds).set({ raiseValue: 1e6, clearValue: 1e6 }).where(eq(monThresholds.rule, 'latency'));
    expect((await evaluatePairAlerts(t.ctx)).closed).toBeGreaterThanOrEqual(2);
    expect(await live(a.id)).toEqual([]);
    expect((await ticket(alertA!.ticketId!)).status).toBe('resolved');
    const [note] = await queryRows<{ n: number }>(
      t.ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE object_id = ${alertA!.id} AND action = 'monitoring.alert.close'`,
    );
    expect(note!.n).toBe(1);

    // Loss on the loopback is always 0 %: pair C (its node never runs) gets a measured state written as
    // the collector writes it (writePairs), 40 % lost with replies, held against its own loss threshold.
    const c = await byName('节点C');
    await own({ rule: 'loss', pairId: c.id, raiseValue: 30, clearValue: 10, minDurationSec: 600 });
    const measured = (reachable: boolean, lossPct: number) =>
      t.ctx.db
        .update(monProbePairs)
        .set({ probedAt: new Date(), icmpState: reachable ? 'ok' : 'unreachable', reachable, latencyMs: reachable ? 1 : null, lossPct })
        .where(eq(monProbePairs.id, c.id));
    await measured(true, 25); // above the default's 20 %, below the pair's own 30 %: nothing
    await evaluatePairAlerts(t.ctx);
    expect(await live(c.id)).toEqual([]);
    await measured(true, 40);
    expect((await evaluatePairAlerts(t.ctx)).opened).toBe(0); // held less than its ten minutes: pending
    const pending = json<{ items: TMonAlert[] }>(await eng.get(`/api/monitoring/alerts?pairId=${c.id}`)).items;
    expect(pending).toMatchObject([{ rule: 'loss', state: 'pending', value: 40 }]);
    await measured(true, 20); // between the clear (10 %) and raise (30 %) values: the state stays
    await evaluatePairAlerts(t.ctx);
    expect(await live(c.id)).toHaveLength(1);
    await measured(false, 100); // no reply at all is the unreachable rule's, not a loss
    await evaluatePairAlerts(t.ctx);
    expect((await live(c.id)).map((x) => x.rule).sort()).toEqual(['loss', 'unreachable']);
    await measured(true, 0); // back: both clear; pending ones leave nothing behind
    await evaluatePairAlerts(t.ctx);
    expect(await live(c.id)).toEqual([]);

    // A pair's threshold: one of device or pair, only the pair rules, percent at most 100, an existing pair.
    const bad = async (body: Record<string, unknown>, status: number, text: string) => {
      const res = await eng.post(TH, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.body).toContain(text);
    };
    await bad({ rule: 'utilisation', pairId: a.id, raiseValue: 50 }, 400, '探测对只能设置不可达、时延和丢包率阈值');
    await bad({ rule: 'loss', pairId: a.id, raiseValue: 150 }, 400, '百分比阈值不能超过 100');
    await bad({ rule: 'loss' }, 400, '请指定一台设备或一个探测对');
    await bad({ rule: 'loss', pairId: '00000000-0000-4000-8000-000000000000', raiseValue: 5 }, 404, '探测对不存在');
    expect((await agency.post(TH, { rule: 'loss', pairId: a.id, raiseValue: 5 })).statusCode).toBe(403);
  });

  it('refuses bad input and other roles, and deletes with an audit record', async () => {
    const noNode = await eng.post(PAIRS, { name: 'x', source: 'node', target: '127.0.0.9' });
    expect(noNode.statusCode).toBe(400);
    expect(noNode.body).toContain('请填写源采集节点的名称');
    const badTarget = await eng.post(PAIRS, { name: 'y', target: '127.0.0.9; rm -rf /' });
    expect(badTarget.statusCode).toBe(400);
    const missing = await eng.post(PAIRS, {
      name: 'z',
      source: 'device',
      sourceDeviceId: '00000000-0000-4000-8000-000000000000',
      target: '127.0.0.9',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('作为源的设备不存在');
    const dup = await eng.post(PAIRS, { name: '监控→出口', target: '127.0.0.9' });
    expect(dup.statusCode).toBe(409);
    expect((await agency.post(PAIRS, { name: 'w', target: '127.0.0.9' })).statusCode).toBe(403);
    const p = await create({ name: '待删除', target: '127.0.0.10' });
    expect((await agency.delete(`${PAIRS}/${p.id}`)).statusCode).toBe(403);
    expect((await eng.delete(`${PAIRS}/${p.id}`)).statusCode).toBe(204);
    expect((await eng.get(`${PAIRS}/${p.id}`)).statusCode).toBe(404);
    const audits = await queryRows<{ action: string }>(
      t.ctx.db,
      sql`SELECT action FROM audit_log WHERE object_id = ${p.id} ORDER BY action`,
    );
    expect(audits.map((r) => r.action)).toEqual(['monitoring.pair.create', 'monitoring.pair.delete']);
  });
});
