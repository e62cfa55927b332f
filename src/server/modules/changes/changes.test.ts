// The life of a change through the API (issue 12 point 1, R-CHG-01..03): approval steps by role from
// the rules table (a wrong role is refused), returned and resubmitted, implementation with backups
// attempted (a device that cannot be reached is noted, the change goes on), the agency's confirmation,
// conflicts on a device's window, standard templates, to-dos and notices, the Word form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { THome } from '../../../common/home.api.ts';
import type { TChange } from '../../../common/changes.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { freePort } from '../configbackup/test/sshd.ts';
import { register } from '../configbackup/test/helpers.ts';
import { HOUR, act, changeInput, file } from './test/helpers.ts';

let t: TestApp;
let eng: Agent;
let pm: Agent;
let contact: Agent;
let manager: Agent;
let dev1: string;
let dev2: string;
const clock = new Clock(new Date('2025-03-03T09:00:00+08:00'));
const at = (h: number) => new Date(clock.now().getTime() + h * HOUR);

beforeAll(async () => {
  t = await testApp({ clock });
  eng = await t.userAgent('eng.chg', ['engineer'], { serviceLines: ['NET'] });
  pm = await t.userAgent('pm.chg', ['contractor_pm']);
  contact = await t.userAgent('contact.chg', ['agency_contact']);
  manager = await t.userAgent('manager.chg', ['agency_manager']);
  // Devices nobody answers for (a closed loopback port): their backups fail fast and are noted.
  const port = await freePort();
  dev1 = (await register(eng, { name: '核心交换机 A', port, password: 'x-Pass-1' })).id;
  dev2 = (await register(eng, { name: '汇聚交换机 B', port, password: 'x-Pass-1' })).id;
});
afterAll(async () => {
  await t?.close();
});

const bell = async (a: Agent) => json<{ items: { event: string; title: string }[] }>(await a.get('/api/notifications')).items;
const home = async (a: Agent, id: string) => json<THome>(await a.get('/api/home')).sections.find((s) => s.id === id);

