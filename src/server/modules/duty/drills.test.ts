// Emergency drills and the emergency-response measure (R-DUT-03): a drill planned then held with its
// timeline, findings and follow-ups (once, not in the future, the timeline inside the drill), the
// response and recovery minutes of real emergencies against the 2-hour and 24-hour targets, per
// month, an emergency linked to a desk ticket taking its report time, and the evidence for a period.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TDrill, TEmergency, TMonthMeasure } from '../../../common/duty-drills.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { drillsEvidence } from './drills.ts';

const clock = new Clock(new Date('2025-11-20T10:00:00+08:00'));
let t: TestApp;
let pm: Agent;
let eng: Agent;
let contact: Agent;
let n = 0;
beforeAll(async () => {
  t = await testApp({ clock });
});
beforeEach(async () => {
  n++;
  pm = await t.userAgent(`pm.${n}`, ['contractor_pm']);
  eng = await t.userAgent(`eng.${n}`, ['engineer'], { serviceLines: ['NET'] });
  contact = await t.userAgent(`contact.${n}`, ['agency_contact']);
});
afterAll(() => t?.close());

const ok = <T>(r: { statusCode: number; body: string; json: () => unknown }, status = 200): T => {
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};
const D = '/api/duty/drills';
const E = '/api/duty/emergencies';

