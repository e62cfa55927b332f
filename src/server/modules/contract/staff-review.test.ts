// R-STF-01/02 through the API on the demo: the agency reviews the staff list (returned with a reason,
// resubmitted, approved; every version kept), a change of staff after approval is a notice the agency
// acknowledges and makes the approved list outdated, and no one outside the contractor fills a post.
// The contract is built here (the whole demo takes minutes on the shared machine); the staff review's
// own demo step (demo/staff-review.ts) runs on it as the demo runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../../demo/actors.ts';
import { staffReviewDemo } from '../../demo/staff-review.ts';
import { partyStore, personStore } from '../org/service.ts';
import { assignStaff, contractStore, createStaffing, lineStore } from './service.ts';
import type { TStaffChange, TStaffList, TStaffListStatus } from '../../../common/contract-staff.ts';
import type { TContract, TOverview } from '../../../common/contract.ts';
import type { THome } from '../../../common/home.api.ts';
import type { TNotificationList } from '../../../common/notify.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let pm: Agent;
let contact: Agent;
let eng: Agent;
beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2026-11-24T02:00:00Z')) });
  const ctx = t.ctx;
  const agency = await partyStore.create(ctx, { kind: 'agency', name: '北京市人力资源和社会保障局' });
  const contractor = await partyStore.create(ctx, { kind: 'contractor', name: '国信北方科技有限公司' });
  const person = (name: string, partyId: string, title = '') => personStore.create(ctx, { name, partyId, title, qualifications: ['CCNP'] });
  const zhou = await person('周晓东', contractor.id, '初级网络工程师（西办公区驻场）');
  const wu = await person('吴磊', contractor.id, '初级网络工程师（市府大楼驻场）');
  const zhao = await person('赵永刚', contractor.id, '高级网络工程师');
  await person('孙丽', agency.id, '信息中心科员');
  const c = await contractStore.create(ctx, {
    number: 'T-2026',
    title: '运维服务合同',
    agencyId: agency.id,
    contractorId: contractor.id,
    totalFee: 1,
  });
  const net = await lineStore.create(ctx, {
    contractId: c.id,
    code: 'NET',
    name: '网络运维服务',
    periodStart: '2026-09-04',
    periodEnd: '2027-09-03',
    fee: 1,
    hoursProfile: '7x24',
  });
  const junior = await createStaffing(ctx, net.id, { role: '初级网络工程师', headcount: 2, qualifications: '网络工程师认证', sort: 0 });
  const senior = await createStaffing(ctx, net.id, { role: '高级网络工程师', headcount: 1, sort: 1 });
  for (const p of [zhou, wu]) await assignStaff(ctx, junior.id, { personId: p.id, since: '2026-09-04' });
  await assignStaff(ctx, senior.id, { personId: zhao.id, since: '2026-09-04' });
  pm = await t.userAgent('pm.staff', ['contractor_pm']);
  contact = await t.userAgent('contact.staff', ['agency_contact']);
  // As the demo runs it: the project manager submits, the agency's contact reviews.
  await staffReviewDemo({ pm: await as(ctx, 'pm.staff'), contact: await as(ctx, 'contact.staff') }, c.id, wu.id);
  eng = await t.userAgent('eng.staff', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => {
  await t?.close();
});

const status = async () => json<TStaffListStatus>(await pm.get('/api/staff-lists/status'));
const todo = async (id: string) => json<THome>(await contact.get('/api/home')).sections.find((s) => s.id === id);
const bell = async (event: string) =>
  json<TNotificationList>(await contact.get('/api/notifications?pageSize=100')).items.filter((n) => n.event === event);

async function netPost(role: string) {
  const o = json<TOverview>(await pm.get('/api/contract/overview'));
  const c = json<TContract>(await pm.get(`/api/contracts/${o.contract!.id}`));
  return c.serviceLines!.find((l) => l.code === 'NET')!.staffing!.find((s) => s.role === role)!;
}
async function personNamed(name: string) {
  const r = json<{ items: { id: string; name: string; partyId: string }[] }>(
    await pm.get(`/api/people?q=${encodeURIComponent(name)}&pageSize=10`),
  );
  return r.items.find((p) => p.name === name)!;
}

describe('the demo', () => {
  it('has version 1 approved and outdated by a departure, version 2 awaiting the agency', async () => {
    const s = await status();
    expect(s.approved).toMatchObject({ version: 1, state: 'approved', submittedByName: 'pm.staff', reviewedByName: 'contact.staff' });
    expect(s.approved!.outdatedAt).not.toBeNull();
    expect(s.outdated).toBe(true);
    expect(s.pending).toMatchObject({ version: 2, state: 'submitted', submittedByName: 'pm.staff' });
    expect(s.approved!.lines.some((l) => l.personName === '吴磊')).toBe(true);
    expect(s.pending!.lines.some((l) => l.personName === '吴磊')).toBe(false);
    const line = s.pending!.lines.find((l) => l.personName === '周晓东')!;
    expect(line).toMatchObject({
      lineCode: 'NET',
      role: '初级网络工程师',
      required: '网络工程师认证',
      personTitle: '初级网络工程师（西办公区驻场）',
      qualifications: ['CCNP'],
      since: '2026-09-04',
    });
    expect(s.openChanges).toBe(1);
    expect((await todo('contract.staff_lists_to_review'))?.count).toBe(1);
    expect((await todo('contract.staff_changes'))?.items[0]).toMatchObject({ title: '吴磊 离岗' });
  });
});