describe('a normal change', () => {
  it('passes PM → agency contact → agency manager (high risk), each step only by its role, then is implemented and confirmed', async () => {
    const c = await file(eng, changeInput({ risk: 'high', deviceIds: [dev1], start: at(48) }));
    expect(c).toMatchObject({ state: 'draft', awaiting: null });
    expect(c.number).toMatch(/^BG-\d{4}$/);
    const s = await act(eng, c.id, 'submit');
    expect(s.state).toBe('submitted');
    expect(s.approvals.map((x) => x.role)).toEqual(['contractor_pm', 'agency_contact', 'agency_manager']);
    expect(s.awaiting).toBe('contractor_pm');
    expect((await bell(pm)).some((n) => n.event === 'change.to_approve' && n.title.includes(c.number))).toBe(true);
    expect((await home(pm, 'changes.to_approve'))?.count).toBe(1);

    // The wrong role, or no approval permission at all, is refused.
    const wrong = await contact.post(`/api/changes/${c.id}/actions`, { action: 'approve' });
    expect(wrong.statusCode).toBe(403);
    expect(json<{ detail: string }>(wrong).detail).toContain('乙方项目经理');
    await act(eng, c.id, 'approve', 403);
    await act(contact, c.id, 'confirm', 409); // not implemented yet

    expect((await act(pm, c.id, 'approve', 200, '同意')).awaiting).toBe('agency_contact');
    expect((await home(pm, 'changes.to_approve'))?.count).toBe(0);
    expect((await home(contact, 'changes.to_approve'))?.count).toBe(1);
    await act(manager, c.id, 'approve', 403); // not yet the manager's step
    expect((await act(contact, c.id, 'approve')).awaiting).toBe('agency_manager');
    const approved = await act(manager, c.id, 'approve');
    expect(approved).toMatchObject({ state: 'approved', awaiting: null });
    expect(approved.approvals.every((x) => x.status === 'approved' && x.byName)).toBe(true);

    await act(contact, c.id, 'start', 403); // the agency does not implement
    const started = await act(eng, c.id, 'start');
    expect(started.state).toBe('implementing');
    expect(started.devices[0]).toMatchObject({ name: '核心交换机 A', beforeVersionId: null });
    expect(started.devices[0]!.beforeError).toBeTruthy(); // unreachable: noted, the change goes on
    const done = await act(eng, c.id, 'finish');
    expect(done.state).toBe('implemented');
    expect((await home(contact, 'changes.to_confirm'))?.count).toBe(1);
    await act(eng, c.id, 'confirm', 403);
    const closed = await act(contact, c.id, 'confirm', 200, '已核对');
    expect(closed).toMatchObject({ state: 'confirmed', confirmedByName: 'contact.chg' });
    expect(closed.events.map((e) => e.kind)).toEqual(['create', 'submit', 'approve', 'approve', 'approve', 'start', 'finish', 'confirm']);

    // The Word form: a real .docx whose text names the change, its steps and who approved.
    const word = await contact.get(`/api/changes/${c.id}/word`);
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-disposition']).toContain('filename*=');
    const xml = await (await JSZip.loadAsync(word.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '变更申请单',
      c.number,
      '核心交换机 VLAN 调整',
      '一般变更',
      '删除新增 VLAN',
      '甲方负责人',
      'manager.chg',
      '变更后备份',
    ])
      expect(text).toContain(s);
  });

  it('is returned for changes, edited and resubmitted; a low-risk one needs no agency manager; rejection ends it', async () => {
    const c = await file(eng, changeInput({ risk: 'low', systems: 'OA 系统', start: at(72) }));
    await act(eng, c.id, 'submit');
    const back = await act(pm, c.id, 'return', 200, '请补充回退方案');
    expect(back.state).toBe('returned');
    expect((await bell(eng)).some((n) => n.title.includes('退回'))).toBe(true);
    const edited = await eng.put(
      `/api/changes/${c.id}`,
      changeInput({ risk: 'low', systems: 'OA 系统', start: at(72), rollback: '回退到快照' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const again = await act(eng, c.id, 'submit');
    expect(again.approvals.map((x) => x.role)).toEqual(['contractor_pm', 'agency_contact']);
    await act(pm, c.id, 'approve');
    expect((await act(contact, c.id, 'reject', 200, '窗口与会议冲突')).state).toBe('rejected');
    await act(eng, c.id, 'start', 409);
    expect((await eng.put(`/api/changes/${c.id}`, changeInput({ systems: 'OA', start: at(72) }))).statusCode).toBe(409);
  });
});

describe('conflicts and lists', () => {
  it('flags two live changes on one device with overlapping windows, in the change and in the list', async () => {
    const a = await file(eng, changeInput({ title: '冲突 A', deviceIds: [dev2], start: at(200), hours: 3 }));
    const b = await file(eng, changeInput({ title: '冲突 B', deviceIds: [dev2, dev1], start: at(202), hours: 3 }));
    const c = await file(eng, changeInput({ title: '不冲突 C', deviceIds: [dev2], start: at(205), hours: 1 }));
    expect(b.conflicts).toEqual([expect.objectContaining({ id: a.id, deviceName: '汇聚交换机 B' })]);
    expect(c.conflicts).toEqual([]);
    const list = json<{ items: TChange[] }>(await contact.get(`/api/changes?deviceId=${dev2}`)).items;
    expect(list.map((x) => x.title).sort()).toEqual(['不冲突 C', '冲突 A', '冲突 B']);
    expect(list.find((x) => x.id === a.id)!.conflicts.map((x) => x.id)).toEqual([b.id]);
    // A cancelled change holds no window any more.
    await act(eng, b.id, 'cancel');
    expect(json<TChange>(await eng.get(`/api/changes/${a.id}`)).conflicts).toEqual([]);
    const xlsx = await eng.get(`/api/changes/export?deviceId=${dev2}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(json<{ total: number }>(await eng.get('/api/changes?state=cancelled&type=normal')).total).toBe(1);
  });
});

describe('standard changes', () => {
  it('need a template the agency approved; then they are approved on submission', async () => {
    const tpl = json<{ id: string; approved: boolean }>(
      await pm.post('/api/change-templates', {
        name: '端口 VLAN 调整',
        category: 'configuration',
        risk: 'low',
        steps: '改 VLAN',
        rollback: '改回',
      }),
    );
    expect(tpl.approved).toBe(false);
    const input = changeInput({ type: 'standard', templateId: tpl.id, deviceIds: [dev1], start: at(400) });
    expect((await eng.post('/api/changes', input)).statusCode).toBe(409);
    expect((await pm.post(`/api/change-templates/${tpl.id}/approve`)).statusCode).toBe(409); // the agency approves
    expect((await contact.post(`/api/change-templates/${tpl.id}/approve`)).statusCode).toBe(200);
    const c = await file(eng, input);
    expect(await act(eng, c.id, 'submit')).toMatchObject({ state: 'approved', approvals: [] });
    expect((await eng.post('/api/changes', { ...input, type: 'standard', templateId: undefined })).statusCode).toBe(400);
  });
});

describe('third-party access and reviews', () => {
  it('requests, approves, logs and flags an expired time box (R-CHG-04)', async () => {
    const r = await eng.post('/api/third-party-access', {
      person: '张工',
      company: '华为技术服务',
      mode: 'onsite',
      purpose: '核心交换机板卡更换',
      devices: '核心交换机 A',
      // A time box that has already ended (sessions would not outlive moving the clock past it).
      startAt: at(-3).toISOString(),
      endAt: at(-1).toISOString(),
    });
    expect(r.statusCode, r.body).toBe(201);
    const a = json<{ id: string; number: string }>(r);
    expect((await eng.post(`/api/third-party-access/${a.id}/logs`, { text: '到场' })).statusCode).toBe(409);
    expect((await eng.post(`/api/third-party-access/${a.id}/actions`, { action: 'approve' })).statusCode).toBe(403);
    expect((await pm.post(`/api/third-party-access/${a.id}/actions`, { action: 'approve' })).statusCode).toBe(200);
    expect((await eng.post(`/api/third-party-access/${a.id}/logs`, { text: '更换 3 号板卡，业务正常' })).statusCode).toBe(200);
    const list = json<{ items: { id: string; expired: boolean; logs: unknown[] }[] }>(await contact.get('/api/third-party-access'));
    expect(list.items.find((x) => x.id === a.id)).toMatchObject({
      expired: true,
      logs: [expect.objectContaining({ text: '更换 3 号板卡，业务正常' })],
    });
  });

  it('submits the annual plan, returns it with comments and approves the next version (R-CHG-06)', async () => {
    const d = json<{ id: string }>(
      await pm.post('/api/change-reviews', { kind: 'annual_plan', title: '2025 年度运维计划', body: '第一版' }),
    );
    expect((await eng.post(`/api/change-reviews/${d.id}/decision`, { decision: 'approved' })).statusCode).toBe(403);
    expect((await contact.post(`/api/change-reviews/${d.id}/decision`, { decision: 'returned' })).statusCode).toBe(409); // needs a comment
    expect((await contact.post(`/api/change-reviews/${d.id}/decision`, { decision: 'returned', comment: '补充巡检频次' })).statusCode).toBe(
      200,
    );
    expect((await pm.post(`/api/change-reviews/${d.id}/versions`, { body: '第二版：每周巡检' })).statusCode).toBe(200);
    const ok = json<{ state: string; version: number; versions: { comment: string | null }[] }>(
      await manager.post(`/api/change-reviews/${d.id}/decision`, { decision: 'approved', comment: '同意' }),
    );
    expect(ok).toMatchObject({ state: 'approved', version: 2 });
    expect(ok.versions[0]!.comment).toBe('补充巡检频次');
  });
});