describe('emergency drills', () => {
  it('is planned, then held with a timeline, findings and follow-ups; once only; the evidence lists it', async () => {
    const plan = {
      line: 'NET',
      title: '核心交换机故障切换演练',
      scenario: '主核心宕机',
      plannedAt: '2025-11-18T19:00:00+08:00',
      participants: ['项目经理', '网管工程师'],
    };
    expect((await eng.post(D, plan)).statusCode).toBe(403);
    const d = ok<TDrill>(await pm.post(D, plan), 201);
    expect(d.state).toBe('planned');
    const hold = {
      heldStart: '2025-11-18T19:00:00+08:00',
      heldEnd: '2025-11-18T20:00:00+08:00',
      timeline: [
        { at: '2025-11-18T19:12:00+08:00', text: '备用核心接管' },
        { at: '2025-11-18T19:00:00+08:00', text: '断电' },
      ],
      findings: '接入交换机上联无冗余',
      followUps: [{ text: '补配冗余上联', owner: '网管工程师', due: '2025-12-01' }],
    };
    // End before start; a timeline entry outside the drill; a drill recorded as held in the future.
    const bad = await pm.post(`${D}/${d.id}/held`, { ...hold, heldEnd: '2025-11-18T18:00:00+08:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('结束时间应晚于开始时间');
    const outside = await pm.post(`${D}/${d.id}/held`, { ...hold, timeline: [{ at: '2025-11-18T21:00:00+08:00', text: 'x' }] });
    expect(outside.body).toContain('演练过程的时间应在演练开始与结束之间');
    const future = await pm.post(`${D}/${d.id}/held`, { ...hold, heldEnd: '2025-11-21T20:00:00+08:00' });
    expect(json(future).code).toBe('drill.future');
    expect(ok<TDrill>(await contact.get(`${D}/${d.id}`)).state).toBe('planned');

    const held = ok<TDrill>(await pm.post(`${D}/${d.id}/held`, hold));
    expect(held.state).toBe('held');
    expect(held.timeline.map((e) => e.text)).toEqual(['断电', '备用核心接管']);
    expect(held.followUps).toEqual([{ text: '补配冗余上联', owner: '网管工程师', due: '2025-12-01' }]);
    expect(json(await pm.post(`${D}/${d.id}/held`, hold)).code).toBe('drill.closed');
    expect(json(await pm.post(`${D}/${d.id}/cancel`)).code).toBe('drill.closed');
    const list = ok<{ items: TDrill[] }>(await contact.get(`${D}?state=held`));
    expect(list.items.map((x) => x.id)).toContain(d.id);

    const ev = await drillsEvidence.read(t.ctx, { from: '2025-11-01T00:00:00+08:00', to: '2025-12-01T00:00:00+08:00' });
    expect(ev.drills.find((x) => x.id === d.id)).toMatchObject({ title: '核心交换机故障切换演练', followUps: 1 });
  });
});

describe('emergency response measure', () => {
  it('measures response and recovery against 2 h and 24 h, per month, and refuses times out of order', async () => {
    const rec = (alertAt: string, responseAt: string, recoveredAt: string | null) =>
      eng.post(E, { line: 'NET', title: `断网${n}`, alertAt, responseAt, recoveredAt, dispatch: '二线到场' });
    const fast = ok<TEmergency>(await rec('2025-10-08T20:15:00+08:00', '2025-10-08T20:20:00+08:00', '2025-10-08T21:35:00+08:00'), 201);
    expect(fast).toMatchObject({ source: 'manual', responseMin: 5, recoveryMin: 80, responseMet: true, recoveryMet: true });
    const slow = ok<TEmergency>(await rec('2025-10-31T23:30:00+08:00', '2025-11-01T02:00:00+08:00', '2025-11-02T01:00:00+08:00'), 201);
    expect(slow).toMatchObject({ responseMin: 150, responseMet: false, recoveryMin: 1530, recoveryMet: false });
    const open = ok<TEmergency>(await rec('2025-11-20T08:00:00+08:00', '2025-11-20T08:30:00+08:00', null), 201);
    expect(open).toMatchObject({ recoveryMin: null, recoveryMet: null });

    // Out of order: response before the alert; recovery before the response; a time to come.
    const r1 = await rec('2025-10-08T20:15:00+08:00', '2025-10-08T20:00:00+08:00', null);
    expect(r1.statusCode).toBe(400);
    expect(r1.body).toContain('响应时间不能早于告警时间');
    expect((await rec('2025-10-08T20:15:00+08:00', '2025-10-08T20:20:00+08:00', '2025-10-08T20:16:00+08:00')).statusCode).toBe(400);
    expect(json(await rec('2025-11-20T09:00:00+08:00', '2025-11-20T11:00:00+08:00', null)).code).toBe('emergency.future');
    expect(
      (await contact.post(E, { line: 'NET', title: 'x', alertAt: '2025-11-20T08:00:00+08:00', responseAt: '2025-11-20T08:10:00+08:00' }))
        .statusCode,
    ).toBe(403);

    // October in China time holds the 31 October 23:30 alert.
    const list = ok<{ items: TEmergency[]; total: number; months: TMonthMeasure[] }>(
      await contact.get(`${E}?from=2025-10-01T00:00:00%2B08:00&to=2025-12-01T00:00:00%2B08:00&pageSize=2`),
    );
    expect(list.total).toBe(3);
    expect(list.items).toHaveLength(2);
    expect(list.months.find((m) => m.month === '2025-10')).toMatchObject({ count: 2, responseMet: 1, recoveryMet: 1, manual: 2 });
    expect(list.months.find((m) => m.month === '2025-11')).toMatchObject({ count: 1, responseMet: 1, recoveryMet: 0 });

    // Recovery recorded later; a day past the alert without it, the target is missed.
    clock.advance(25 * 3600_000);
    const eng2 = await t.userAgent(`eng.late.${n}`, ['engineer'], { serviceLines: ['NET'] });
    const late = ok<{ items: TEmergency[] }>(await eng2.get(`${E}?from=2025-11-20T00:00:00%2B08:00`));
    expect(late.items[0]).toMatchObject({ id: open.id, recoveryMet: false });
    const done = ok<TEmergency>(await eng2.post(`${E}/${open.id}/recovered`, { recoveredAt: '2025-11-20T10:00:00+08:00' }));
    expect(done).toMatchObject({ recoveryMin: 120, recoveryMet: true });
    expect(json(await eng2.post(`${E}/${open.id}/recovered`, { recoveredAt: '2025-11-20T10:00:00+08:00' })).code).toBe(
      'emergency.recovered',
    );
  });

  it('takes every time from the linked desk ticket, none typed', async () => {
    const tk = await eng.post('/api/tickets', {
      serviceLine: 'NET',
      category: 'fault',
      severity: 'critical',
      title: '机房核心交换机宕机',
      description: '全楼断网',
      channel: 'hotline',
    });
    expect(tk.statusCode, tk.body).toBe(201);
    const ticket = json<{ id: string; number: string; reportedAt: string }>(tk);
    const typed = await eng.post(E, { line: 'NET', title: '核心宕机', ticketId: ticket.id, responseAt: clock.now().toISOString() });
    expect(typed.statusCode).toBe(400);
    expect(typed.body).toContain('各时间取自运维单的记录');
    const e0 = ok<TEmergency>(await eng.post(E, { line: 'NET', title: '核心宕机', ticketId: ticket.id }), 201);
    expect(e0).toMatchObject({ source: 'ticket', ticketNumber: ticket.number, responseAt: null, responseMin: null, responseMet: null });
    clock.advance(20 * 60_000);
    expect((await eng.post(`/api/tickets/${ticket.id}/events`, { kind: 'callback' })).statusCode).toBe(200);
    clock.advance(20 * 60_000);
    expect((await eng.post(`/api/tickets/${ticket.id}/events`, { kind: 'arrive' })).statusCode).toBe(200);
    clock.advance(20 * 60_000);
    expect((await eng.post(`/api/tickets/${ticket.id}/events`, { kind: 'resolve' })).statusCode).toBe(200);
    const list = ok<{ items: TEmergency[]; months: TMonthMeasure[] }>(await eng.get(`${E}?pageSize=100`));
    const e = list.items.find((x) => x.id === e0.id)!;
    expect(e).toMatchObject({
      alertAt: new Date(ticket.reportedAt).toISOString(),
      responseMin: 20,
      recoveryMin: 60,
      responseMet: true,
      recoveryMet: true,
    });
    expect(e.onsiteAt).not.toBeNull();
    const month = list.months.find((m) => m.month === new Date(Date.parse(ticket.reportedAt) + 8 * 3600_000).toISOString().slice(0, 7))!;
    expect(month.count - month.manual).toBeGreaterThanOrEqual(1);
    // A ticket's recovery is its resolution: not typed on the emergency.
    expect(json(await eng.post(`${E}/${e0.id}/recovered`, { recoveredAt: clock.now().toISOString() })).code).toBe('emergency.from_ticket');
  });
});
