// Thresholds managed over the API (issue 12 point 3, "thresholds as data"): the list names what each
// threshold is for; an override or a default is changed (PATCH) and an override deleted, each audited
// with before and after in the same transaction; bad values, a rule that cannot apply to its target
// and unknown fields are refused with nothing changed; a default cannot be deleted; read-only roles
// are refused; and a change counts at the next evaluation, an override switched off silencing its rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { queryRows } from '../../kernel/db/client.ts';
import type { TProbePair } from '../../../common/monitoring-pairs.ts';
import type { TMonAlert, TThreshold } from '../../../common/monitoring.ts';
import { evaluatePairAlerts } from './pair-alerts.ts';
import { monProbePairs } from './tables.ts';
import { register } from './test/helpers.ts';

const TH = '/api/monitoring/thresholds';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
let t: TestApp;
let eng: Agent;
let agency: Agent;

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.th', ['engineer'], { serviceLines: ['NET'] });
  agency = await t.userAgent('agency.th', ['agency_contact']);
});
afterAll(async () => {
  await t?.close();
});

const list = async (a: Agent = eng) => json<{ items: TThreshold[] }>(await a.get(TH)).items;
const byId = async (id: string) => (await list()).find((x) => x.id === id);
const defaultOf = async (rule: string) => (await list()).find((x) => x.rule === rule && x.target === 'default')!;
async function add(body: Record<string, unknown>): Promise<TThreshold> {
  const res = await eng.post(TH, body);
  expect(res.statusCode, res.body).toBe(201);
  return json<TThreshold>(res);
}
const audits = (id: string) =>
  queryRows<{ action: string; detail: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null }>(
    t.ctx.db,
    sql`SELECT action, detail FROM audit_log WHERE object_type = 'mon_threshold' AND object_id = ${id} ORDER BY seq`,
  );

