// Comments on a ticket (issue 11 point 11): the same people who can open the ticket read and write
// its thread; an @mention tells exactly the mentioned users who can see it; comments are audited,
// validated and only their author may delete them, briefly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditLog } from '../../kernel/db/tables.ts';
import type { TTicket } from '../../../common/desk.ts';
import type { TComment, TMentionCandidate } from '../../../common/desk-comments.ts';
import type { TNotificationList } from '../../../common/notify.ts';

let t: TestApp;
let duty: Agent, engNet: Agent, engNet2: Agent, engSm: Agent, contact: Agent, staff1: Agent, staff2: Agent;
let net: TTicket; // a NET ticket logged by the duty operator
let own: TTicket; // staff1's own report on NET

beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2024-05-06T02:00:00Z')) });
  duty = await t.userAgent('duty.op', ['duty_operator']);
  engNet = await t.userAgent('eng.net1', ['engineer'], { serviceLines: ['NET'] });
  engNet2 = await t.userAgent('eng.net2', ['engineer'], { serviceLines: ['NET'] });
  engSm = await t.userAgent('eng.sm1', ['engineer'], { serviceLines: ['SM'] });
  contact = await t.userAgent('agency.c', ['agency_contact']);
  staff1 = await t.userAgent('staff.one', ['agency_staff']);
  staff2 = await t.userAgent('staff.two', ['agency_staff']);
  const ticket = { serviceLine: 'NET', category: 'fault', severity: 'medium', title: '三层办公区网络时断时续' };
  net = json<TTicket>(await duty.post('/api/tickets', ticket));
  own = json<TTicket>(await staff1.post('/api/tickets', { ...ticket, title: '我的电脑上不了网', requesterPhone: '13800000000' }));
});
afterAll(async () => {
  await t.close();
});

const url = (tk: TTicket) => `/api/tickets/${tk.id}/comments`;
const list = async (a: Agent, tk: TTicket) => json<{ items: TComment[]; total: number }>(await a.get(url(tk)));
const mentionsOf = async (a: Agent) =>
  json<TNotificationList>(await a.get('/api/notifications')).items.filter((n) => n.event === 'ticket.mentioned');

describe('who reads and writes the thread', () => {
  it('lets the contractor and the agency talk on a ticket both see, newest first', async () => {
    expect((await engNet.post(url(net), { body: '已远程查看，怀疑光模块老化' })).statusCode).toBe(201);
    t.clock.advance(60_000); // the test clock stands still: a minute between the two, as people write
    expect((await contact.post(url(net), { body: '请尽快到场处理' })).statusCode).toBe(201);
    const r = await list(duty, net);
    expect(r.total).toBe(2);
    expect(r.items.map((c) => [c.authorName, c.body])).toEqual([
      ['agency.c', '请尽快到场处理'],
      ['eng.net1', '已远程查看，怀疑光模块老化'],
    ]);
  });

  it('hides the thread of another service line and of another person’s report (404, nothing written)', async () => {
    expect((await engSm.get(url(net))).statusCode).toBe(404);
    expect((await engSm.post(url(net), { body: '路过' })).statusCode).toBe(404);
    expect((await staff2.get(url(net))).statusCode).toBe(404);
    expect((await staff2.post(url(own), { body: '我也是' })).statusCode).toBe(404);
    expect((await engSm.get(`/api/tickets/${net.id}/mentionable`)).statusCode).toBe(404);
    expect((await list(duty, net)).total).toBe(2);
  });

  it('lets agency staff discuss their own report with the line’s engineers', async () => {
    expect((await staff1.post(url(own), { body: '电脑在 305 室，下午都在' })).statusCode).toBe(201);
    expect((await list(engNet, own)).items[0]!.body).toBe('电脑在 305 室，下午都在');
  });

  it('pages the thread', async () => {
    const r = json<{ items: TComment[]; total: number }>(await duty.get(`${url(net)}?page=2&pageSize=1`));
    expect(r.total).toBe(2);
    expect(r.items.map((c) => c.body)).toEqual(['已远程查看，怀疑光模块老化']);
  });
});

