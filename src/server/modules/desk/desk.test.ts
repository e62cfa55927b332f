// Tickets and their SLA clocks through the HTTP API (R-SD-01..04), on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TTicket } from '../../../common/desk.ts';
import { and, eq, sql } from 'drizzle-orm';
import { reevaluateOpenClocks } from './clocks.ts';
import { ticketClocks } from './tables.ts';

let t: TestApp;
let duty: Agent;
let engNet: Agent;
let engSm: Agent;
beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2021-10-12T02:00:00Z')) });
  duty = await t.userAgent('duty.op', ['duty_operator']);
  engNet = await t.userAgent('eng.net1', ['engineer'], { serviceLines: ['NET'] });
  engSm = await t.userAgent('eng.sm1', ['engineer'], { serviceLines: ['SM'] });
});
afterAll(async () => {
  await t.close();
});

const sla = (tk: TTicket, target: string) => tk.slas.find((s) => s.target === target)!;

/** Lets time pass while everyone stays signed in (sessions end after 30 idle minutes). */
async function pass(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 20 * 60_000) {
    t.clock.advance(Math.min(left, 20 * 60_000));
    for (const a of [duty, engNet, engSm]) await a.get('/api/auth/me');
  }
}

describe('logging a ticket', () => {
  it('answers 201 with id, number and SLA clocks for the smallest valid ticket', async () => {
    const r = await duty.post('/api/tickets', {
      serviceLine: 'VC',
      category: 'consultation',
      severity: 'low',
      title: '会议室投影仪如何切换信号',
    });
    expect(r.statusCode).toBe(201);
    const tk = json<TTicket>(r);
    expect(tk.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(tk.number).toMatch(/^YW-2021-\d{6}$/);
    expect(tk.status).toBe('new');
    // R-SD-02: every request gets a call back within 5 minutes.
    expect(sla(tk, 'callback')).toMatchObject({ state: 'running', dueAt: '2021-10-12T02:05:00.000Z' });
  });

  it('keeps every digit once the sequence passes 999,999, so numbers stay unique', async () => {
    const before = json<TTicket>(
      await duty.post('/api/tickets', { serviceLine: 'VC', category: 'consultation', severity: 'low', title: '编号测试 1' }),
    );
    await t.ctx.db.execute(sql`SELECT setval('ticket_number_seq', 999999)`);
    const a = json<TTicket>(
      await duty.post('/api/tickets', { serviceLine: 'VC', category: 'consultation', severity: 'low', title: '编号测试 2' }),
    );
    const b = json<TTicket>(
      await duty.post('/api/tickets', { serviceLine: 'VC', category: 'consultation', severity: 'low', title: '编号测试 3' }),
    );
    expect(before.number).toMatch(/^YW-2021-\d{6}$/);
    expect([a.number, b.number]).toEqual(['YW-2021-1000000', 'YW-2021-1000001']);
  });

  it("computes the contract's on-site target for a SM fault over National Day (5x9, 1 working day)", async () => {
    const tk = json<TTicket>(
      await duty.post('/api/tickets', {
        serviceLine: 'SM',
        category: 'fault',
        severity: 'medium',
        title: '监控中心视频墙黑屏',
        reportedAt: '2021-09-30T17:30:00+08:00',
        channel: 'hotline',
      }),
    );
    expect(sla(tk, 'onsite').dueAt).toBe(new Date('2021-10-08T17:30:00+08:00').toISOString());
    expect(sla(tk, 'onsite').profile).toBe('5x9');
    expect(sla(tk, 'report').dueAt).toBe(new Date('2021-10-01T17:30:00+08:00').toISOString());
  });

  it('gives a NET critical fault 2 hours to be on site at any hour and 24 hours to be resolved', async () => {
    const tk = json<TTicket>(
      await duty.post('/api/tickets', {
        serviceLine: 'NET',
        category: 'fault',
        severity: 'critical',
        title: '核心交换机端口故障',
        reportedAt: '2021-10-02T03:00:00+08:00',
      }),
    );
    expect(sla(tk, 'onsite').dueAt).toBe(new Date('2021-10-02T05:00:00+08:00').toISOString());
    expect(sla(tk, 'resolve').dueAt).toBe(new Date('2021-10-03T03:00:00+08:00').toISOString());
  });

  it.each([
    [{ category: 'fault', severity: 'high', title: 'x' }, 'validation'],
    [{ serviceLine: 'NET', category: 'fault', severity: 'urgent', title: 'x' }, 'validation'],
    [{ serviceLine: 'NET', category: 'fault', severity: 'high', title: '' }, 'validation'],
    [
      { serviceLine: 'NET', category: 'fault', severity: 'high', title: 'x', reportedAt: '2030-01-01T00:00:00Z' },
      'ticket.reported_in_future',
    ],
  ])('refuses %j with %s and stores nothing', async (body, code) => {
    const before = json<{ total: number }>(await duty.get('/api/tickets')).total;
    const r = await duty.post('/api/tickets', body);
    expect(r.statusCode).toBe(400);
    expect(json(r).code).toBe(code);
    expect(json<{ total: number }>(await duty.get('/api/tickets')).total).toBe(before);
  });

  it('takes machine intake through the same endpoint with an API token', async () => {
    const { token } = json<{ token: string }>(await duty.post('/api/auth/tokens', { name: '监控平台' }));
    const bot = t.agent();
    bot.bearer = token;
    const r = await bot.post('/api/tickets', {
      serviceLine: 'SEC',
      category: 'fault',
      severity: 'high',
      title: '防火墙 CPU 持续 95%',
      channel: 'monitoring',
    });
    expect(r.statusCode).toBe(201);
    expect(json<TTicket>(r).channel).toBe('monitoring');
  });
});

describe('working a ticket', () => {
  it('stops clocks on the events that meet them and moves the status', async () => {
    const tk = json<TTicket>(
      await duty.post('/api/tickets', { serviceLine: 'NET', category: 'fault', severity: 'high', title: '六里桥办公区三层断网' }),
    );
    await pass(3 * 60_000);
    const called = json<TTicket>(await duty.post(`/api/tickets/${tk.id}/events`, { kind: 'callback' }));
    expect(sla(called, 'callback')).toMatchObject({ state: 'met', metAt: t.clock.now().toISOString() });
    await pass(90 * 60_000);
    const arrived = json<TTicket>(await engNet.post(`/api/tickets/${tk.id}/events`, { kind: 'arrive' }));
    expect(arrived.status).toBe('in_progress');
    expect(sla(arrived, 'onsite').state).toBe('met');
    expect(json(await engNet.post(`/api/tickets/${tk.id}/events`, { kind: 'arrive' })).code).toBe('ticket.already_met');
    const resolved = json<TTicket>(await engNet.post(`/api/tickets/${tk.id}/events`, { kind: 'resolve' }));
    expect(resolved.status).toBe('resolved');
    expect(sla(resolved, 'resolve').state).toBe('met');
  });

  it('moves the due time by the paused time (7x24) and needs a reason to pause', async () => {
    const tk = json<TTicket>(
      await duty.post('/api/tickets', { serviceLine: 'SEC', category: 'fault', severity: 'critical', title: 'IPS 告警风暴' }),
    );
    const due = new Date(sla(tk, 'resolve').dueAt!).getTime();
    expect((await engNet.post(`/api/tickets/${tk.id}/events`, { kind: 'pause', reason: 'x' })).statusCode).toBe(404); // not a NET ticket
    const noReason = await duty.post(`/api/tickets/${tk.id}/events`, { kind: 'pause' });
    expect(json(noReason).code).toBe('ticket.pause_reason');
    const paused = json<TTicket>(await duty.post(`/api/tickets/${tk.id}/events`, { kind: 'pause', reason: '等待厂商备件' }));
    expect(sla(paused, 'resolve')).toMatchObject({ paused: true, pauseReason: '等待厂商备件', durationMs: 24 * 3600_000 });
    await pass(2 * 3600_000);
    const resumed = json<TTicket>(await duty.post(`/api/tickets/${tk.id}/events`, { kind: 'resume' }));
    expect(new Date(sla(resumed, 'resolve').dueAt!).getTime() - due).toBe(2 * 3600_000);
    expect(sla(resumed, 'resolve').pausedMs).toBe(2 * 3600_000);
  });
});

describe('who sees what', () => {
  it('shows an engineer only the tickets of their service lines', async () => {
    const sm = json<{ items: TTicket[] }>(await engSm.get('/api/tickets?pageSize=200')).items;
    expect(sm.length).toBeGreaterThan(0);
    expect(new Set(sm.map((x) => x.serviceLine))).toEqual(new Set(['SM']));
    const net = json<{ items: TTicket[] }>(await duty.get('/api/tickets?serviceLine=NET')).items[0]!;
    expect((await engSm.get(`/api/tickets/${net.id}`)).statusCode).toBe(404);
    expect((await engSm.post(`/api/tickets/${net.id}/events`, { kind: 'arrive' })).statusCode).toBe(404);
  });

  it('filters and pages the queue', async () => {
    const all = json<{ items: TTicket[]; total: number }>(await duty.get('/api/tickets?pageSize=2'));
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(4);
    const faults = json<{ items: TTicket[] }>(await duty.get('/api/tickets?category=fault&severity=critical&pageSize=200')).items;
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.every((x) => x.category === 'fault' && x.severity === 'critical')).toBe(true);
    const found = json<{ items: TTicket[] }>(await duty.get(`/api/tickets?q=${encodeURIComponent('交换机')}`)).items;
    expect(found.map((x) => x.title)).toContain('核心交换机端口故障');
    // A term with letters still matches whatever their case (ILIKE); a caseless one compares bytes (LIKE).
    const cpu = json<{ items: TTicket[] }>(await duty.get(`/api/tickets?q=${encodeURIComponent('防火墙 cpu')}`)).items;
    expect(cpu.map((x) => x.title)).toEqual(['防火墙 CPU 持续 95%']);
    // The page and its total come from one statement: the total is the count of every match.
    const every = json<{ items: TTicket[]; total: number }>(await duty.get('/api/tickets?pageSize=200'));
    expect(all.total).toBe(every.items.length);
    expect(json<{ total: number }>(await duty.get('/api/tickets?category=fault&pageSize=1')).total).toBe(
      every.items.filter((x) => x.category === 'fault').length,
    );
  });
});

