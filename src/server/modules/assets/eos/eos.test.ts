// R-AST-06 end of support through the HTTP API on both databases: the due list, the case from report
// to close in order only and by the right permission, the replaced asset retired with its successor
// linked both ways, and the daily watch announcing once per asset and window.
// Test assets are inserted directly (t.ctx.db): the register core's createAsset is not used here.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, dateOf } from '../../../../common/dates.ts';
import type { TEosCase, TEosDue } from '../../../../common/asset-movements.ts';
import type { TNotificationList } from '../../../../common/notify.ts';
import { xlsxRows } from '../../../test/xlsx.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';
import { announceDue } from './service.ts';
import { assetHistoryOf, assetRow, insertAsset } from '../register/assets.fixture.ts';
import { assetClasses, assets } from '../register/tables.ts';

let t: TestApp;
let eng: Agent;
let pm: Agent;
let manager: Agent;
let finance: Agent;
const clock = new Clock(new Date('2026-03-02T02:00:00Z'));
const today = () => dateOf(clock.now());

async function newAsset(
  number: string,
  o: { warrantyUntil?: string | null; endOfSupport?: string | null; status?: string } = {},
): Promise<string> {
  return insertAsset(t.ctx, {
    number,
    name: `防火墙 ${number}`,
    classCode: 'TEST-EOS',
    kind: 'security',
    status: o.status ?? 'in_use',
    warrantyUntil: o.warrantyUntil ?? null,
    endOfSupport: o.endOfSupport ?? null,
  });
}
const asset = (id: string) => assetRow(t.ctx, id);
const history = (id: string) => assetHistoryOf(t.ctx, id);

let oldId: string;
let newId: string;

beforeAll(async () => {
  t = await testApp({ clock });
  eng = await t.userAgent('eng.e', ['engineer'], { serviceLines: ['SEC'] });
  pm = await t.userAgent('pm.e', ['contractor_pm']);
  manager = await t.userAgent('mgr.e', ['agency_manager']);
  finance = await t.userAgent('fin.e', ['agency_finance']);
  await t.ctx.db
    .insert(assetClasses)
    .values({ code: 'TEST-EOS', name: '防火墙（测试）', kind: 'security', source: 'agency' })
    .onConflictDoNothing();
  oldId = await newAsset('EOS-OLD', { endOfSupport: addCalendarDays(today(), 30), warrantyUntil: addCalendarDays(today(), 400) });
  newId = await newAsset('EOS-NEW', { warrantyUntil: addCalendarDays(today(), 1095), status: 'in_stock' });
  await newAsset('EOS-PAST', { warrantyUntil: addCalendarDays(today(), -10) });
  await newAsset('EOS-LATER', { warrantyUntil: addCalendarDays(today(), 120) });
  await newAsset('EOS-GONE', { warrantyUntil: addCalendarDays(today(), 5), status: 'retired' });
});
afterAll(async () => {
  await t.close();
});

