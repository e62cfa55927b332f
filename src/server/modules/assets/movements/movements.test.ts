// R-AST-01 movements through the HTTP API on both databases: each kind approved by the right levels
// only, rejection, cancellation, and the asset changing only after the last approval, with history.
// Test assets are inserted directly (t.ctx.db): the register core's createAsset is not used here.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAssetRequest, TAssetRequestList } from '../../../../common/asset-movements.ts';
import type { TNotificationList } from '../../../../common/notify.ts';
import { xlsxRows } from '../../../test/xlsx.ts';
import { json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { departmentStore, partyStore, personStore, roomStore, siteStore } from '../../org/service.ts';
import { assetHistoryOf, assetRow, insertAsset } from '../register/assets.fixture.ts';
import { assetClasses, assetHistory, assets } from '../register/tables.ts';

let t: TestApp;
let eng: Agent;
let manager: Agent;
let contact: Agent;
let finance: Agent;
let dept: Agent;
let duty: Agent;
let d1: string;
let d2: string;
let person: string;
let site: string;
let room: string;
let n = 0;

async function newAsset(status = 'in_stock'): Promise<string> {
  n++;
  return insertAsset(t.ctx, { number: `MV-TEST-${n}`, name: `测试交换机 ${n}`, classCode: 'TEST-MV', kind: 'network', status });
}
const asset = (id: string) => assetRow(t.ctx, id);
const history = (id: string) => assetHistoryOf(t.ctx, id);
const levels = (r: TAssetRequest) => r.approvals.map((a) => a.level).sort();

async function request(by: Agent, assetId: string, body: unknown): Promise<TAssetRequest> {
  const r = await by.post(`/api/assets/${assetId}/requests`, body);
  expect(r.statusCode, r.body).toBe(201);
  return json<TAssetRequest>(r);
}
const decide = (by: Agent, id: string, level: string, decision = 'approve', comment = '') =>
  by.post(`/api/asset-requests/${id}/decide`, { level, decision, comment });

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.m', ['engineer'], { serviceLines: ['NET'] });
  manager = await t.userAgent('mgr.m', ['agency_manager']);
  contact = await t.userAgent('contact.m', ['agency_contact']);
  finance = await t.userAgent('fin.m', ['agency_finance']);
  dept = await t.userAgent('dept.m', ['agency_dept']);
  duty = await t.userAgent('duty.m', ['duty_operator']);
  await t.ctx.db
    .insert(assetClasses)
    .values({ code: 'TEST-MV', name: '交换机（测试）', kind: 'network', source: 'agency', numberCode: 'TMV' })
    .onConflictDoNothing();
  const party = await partyStore.create(t.ctx, { kind: 'agency', name: '测试局' });
  d1 = (await departmentStore.create(t.ctx, { partyId: party.id, name: '就业促进处' })).id;
  d2 = (await departmentStore.create(t.ctx, { partyId: party.id, name: '财务处' })).id;
  person = (await personStore.create(t.ctx, { partyId: party.id, departmentId: d1, name: '王保管' })).id;
  site = (await siteStore.create(t.ctx, { code: 'XB', name: '西办公区' })).id;
  room = (await roomStore.create(t.ctx, { siteId: site, code: 'XB-JF', name: '中心机房西区' })).id;
});
afterAll(async () => {
  await t.close();
});