describe('the SLA watch', () => {
  it('moves open clocks to warning and breached and stores it, leaving met clocks alone', async () => {
    const tk = json<TTicket>(
      await duty.post('/api/tickets', { serviceLine: 'VC', category: 'request', severity: 'medium', title: '借用会议室话筒' }),
    );
    await pass(4 * 60_000 + 10_000); // callback: 5 minutes, 7x24 → 83%
    let r = await reevaluateOpenClocks(t.ctx);
    expect(r.checked).toBeGreaterThan(0);
    let [row] = await t.db.database.db
      .select()
      .from(ticketClocks)
      .where(and(eq(ticketClocks.ticketId, tk.id), eq(ticketClocks.target, 'callback')));
    expect(row!.state).toBe('warning');
    await pass(2 * 60_000);
    r = await reevaluateOpenClocks(t.ctx);
    expect(r.breached).toBeGreaterThan(0);
    [row] = await t.db.database.db
      .select()
      .from(ticketClocks)
      .where(and(eq(ticketClocks.ticketId, tk.id), eq(ticketClocks.target, 'callback')));
    expect(row!.state).toBe('breached');
    expect(
      json<{ items: TTicket[] }>(await duty.get(`/api/tickets?q=${encodeURIComponent('借用会议室话筒')}`)).items[0]!.slas[0]!.state,
    ).toBe('breached');
  });
});
