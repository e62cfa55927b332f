// SLA escalation reaches whoever the duty roster has on duty for the ticket's line (issue 14 point 4:
// second-line on call outside working hours): a NET fault unassigned at night warns the engineer on
// call, not every NET engineer; the breach tells the project managers and the one on call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTicket } from '../../../common/desk.ts';
import type { TNotificationList } from '../../../common/notify.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { deskJobs } from './jobs.ts';

let t: TestApp;
let pm: Agent;
let onCall: Agent;
let resident: Agent;
let other: Agent;
let duty: Agent;
const MIN = 60_000;
// Tuesday 2025-09-16, 22:00 China time: outside working hours, the on-call layer holds.
const START = new Date('2025-09-16T22:00:00+08:00');

const slaWatch = () => deskJobs.find((j) => j.name === 'desk-sla-watch')!.handler(t.ctx, null, t);
const me = async (a: Agent) => json<{ id: string }>(await a.get('/api/auth/me')).id;
const bell = async (a: Agent, event: string) =>
  json<TNotificationList>(await a.get('/api/notifications?pageSize=100')).items.filter((n) => n.event === event);

async function at(min: number): Promise<void> {
  const target = START.getTime() + min * MIN;
  while (t.clock.now().getTime() < target) {
    t.clock.advance(Math.min(20 * MIN, target - t.clock.now().getTime()));
    for (const a of [pm, onCall, resident, other, duty]) await a.get('/api/auth/me');
  }
}

beforeAll(async () => {
  t = await testApp({ clock: new Clock(START) });
  pm = await t.userAgent('pm.esc', ['contractor_pm']);
  resident = await t.userAgent('eng.resident', ['engineer'], { serviceLines: ['NET'] });
  onCall = await t.userAgent('eng.oncall', ['engineer'], { serviceLines: ['NET'] });
  other = await t.userAgent('eng.other', ['engineer'], { serviceLines: ['NET'] });
  duty = await t.userAgent('duty.esc', ['duty_operator']);
  const layer = (l: string, members: string[], restriction: string) => ({
    layer: l,
    members,
    rotation: 'all',
    handoff: '09:00',
    restriction,
  });
  const r = await pm.post('/api/duty/rosters', {
    line: 'NET',
    name: 'NET 2025',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    layers: [
      layer('resident', [await me(resident)], 'working-hours'),
      layer('on-call', [await me(onCall)], 'outside-working-hours'),
      layer('holiday-special', [await me(pm)], 'special-holidays'),
    ],
  });
  expect(r.statusCode, r.body).toBe(201);
  const p = await pm.post(`/api/duty/rosters/${json<{ id: string }>(r).id}/publish`, {});
  expect(p.statusCode, p.body).toBe(200);
});
afterAll(() => t?.close());

describe('escalation to the people on duty', () => {
  let tk: TTicket;
  it('warns the engineer on call at night, not the resident or the other engineers', async () => {
    tk = json<TTicket>(
      await duty.post('/api/tickets', {
        serviceLine: 'NET',
        category: 'fault',
        severity: 'critical',
        title: '夜间核心链路中断',
        channel: 'hotline',
      }),
    );
    expect((await duty.post(`/api/tickets/${tk.id}/events`, { kind: 'callback' })).statusCode).toBe(200);
    // The 7×24 on-site clock of a critical fault: 80 % of 2 h is 96 min.
    await at(97);
    await slaWatch();
    const w = await bell(onCall, 'ticket.sla_warning');
    expect(w).toHaveLength(1);
    expect(w[0]!.title).toBe(`运维单 ${tk.number} 到场即将超时`);
    expect(await bell(resident, 'ticket.sla_warning')).toHaveLength(0);
    expect(await bell(other, 'ticket.sla_warning')).toHaveLength(0);
  });

  it('tells the project managers and the engineer on call at the breach', async () => {
    await at(121);
    await slaWatch();
    expect(await bell(pm, 'ticket.sla_breached')).toHaveLength(1);
    expect(await bell(onCall, 'ticket.sla_breached')).toHaveLength(1);
    expect(await bell(other, 'ticket.sla_breached')).toHaveLength(0);
  });
});
