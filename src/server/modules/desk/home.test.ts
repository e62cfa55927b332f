// Issue 11 point 10: each role lands on its own to-do list (GET /api/home), scoped as the queue is,
// and a notice that asks for something is marked done for every recipient once anyone does it.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { THome } from '../../../common/home.api.ts';
import type { TNotificationList } from '../../../common/notify.ts';
import { notifications, users } from '../../kernel/db/tables.ts';
import { json, type Agent } from '../../test/harness.ts';
import {
  contact,
  db,
  DIAGNOSIS,
  duty,
  engNet,
  engNet2,
  engSm,
  id,
  newTicket,
  PLAN,
  pm,
  report,
  staff,
  t,
  useFlowApp,
} from './flow.fixture.ts';

useFlowApp();

let contact2: Agent;
let manager: Agent;
let finance: Agent;
let sysadmin: Agent;
let secadmin: Agent;
let auditadmin: Agent;
beforeAll(async () => {
  contact2 = await t.userAgent('agency.tech2', ['agency_contact']);
  manager = await t.userAgent('agency.boss', ['agency_manager']);
  finance = await t.userAgent('agency.money', ['agency_finance']);
  sysadmin = await t.userAgent('sys.admin', ['system_admin']);
  secadmin = await t.userAgent('sec.admin', ['security_admin']);
  auditadmin = await t.userAgent('audit.admin', ['audit_admin']);
  for (const u of await db().select({ id: users.id, username: users.username }).from(users)) id[u.username] = u.id;
});

const home = async (a: Agent) => {
  const r = await a.get('/api/home');
  expect(r.statusCode).toBe(200);
  return json<THome>(r).sections;
};
// The sections of the desk, the asset register and the kernel (later modules test their own).
const OWN = /^(desk|assets|kernel)\./;
const ids = async (a: Agent) => (await home(a)).map((s) => s.id).filter((sid) => OWN.test(sid));
const section = async (a: Agent, sid: string) => (await home(a)).find((s) => s.id === sid);
const titles = async (a: Agent, sid: string) => ((await section(a, sid))?.items ?? []).map((i) => i.title);

/** The user's notices about the object, with whether each is done. */
const notices = async (username: string, objectId: string) =>
  db()
    .select({
      event: notifications.event,
      action: notifications.action,
      readAt: notifications.readAt,
      resolvedAt: notifications.resolvedAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, id[username]!), eq(notifications.objectId, objectId)));

describe('each role gets its own sections, and only those', () => {
  it('answers every role with the sections of its work, in page order', async () => {
    expect(await ids(engNet)).toEqual(['desk.assigned', 'desk.sla_risk']);
    expect(await ids(duty)).toEqual(['desk.unhandled', 'desk.today', 'desk.followups']);
    expect(await ids(pm)).toEqual([
      'desk.assigned',
      'desk.sla_risk',
      'desk.unhandled',
      'desk.followups',
      'assets.procurements',
      'assets.spares_low',
    ]);
    expect(await ids(contact)).toEqual(['desk.to_confirm', 'assets.approvals']);
    expect(await ids(manager)).toEqual(['desk.to_confirm', 'assets.approvals', 'assets.purchases']);
    expect(await ids(staff)).toEqual(['desk.my_requests']);
    expect(await ids(finance)).toEqual(['assets.approvals']);
    expect(await ids(sysadmin)).toEqual(['kernel.accounts']);
    expect(await ids(secadmin)).toEqual(['kernel.unassigned', 'kernel.permission_changes']);
    expect(await ids(auditadmin)).toEqual(['kernel.audit_verify', 'kernel.denied']);
  });

  it('shows the administrators what waits in their own domain', async () => {
    // A fresh account owes a new password (system admin) and has no role yet (security admin).
    const r = await sysadmin.post('/api/users', { username: 'new.clerk', displayName: '新同事', password: 'Temp-Pass-12345' });
    expect(r.statusCode).toBe(201);
    expect(await titles(sysadmin, 'kernel.accounts')).toContain('新同事（new.clerk）');
    expect(await titles(secadmin, 'kernel.unassigned')).toContain('新同事（new.clerk）');
    // Never verified: the audit admin is asked to; a refused request is listed.
    expect((await section(auditadmin, 'kernel.audit_verify'))!.count).toBe(1);
    expect((await staff.get('/api/users')).statusCode).toBe(403);
    const denied = await section(auditadmin, 'kernel.denied');
    expect(denied!.items[0]!.title).toContain('GET /api/users');
    expect((await auditadmin.get('/api/audit/verify')).statusCode).toBe(200);
    expect(await section(auditadmin, 'kernel.audit_verify')).toMatchObject({ count: 0, items: [{ tag: '通过' }] });
  });
});

