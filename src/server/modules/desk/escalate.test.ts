// SLA escalation (R-SD-02..04) on both databases, with the controlled clock: warning at 80 % to the
// line's engineers, breach at 100 % to the project managers (by e-mail through a real SMTP server),
// then the agency contacts; each step once, in order.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTicket } from '../../../common/desk.ts';
import type { TNotificationList } from '../../../common/notify.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { auditLog, users } from '../../kernel/db/tables.ts';
import { processOutbox, saveSmtp } from '../../kernel/notify/outbox.ts';
import { saveOutboundPolicy } from '../../kernel/net/policy.ts';
import { inTx } from '../../kernel/context.ts';
import { readMail, startPeers, type Peers } from '../../kernel/notify/test-peers.ts';
import { deskJobs } from './jobs.ts';
import { ticketClocks } from './tables.ts';

let t: TestApp;
let peers: Peers;
let duty: Agent;
let eng: Agent;
let engSm: Agent;
let pm: Agent;
let contact: Agent;
const MIN = 60_000;
const START = new Date('2021-10-12T02:00:00Z');

const slaWatch = () => deskJobs.find((j) => j.name === 'desk-sla-watch')!.handler(t.ctx, null, t);

/** Moves the clock to `min` minutes after START, keeping every session alive on the way. */
async function at(min: number): Promise<void> {
  const target = START.getTime() + min * MIN;
  while (t.clock.now().getTime() < target) {
    t.clock.advance(Math.min(20 * MIN, target - t.clock.now().getTime()));
    for (const a of [duty, eng, engSm, pm, contact]) await a.get('/api/auth/me');
  }
}

const bell = async (a: Agent, event: string) =>
  json<TNotificationList>(await a.get('/api/notifications?pageSize=100')).items.filter((n) => n.event === event);

beforeAll(async () => {
  peers = await startPeers();
  t = await testApp({ clock: new Clock(START) });
  duty = await t.userAgent('duty.op', ['duty_operator']);
  eng = await t.userAgent('eng.net', ['engineer'], { serviceLines: ['NET'] });
  engSm = await t.userAgent('eng.sm', ['engineer'], { serviceLines: ['SM'] });
  pm = await t.userAgent('pm.li', ['contractor_pm']);
  contact = await t.userAgent('contact.wang', ['agency_contact']);
  for (const u of ['eng.net', 'pm.li', 'contact.wang'])
    await t.ctx.db
      .update(users)
      .set({ email: `${u.replace('.', '_')}@yunwei.test` })
      .where(eq(users.username, u));
  // The test's SMTP server listens on 127.0.0.1: the system admin lists it (kernel/net outbound policy).
  await inTx(t.ctx, (tx) => saveOutboundPolicy(tx, { allowPrivate: false, allow: ['127.0.0.1'] }));
  await saveSmtp(t.ctx, { host: '127.0.0.1', port: peers.smtpPort, secure: false, from: '运维平台 <noreply@yunwei.test>' });
});
afterAll(async () => {
  await t?.close();
  await peers?.close();
});

