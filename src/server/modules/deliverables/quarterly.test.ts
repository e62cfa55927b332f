// R-RPT-02 through the API on the harness clock: the 15-day review counted in calendar days from the
// day after receipt, a last day on a holiday moving to the next working day; silence to the end of it
// approves the summary (audited as the system, both sides told); objection → thread → resubmission
// (a new version and a new period) → approval; and the bad input the issue lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THome } from '../../../common/home.api.ts';
import type { TQuarterly } from '../../../common/deliverables.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { docx, pdf, png, xlsx } from '../../test/file-samples.ts';
import { Clock, json, TEST_PASSWORD, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { reviewDeadline } from './deadline.ts';
import { approveSilent } from './silence.ts';

const DAY = 86_400_000;
const clock = new Clock(new Date('2026-09-22T10:00:00+08:00'));
let t: TestApp;
let pm: Agent;
let contact: Agent;
let manager: Agent;
let eng: Agent;

beforeAll(async () => {
  t = await testApp({ clock });
  pm = await t.userAgent('pm.q', ['contractor_pm']);
  contact = await t.userAgent('contact.q', ['agency_contact']);
  manager = await t.userAgent('manager.q', ['agency_manager']);
  eng = await t.userAgent('eng.q', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => {
  await t?.close();
});

async function submit(a: Agent, quarter: string, o: { filename?: string; content?: Buffer; url?: string } = {}) {
  return a.upload(o.url ?? '/api/quarterlies', {
    filename: o.filename ?? `${quarter} 季度服务工作总结.docx`,
    content: o.content ?? (await docx(`${quarter} 运维服务工作总结`)),
    fields: { quarter, reportRef: `月报汇总 ${quarter}`, note: '' },
  });
}
/** Moves the clock; the sessions idle past their timeout sign in again. */
async function jump(to: Date | number): Promise<void> {
  if (typeof to === 'number') clock.advance(to);
  else clock.set(to);
  for (const [a, u] of [
    [pm, 'pm.q'],
    [contact, 'contact.q'],
    [manager, 'manager.q'],
    [eng, 'eng.q'],
  ] as const)
    expect((await a.login(u, TEST_PASSWORD)).statusCode).toBe(200);
}
const todo = async (a: Agent) => json<THome>(await a.get('/api/home')).sections.find((s) => s.id === 'deliverables.quarterly_to_review');
const notices = async (a: Agent) =>
  json<{ items: { title: string; event: string }[] }>(await a.get('/api/notifications?pageSize=50')).items;
const decide = (a: Agent, id: string, decision: string, comment = '') => a.post(`/api/quarterlies/${id}/decision`, { decision, comment });

describe('the review period (第六条3: 15 日, calendar days)', () => {
  it('ends at 24:00 of the 15th day after receipt; a last day on a rest day moves to the next working day', async () => {
    const cal = await getCalendar(t.ctx);
    const due = (at: string) => reviewDeadline(cal, new Date(at));
    // An ordinary one: received Monday 2 November, the 15th day is Tuesday 17 November.
    expect(due('2026-11-02T09:00:00+08:00')).toEqual({ dueDate: '2026-11-17', dueAt: new Date('2026-11-18T00:00:00+08:00') });
    // Received 22 September: the 15th day is 7 October, inside the National Day holiday: 8 October.
    expect(due('2026-09-22T10:00:00+08:00').dueDate).toBe('2026-10-08');
    // Received late in the evening China time (still the 25th there): the 15th day is Saturday
    // 10 October, a make-up working day, so it stays.
    expect(due('2026-09-25T15:30:00Z').dueDate).toBe('2026-10-10');
    // A Sunday 15th day moves to Monday.
    expect(due('2026-11-14T10:00:00+08:00').dueDate).toBe('2026-11-30');
  });
});

describe('quarterly summary', () => {
  let silentId = '';
  it('silence for 15 days approves it, audited as the system, with a notice to both sides', async () => {
    const r = await submit(pm, '2026-Q3');
    expect(r.statusCode, r.body).toBe(201);
    const q = json<TQuarterly>(r);
    silentId = q.id;
    expect(q).toMatchObject({ quarter: '2026-Q3', state: 'submitted', version: 1, dueDate: '2026-10-08', daysLeft: 16 });
    expect(q.versions[0]).toMatchObject({ reportRef: '月报汇总 2026-Q3', submittedByName: 'pm.q', decision: null });
    // The agency's to-do, with the days left.
    const section = await todo(contact);
    expect(section?.count).toBe(1);
    expect(section?.items[0]?.subtitle).toContain('剩余 16 天');
    expect(await todo(pm)).toBeUndefined();
    expect((await notices(manager)).some((n) => n.event === 'quarterly.to_review')).toBe(true);

    // The 15th day (7 October) is a holiday: on 8 October the period still runs.
    await jump(new Date('2026-10-08T23:59:00+08:00'));
    expect(await approveSilent(t.ctx)).toBe(0);
    expect(json<TQuarterly>(await contact.get(`/api/quarterlies/${q.id}`))).toMatchObject({ state: 'submitted', daysLeft: 0 });
    await jump(new Date('2026-10-09T00:00:00+08:00'));
    expect(await approveSilent(t.ctx)).toBe(1);
    expect(await approveSilent(t.ctx)).toBe(0); // once

    const after = json<TQuarterly>(await pm.get(`/api/quarterlies/${q.id}`));
    expect(after).toMatchObject({ state: 'approved', approvedHow: 'silence', daysLeft: null });
    expect(after.versions[0]).toMatchObject({ decision: 'silence', decidedByName: '系统', comment: '逾期未提出异议，视为通过' });
    for (const a of [pm, contact, manager]) {
      const n = (await notices(a)).find((x) => x.event === 'quarterly.approved_silently');
      expect(n?.title).toBe('2026 年第三季度服务工作总结：逾期未提出异议，视为通过');
    }
    expect((await todo(contact))?.count).toBe(0);
  });

  it('the silent approval is in the audit trail with the system as actor', async () => {
    const admin = await t.userAgent('audit.q', ['audit_admin']);
    const r = await admin.get(`/api/audit?objectId=${silentId}`);
    expect(r.statusCode, r.body).toBe(200);
    const rows = json<{ items: { action: string; actorName: string }[] }>(r).items;
    expect(rows.find((x) => x.action === 'quarterly.approve_silently')?.actorName).toBe('system');
    expect(rows.find((x) => x.action === 'quarterly.submit')?.actorName).toBe('pm.q');
  });

  it('approving or objecting after the period or twice is refused with 409, nothing changed', async () => {
    const late = await decide(contact, silentId, 'objected', '数据不全');
    expect(late.statusCode).toBe(409);
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect(json<{ detail: string }>(late).detail).toContain('逾期未提出异议，视为通过');
    const q = json<TQuarterly>(await pm.get(`/api/quarterlies/${silentId}`));
    expect([q.state, q.comments.length]).toEqual(['approved', 0]);
  });

  it('objection → thread → resubmission (new version, new period) → approval', async () => {
    await jump(new Date('2026-10-12T09:00:00+08:00'));
    const q = json<TQuarterly>(await submit(pm, '2026-Q2', { filename: '二季度总结.pdf', content: pdf() }));
    expect(q.dueDate).toBe('2026-10-27');
    await jump(2 * DAY);
    // An objection must say why.
    expect((await decide(contact, q.id, 'objected')).statusCode).toBe(400);
    expect((await decide(pm, q.id, 'approved')).statusCode).toBe(403);
    const objected = json<TQuarterly>(await decide(contact, q.id, 'objected', '缺少两次核心交换机故障的整改措施'));
    expect(objected.state).toBe('objected');
    expect(objected.comments.map((c) => [c.side, c.body])).toEqual([['agency', '缺少两次核心交换机故障的整改措施']]);
    expect((await notices(pm)).some((n) => n.event === 'quarterly.objected')).toBe(true);
    // Twice: refused.
    expect((await decide(manager, q.id, 'approved')).statusCode).toBe(409);
    // The thread: both sides.
    expect((await pm.post(`/api/quarterlies/${q.id}/comments`, { body: '将补充处理过程与根因分析' })).statusCode).toBe(201);
    const thread = json<TQuarterly>(await manager.post(`/api/quarterlies/${q.id}/comments`, { body: '请附可用率数据' }));
    expect(thread.comments.map((c) => c.side)).toEqual(['agency', 'contractor', 'agency']);
    expect((await eng.post(`/api/quarterlies/${q.id}/comments`, { body: '我也说一句' })).statusCode).toBe(403);
    // Silence does not run while objected.
    await jump(20 * DAY); // 2026-11-03
    expect(await approveSilent(t.ctx)).toBe(0);

    const v2 = await submit(pm, '', { url: `/api/quarterlies/${q.id}/versions` });
    expect(v2.statusCode, v2.body).toBe(201);
    const re = json<TQuarterly>(v2);
    expect(re).toMatchObject({ state: 'submitted', version: 2, dueDate: '2026-11-18' });
    expect(re.versions.map((v) => [v.version, v.decision])).toEqual([
      [1, 'objected'],
      [2, null],
    ]);
    expect(re.versions[0]?.fileName).toBe('二季度总结.pdf');
    // Resubmitting again before an answer: refused.
    expect((await submit(pm, '', { url: `/api/quarterlies/${q.id}/versions` })).statusCode).toBe(409);
    const ok = json<TQuarterly>(await decide(manager, q.id, 'approved'));
    expect(ok).toMatchObject({ state: 'approved', approvedHow: 'agency' });
    expect(ok.versions[1]).toMatchObject({ decision: 'approved', decidedByName: 'manager.q' });
    expect((await decide(contact, q.id, 'approved')).statusCode).toBe(409);
    // The files of both versions stay downloadable.
    const file = await contact.get(`/api/quarterlies/${q.id}/files/${re.versions[0]!.fileId}`);
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/pdf']);
  });

  it('refuses bad input with a Chinese problem and writes nothing', async () => {
    const before = json<{ total: number }>(await pm.get('/api/quarterlies')).total;
    const future = await submit(pm, '2027-Q1');
    expect(future.statusCode).toBe(422);
    expect(json<{ code: string; detail: string }>(future)).toMatchObject({ code: 'quarterly.future' });
    expect(json<{ detail: string }>(future).detail).toContain('尚未开始');
    expect((await submit(pm, '2026-Q5')).statusCode).toBe(400);
    expect((await submit(pm, '2026Q1')).statusCode).toBe(400);
    const sheet = await submit(pm, '2026-Q1', { filename: '总结.xlsx', content: await xlsx() });
    expect([sheet.statusCode, json<{ code: string }>(sheet).code]).toEqual([415, 'quarterly.file_type']);
    const disguised = await submit(pm, '2026-Q1', { filename: '总结.docx', content: png() });
    expect([disguised.statusCode, json<{ code: string }>(disguised).code]).toEqual([415, 'file.type_mismatch']);
    const noFile = await pm.post('/api/quarterlies', { quarter: '2026-Q1' });
    expect(noFile.statusCode).toBe(415);
    expect((await submit(eng, '2026-Q1')).statusCode).toBe(403);
    expect((await submit(contact, '2026-Q1')).statusCode).toBe(403);
    const twice = await submit(pm, '2026-Q3');
    expect([twice.statusCode, json<{ code: string }>(twice).code]).toEqual([409, 'quarterly.exists']);
    expect(json<{ total: number }>(await pm.get('/api/quarterlies')).total).toBe(before);
    expect((await decide(contact, '00000000-0000-4000-8000-000000000000', 'approved')).statusCode).toBe(404);
    const page = json<{ items: TQuarterly[]; total: number }>(await eng.get('/api/quarterlies?pageSize=1&page=2'));
    expect([page.items.length, page.total]).toEqual([1, 2]);
    expect(page.items[0]?.quarter).toBe('2026-Q2');
  });
});