describe('movement requests (R-AST-01)', () => {
  it('receipt: IT and finance; wrong levels refused; applied only after the last approval', async () => {
    const id = await newAsset();
    expect((await duty.post(`/api/assets/${id}/requests`, { kind: 'receipt', payload: {}, reason: '' })).statusCode).toBe(403);
    const r = await request(eng, id, {
      kind: 'receipt',
      payload: { siteId: site, roomId: room, assetCardNumber: 'GZ-2024-001', originalValue: '68000.00' },
      reason: '新购入库',
    });
    expect(levels(r)).toEqual(['finance', 'it']);
    expect(r.status).toBe('pending');
    expect(r.names[site]).toBe('西办公区');

    // a finance user cannot approve the IT level; an engineer cannot approve at all; business is not needed
    expect((await decide(finance, r.id, 'it')).statusCode).toBe(403);
    expect((await decide(eng, r.id, 'it')).statusCode).toBe(403);
    expect((await decide(dept, r.id, 'business')).statusCode).toBe(409);
    expect((await decide(manager, r.id, 'business')).statusCode).toBe(403); // manager lacks asset.business

    const afterIt = await decide(manager, r.id, 'it', 'approve', '同意');
    expect(afterIt.statusCode, afterIt.body).toBe(200);
    expect(json<TAssetRequest>(afterIt).status).toBe('pending');
    let a = await asset(id);
    expect(a.assetCardNumber).toBe('');
    expect(a.siteId).toBeNull();
    expect((await decide(contact, r.id, 'it')).statusCode).toBe(409); // the IT level already decided

    const done = await decide(finance, r.id, 'finance');
    expect(done.statusCode, done.body).toBe(200);
    const d = json<TAssetRequest>(done);
    expect(d.status).toBe('approved');
    expect(d.approvals.every((x) => x.status === 'approved' && x.byName)).toBe(true);
    a = await asset(id);
    expect(a.status).toBe('in_stock');
    expect(a.assetCardNumber).toBe('GZ-2024-001');
    expect(Number(a.originalValue)).toBe(68000);
    expect(a.siteId).toBe(site);
    expect(a.roomId).toBe(room);
    expect((await decide(finance, r.id, 'finance')).statusCode).toBe(409); // closed
    const h = await history(id);
    expect(h.map((x) => x.kind)).toEqual(['request', 'request', 'moved']);
    expect((h[2]!.data as { changes: Record<string, unknown> }).changes.assetCardNumber).toEqual(['', 'GZ-2024-001']);
  });

  it('notifies the approvers of each level', async () => {
    const r = json<TNotificationList>(await finance.get('/api/notifications'));
    expect(r.items.some((x) => x.title.includes('资产变动待审批'))).toBe(true);
    const d = json<TNotificationList>(await dept.get('/api/notifications'));
    expect(d.items.some((x) => x.title.includes('入库'))).toBe(false); // a receipt does not need the business level
  });

  it('assignment: IT and business; in use with department and custodian after both', async () => {
    const id = await newAsset();
    const r = await request(eng, id, {
      kind: 'assignment',
      payload: { usingDepartmentId: d1, custodianPersonId: person },
      reason: '处室新增工位',
    });
    expect(levels(r)).toEqual(['business', 'it']);
    expect((await decide(finance, r.id, 'finance')).statusCode).toBe(409);
    expect((await decide(dept, r.id, 'it')).statusCode).toBe(403);
    expect((await decide(dept, r.id, 'business')).statusCode).toBe(200);
    expect((await asset(id)).status).toBe('in_stock');
    expect((await decide(contact, r.id, 'it')).statusCode).toBe(200);
    const a = await asset(id);
    expect(a.status).toBe('in_use');
    expect(a.usingDepartmentId).toBe(d1);
    expect(a.custodianPersonId).toBe(person);
  });

  it('transfer: between departments needs all three levels; a move of location only needs IT', async () => {
    const id = await newAsset();
    await t.ctx.db.update(assets).set({ status: 'in_use', usingDepartmentId: d1 }).where(eq(assets.id, id));
    const between = await request(eng, id, {
      kind: 'transfer',
      payload: { usingDepartmentId: d2, custodianPersonId: null, roomId: room, siteId: site },
      reason: '调拨至财务处',
    });
    expect(levels(between)).toEqual(['business', 'finance', 'it']);
    expect((await decide(manager, between.id, 'it')).statusCode).toBe(200);
    expect((await decide(finance, between.id, 'finance')).statusCode).toBe(200);
    expect((await asset(id)).usingDepartmentId).toBe(d1);
    expect((await decide(dept, between.id, 'business')).statusCode).toBe(200);
    let a = await asset(id);
    expect(a.usingDepartmentId).toBe(d2);
    expect(a.roomId).toBe(room);
    expect(a.status).toBe('in_use');

    const move = await request(eng, id, { kind: 'transfer', payload: { rack: 'A-03', rackUnit: '21-22' }, reason: '机柜调整' });
    expect(levels(move)).toEqual(['it']);
    expect((await decide(contact, move.id, 'it')).statusCode).toBe(200);
    a = await asset(id);
    expect(a.rack).toBe('A-03');
    expect(a.usingDepartmentId).toBe(d2);

    const empty = await eng.post(`/api/assets/${id}/requests`, { kind: 'transfer', payload: {}, reason: '' });
    expect(empty.statusCode).toBe(400);
  });

  it('repair: IT only; back with a return-from-repair assignment (IT and business)', async () => {
    const id = await newAsset();
    await t.ctx.db.update(assets).set({ status: 'in_use', usingDepartmentId: d1 }).where(eq(assets.id, id));
    const rep = await request(eng, id, { kind: 'repair', payload: { repairer: '华为售后' }, reason: '电源模块故障' });
    expect(levels(rep)).toEqual(['it']);
    expect((await decide(manager, rep.id, 'it')).statusCode).toBe(200);
    expect((await asset(id)).status).toBe('in_repair');
    expect((await eng.post(`/api/assets/${id}/requests`, { kind: 'transfer', payload: { rack: 'B' } })).statusCode).toBe(409);

    const back = await request(eng, id, { kind: 'assignment', payload: { returnFromRepair: true }, reason: '修复返回' });
    expect(levels(back)).toEqual(['business', 'it']);
    await decide(manager, back.id, 'it');
    await decide(dept, back.id, 'business');
    const a = await asset(id);
    expect(a.status).toBe('in_use');
    expect(a.usingDepartmentId).toBe(d1);
  });

  it('rejection at any level rejects the request and changes nothing', async () => {
    const id = await newAsset('in_use');
    const r = await request(eng, id, { kind: 'retirement', payload: { method: '报废' }, reason: '超期服役' });
    expect(levels(r)).toEqual(['finance', 'it']);
    expect((await decide(manager, r.id, 'it')).statusCode).toBe(200);
    const rej = await decide(finance, r.id, 'finance', 'reject', '尚未达到折旧年限');
    expect(rej.statusCode).toBe(200);
    expect(json<TAssetRequest>(rej).status).toBe('rejected');
    expect((await asset(id)).status).toBe('in_use');
    expect((await decide(finance, r.id, 'finance')).statusCode).toBe(409);
    const eh = json<TNotificationList>(await eng.get('/api/notifications'));
    expect(eh.items.some((x) => x.title.includes('被驳回'))).toBe(true);
  });

  it('retirement after IT and finance; a retired asset takes no more requests', async () => {
    const id = await newAsset('in_use');
    const r = await request(eng, id, { kind: 'retirement', payload: { method: '报废' }, reason: '设备损坏无法修复' });
    await decide(finance, r.id, 'finance');
    expect((await asset(id)).status).toBe('in_use');
    await decide(contact, r.id, 'it');
    expect((await asset(id)).status).toBe('retired');
    expect((await eng.post(`/api/assets/${id}/requests`, { kind: 'repair', payload: {} })).statusCode).toBe(409);
  });

  it('one pending request per asset; the requester cancels, nobody else; nobody approves their own', async () => {
    const id = await newAsset();
    const r = await request(eng, id, { kind: 'repair', payload: {}, reason: '' });
    expect((await eng.post(`/api/assets/${id}/requests`, { kind: 'retirement', payload: {} })).statusCode).toBe(409);
    expect((await manager.post(`/api/asset-requests/${r.id}/cancel`)).statusCode).toBe(403);
    const c = await eng.post(`/api/asset-requests/${r.id}/cancel`);
    expect(c.statusCode).toBe(200);
    expect(json<TAssetRequest>(c).status).toBe('cancelled');
    expect((await decide(manager, r.id, 'it')).statusCode).toBe(409);

    const own = await request(manager, id, { kind: 'repair', payload: {}, reason: '' });
    expect((await decide(manager, own.id, 'it')).statusCode).toBe(403);
    expect((await decide(contact, own.id, 'it')).statusCode).toBe(200);
  });

  it('lists: todo per level, level filter, mine, per asset', async () => {
    const a1 = await newAsset();
    const a2 = await newAsset();
    const rec = await request(eng, a1, { kind: 'receipt', payload: {}, reason: '' });
    const asg = await request(eng, a2, { kind: 'assignment', payload: { usingDepartmentId: d1 }, reason: '' });
    const finTodo = json<TAssetRequestList>(await finance.get('/api/asset-requests?todo=true'));
    expect(finTodo.items.map((x) => x.id)).toEqual([rec.id]);
    const deptTodo = json<TAssetRequestList>(await dept.get('/api/asset-requests?todo=true'));
    expect(deptTodo.items.map((x) => x.id)).toEqual([asg.id]);
    const mgrTodo = json<TAssetRequestList>(await manager.get('/api/asset-requests?todo=true'));
    expect(mgrTodo.items.map((x) => x.id).sort()).toEqual([rec.id, asg.id].sort());
    expect(json<TAssetRequestList>(await eng.get('/api/asset-requests?todo=true')).total).toBe(0);
    expect(json<TAssetRequestList>(await eng.get('/api/asset-requests?level=business')).items.map((x) => x.id)).toEqual([asg.id]);
    expect(json<TAssetRequestList>(await finance.get('/api/asset-requests?mine=true')).total).toBe(0);
    expect(json<TAssetRequestList>(await eng.get('/api/asset-requests?mine=true&status=pending')).total).toBe(2);
    const exported = await xlsxRows(await eng.get('/api/asset-requests/export?level=business'));
    expect(exported.map((r) => [r[3], r[5]])).toEqual([['领用（分配）', '审批中']]);
    const per = json<TAssetRequestList>(await dept.get(`/api/assets/${a2}/requests`));
    expect(per.items.map((x) => x.id)).toEqual([asg.id]);
    expect(per.items[0]!.names[d1]).toBe('就业促进处');
    // the approval left nothing half-done in the history
    await decide(manager, asg.id, 'it');
    const h = await t.ctx.db
      .select()
      .from(assetHistory)
      .where(and(eq(assetHistory.assetId, a2), eq(assetHistory.kind, 'moved')));
    expect(h).toHaveLength(0);
  });

  it('options for the form reach users without org.read', async () => {
    const r = await finance.get('/api/asset-requests/options');
    expect(r.statusCode).toBe(200);
    expect(json<{ departments: { name: string }[] }>(r).departments.map((d) => d.name)).toContain('财务处');
  });
});