describe('@mentions', () => {
  it('offers only people who can see the ticket, never the writer', async () => {
    const names = json<TMentionCandidate[]>(await engNet.get(`/api/tickets/${net.id}/mentionable`)).map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['duty.op', 'eng.net2', 'agency.c']));
    expect(names).not.toContain('eng.net1');
    expect(names).not.toContain('eng.sm1');
    expect(names).not.toContain('staff.one');
    const own1 = json<TMentionCandidate[]>(await staff1.get(`/api/tickets/${own.id}/mentionable?q=eng`)).map((u) => u.username);
    expect(own1.sort()).toEqual(['eng.net1', 'eng.net2']);
  });

  it('tells exactly the mentioned users, once each, with a link to the ticket', async () => {
    const r = await engNet.post(url(net), { body: '@agency.c 已更换光模块，请测试。@eng.net2 @Agency.C 明天复查。邮件 a@duty.op 不算' });
    expect(r.statusCode).toBe(201);
    expect(json<TComment>(r).mentions.map((m) => m.username)).toEqual(['agency.c', 'eng.net2']);
    const told = await mentionsOf(contact);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ link: `/desk/${net.id}?tab=comments`, objectId: net.id });
    expect(told[0]!.title).toContain(net.number);
    expect(await mentionsOf(engNet2)).toHaveLength(1);
    for (const a of [duty, engNet, engSm, staff1]) expect(await mentionsOf(a)).toHaveLength(0);
  });

  it('refuses to mention someone who cannot see the ticket, or nobody, and tells no one', async () => {
    const before = (await list(duty, net)).total;
    for (const body of ['@eng.sm1 你也看看', '@nobody.here 请处理', '@eng.net2 和 @staff.two']) {
      const r = await engNet.post(url(net), { body });
      expect(r.statusCode).toBe(400);
      expect(json<{ code: string; detail: string }>(r)).toMatchObject({ code: 'comment.mention_unseen' });
      expect(json<{ detail: string }>(r).detail).toContain('无权查看此运维单');
    }
    expect((await list(duty, net)).total).toBe(before);
    expect(await mentionsOf(engSm)).toHaveLength(0);
    expect(await mentionsOf(engNet2)).toHaveLength(1);
  });
});

describe('validation, audit and deletion', () => {
  it('refuses an empty or overlong comment', async () => {
    expect((await engNet.post(url(net), { body: '   ' })).statusCode).toBe(400);
    expect((await engNet.post(url(net), { body: '长'.repeat(2001) })).statusCode).toBe(400);
    expect((await engNet.post(url(net), { body: '长'.repeat(2000) })).statusCode).toBe(201);
  });

  it('audits each comment with who was mentioned', async () => {
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ticket.comment'), eq(auditLog.objectId, net.id)));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => JSON.stringify(r.detail).includes('eng.net2'))).toBe(true);
  });

  it('lets only the author delete, and only within ten minutes', async () => {
    const c = json<TComment>(await engNet.post(url(net), { body: '发错了' }));
    expect(c.deletable).toBe(true);
    const seen = (await list(contact, net)).items.find((x) => x.id === c.id)!;
    expect(seen.deletable).toBe(false);
    expect((await contact.delete(`${url(net)}/${c.id}`)).statusCode).toBe(403);
    expect((await engNet.delete(`${url(net)}/${c.id}`)).statusCode).toBe(204);
    expect((await list(duty, net)).items.some((x) => x.id === c.id)).toBe(false);

    const late = json<TComment>(await engNet.post(url(net), { body: '这条留着' }));
    t.clock.advance(11 * 60_000);
    const r = await engNet.delete(`${url(net)}/${late.id}`);
    expect(r.statusCode).toBe(409);
    expect(json<{ code: string }>(r).code).toBe('comment.too_late');
    expect((await list(engNet, net)).items.find((x) => x.id === late.id)?.deletable).toBe(false);
  });
});
