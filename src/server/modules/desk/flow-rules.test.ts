// The rules around the ticket fault flow through the HTTP API (R-SD-05..08), on both databases:
// work logs and merging duplicates (R-SD-06), who may do what, and bad input that changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { json } from '../../test/harness.ts';
import type { TTicket } from '../../../common/desk.ts';
import type { TTicketDocuments, TTimelineEvent, TWorkLog } from '../../../common/desk-flow.ts';
import { ticketDocuments, ticketEvents, ticketWorkLogs } from './tables.ts';
import {
  t,
  duty,
  pm,
  engNet,
  engNet2,
  engSm,
  contact,
  staff,
  id,
  db,
  now,
  ago,
  newTicket,
  ticket,
  timeline,
  DIAGNOSIS,
  useFlowApp,
} from './flow.fixture.ts';

useFlowApp();

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
