// Responses on security alerts (issue 13 point 4; R-SEC-03/09): an engineer records a port block on an
// alert the event centre raised; it opens a change request with the alert as its reason, submitted for
// approval, and the response reads as approved only once the change's steps pass. Verification records
// who and what; the device's history lists response, change steps and verification in time order.
// Agency roles read but cannot write; bad input is refused with problem+json and nothing written.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAlertResponses, TDeviceHistory, TResponse } from '../../../common/secops.ts';
import { auditLog } from '../../kernel/db/tables.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { bruteForceAlert, enableBruteForce, securityAsset } from './test/fixtures.ts';
import { secResponses } from './tables.ts';

let t: TestApp;
let eng: Agent;
let pm: Agent;
let contact: Agent;
let alertId: string;
let fw: string;
const clock = new Clock(new Date('2026-03-10T02:00:00Z'));

beforeAll(async () => {
  t = await testApp({ clock });
  eng = await t.userAgent('eng.sec', ['engineer'], { serviceLines: ['SEC'] });
  pm = await t.userAgent('pm.sec', ['contractor_pm']);
  contact = await t.userAgent('agency.contact', ['agency_contact']);
  await enableBruteForce(eng);
  alertId = await bruteForceAlert(t.ctx, '203.0.113.61');
  fw = await securityAsset(t.ctx, { number: 'FW-T-1', name: '互联网出口防火墙' });
});
afterAll(() => t?.close());

const block = (extra: object = {}) => ({
  alertId,
  kind: 'port_block',
  assetId: fw,
  detail: '封堵 203.0.113.61 访问管理口',
  rollback: '删除封堵条目',
  risk: 'low',
  ...extra,
});

describe('a response on an alert', () => {
  let r: TResponse;
  it('opens and submits a change with the alert as its reason', async () => {
    const res = await eng.post('/api/secops/responses', block());
    expect(res.statusCode, res.body).toBe(201);
    r = json<TResponse>(res);
    expect(r).toMatchObject({ kind: 'port_block', assetName: '互联网出口防火墙', doneByName: 'eng.sec', approved: false });
    expect(r.number).toMatch(/^CZ-\d{4}$/);
    expect(r.changeNumber).toMatch(/^BG-/);
    // A high alert: a normal change, submitted, awaiting the PM.
    const c = json<{ type: string; state: string; reason: string; awaiting: string }>(await eng.get(`/api/changes/${r.changeId}`));
    expect(c).toMatchObject({ type: 'normal', state: 'submitted', awaiting: 'contractor_pm' });
    expect(c.reason).toContain('暴力破解后登录成功');
    expect(c.reason).toContain('203.0.113.61');
  });

  it('is approved when its change is, and the alert lists it', async () => {
    expect((await pm.post(`/api/changes/${r.changeId}/actions`, { action: 'approve', comment: '同意' })).statusCode).toBe(200);
    const mid = json<TAlertResponses>(await contact.get(`/api/secops/alerts/${alertId}`));
    expect(mid.items.map((i) => i.approved)).toEqual([false]); // the agency's step is still to come
    expect((await contact.post(`/api/changes/${r.changeId}/actions`, { action: 'approve', comment: '同意' })).statusCode).toBe(200);
    const after = json<TAlertResponses>(await contact.get(`/api/secops/alerts/${alertId}`));
    expect(after.alert.key).toBe('203.0.113.61');
    expect(after.ticketNumber).toBeTruthy();
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ id: r.id, approved: true, changeState: 'approved' });
  });

  it('records the verification once it is effective', async () => {
    clock.advance(3_600_000);
    await eng.login('eng.sec', 'Test-Pass-1');
    const v = await eng.post(`/api/secops/responses/${r.id}/verify`, { result: 'effective', note: '复测无法连接' });
    expect(v.statusCode, v.body).toBe(200);
    expect(json<TResponse>(v)).toMatchObject({ verifyResult: 'effective', verifiedByName: 'eng.sec', verifyNote: '复测无法连接' });
    expect((await eng.post(`/api/secops/responses/${r.id}/verify`, { result: 'ineffective' })).statusCode).toBe(409);
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.objectId, r.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['secops.response.create', 'secops.response.verify']);
  });

  it('shows in the device history in time order', async () => {
    await pm.login('pm.sec', 'Test-Pass-1');
    const h = json<TDeviceHistory>(await pm.get(`/api/secops/devices/${fw}/history`));
    const kinds = h.items.map((i) => i.kind);
    expect(kinds[0]).toBe('response');
    expect(kinds).toContain('change');
    expect(kinds.at(-1)).toBe('verify');
    expect(h.items.map((i) => i.at)).toEqual([...h.items.map((i) => i.at)].sort());
    expect(h.items.some((i) => i.title.includes('审批通过'))).toBe(true);
  });

  it('links an existing change instead of opening one, and a non-device response needs none', async () => {
    await eng.login('eng.sec', 'Test-Pass-1');
    const linked = json<TResponse>(
      await eng.post('/api/secops/responses', block({ kind: 'zone_isolation', changeId: r.changeId, rollback: '' })),
    );
    expect(linked.changeId).toBe(r.changeId);
    const other = json<TResponse>(
      await eng.post('/api/secops/responses', block({ kind: 'other', detail: '通知用户修改口令', rollback: '' })),
    );
    expect(other).toMatchObject({ changeId: null, approved: true });
  });
});

describe('refusals', () => {
  it('agency roles read but do not write', async () => {
    await contact.login('agency.contact', 'Test-Pass-1');
    expect((await contact.get(`/api/secops/responses?alertId=${alertId}`)).statusCode).toBe(200);
    expect((await contact.post('/api/secops/responses', block())).statusCode).toBe(403);
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    await eng.login('eng.sec', 'Test-Pass-1');
    const before = (await t.ctx.db.select().from(secResponses)).length;
    const cases = [
      block({ kind: 'firewall_policy', rollback: '' }), // a device change without a rollback
      block({ alertId: '00000000-0000-4000-8000-000000000000' }),
      block({ assetId: '00000000-0000-4000-8000-000000000000' }),
      block({ changeId: '00000000-0000-4000-8000-000000000000' }),
      block({ kind: 'reboot' }),
      block({ detail: '' }),
    ];
    for (const c of cases) {
      const res = await eng.post('/api/secops/responses', c);
      expect(res.statusCode, JSON.stringify(c)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(json<{ detail: string }>(res).detail).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await t.ctx.db.select().from(secResponses)).length).toBe(before);
  });
});