describe('end of support (R-AST-06)', () => {
  it('lists assets within the window or past, earliest first, retired ones left out', async () => {
    const r = await finance.get('/api/assets/eos?within=90');
    expect(r.statusCode).toBe(200);
    const items = json<{ items: TEosDue[] }>(r).items;
    expect(items.map((x) => x.number)).toEqual(['EOS-PAST', 'EOS-OLD']);
    expect(items[0]).toMatchObject({ dueWhich: 'warranty', daysLeft: -10 });
    expect(items[1]).toMatchObject({ dueWhich: 'eos', daysLeft: 30, openCaseId: null });
    expect(json<{ items: TEosDue[] }>(await finance.get('/api/assets/eos?within=150')).items).toHaveLength(3);
  });

  it('the daily watch announces assets entering the window once per asset and window', async () => {
    expect((await announceDue(t.ctx, 90)).announced).toBe(1); // EOS-OLD; EOS-PAST is already past
    expect((await announceDue(t.ctx, 90)).announced).toBe(0);
    const notes = json<TNotificationList>(await pm.get('/api/notifications'));
    expect(notes.items.filter((x) => x.title.includes('过保或终止支持'))).toHaveLength(1);
    // a new end-of-support date opens a new window
    await t.ctx.db
      .update(assets)
      .set({ endOfSupport: addCalendarDays(today(), 60) })
      .where(eq(assets.id, oldId));
    expect((await announceDue(t.ctx, 90)).announced).toBe(1);
    expect((await history(oldId)).filter((h) => h.kind === 'eos_warning')).toHaveLength(2);
  });

  let caseId: string;
  it('opens a case (asset.write), one open case per asset, agency managers told', async () => {
    expect((await finance.post(`/api/assets/${oldId}/eos`, { reason: 'x' })).statusCode).toBe(403);
    const r = await eng.post(`/api/assets/${oldId}/eos`, { reason: '厂商 2026-05 停止支持，建议更换' });
    expect(r.statusCode, r.body).toBe(201);
    const c = json<TEosCase>(r);
    expect(c.stage).toBe('reported');
    caseId = c.id;
    expect((await eng.post(`/api/assets/${oldId}/eos`, { reason: '再次' })).statusCode).toBe(409);
    const n = json<TNotificationList>(await manager.get('/api/notifications'));
    expect(n.items.some((x) => x.title.includes('EOS-OLD'))).toBe(true);
    const due = json<{ items: TEosDue[] }>(await eng.get('/api/assets/eos')).items.find((x) => x.id === oldId)!;
    expect(due).toMatchObject({ openCaseId: caseId, openCaseStage: 'reported' });
  });

  it('advances in order only, each stage by its permission', async () => {
    const adv = (a: Agent, body: object) => a.post(`/api/asset-eos/${caseId}/advance`, body);
    expect((await adv(manager, { stage: 'replaced', successorId: newId })).statusCode).toBe(409); // not approved yet
    expect((await adv(eng, { stage: 'approved' })).statusCode).toBe(403); // engineers do not approve
    expect((await adv(finance, { stage: 'approved' })).statusCode).toBe(403);
    const ap = await adv(manager, { stage: 'approved', note: '同意更换' });
    expect(ap.statusCode, ap.body).toBe(200);
    expect((await adv(manager, { stage: 'approved' })).statusCode).toBe(409);
    expect((await adv(eng, { stage: 'integrated' })).statusCode).toBe(409);
    expect((await adv(eng, { stage: 'replaced' })).statusCode).toBe(400); // successor required
    expect((await adv(eng, { stage: 'replaced', successorId: oldId })).statusCode).toBe(400);
  });

  it('replaced: successor linked both ways, the old asset retired through the retirement movement', async () => {
    const r = await eng.post(`/api/asset-eos/${caseId}/advance`, { stage: 'replaced', successorId: newId, note: '新防火墙已到货上架' });
    expect(r.statusCode, r.body).toBe(200);
    const c = json<TEosCase>(r);
    expect(c).toMatchObject({ stage: 'replaced', successorId: newId, successorNumber: 'EOS-NEW', assetStatus: 'retired' });
    const old = await asset(oldId);
    expect(old.successorId).toBe(newId);
    expect(old.status).toBe('retired');
    const oh = await history(oldId);
    const moved = oh.find((h) => h.kind === 'moved')!;
    expect(moved.data).toMatchObject({ movement: 'retirement', changes: { status: ['in_use', 'retired'] }, successorId: newId });
    expect(oh.find((h) => h.kind === 'replaced')!.data).toMatchObject({ successorId: newId, successorNumber: 'EOS-NEW', caseId });
    const nh = await history(newId);
    expect(nh.find((h) => h.kind === 'replaces')!.data).toMatchObject({ predecessorId: oldId, predecessorNumber: 'EOS-OLD', caseId });
    // the retired asset leaves the due list
    expect(json<{ items: TEosDue[] }>(await eng.get('/api/assets/eos')).items.some((x) => x.id === oldId)).toBe(false);
  });

  it('integrated (asset.write) then closed (asset.approve): the process to its end', async () => {
    const adv = (a: Agent, body: object) => a.post(`/api/asset-eos/${caseId}/advance`, body);
    expect((await adv(eng, { stage: 'integrated', note: '策略迁移完成，联调通过' })).statusCode).toBe(200);
    expect((await adv(eng, { stage: 'closed' })).statusCode).toBe(403);
    const done = await adv(manager, { stage: 'closed', note: '验收通过' });
    expect(done.statusCode).toBe(200);
    const c = json<TEosCase>(done);
    expect(c.stage).toBe('closed');
    expect(c.stages.map((s) => s.stage)).toEqual(['reported', 'approved', 'replaced', 'integrated', 'closed']);
    expect((await adv(manager, { stage: 'closed' })).statusCode).toBe(409);
    const list = json<{ items: TEosCase[] }>(await finance.get(`/api/asset-eos?assetId=${newId}`));
    expect(list.items.map((x) => x.id)).toEqual([caseId]);
    const exported = await xlsxRows(await finance.get(`/api/asset-eos/export?assetId=${newId}`));
    expect(exported.map((r) => r[3])).toEqual(['已关闭']);
    expect((await history(newId)).some((h) => h.kind === 'eos' && h.note.includes('安装联调'))).toBe(true);
  });

  it('records why the replaced asset was not retired when a movement is pending', async () => {
    const a = await newAsset('EOS-BUSY', { warrantyUntil: addCalendarDays(today(), 10) });
    const b = await newAsset('EOS-SUCC', {});
    const req = await eng.post(`/api/assets/${a}/requests`, { kind: 'repair', payload: {}, reason: '' });
    expect(req.statusCode).toBe(201);
    const c = json<TEosCase>(await eng.post(`/api/assets/${a}/eos`, { reason: '过保' }));
    await manager.post(`/api/asset-eos/${c.id}/advance`, { stage: 'approved' });
    const r = json<TEosCase>(await eng.post(`/api/asset-eos/${c.id}/advance`, { stage: 'replaced', successorId: b }));
    expect(r.stage).toBe('replaced');
    expect(r.stages.at(-1)!.note).toContain('待审批的变动申请');
    const row = await asset(a);
    expect(row.status).toBe('in_use');
    expect(row.successorId).toBe(b);
  });
});