describe('the desk sections follow the ticket, within each user’s scope', () => {
  let tk: string;
  let sm: string;
  it('a new call waits for the duty operator; an engineer sees only their lines', async () => {
    tk = (await newTicket({ title: '三层办公区断网' })).id;
    sm = (await newTicket({ serviceLine: 'SM', title: '大厅摄像头黑屏' })).id;
    expect(await titles(duty, 'desk.unhandled')).toEqual(expect.arrayContaining([expect.stringContaining('三层办公区断网')]));
    expect((await section(duty, 'desk.today'))!.count).toBe(2);
    // Assigned to the NET engineer: on their list, not on the SM engineer's, and never the SM ticket.
    expect((await pm.post(`/api/tickets/${tk}/assign`, { assigneeId: id['eng.net1'] })).statusCode).toBe(200);
    expect(await titles(engNet, 'desk.assigned')).toEqual([expect.stringContaining('三层办公区断网')]);
    expect(await titles(engSm, 'desk.assigned')).toEqual([]);
    const all = (await home(engNet)).flatMap((s) => s.items.map((i) => i.url));
    expect(all).not.toContain(`/desk/${sm}`);
    expect((await section(engNet, 'desk.assigned'))!.items[0]!.due).toBeTruthy();
  });

  it('the fix waits for the agency (待我确认) until one contact confirms, and the bell clears for both', async () => {
    await engNet.post(`/api/tickets/${tk}/events`, { kind: 'arrive' });
    await engNet.put(`/api/tickets/${tk}/documents/diagnosis`, DIAGNOSIS);
    await engNet.put(`/api/tickets/${tk}/documents/plan`, PLAN);
    expect((await engNet.put(`/api/tickets/${tk}/documents/report`, report())).statusCode).toBe(200);
    expect(await titles(contact, 'desk.to_confirm')).toEqual([expect.stringContaining('三层办公区断网')]);
    expect(await titles(engNet, 'desk.assigned')).toEqual([]);
    for (const who of ['agency.tech', 'agency.tech2'])
      expect(await notices(who, tk)).toEqual([
        expect.objectContaining({ event: 'ticket.to_confirm', action: 'confirm', resolvedAt: null }),
      ]);
    const unreadBefore = json<TNotificationList>(await contact2.get('/api/notifications?unread=true')).unread;

    expect((await contact.post(`/api/tickets/${tk}/confirm`, { outcome: 'confirmed', comment: '测试正常' })).statusCode).toBe(200);
    expect(await titles(contact, 'desk.to_confirm')).toEqual([]);
    for (const who of ['agency.tech', 'agency.tech2']) {
      const [n] = await notices(who, tk);
      expect(n!.resolvedAt).not.toBeNull();
      expect(n!.readAt).not.toBeNull();
    }
    // The other contact's bell counts one fewer, and the list says it was handled.
    const after = json<TNotificationList>(await contact2.get('/api/notifications'));
    expect(after.unread).toBe(unreadBefore - 1);
    const told = after.items.find((n) => n.objectId === tk)!;
    expect(told.action).toBe('confirm');
    expect(told.resolvedAt).toBeTypeOf('string');
    // Closed: a follow-up is now due for the duty operator and the PM.
    expect(await titles(duty, 'desk.followups')).toEqual([expect.stringContaining('三层办公区断网')]);
  });

  it('a high fault asks the line to take it on; assigning answers that, the first arrival answers the assignment', async () => {
    const hi = (await newTicket({ title: '核心交换机告警' })).id;
    for (const who of ['eng.net1', 'eng.net2'])
      expect(await notices(who, hi)).toEqual([expect.objectContaining({ action: 'take', resolvedAt: null })]);
    expect(await notices('eng.sm1', hi)).toEqual([]);
    await pm.post(`/api/tickets/${hi}/assign`, { assigneeId: id['eng.net2'] });
    expect((await notices('eng.net1', hi))[0]!.resolvedAt).not.toBeNull();
    const net2 = await notices('eng.net2', hi);
    expect(net2.filter((n) => n.resolvedAt === null).map((n) => n.event)).toEqual(['ticket.assigned']);
    // Someone else records the arrival (the duty operator on the phone): the assignment is answered too.
    expect((await duty.post(`/api/tickets/${hi}/events`, { kind: 'callback' })).statusCode).toBe(200);
    expect((await notices('eng.net2', hi)).every((n) => n.resolvedAt !== null)).toBe(true);
    expect((await engNet2.get('/api/home')).statusCode).toBe(200);
  });

  it('the staff member sees their own requests and their state, nobody else’s', async () => {
    const own = await newTicket({ title: '我的电脑上不了网', channel: 'web', requesterPhone: '13800001111' }, staff);
    const mine = await section(staff, 'desk.my_requests');
    expect(mine).toMatchObject({ count: 1, items: [{ tag: '待处理' }] });
    expect(mine!.items[0]!.title).toContain('我的电脑上不了网');
    expect(mine!.items.map((i) => i.url)).toEqual([`/desk/${own.id}`]);
  });
});
