// The ticket fault flow through the HTTP API (R-SD-05..08), on both databases: diagnosis → plan →
// work → maintenance report → the agency tests and confirms → follow-up; rejection, emergency mode,
// merging duplicates, permissions and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TTicket } from '../../../common/desk.ts';
import type {
  TFollowup,
  TFollowupItem,
  TFollowupStats,
  TKbDraft,
  TTicketDocuments,
  TTicketFlow,
  TTimelineEvent,
  TWorkLog,
} from '../../../common/desk-flow.ts';
import { notifications, users } from '../../kernel/db/tables.ts';
import { ticketDocuments, ticketEvents, ticketWorkLogs } from './tables.ts';

let t: TestApp;
let duty: Agent;
let pm: Agent;
let engNet: Agent;
let engNet2: Agent;
let engSm: Agent;
let contact: Agent;
let staff: Agent;
const id: Record<string, string> = {};

// Tuesday 2021-10-12 10:00 Beijing time.
beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2021-10-12T02:00:00Z')) });
  duty = await t.userAgent('duty.op', ['duty_operator']);
  pm = await t.userAgent('pm.li', ['contractor_pm']);
  engNet = await t.userAgent('eng.net1', ['engineer'], { serviceLines: ['NET'] });
  engNet2 = await t.userAgent('eng.net2', ['engineer'], { serviceLines: ['NET'] });
  engSm = await t.userAgent('eng.sm1', ['engineer'], { serviceLines: ['SM'] });
  contact = await t.userAgent('agency.tech', ['agency_contact']);
  staff = await t.userAgent('agency.clerk', ['agency_staff']);
  for (const u of await t.db.database.db.select({ id: users.id, username: users.username }).from(users)) id[u.username] = u.id;
});
afterAll(async () => {
  await t.close();
});

const db = () => t.db.database.db;
const sla = (tk: TTicket, target: string) => tk.slas.find((s) => s.target === target)!;
const now = () => t.clock.now().toISOString();
const ago = (min: number) => new Date(t.clock.now().getTime() - min * 60_000).toISOString();

/** Lets time pass while everyone stays signed in (sessions end after 30 idle minutes). */
async function pass(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 20 * 60_000) {
    t.clock.advance(Math.min(left, 20 * 60_000));
    for (const a of [duty, pm, engNet, engNet2, engSm, contact, staff]) await a.get('/api/auth/me');
  }
}

async function newTicket(body: Record<string, unknown> = {}, by: Agent = duty): Promise<TTicket> {
  const r = await by.post('/api/tickets', {
    serviceLine: 'NET',
    category: 'fault',
    severity: 'high',
    title: '办公区断网',
    channel: 'hotline',
    ...body,
  });
  expect(r.statusCode).toBe(201);
  return json<TTicket>(r);
}
const ticket = async (tid: string) => json<TTicket>(await duty.get(`/api/tickets/${tid}`));
const flow = async (tid: string) => json<TTicketFlow>(await duty.get(`/api/tickets/${tid}/flow`));
const timeline = async (tid: string) => json<TTimelineEvent[]>(await duty.get(`/api/tickets/${tid}/timeline`));
const notified = async (username: string, event: string, tid: string) =>
  Number(
    (
      await db()
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, id[username]!), eq(notifications.event, event), eq(notifications.objectId, tid)))
    )[0]!.n,
  );

const DIAGNOSIS = {
  sceneRecord: '六里桥三层弱电间核心交换机 2 号板卡指示灯熄灭，三层 40 个信息点断网',
  severity: 'high',
  emergencyActions: '临时将三层接入交换机上联切换到备用端口',
  preliminaryCause: '板卡故障',
};
const PLAN = {
  steps: '1. 更换 2 号板卡\n2. 恢复原上联\n3. 逐点测试',
  fallbackPlan: '如备件未到，保持备用上联',
  expectedEndAt: '2021-10-12T18:00:00+08:00',
  needsAgencyApproval: false,
};
const report = () => ({
  faultDescription: '核心交换机 2 号板卡故障导致三层断网',
  cause: '板卡电源模块老化损坏',
  actions: '更换 2 号板卡，恢复上联，恢复配置并逐点测试',
  result: '三层 40 个信息点恢复正常',
  partsUsed: '板卡 1 块',
  startedAt: ago(60),
  finishedAt: now(),
});

