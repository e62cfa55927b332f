// The ticket fault flow through the HTTP API (R-SD-05..08), on both databases: diagnosis → plan →
// work → maintenance report → the agency tests and confirms → follow-up; rejection and emergency
// mode. Work logs, merging, permissions and bad input: flow-rules.test.ts.
import { describe, expect, it } from 'vitest';
import { json } from '../../test/harness.ts';
import { xlsxRows } from '../../test/xlsx.ts';
import type { TTicket } from '../../../common/desk.ts';
import type {
  TFollowup,
  TFollowupItem,
  TFollowupStats,
  TKbDraft,
  TTicketDocuments,
  TTicketFlow,
  TWorkLog,
} from '../../../common/desk-flow.ts';
import {
  t,
  duty,
  pm,
  engNet,
  engNet2,
  contact,
  id,
  sla,
  now,
  ago,
  pass,
  newTicket,
  ticket,
  flow,
  timeline,
  notified,
  DIAGNOSIS,
  PLAN,
  report,
  useFlowApp,
} from './flow.fixture.ts';

useFlowApp();

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
    // 导出 Excel of the same list: an .xlsx whose rows are the done follow-ups, with the satisfaction.
    const rows = await xlsxRows(await pm.get('/api/followups/export?status=done'));
    expect(rows.find((r) => r[1] === tk.number)?.slice(9, 14)).toEqual(['已回访', expect.any(String), 'pm.li', '是', 5]);
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
