// The shared set-up of the ticket fault flow tests (flow.test.ts, flow-rules.test.ts): one app with
// the desk's people signed in, and helpers that drive a ticket through the HTTP API.
import { afterAll, beforeAll, expect } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TTicket } from '../../../common/desk.ts';
import type { TTicketFlow, TTimelineEvent } from '../../../common/desk-flow.ts';
import { notifications, users } from '../../kernel/db/tables.ts';

export let t: TestApp;
export let duty: Agent;
export let pm: Agent;
export let engNet: Agent;
export let engNet2: Agent;
export let engSm: Agent;
export let contact: Agent;
export let staff: Agent;
export const id: Record<string, string> = {};

/** One app per test file (its own database), on Tuesday 2021-10-12 10:00 Beijing time. */
export function useFlowApp(): void {
  beforeAll(async () => {
    t = await testApp({ clock: new Clock(new Date('2021-10-12T02:00:00Z')) });
    duty = await t.userAgent('duty.op', ['duty_operator']);
    pm = await t.userAgent('pm.li', ['contractor_pm']);
    engNet = await t.userAgent('eng.net1', ['engineer'], { serviceLines: ['NET'] });
    engNet2 = await t.userAgent('eng.net2', ['engineer'], { serviceLines: ['NET'] });
    engSm = await t.userAgent('eng.sm1', ['engineer'], { serviceLines: ['SM'] });
    contact = await t.userAgent('agency.tech', ['agency_contact']);
    staff = await t.userAgent('agency.clerk', ['agency_staff'], { phone: '13800000005' });
    for (const u of await t.db.database.db.select({ id: users.id, username: users.username }).from(users)) id[u.username] = u.id;
  });
  afterAll(async () => {
    await t.close();
  });
}

export const db = () => t.db.database.db;
export const sla = (tk: TTicket, target: string) => tk.slas.find((s) => s.target === target)!;
export const now = () => t.clock.now().toISOString();
export const ago = (min: number) => new Date(t.clock.now().getTime() - min * 60_000).toISOString();

/** Lets time pass while everyone stays signed in (sessions end after 30 idle minutes). */
export async function pass(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= 20 * 60_000) {
    t.clock.advance(Math.min(left, 20 * 60_000));
    for (const a of [duty, pm, engNet, engNet2, engSm, contact, staff]) await a.get('/api/auth/me');
  }
}

export async function newTicket(body: Record<string, unknown> = {}, by: Agent = duty): Promise<TTicket> {
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
export const ticket = async (tid: string) => json<TTicket>(await duty.get(`/api/tickets/${tid}`));
export const flow = async (tid: string) => json<TTicketFlow>(await duty.get(`/api/tickets/${tid}/flow`));
export const timeline = async (tid: string) => json<TTimelineEvent[]>(await duty.get(`/api/tickets/${tid}/timeline`));
export const notified = async (username: string, event: string, tid: string) =>
  Number(
    (
      await db()
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, id[username]!), eq(notifications.event, event), eq(notifications.objectId, tid)))
    )[0]!.n,
  );

export const DIAGNOSIS = {
  sceneRecord: '六里桥三层弱电间核心交换机 2 号板卡指示灯熄灭，三层 40 个信息点断网',
  severity: 'high',
  emergencyActions: '临时将三层接入交换机上联切换到备用端口',
  preliminaryCause: '板卡故障',
};
export const PLAN = {
  steps: '1. 更换 2 号板卡\n2. 恢复原上联\n3. 逐点测试',
  fallbackPlan: '如备件未到，保持备用上联',
  expectedEndAt: '2021-10-12T18:00:00+08:00',
  needsAgencyApproval: false,
};
export const report = () => ({
  faultDescription: '核心交换机 2 号板卡故障导致三层断网',
  cause: '板卡电源模块老化损坏',
  actions: '更换 2 号板卡，恢复上联，恢复配置并逐点测试',
  result: '三层 40 个信息点恢复正常',
  partsUsed: '板卡 1 块',
  startedAt: ago(60),
  finishedAt: now(),
});
