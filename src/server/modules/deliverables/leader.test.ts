// R-RPT-03 through the API on the harness clock: the agency asks for a data table by a due date, the
// project manager assigns it, the engineer uploads and delivers, the agency asks again, the second
// delivery is accepted; an overdue request is told once and heads the project manager's to-do; bad
// input is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TLeaderRequest } from '../../../common/deliverables.ts';
import type { THome } from '../../../common/home.api.ts';
import { xlsx } from '../../test/file-samples.ts';
import { Clock, json, TEST_PASSWORD, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { notifyOverdue } from './leader.ts';

const DAY = 86_400_000;
const clock = new Clock(new Date('2026-11-02T09:00:00+08:00'));
let t: TestApp;
let pm: Agent;
let contact: Agent;
let eng: Agent;
let eng2: Agent;
let engId = '';

beforeAll(async () => {
  t = await testApp({ clock });
  pm = await t.userAgent('pm.l', ['contractor_pm']);
  contact = await t.userAgent('contact.l', ['agency_contact']);
  eng = await t.userAgent('eng.l', ['engineer'], { serviceLines: ['NET'] });
  eng2 = await t.userAgent('eng2.l', ['engineer'], { serviceLines: ['SM'] });
  engId = json<{ id: string; name: string }[]>(await pm.get('/api/leader-requests/assignees')).find((p) => p.name === 'eng.l')!.id;
});
afterAll(async () => {
  await t?.close();
});

const input = {
  title: '各处室外网接入情况统计表',
  kind: 'data_table',
  detail: '按处室统计终端数与带宽',
  dueDate: '2026-11-04',
  requester: '王主任',
};
const todo = async (a: Agent) => json<THome>(await a.get('/api/home')).sections.find((s) => s.id === 'deliverables.leader_due');
const upload = async (a: Agent, id: string, name = '统计表.xlsx') =>
  a.upload(`/api/leader-requests/${id}/files`, { filename: name, content: await xlsx() });

describe('leader support requests', () => {
  it('are requested, assigned, delivered, asked again and accepted', async () => {
    expect((await pm.post('/api/leader-requests', input)).statusCode).toBe(403);
    const r = json<TLeaderRequest>(await contact.post('/api/leader-requests', input));
    expect(r).toMatchObject({ number: 'LS-0001', state: 'open', overdue: false, createdByName: 'contact.l' });
    expect((await todo(pm))?.items[0]).toMatchObject({ title: 'LS-0001 各处室外网接入情况统计表', tag: '待分派' });
    expect(await todo(contact)).toBeUndefined();
    // Not yet assigned: the engineer may not deliver it.
    expect((await upload(eng, r.id)).statusCode).toBe(403);
    expect((await eng.post(`/api/leader-requests/${r.id}/assign`, { assigneeId: engId })).statusCode).toBe(403);
    const assigned = json<TLeaderRequest>(await pm.post(`/api/leader-requests/${r.id}/assign`, { assigneeId: engId }));
    expect(assigned).toMatchObject({ state: 'assigned', assigneeName: 'eng.l' });
    expect((await upload(eng2, r.id)).statusCode).toBe(403);
    // Delivering needs a file first.
    expect((await eng.post(`/api/leader-requests/${r.id}/deliver`, { note: '见附件' })).statusCode).toBe(400);
    expect((await upload(eng, r.id)).statusCode).toBe(201);
    const d1 = json<TLeaderRequest>(await eng.post(`/api/leader-requests/${r.id}/deliver`, { note: '已按处室统计' }));
    expect(d1.state).toBe('delivered');
    expect(d1.deliveries.map((d) => [d.round, d.files.map((f) => f.name)])).toEqual([[1, ['统计表.xlsx']]]);
    expect(d1.pendingFiles).toEqual([]);
    // Asking again needs to say what for.
    expect((await contact.post(`/api/leader-requests/${r.id}/decision`, { decision: 'again' })).statusCode).toBe(400);
    const again = json<TLeaderRequest>(
      await contact.post(`/api/leader-requests/${r.id}/decision`, { decision: 'again', comment: '请增加近三个月故障次数一列' }),
    );
    expect(again.state).toBe('assigned');
    expect(again.deliveries[0]).toMatchObject({ decision: 'again', comment: '请增加近三个月故障次数一列', decidedByName: 'contact.l' });
    expect((await upload(eng, r.id, '统计表（含故障次数）.xlsx')).statusCode).toBe(201);
    const d2 = json<TLeaderRequest>(await eng.post(`/api/leader-requests/${r.id}/deliver`, { note: '已增加故障次数' }));
    expect(d2.deliveries.map((d) => [d.round, d.files.map((f) => f.name)])).toEqual([
      [1, ['统计表.xlsx']],
      [2, ['统计表（含故障次数）.xlsx']],
    ]);
    const accepted = json<TLeaderRequest>(await contact.post(`/api/leader-requests/${r.id}/decision`, { decision: 'accepted' }));
    expect(accepted.state).toBe('accepted');
    const twice = await contact.post(`/api/leader-requests/${r.id}/decision`, { decision: 'accepted' });
    expect(twice.statusCode).toBe(409);
    expect(json<{ detail: string }>(twice).detail).toContain('已验收');
    expect((await upload(eng, r.id)).statusCode).toBe(409);
    const file = await contact.get(`/api/leader-requests/${r.id}/files/${accepted.deliveries[1]!.files[0]!.id}`);
    expect(file.statusCode).toBe(200);
    expect((await todo(pm))?.count).toBe(0);
  });

  it('an overdue request is told once and marked on the to-do', async () => {
    const r = json<TLeaderRequest>(await contact.post('/api/leader-requests', { ...input, title: '网络运行月报', kind: 'network_report' }));
    expect(await notifyOverdue(t.ctx)).toBe(0);
    clock.advance(3 * DAY); // 2026-11-05: past the due day 2026-11-04
    for (const [a, u] of [
      [pm, 'pm.l'],
      [contact, 'contact.l'],
      [eng, 'eng.l'],
    ] as const)
      await a.login(u, TEST_PASSWORD);
    expect(await notifyOverdue(t.ctx)).toBe(1);
    expect(await notifyOverdue(t.ctx)).toBe(0);
    const item = (await todo(pm))?.items.find((i) => i.title.endsWith('网络运行月报'));
    expect(item).toMatchObject({ tag: '已逾期', risk: 'breached' });
    expect(json<TLeaderRequest>(await pm.get(`/api/leader-requests/${r.id}`)).overdue).toBe(true);
    for (const a of [pm, contact]) {
      const n = json<{ items: { event: string; title: string }[] }>(await a.get('/api/notifications?pageSize=50')).items;
      expect(n.find((x) => x.event === 'leader.overdue')?.title).toContain('网络运行月报');
    }
  });

  it('refuses bad input with nothing written', async () => {
    const before = json<{ total: number }>(await pm.get('/api/leader-requests')).total;
    const past = await contact.post('/api/leader-requests', { ...input, dueDate: '2026-11-01' });
    expect([past.statusCode, json<{ detail: string }>(past).detail]).toEqual([400, '完成期限不能早于今天']);
    expect((await contact.post('/api/leader-requests', { ...input, dueDate: '2026-02-30' })).statusCode).toBe(400);
    expect((await contact.post('/api/leader-requests', { ...input, title: '  ' })).statusCode).toBe(400);
    expect((await contact.post('/api/leader-requests', { ...input, kind: 'poem' })).statusCode).toBe(400);
    expect(json<{ total: number }>(await pm.get('/api/leader-requests')).total).toBe(before);
    const r = json<TLeaderRequest>(await contact.post('/api/leader-requests', { ...input, dueDate: '2026-11-20' }));
    const agencyId = '00000000-0000-4000-8000-000000000000';
    expect((await pm.post(`/api/leader-requests/${r.id}/assign`, { assigneeId: agencyId })).statusCode).toBe(400);
    expect((await pm.post(`/api/leader-requests/${r.id}/assign`, { assigneeId: 'x' })).statusCode).toBe(400);
    const exe = await pm.upload(`/api/leader-requests/${r.id}/files`, { filename: 'tool.exe', content: Buffer.from('MZ\x90\x00') });
    expect(exe.statusCode).toBe(415);
    expect(json<TLeaderRequest>(await pm.get(`/api/leader-requests/${r.id}`)).pendingFiles).toEqual([]);
    const page = json<{ items: TLeaderRequest[]; total: number }>(await eng.get('/api/leader-requests?pageSize=2'));
    expect([page.items.length, page.total]).toEqual([2, before + 1]);
  });
});