describe('a NET fault through the whole flow (acceptance)', () => {
  let tk: TTicket;

  it('logs the hotline call, calls back, assigns, and the engineer arrives', async () => {
    tk = await newTicket({
      title: '六里桥办公区三层核心交换机故障',
      description: '三层全部断网',
      requesterName: '王芳',
      requesterPhone: '010-63167838',
      requesterDepartment: '信息中心',
    });
    await pass(3 * 60_000);
    expect(sla(json<TTicket>(await duty.post(`/api/tickets/${tk.id}/events`, { kind: 'callback' })), 'callback').state).toBe('met');
    const assigned = await pm.post(`/api/tickets/${tk.id}/assign`, { assigneeId: id['eng.net1'] });
    expect(assigned.statusCode).toBe(200);
    expect(json<TTicketFlow>(assigned)).toMatchObject({ assigneeName: 'eng.net1', ticket: { assigneeId: id['eng.net1'] } });
    expect(await notified('eng.net1', 'ticket.assigned', tk.id)).toBe(1);
    await pass(60 * 60_000);
    const arrived = json<TTicket>(await engNet.post(`/api/tickets/${tk.id}/events`, { kind: 'arrive' }));
    expect(arrived.status).toBe('in_progress');
    expect(json<TTicketFlow>(await engNet.get(`/api/tickets/${tk.id}/flow`)).docsMissing).toEqual(['diagnosis', 'plan', 'report']);
  });

  it('takes the diagnosis (versioned), the plan and the work log', async () => {
    const d1 = await engNet.put(`/api/tickets/${tk.id}/documents/diagnosis`, { ...DIAGNOSIS, preliminaryCause: '待查' });
    expect(d1.statusCode).toBe(200);
    expect(json(d1)).toMatchObject({ kind: 'diagnosis', version: 1, createdByName: 'eng.net1' });
    expect(json(await engNet.put(`/api/tickets/${tk.id}/documents/diagnosis`, DIAGNOSIS))).toMatchObject({ version: 2 });
    expect(json(await engNet.put(`/api/tickets/${tk.id}/documents/plan`, PLAN))).toMatchObject({ kind: 'plan', version: 1 });
    await pass(40 * 60_000);
    const log = await engNet.post(`/api/tickets/${tk.id}/worklogs`, {
      mode: 'onsite',
      startAt: ago(40),
      endAt: now(),
      summary: '更换板卡并测试',
    });
    expect(log.statusCode).toBe(201);
    expect(json<TWorkLog>(log)).toMatchObject({ engineerId: id['eng.net1'], engineerName: 'eng.net1', mode: 'onsite' });
    const docs = json<TTicketDocuments>(await duty.get(`/api/tickets/${tk.id}/documents`));
    expect(docs.diagnosis).toMatchObject({ version: 2, content: { preliminaryCause: '板卡故障' } });
    expect(docs.versions.diagnosis.map((v) => v.version)).toEqual([2, 1]);
    expect(docs.report).toBeNull();
    expect(json(await duty.get(`/api/tickets/${tk.id}/documents/diagnosis/versions/1`))).toMatchObject({
      version: 1,
      content: { preliminaryCause: '待查' },
    });
    expect((await duty.get(`/api/tickets/${tk.id}/documents/diagnosis/versions/9`)).statusCode).toBe(404);
  });

  it('resolves on the maintenance report (resolve clock met) and asks the agency to confirm', async () => {
    const r = await engNet.put(`/api/tickets/${tk.id}/documents/report`, report());
    expect(r.statusCode).toBe(200);
    const after = await ticket(tk.id);
    expect(after).toMatchObject({ status: 'resolved', resolvedAt: now(), docsDueAt: null });
    expect(sla(after, 'resolve')).toMatchObject({ state: 'met', metAt: now() });
    // R-SD-04: handing the maintenance report to the agency is the report of the fault and its handling.
    expect(sla(after, 'report')).toMatchObject({ state: 'met', metAt: now() });
    const f = await flow(tk.id);
    expect(f).toMatchObject({ docsMissing: [], confirmable: true, workMinutes: { onsite: 40, remote: 0 } });
    expect(await notified('agency.tech', 'ticket.to_confirm', tk.id)).toBe(1);
  });

  it("closes on the agency contact's confirmation and creates the follow-up 2 working days later", async () => {
    await pass(30 * 60_000);
    const r = await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed', comment: '测试正常' });
    expect(r.statusCode).toBe(200);
    const f = json<TTicketFlow>(r);
    expect(f.ticket).toMatchObject({ status: 'closed', closedAt: now() });
    expect(f.confirmation).toMatchObject({ outcome: 'confirmed', comment: '测试正常', byName: 'agency.tech' });
    // Closed Tue 2021-10-12 12:13 Beijing: 18 business hours (5x9) later is Thu 2021-10-14 12:13.
    expect(f.followup).toMatchObject({ status: 'pending', dueAt: new Date('2021-10-14T12:13:00+08:00').toISOString() });
    expect(json(await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed' })).code).toBe('ticket.closed');
    expect((await engNet.put(`/api/tickets/${tk.id}/documents/report`, report())).statusCode).toBe(409);
  });

  it('lets the PM record the follow-up once, and the statistics show it', async () => {
    const pending = json<{ items: TFollowupItem[]; total: number }>(await pm.get('/api/followups?status=pending'));
    expect(pending.items.find((i) => i.ticketId === tk.id)).toMatchObject({
      number: tk.number,
      title: tk.title,
      requesterPhone: '010-63167838',
      requesterName: '王芳',
    });
    const r = await pm.post(`/api/tickets/${tk.id}/followup`, { reachable: true, satisfaction: 5, comment: '用户满意' });
    expect(r.statusCode).toBe(200);
    expect(json<TFollowup>(r)).toMatchObject({ status: 'done', satisfaction: 5, reachable: true, doneByName: 'pm.li' });
    const again = await pm.post(`/api/tickets/${tk.id}/followup`, { reachable: true, satisfaction: 4 });
    expect(again.statusCode).toBe(409);
    expect(json(again).code).toBe('followup.done');
    expect(json<{ items: TFollowupItem[] }>(await pm.get('/api/followups?status=done')).items.map((i) => i.ticketId)).toContain(tk.id);
    const stats = json<TFollowupStats>(await pm.get('/api/followups/stats?from=2021-10-12&to=2021-10-12'));
    expect(stats.total).toEqual({ closed: 1, followedUp: 1, followupRate: 1, reachable: 1, avgSatisfaction: 5 });
    expect(stats.byServiceLine).toEqual([
      { serviceLine: 'NET', closed: 1, followedUp: 1, followupRate: 1, reachable: 1, avgSatisfaction: 5 },
    ]);
    expect(stats.byEngineer).toEqual([
      { engineerId: id['eng.net1'], engineerName: 'eng.net1', closed: 1, followedUp: 1, followupRate: 1, reachable: 1, avgSatisfaction: 5 },
    ]);
    expect(json<TFollowupStats>(await contact.get('/api/followups/stats?from=2021-10-13&to=2021-10-31')).total.closed).toBe(0);
    expect((await engNet.get('/api/followups/stats?from=2021-10-12&to=2021-10-12')).statusCode).toBe(403);
  });

  it('keeps the whole story on the timeline, with who did what', async () => {
    const tl = await timeline(tk.id);
    expect(tl.map((e) => e.kind)).toEqual([
      'created',
      'callback',
      'assigned',
      'arrive',
      'document',
      'document',
      'document',
      'worklog',
      'document',
      'resolve',
      'report', // R-SD-04: the maintenance report is the report to the agency
      'confirmed',
      'followup',
    ]);
    expect(tl.find((e) => e.kind === 'confirmed')).toMatchObject({ actorId: id['agency.tech'], actorName: 'agency.tech' });
    expect(tl.find((e) => e.kind === 'assigned')!.note).toContain('eng.net1');
  });

  it('drafts a knowledge-base article from the closed ticket, which POST /api/kb accepts', async () => {
    const draft = json<TKbDraft>(await engNet.get(`/api/tickets/${tk.id}/kb-draft`));
    expect(draft).toEqual({
      title: tk.title,
      serviceLine: 'NET',
      problem: '三层全部断网',
      cause: '板卡电源模块老化损坏',
      solution: '更换 2 号板卡，恢复上联，恢复配置并逐点测试',
      sourceTicketId: tk.id,
    });
    expect((await engNet.post('/api/kb', draft)).statusCode).toBe(201);
    const open = await newTicket();
    expect(json(await engNet.get(`/api/tickets/${open.id}/kb-draft`)).code).toBe('ticket.not_resolved');
  });
});

describe('the agency rejects a fix', () => {
  it('needs a reason, then reopens the ticket and the resolve clock runs again', async () => {
    const tk = await newTicket({ severity: 'critical', title: '西办公区出口防火墙后断网' });
    await pm.post(`/api/tickets/${tk.id}/assign`, { assigneeId: id['eng.net2'] });
    await engNet2.put(`/api/tickets/${tk.id}/documents/diagnosis`, DIAGNOSIS);
    await engNet2.put(`/api/tickets/${tk.id}/documents/plan`, PLAN);
    await pass(60 * 60_000);
    await engNet2.put(`/api/tickets/${tk.id}/documents/report`, report());
    const resolved = await ticket(tk.id);
    expect(sla(resolved, 'resolve').state).toBe('met');
    const events = (await timeline(tk.id)).length;

    const noReason = await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'rejected', comment: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(noReason).errors[0]!.path).toBe('body.comment');
    expect(await ticket(tk.id)).toEqual(resolved);
    expect((await timeline(tk.id)).length).toBe(events);

    await pass(20 * 60_000);
    const r = await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'rejected', comment: '四层仍有 5 个信息点不通' });
    expect(r.statusCode).toBe(200);
    const f = json<TTicketFlow>(r);
    expect(f.ticket).toMatchObject({ status: 'in_progress', reopenCount: 1, resolvedAt: null, closedAt: null });
    expect(f.confirmation).toMatchObject({ outcome: 'rejected', comment: '四层仍有 5 个信息点不通' });
    expect(f.confirmable).toBe(false);
    // The clock carries on from the start as if never met: 1 h 20 min used of 24 h.
    expect(sla(f.ticket, 'resolve')).toMatchObject({
      state: 'running',
      metAt: null,
      dueAt: sla(tk, 'resolve').dueAt,
      remainingMs: 24 * 3600_000 - 80 * 60_000,
    });
    expect(await notified('eng.net2', 'ticket.rejected', tk.id)).toBe(1);
    expect(json(await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed' })).code).toBe('ticket.not_resolved');

    // A new version of the report resolves it again; now it can be confirmed.
    await pass(20 * 60_000);
    expect(json(await engNet2.put(`/api/tickets/${tk.id}/documents/report`, report()))).toMatchObject({ version: 2 });
    expect(sla(await ticket(tk.id), 'resolve')).toMatchObject({ state: 'met', metAt: now() });
    expect(json<TTicketFlow>(await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed' })).ticket).toMatchObject({
      status: 'closed',
      reopenCount: 1,
    });
  });
});

describe('emergency mode: fix first, back-fill the documents', () => {
  it('dates the documents 2 working days after a resolution before National Day (make-up Saturday 2021-10-09)', async () => {
    const tk = await newTicket({ title: '国庆前夕机房核心链路中断', reportedAt: '2021-09-30T14:00:00+08:00' });
    const e = await engNet.post(`/api/tickets/${tk.id}/emergency`, { reason: '全楼断网，先恢复业务' });
    expect(e.statusCode).toBe(200);
    expect(json<TTicketFlow>(e).ticket).toMatchObject({ emergency: true, docsDueAt: null });
    expect(json(await engNet.post(`/api/tickets/${tk.id}/emergency`, { reason: 'x' })).code).toBe('ticket.already_emergency');
    await engNet.post(`/api/tickets/${tk.id}/events`, { kind: 'resolve', at: '2021-09-30T15:00:00+08:00' });
    // Thu 09-30 15:00–18:00 is 3 h of the 18; 10-01..07 are holidays; Fri 10-08 gives 9 h; the
    // make-up workday Sat 10-09 the last 6 h: due 2021-10-09 15:00 Beijing.
    const f = await flow(tk.id);
    expect(f.ticket).toMatchObject({
      status: 'resolved',
      resolvedAt: new Date('2021-09-30T15:00:00+08:00').toISOString(),
      docsDueAt: new Date('2021-10-09T15:00:00+08:00').toISOString(),
    });
    expect(f).toMatchObject({ docsMissing: ['diagnosis', 'plan', 'report'], docsOverdue: true, confirmable: false });

    const refused = await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed' });
    expect(refused.statusCode).toBe(409);
    expect(json(refused)).toMatchObject({ code: 'ticket.docs_missing' });
    expect(json<{ detail: string }>(refused).detail).toContain('故障诊断报告');
    // The report first (no order in emergency mode); still refused until all three exist.
    expect((await engNet.put(`/api/tickets/${tk.id}/documents/report`, report())).statusCode).toBe(200);
    expect(json(await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed' })).code).toBe('ticket.docs_missing');
    expect(await notified('agency.tech', 'ticket.to_confirm', tk.id)).toBe(0);
    await engNet.put(`/api/tickets/${tk.id}/documents/plan`, PLAN);
    await engNet.put(`/api/tickets/${tk.id}/documents/diagnosis`, DIAGNOSIS);
    expect(await flow(tk.id)).toMatchObject({ docsMissing: [], docsOverdue: false, confirmable: true });
    expect(await notified('agency.tech', 'ticket.to_confirm', tk.id)).toBe(1);
    expect(json<TTicketFlow>(await contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed' })).ticket.status).toBe('closed');
  });

  it('resolves on a report filed first and dates the documents from then', async () => {
    const tk = await newTicket({ title: '视频会议专线中断' });
    await engNet.post(`/api/tickets/${tk.id}/emergency`, { reason: '会议即将开始' });
    const at = t.clock.now();
    expect((await engNet.put(`/api/tickets/${tk.id}/documents/report`, report())).statusCode).toBe(200);
    const after = await ticket(tk.id);
    expect(after.status).toBe('resolved');
    // Resolved at a working hour: 18 business hours later is the same time 2 working days on.
    const day = (d: Date, n: number) => new Date(d.getTime() + n * 24 * 3600_000).toISOString();
    expect(after.docsDueAt).toBe(day(at, new Date(at).getUTCDay() <= 3 ? 2 : 4));
  });

  it('keeps the order outside emergency mode: no plan without a diagnosis, no report without a plan', async () => {
    const tk = await newTicket();
    const plan = await engNet.put(`/api/tickets/${tk.id}/documents/plan`, PLAN);
    expect(plan.statusCode).toBe(409);
    expect(json(plan).code).toBe('ticket.doc_order');
    await engNet.put(`/api/tickets/${tk.id}/documents/diagnosis`, DIAGNOSIS);
    expect(json(await engNet.put(`/api/tickets/${tk.id}/documents/report`, report())).code).toBe('ticket.doc_order');
    expect((await flow(tk.id)).docVersions).toEqual({ diagnosis: 1, plan: 0, report: 0 });
  });
});

describe('work log and merging duplicates (R-SD-06)', () => {
  it("moves a new ticket on when work is logged; deletes only one's own log within 24 hours", async () => {
    const tk = await newTicket({ reportedAt: ago(90) });
    const early = await engNet.post(`/api/tickets/${tk.id}/worklogs`, {
      mode: 'remote',
      startAt: ago(100),
      endAt: now(),
      summary: '早于报修',
    });
    expect(json(early).code).toBe('worklog.before_report');
    const r = await engNet.post(`/api/tickets/${tk.id}/worklogs`, {
      mode: 'remote',
      startAt: ago(20),
      endAt: now(),
      summary: '远程排查配置',
    });
    expect(r.statusCode).toBe(201);
    expect((await ticket(tk.id)).status).toBe('in_progress');
    const log = json<TWorkLog>(r);
    expect((await engNet2.delete(`/api/tickets/${tk.id}/worklogs/${log.id}`)).statusCode).toBe(403);
    const other = json<TWorkLog>(
      await pm.post(`/api/tickets/${tk.id}/worklogs`, {
        mode: 'onsite',
        engineerId: id['eng.net2'],
        startAt: ago(10),
        endAt: now(),
        summary: '现场协助',
      }),
    );
    expect(other).toMatchObject({ engineerId: id['eng.net2'], engineerName: 'eng.net2', createdBy: id['pm.li'] });
    const wrong = await pm.post(`/api/tickets/${tk.id}/worklogs`, {
      mode: 'onsite',
      engineerId: id['eng.sm1'],
      startAt: ago(10),
      endAt: now(),
      summary: 'x',
    });
    expect(wrong.statusCode).toBe(422);
    expect((await engNet.delete(`/api/tickets/${tk.id}/worklogs/${log.id}`)).statusCode).toBe(204);
    expect(json<TWorkLog[]>(await duty.get(`/api/tickets/${tk.id}/worklogs`)).map((l) => l.id)).toEqual([other.id]);
    // Older than 24 hours: kept.
    await db()
      .update(ticketWorkLogs)
      .set({ createdAt: new Date(t.clock.now().getTime() - 25 * 3600_000) })
      .where(eq(ticketWorkLogs.id, other.id));
    expect(json(await pm.delete(`/api/tickets/${tk.id}/worklogs/${other.id}`)).code).toBe('worklog.too_old');
    expect((await timeline(tk.id)).map((e) => e.kind)).toContain('worklog_deleted');
  });

  it('merges a duplicate: its work logs move (counted once), its clocks go, both timelines say so', async () => {
    const dup = await newTicket({ title: '三层断网（重复来电）', reportedAt: ago(90) });
    const main = await newTicket({ title: '三层断网', reportedAt: ago(90) });
    await engNet.post(`/api/tickets/${dup.id}/worklogs`, { mode: 'onsite', startAt: ago(60), endAt: ago(30), summary: '现场查看' });
    await engNet.post(`/api/tickets/${main.id}/worklogs`, { mode: 'remote', startAt: ago(20), endAt: now(), summary: '远程配置' });
    await engNet.put(`/api/tickets/${dup.id}/documents/diagnosis`, DIAGNOSIS);
    const logsBefore = Number((await db().select({ n: count() }).from(ticketWorkLogs))[0]!.n);

    expect((await engNet.post(`/api/tickets/${dup.id}/merge`, { intoId: main.id })).statusCode).toBe(403);
    expect(json(await pm.post(`/api/tickets/${dup.id}/merge`, { intoId: dup.id })).code).toBe('ticket.merge_self');
    const r = await pm.post(`/api/tickets/${dup.id}/merge`, { intoId: main.id });
    expect(r.statusCode).toBe(200);
    const merged = await ticket(dup.id);
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: main.id, slas: [] });
    expect(json<TWorkLog[]>(await duty.get(`/api/tickets/${dup.id}/worklogs`))).toEqual([]);
    expect(json<TWorkLog[]>(await duty.get(`/api/tickets/${main.id}/worklogs`)).map((l) => l.summary)).toEqual(['现场查看', '远程配置']);
    expect(Number((await db().select({ n: count() }).from(ticketWorkLogs))[0]!.n)).toBe(logsBefore);
    expect(json<TTicketDocuments>(await duty.get(`/api/tickets/${dup.id}/documents`)).diagnosis).not.toBeNull();
    expect((await ticket(main.id)).slas.length).toBeGreaterThan(0);
    expect((await timeline(dup.id)).at(-1)).toMatchObject({ kind: 'merged', data: { intoId: main.id, workLogsMoved: 1 } });
    expect((await timeline(main.id)).at(-1)).toMatchObject({ kind: 'merged_from', data: { fromId: dup.id } });
    expect(json(await pm.post(`/api/tickets/${dup.id}/merge`, { intoId: main.id })).code).toBe('ticket.merged');
    expect(json(await pm.post(`/api/tickets/${main.id}/merge`, { intoId: dup.id })).code).toBe('ticket.merged');
    expect(
      json(await engNet.post(`/api/tickets/${dup.id}/worklogs`, { mode: 'remote', startAt: ago(5), endAt: now(), summary: 'x' })).code,
    ).toBe('ticket.merged');
  });
});

describe('who may do what', () => {
  let tk: TTicket;
  beforeAll(async () => {
    tk = await newTicket({ title: '权限测试单' });
  });

  it('refuses confirmation to an engineer and documents to the agency (403)', async () => {
    expect((await engNet.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed' })).statusCode).toBe(403);
    expect((await contact.put(`/api/tickets/${tk.id}/documents/diagnosis`, DIAGNOSIS)).statusCode).toBe(403);
    expect(
      (await contact.post(`/api/tickets/${tk.id}/worklogs`, { mode: 'remote', startAt: ago(5), endAt: now(), summary: 'x' })).statusCode,
    ).toBe(403);
    expect((await engNet.post(`/api/tickets/${tk.id}/assign`, { assigneeId: id['eng.net1'] })).statusCode).toBe(403);
    expect((await engNet.get('/api/followups')).statusCode).toBe(403);
    expect((await contact.get(`/api/tickets/${tk.id}/kb-draft`)).statusCode).toBe(403);
  });

  it('answers 404 to an engineer of another line, as for any ticket out of scope', async () => {
    for (const r of [
      await engSm.get(`/api/tickets/${tk.id}/timeline`),
      await engSm.get(`/api/tickets/${tk.id}/flow`),
      await engSm.get(`/api/tickets/${tk.id}/documents`),
      await engSm.put(`/api/tickets/${tk.id}/documents/diagnosis`, DIAGNOSIS),
      await engSm.post(`/api/tickets/${tk.id}/worklogs`, { mode: 'remote', startAt: ago(5), endAt: now(), summary: 'x' }),
      await engSm.post(`/api/tickets/${tk.id}/emergency`, { reason: 'x' }),
      await engSm.get(`/api/tickets/${tk.id}/word`),
    ])
      expect(r.statusCode).toBe(404);
    expect((await ticket(tk.id)).emergency).toBe(false);
  });

  it('shows agency staff the timeline of their own tickets only', async () => {
    const mine = json<TTicket>(
      await staff.post('/api/tickets', { serviceLine: 'SM', category: 'fault', severity: 'low', title: '打印机无法打印' }),
    );
    const tl = json<TTimelineEvent[]>(await staff.get(`/api/tickets/${mine.id}/timeline`));
    expect(tl).toMatchObject([{ kind: 'created', actorId: id['agency.clerk'], note: '登记运维单（网页）' }]);
    expect((await staff.get(`/api/tickets/${tk.id}/timeline`)).statusCode).toBe(404);
    expect((await staff.put(`/api/tickets/${mine.id}/documents/diagnosis`, DIAGNOSIS)).statusCode).toBe(403);
  });

  it("assigns only to an engineer of the ticket's line (422, in Chinese)", async () => {
    for (const who of [id['eng.sm1'], id['agency.tech'], '00000000-0000-4000-8000-000000000000']) {
      const r = await pm.post(`/api/tickets/${tk.id}/assign`, { assigneeId: who });
      expect(r.statusCode).toBe(422);
      expect(json(r)).toMatchObject({ code: 'ticket.assignee_ineligible' });
      expect(json<{ detail: string }>(r).detail).toMatch(/工程师/);
    }
    expect((await ticket(tk.id)).assigneeId).toBeNull();
  });
});

describe('bad input changes nothing', () => {
  it('refuses a bad work log, document, confirmation or follow-up', async () => {
    const tk = await newTicket({ title: '错误输入测试单' });
    const before = await ticket(tk.id);
    const counts = async () => ({
      logs: Number((await db().select({ n: count() }).from(ticketWorkLogs).where(eq(ticketWorkLogs.ticketId, tk.id)))[0]!.n),
      docs: Number((await db().select({ n: count() }).from(ticketDocuments).where(eq(ticketDocuments.ticketId, tk.id)))[0]!.n),
      events: Number((await db().select({ n: count() }).from(ticketEvents).where(eq(ticketEvents.ticketId, tk.id)))[0]!.n),
    });
    const c0 = await counts();
    const cases: [() => Promise<{ statusCode: number; json: () => unknown }>, number, string][] = [
      [
        () => engNet.post(`/api/tickets/${tk.id}/worklogs`, { mode: 'onsite', startAt: now(), endAt: ago(30), summary: '时间颠倒' }),
        400,
        'validation',
      ],
      [
        () =>
          engNet.post(`/api/tickets/${tk.id}/worklogs`, {
            mode: 'onsite',
            startAt: ago(5),
            endAt: new Date(t.clock.now().getTime() + 3600_000).toISOString(),
            summary: '未来',
          }),
        400,
        'worklog.in_future',
      ],
      [
        () => engNet.post(`/api/tickets/${tk.id}/worklogs`, { mode: 'teleport', startAt: ago(5), endAt: now(), summary: 'x' }),
        400,
        'validation',
      ],
      [() => engNet.put(`/api/tickets/${tk.id}/documents/minutes`, DIAGNOSIS), 400, 'validation'],
      [() => engNet.put(`/api/tickets/${tk.id}/documents/diagnosis`, { ...DIAGNOSIS, sceneRecord: '' }), 400, 'validation'],
      [() => contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'rejected' }), 400, 'validation'],
      [() => contact.post(`/api/tickets/${tk.id}/confirm`, { outcome: 'confirmed' }), 409, 'ticket.not_resolved'],
      [() => pm.post(`/api/tickets/${tk.id}/followup`, { reachable: true, satisfaction: 6 }), 400, 'validation'],
      [() => pm.post(`/api/tickets/${tk.id}/followup`, { reachable: true }), 400, 'validation'],
      [() => pm.post(`/api/tickets/${tk.id}/followup`, { reachable: false, satisfaction: 3 }), 400, 'validation'],
      [() => pm.post(`/api/tickets/${tk.id}/followup`, { reachable: false }), 409, 'followup.not_due'],
      [() => pm.post(`/api/tickets/${tk.id}/merge`, { intoId: 'not-a-uuid' }), 400, 'validation'],
    ];
    for (const [p, status, code] of cases) {
      const r = await p();
      expect([r.statusCode, (r.json() as { code: string }).code]).toEqual([status, code]);
    }
    expect(await ticket(tk.id)).toEqual(before);
    expect(await counts()).toEqual(c0);
    expect((await pm.get('/api/followups/stats?from=2021-10-12&to=2021-10-01')).statusCode).toBe(400);
  });
});