describe('SLA escalation of a NET critical fault (on site within 2 h)', () => {
  let tk: TTicket;

  it('announces the new critical fault to the line’s engineers only', async () => {
    tk = json<TTicket>(
      await duty.post('/api/tickets', {
        serviceLine: 'NET',
        category: 'fault',
        severity: 'critical',
        title: '核心交换机端口故障',
        channel: 'hotline',
      }),
    );
    expect(tk.number).toMatch(/^YW-2021-/);
    const created = await bell(eng, 'ticket.created');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ title: `新紧急级故障：运维单 ${tk.number}`, link: `/desk/${tk.id}`, severity: 'critical' });
    expect(await bell(engSm, 'ticket.created')).toHaveLength(0);
    expect(await bell(duty, 'ticket.created')).toHaveLength(0);
    // The call-back is made at once, so only the on-site and resolve clocks keep running.
    expect((await duty.post(`/api/tickets/${tk.id}/events`, { kind: 'callback' })).statusCode).toBe(200);
  });

  it('does nothing below 80 %', async () => {
    await at(90);
    await slaWatch();
    expect(await bell(eng, 'ticket.sla_warning')).toHaveLength(0);
  });

  it('warns the line’s engineers at 80 % (the ticket is not assigned), once', async () => {
    await at(97); // 96 min = 80 % of 2 h
    await slaWatch();
    await slaWatch();
    const w = await bell(eng, 'ticket.sla_warning');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ title: `运维单 ${tk.number} 到场即将超时`, severity: 'warning' });
    expect(await bell(pm, 'ticket.sla_breached')).toHaveLength(0);
    const [c] = await t.ctx.db
      .select()
      .from(ticketClocks)
      .where(and(eq(ticketClocks.ticketId, tk.id), eq(ticketClocks.target, 'onsite')));
    expect(c).toMatchObject({ state: 'warning', escalation: 1 });
  });

  it('tells the project managers at 100 %, by e-mail with a Chinese subject', async () => {
    await at(121);
    await slaWatch();
    await slaWatch();
    const b = await bell(pm, 'ticket.sla_breached');
    expect(b).toHaveLength(1);
    expect(b[0]!.title).toBe(`运维单 ${tk.number} 到场已超时`);
    expect(await bell(contact, 'ticket.escalated')).toHaveLength(0);
    expect(await processOutbox(t.ctx, { publicUrl: 'https://yunwei.example.gov.cn' })).toMatchObject({ claimed: 1, done: 1 });
    expect(peers.mails).toHaveLength(1);
    const mail = peers.mails[0]!;
    expect(mail.to).toEqual(['pm_li@yunwei.test']);
    const m = readMail(mail.raw);
    expect(m.subject).toBe(`[运维]【紧急】运维单 ${tk.number} 到场已超时`);
    expect(m.text).toContain('核心交换机端口故障');
    expect(m.text).toContain(`https://yunwei.example.gov.cn/desk/${tk.id}`);
  });

  it('escalates to the agency contacts only once the breach is 1 h old (half of 2 h), once', async () => {
    await at(170);
    await slaWatch();
    expect(await bell(contact, 'ticket.escalated')).toHaveLength(0);
    await at(181);
    await slaWatch();
    await slaWatch();
    const e = await bell(contact, 'ticket.escalated');
    expect(e).toHaveLength(1);
    expect(e[0]!.title).toBe(`运维单 ${tk.number} 到场严重超时，已升级至甲方`);
    await processOutbox(t.ctx, { publicUrl: 'https://yunwei.example.gov.cn' });
    expect(peers.mails.map((x) => x.to[0])).toEqual(['pm_li@yunwei.test', 'contact_wang@yunwei.test']);
  });

  it('recorded each step once, in order, with audit', async () => {
    await at(600);
    await slaWatch();
    const steps = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'ticket.escalate')).orderBy(asc(auditLog.seq));
    const onsite = steps.filter((s) => s.objectId === tk.id && (s.detail as { target: string }).target === 'onsite');
    expect(onsite.map((s) => (s.detail as { step: number }).step)).toEqual([1, 2, 3]);
    expect(await bell(eng, 'ticket.sla_warning')).toHaveLength(1);
    expect(await bell(pm, 'ticket.sla_breached')).toHaveLength(1);
  });

  it('clears the on-site warnings and breaches from the bells once the engineer arrives (issue 11 point 10)', async () => {
    const open = async (a: Agent, event: string) => (await bell(a, event)).filter((n) => n.objectId === tk.id && !n.resolvedAt);
    expect(await open(pm, 'ticket.sla_breached')).toHaveLength(1);
    expect((await eng.post(`/api/tickets/${tk.id}/events`, { kind: 'arrive' })).statusCode).toBe(200);
    expect(await open(eng, 'ticket.sla_warning')).toHaveLength(0);
    expect(await open(pm, 'ticket.sla_breached')).toHaveLength(0);
  });
});