describe('thresholds managed over the API', () => {
  it('lists the defaults and overrides with the names of what they are for', async () => {
    const dev = await register(eng, { name: '阈值交换机', address: '127.0.0.1' });
    const pair = json<TProbePair>(await eng.post('/api/monitoring/pairs', { name: '阈值探测', target: '127.0.0.2' }));
    await add({ rule: 'utilisation', deviceId: dev.id, raiseValue: 90, clearValue: 85 });
    await add({ rule: 'if_down', deviceId: dev.id, ifIndex: 7, minDurationSec: 30 });
    await add({ rule: 'latency', pairId: pair.id, raiseValue: 100, clearValue: 80 });
    const items = await list(agency); // read-only roles see the list
    expect(items.filter((x) => x.target === 'default')).toHaveLength(10);
    expect(items.find((x) => x.target === 'default')).toMatchObject({ targetName: null, ifName: null, deviceId: null, pairId: null });
    expect(items.find((x) => x.target === 'device')).toMatchObject({ rule: 'utilisation', targetName: '阈值交换机', deviceId: dev.id });
    // An interface never polled: its number, no name.
    expect(items.find((x) => x.target === 'interface')).toMatchObject({
      rule: 'if_down',
      ifIndex: 7,
      ifName: null,
      targetName: '阈值交换机',
    });
    expect(items.find((x) => x.target === 'pair')).toMatchObject({ rule: 'latency', targetName: '阈值探测', pairId: pair.id });
  });

  it('refuses a rule that cannot apply to its target, with a Chinese message and nothing added', async () => {
    const [dev] = (await list()).filter((x) => x.target === 'device');
    const before = (await list()).length;
    const bad = async (body: Record<string, unknown>, text: string) => {
      const res = await eng.post(TH, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toContain(text);
    };
    await bad({ rule: 'loss', deviceId: dev!.deviceId, raiseValue: 10 }, '时延和丢包率阈值只适用于探测对');
    await bad({ rule: 'latency', deviceId: dev!.deviceId, raiseValue: 10 }, '时延和丢包率阈值只适用于探测对');
    await bad({ rule: 'unreachable', deviceId: dev!.deviceId, ifIndex: 1 }, '接口只能设置');
    await bad({ rule: 'temperature', deviceId: dev!.deviceId, ifIndex: 1, raiseValue: 70 }, '接口只能设置');
    expect((await list()).length).toBe(before);
  });

  it('changes an override and a default, auditing before and after', async () => {
    const own = (await list()).find((x) => x.target === 'device')!;
    const res = await eng.patch(`${TH}/${own.id}`, { raiseValue: 95, clearValue: 60, severity: 'high', enabled: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(json<TThreshold>(res)).toMatchObject({ id: own.id, raiseValue: 95, clearValue: 60, severity: 'high', enabled: false });
    expect(json<TThreshold>(res)).toMatchObject({ target: 'device', targetName: '阈值交换机', minDurationSec: own.minDurationSec });
    const [created, updated] = await audits(own.id);
    expect(created!.action).toBe('monitoring.threshold.create');
    expect(updated).toMatchObject({
      action: 'monitoring.threshold.update',
      detail: { before: { raiseValue: 90, clearValue: 85, enabled: true }, after: { raiseValue: 95, clearValue: 60, enabled: false } },
    });

    const temp = await defaultOf('temperature');
    const d = await eng.patch(`${TH}/${temp.id}`, { raiseValue: 70, clearValue: 62, minDurationSec: 600 });
    expect(d.statusCode, d.body).toBe(200);
    expect(await byId(temp.id)).toMatchObject({ target: 'default', raiseValue: 70, clearValue: 62, minDurationSec: 600, enabled: true });
    expect(await audits(temp.id)).toMatchObject([
      { action: 'monitoring.threshold.update', detail: { before: { raiseValue: 65 }, after: { raiseValue: 70, minDurationSec: 600 } } },
    ]);
    // null empties a value: the rule's built-in one applies.
    const surge = await defaultOf('rate_surge');
    expect(json<TThreshold>(await eng.patch(`${TH}/${surge.id}`, { floorValue: null })).floorValue).toBeNull();
  });

  it('refuses bad values and unknown fields with nothing changed', async () => {
    const util = await defaultOf('utilisation');
    const bad = async (body: Record<string, unknown>, text: string) => {
      const res = await eng.patch(`${TH}/${util.id}`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toContain(text);
    };
    await bad({ clearValue: 90 }, '解除值不能高于告警值'); // the stored raise is 80
    await bad({ raiseValue: 60 }, '解除值不能高于告警值'); // below the stored clear (70)
    await bad({ raiseValue: 150, clearValue: 100 }, '百分比阈值不能超过 100');
    await bad({ minDurationSec: -1 }, 'minDurationSec');
    await bad({ rule: 'loss' }, 'rule'); // the rule and the target never change
    await bad({ deviceId: UNKNOWN }, 'deviceId');
    expect(await byId(util.id)).toEqual(util);
    expect(await audits(util.id)).toEqual([]);
  });

  it('deletes an override but not a default (409), and refuses read-only roles and unknown ids', async () => {
    const iface = (await list()).find((x) => x.target === 'interface')!;
    const loss = await defaultOf('loss');
    expect((await agency.patch(`${TH}/${loss.id}`, { enabled: false })).statusCode).toBe(403);
    expect((await agency.delete(`${TH}/${iface.id}`)).statusCode).toBe(403);
    expect((await agency.post(TH, { rule: 'if_down', deviceId: iface.deviceId })).statusCode).toBe(403);
    expect((await eng.patch(`${TH}/${UNKNOWN}`, { enabled: false })).statusCode).toBe(404);
    const gone = await eng.delete(`${TH}/${UNKNOWN}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('阈值不存在');
    const def = await eng.delete(`${TH}/${loss.id}`);
    expect(def.statusCode).toBe(409);
    expect(def.headers['content-type']).toContain('application/problem+json');
    expect(json<{ detail: string }>(def).detail).toBe('默认阈值不能删除，可以停用或修改');
    expect(await byId(loss.id)).toEqual(loss);
    expect(await byId(iface.id)).toEqual(iface); // nothing the 403s touched

    expect((await eng.delete(`${TH}/${iface.id}`)).statusCode).toBe(204);
    expect(await byId(iface.id)).toBeUndefined();
    const trail = await audits(iface.id);
    expect(trail.map((a) => a.action)).toEqual(['monitoring.threshold.create', 'monitoring.threshold.delete']);
    expect(trail[1]!.detail).toMatchObject({ before: { rule: 'if_down', ifIndex: 7 } });
  });

  it('changes what the next evaluation decides; an override switched off silences its rule', async () => {
    const pair = json<TProbePair>(await eng.post('/api/monitoring/pairs', { name: '丢包探测', target: '127.0.0.3' }));
    // The pair's state as the collector writes it: it answers, losing 40 % of the replies.
    const measured = (lossPct: number) =>
      t.ctx.db
        .update(monProbePairs)
        .set({ probedAt: t.ctx.now(), icmpState: 'ok', reachable: true, latencyMs: 1, lossPct })
        .where(eq(monProbePairs.id, pair.id));
    const live = async () =>
      json<{ items: TMonAlert[] }>(await eng.get(`/api/monitoring/alerts?pairId=${pair.id}`)).items.filter((a) => a.state !== 'closed');
    const loss = await defaultOf('loss');
    const set = async (id: string, body: Record<string, unknown>) => expect((await eng.patch(`${TH}/${id}`, body)).statusCode).toBe(200);

    await measured(40);
    await set(loss.id, { raiseValue: 50, clearValue: 10, minDurationSec: 0 });
    await evaluatePairAlerts(t.ctx);
    expect(await live()).toEqual([]); // 40 % is below 50 %
    await set(loss.id, { raiseValue: 30 });
    expect((await evaluatePairAlerts(t.ctx)).opened).toBe(1); // the same 40 %, now above the changed default
    expect(await live()).toMatchObject([{ rule: 'loss', state: 'open', value: 40 }]);
    await measured(5);
    expect((await evaluatePairAlerts(t.ctx)).closed).toBe(1);

    // The pair's own threshold, switched off: the rule is silent for the pair (not the default's 30 %).
    const own = await add({ rule: 'loss', pairId: pair.id, raiseValue: 30, clearValue: 10, minDurationSec: 0, enabled: false });
    await measured(40);
    await evaluatePairAlerts(t.ctx);
    expect(await live()).toEqual([]);
    await set(own.id, { enabled: true });
    expect((await evaluatePairAlerts(t.ctx)).opened).toBe(1);
    const [open] = await live();
    expect(open).toMatchObject({ rule: 'loss', state: 'open' });

    // Switched off while its alert is open: nothing would clear it any more, so the next evaluation
    // closes it and resolves its ticket with a note saying why (the loss is still 40 %).
    await set(own.id, { enabled: false });
    expect((await evaluatePairAlerts(t.ctx)).closed).toBe(1);
    expect(await live()).toEqual([]);
    expect(json<{ status: string }>(await eng.get(`/api/tickets/${open!.ticketId}`)).status).toBe('resolved');
    const timeline = json<{ kind: string; note: string }[]>(await eng.get(`/api/tickets/${open!.ticketId}/timeline`));
    expect(timeline.find((e) => e.kind === 'resolve')?.note).toContain('告警阈值已停用');
  });
});