describe('review', () => {
  it('returns with a reason only, then a resubmission is approved; every version kept', async () => {
    const { pending } = await status();
    const bare = await contact.post(`/api/staff-lists/${pending!.id}/review`, { approve: false });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<{ detail: string }>().detail).toBe('退回人员名单须说明理由');
    expect((await pm.post(`/api/staff-lists/${pending!.id}/review`, { approve: true })).statusCode).toBe(403);
    const returned = json<TStaffList>(
      await contact.post(`/api/staff-lists/${pending!.id}/review`, { approve: false, comment: '请补充吴磊的接替人员' }),
    );
    expect(returned).toMatchObject({ state: 'returned', comment: '请补充吴磊的接替人员', reviewedByName: 'contact.staff' });
    expect((await contact.post(`/api/staff-lists/${pending!.id}/review`, { approve: true })).statusCode).toBe(409);
    expect((await todo('contract.staff_lists_to_review'))?.count).toBe(0);

    expect((await eng.post('/api/staff-lists', { note: 'x' })).statusCode).toBe(403);
    const v3 = json<TStaffList>(await pm.post('/api/staff-lists', { note: '按甲方意见补充' }));
    expect(v3).toMatchObject({ version: 3, state: 'submitted' });
    const again = await pm.post('/api/staff-lists', { note: '再交一次' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ detail: string }>().detail).toContain('第 3 版人员名单正在甲方审核中');
    const ask = (await bell('contract.staff_list_to_review')).find((n) => n.objectId === v3.id)!;
    expect(ask).toMatchObject({ action: 'review', resolvedAt: null });

    expect(json<TStaffList>(await contact.post(`/api/staff-lists/${v3.id}/review`, { approve: true })).state).toBe('approved');
    const s = await status();
    expect(s).toMatchObject({ outdated: false, pending: null });
    expect(s.approved).toMatchObject({ version: 3, outdatedAt: null });
    expect((await bell('contract.staff_list_to_review')).find((n) => n.objectId === v3.id)!.resolvedAt).not.toBeNull();
    const all = json<{ items: TStaffList[]; total: number }>(await contact.get('/api/staff-lists'));
    expect(all.total).toBe(3);
    expect(all.items.map((l) => [l.version, l.state])).toEqual([
      [3, 'approved'],
      [2, 'returned'],
      [1, 'approved'],
    ]);
  });
});

describe('changes after approval', () => {
  it('are notified to the agency, outdate the list, and are acknowledged once', async () => {
    const post = await netPost('初级网络工程师');
    const wu = await personNamed('吴磊');
    const r = await pm.post(`/api/staffing/${post.id}/assignments`, { personId: wu.id, since: '2026-11-24' });
    expect(r.statusCode).toBe(201);
    const s = await status();
    expect(s.outdated).toBe(true);
    expect(s.openChanges).toBe(2);
    const changes = json<{ items: TStaffChange[]; total: number }>(await contact.get('/api/staff-changes?open=true'));
    const join = changes.items.find((c) => c.kind === 'join')!;
    expect(join).toMatchObject({ personName: '吴磊', lineCode: 'NET', role: '初级网络工程师', acknowledgedAt: null });
    const notice = (await bell('contract.staff_changed')).find((n) => n.objectId === join.id)!;
    expect(notice.title).toMatch(/^人员变更：吴磊到岗（.+ 初级网络工程师）$/);
    expect(notice.resolvedAt).toBeNull();

    expect((await pm.post(`/api/staff-changes/${join.id}/acknowledge`)).statusCode).toBe(403);
    const ack = json<TStaffChange>(await contact.post(`/api/staff-changes/${join.id}/acknowledge`));
    expect(ack.acknowledgedAt).not.toBeNull();
    expect((await contact.post(`/api/staff-changes/${join.id}/acknowledge`)).statusCode).toBe(409);
    expect((await bell('contract.staff_changed')).find((n) => n.objectId === join.id)!.resolvedAt).not.toBeNull();
    expect((await status()).openChanges).toBe(1);
    expect((await todo('contract.staff_changes'))?.count).toBe(1);
  });

  it('refuses a person who is not the contractor’s (no subcontracting), writing nothing', async () => {
    const post = await netPost('初级网络工程师');
    const people = json<{ items: { id: string; name: string; partyId: string }[] }>(await pm.get('/api/people?pageSize=200'));
    const contractor = (await personNamed('周晓东')).partyId;
    const outsider = people.items.find((p) => p.partyId !== contractor)!;
    const before = await status();
    const r = await pm.post(`/api/staffing/${post.id}/assignments`, { personId: outsider.id, since: null });
    expect(r.statusCode).toBe(422);
    expect(r.json<{ detail: string }>().detail).toBe(`${outsider.name}不是乙方人员：合同不得转包，岗位只能由乙方自有人员担任`);
    expect((await netPost('初级网络工程师')).assigned.map((a) => a.personId)).not.toContain(outsider.id);
    expect((await status()).openChanges).toBe(before.openChanges);
  });
});
