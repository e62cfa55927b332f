// Notifications end to end through the HTTP API, on both databases, with real peers: an SMTP server
// and a robot receiver on 127.0.0.1, the SSE stream read over a real socket.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TNotificationList, TNotifyPrefs, TSmtpView, TTestResults } from '../../../common/notify.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { inTx } from '../context.ts';
import { auditLog, notifications, users } from '../db/tables.ts';
import { notifyUsers, type DeliveryState, type InAppNotice } from './inbox.ts';
import { processOutbox, RETRY_BACKOFF_MS } from './outbox.ts';
import { readMail, startPeers, type Peers } from './test-peers.ts';

let t: TestApp;
let peers: Peers;
let admin: Agent;
let alice: Agent;
let bob: Agent;
let dave: Agent;
const ids: Record<string, string> = {};
const PUBLIC = 'https://yunwei.example.gov.cn';

async function setEmail(username: string, email: string): Promise<void> {
  const [u] = await t.ctx.db.update(users).set({ email }).where(eq(users.username, username)).returning({ id: users.id });
  ids[username] = u!.id;
}

const notify = (n: Omit<InAppNotice, 'userIds'> & { to: string[] }) =>
  inTx(t.ctx, (tx) => notifyUsers(tx, { ...n, userIds: n.to.map((u) => ids[u]!) }));

async function rowsOf(username: string, event: string) {
  return t.ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, ids[username]!), eq(notifications.event, event)));
}

const outbox = () => processOutbox(t.ctx, { publicUrl: PUBLIC, timeoutMs: 5_000 });

beforeAll(async () => {
  peers = await startPeers();
  t = await testApp();
  admin = await t.userAgent('sys.admin', ['system_admin']);
  alice = await t.userAgent('alice', ['engineer'], { serviceLines: ['NET'] });
  bob = await t.userAgent('bob', ['contractor_pm']);
  await t.userAgent('carol', ['contractor_pm']);
  dave = await t.userAgent('dave', ['engineer']);
  for (const u of ['sys.admin', 'alice', 'bob', 'carol', 'dave']) await setEmail(u, `${u.replace('.', '')}@yunwei.test`);
});
afterAll(async () => {
  await t?.close();
  await peers?.close();
});

describe('outbound policy (issue 11 point 2)', () => {
  it('refuses an SMTP server and a robot on 127.0.0.1 until the system admin lists it', async () => {
    const smtp = await admin.put('/api/notify/smtp', { host: '127.0.0.1', port: peers.smtpPort, from: 'noreply@yunwei.test' });
    expect(smtp.statusCode).toBe(400);
    expect(json(smtp)).toMatchObject({ code: 'net.outbound_refused', errors: [{ path: 'body.host' }] });
    for (const url of [`${peers.base}/ok/x`, peers.base.replace('127.0.0.1', '2130706433') + '/ok/x', 'http://169.254.169.254/latest']) {
      const r = await alice.put('/api/me/notify-prefs', { events: {}, webhook: { kind: 'generic', url } });
      expect(r.statusCode, url).toBe(400);
      expect(json(r).code).toBe('net.outbound_refused');
    }
    expect(json<TNotifyPrefs>(await alice.get('/api/me/notify-prefs')).webhook).toBeNull();
  });

  it('is set by the system admin only, checked, and audited', async () => {
    expect((await alice.put('/api/admin/outbound', { allowPrivate: true, allow: [] })).statusCode).toBe(403);
    const bad = await admin.put('/api/admin/outbound', { allowPrivate: false, allow: ['10.0.0.0/99', 'chat.intranet'] });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).code).toBe('net.allow_list');
    const ok = await admin.put('/api/admin/outbound', { allowPrivate: false, allow: ['127.0.0.1', '127.0.0.1'] });
    expect(json(ok)).toEqual({ allowPrivate: false, allow: ['127.0.0.1'] });
    expect(json(await admin.get('/api/admin/outbound'))).toEqual({ allowPrivate: false, allow: ['127.0.0.1'] });
    const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'net.outbound.update'));
    expect(trail).toHaveLength(1);
  });
});

describe('SMTP server settings', () => {
  it('is for the system admin only, never returns the password and audits without it', async () => {
    expect((await alice.get('/api/notify/smtp')).statusCode).toBe(403);
    expect(json<TSmtpView>(await admin.get('/api/notify/smtp')).configured).toBe(false);
    const put = await admin.put('/api/notify/smtp', {
      host: '127.0.0.1',
      port: peers.smtpPort,
      secure: false,
      user: 'ops',
      password: 's3cret',
      from: '运维平台 <noreply@yunwei.test>',
    });
    expect(put.statusCode).toBe(200);
    expect(put.body).not.toContain('s3cret');
    const got = await admin.get('/api/notify/smtp');
    expect(json<TSmtpView>(got)).toMatchObject({
      configured: true,
      host: '127.0.0.1',
      port: peers.smtpPort,
      user: 'ops',
      passwordSet: true,
    });
    expect(got.body).not.toContain('s3cret');
    // Saved again without a password: the stored one stays.
    expect(
      (
        await admin.put('/api/notify/smtp', {
          host: '127.0.0.1',
          port: peers.smtpPort,
          secure: false,
          user: 'ops',
          from: 'noreply@yunwei.test',
        })
      ).statusCode,
    ).toBe(200);
    const trail = await t.ctx.db.select().from(auditLog).where(like(auditLog.action, 'notify.smtp%'));
    expect(trail.length).toBe(2);
    expect(JSON.stringify(trail)).not.toContain('s3cret');
  });

  it('sends a test mail to the admin through the real SMTP server', async () => {
    const before = peers.mails.length;
    const r = await admin.post('/api/notify/smtp/test', {});
    expect(json(r)).toMatchObject({ ok: true, to: 'sysadmin@yunwei.test' });
    const m = peers.mails.slice(before);
    expect(m).toHaveLength(1);
    expect(m[0]!.user).toBe('ops'); // signed in with the kept password
    expect(readMail(m[0]!.raw).subject).toBe('[运维] 运维平台测试消息');
  });

  it('refuses a malformed sender', async () => {
    const r = await admin.put('/api/notify/smtp', { host: '127.0.0.1', port: 25, from: 'not an address' });
    expect(r.statusCode).toBe(400);
    expect(json(r).code).toBe('notify.smtp_from');
  });
});

describe('preferences', () => {
  it('starts from the defaults: in-app always, e-mail for breaches and escalations', async () => {
    const p = json<TNotifyPrefs>(await alice.get('/api/me/notify-prefs'));
    expect(p.events['ticket.assigned']).toEqual(['inapp']);
    expect(p.events['ticket.sla_breached']).toEqual(['inapp', 'email']);
    expect(p.events['ticket.escalated']).toEqual(['inapp', 'email']);
    expect(p).toMatchObject({ webhook: null, email: 'alice@yunwei.test', smtpConfigured: true });
  });

  it('keeps the robot sealed: the URL key is neither returned nor audited', async () => {
    const url = `${peers.base}/ok/cgi-bin/webhook/send?key=ALICE-ROBOT-KEY`;
    const r = await alice.put('/api/me/notify-prefs', { events: { 'ticket.assigned': ['webhook'] }, webhook: { kind: 'wecom', url } });
    expect(r.statusCode).toBe(200);
    const p = json<TNotifyPrefs>(r);
    expect(p.events['ticket.assigned']).toEqual(['inapp', 'webhook']); // in-app cannot be turned off
    expect(p.webhook).toMatchObject({ kind: 'wecom', hasSecret: false });
    expect(p.webhook!.urlHint).not.toContain('ALICE-ROBOT-KEY');
    expect((await alice.get('/api/me/notify-prefs')).body).not.toContain('ALICE-ROBOT-KEY');
    const trail = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'notify.prefs.update'));
    expect(trail.length).toBe(1);
    expect(JSON.stringify(trail)).not.toContain('ALICE-ROBOT-KEY');
  });

  it('refuses unknown events and robot URLs that cannot work', async () => {
    expect(json(await alice.put('/api/me/notify-prefs', { events: { 'no.such': ['email'] } })).code).toBe('notify.unknown_event');
    expect(json(await alice.put('/api/me/notify-prefs', { events: {}, webhook: { kind: 'wecom', url: 'ftp://x/y' } })).code).toBe(
      'notify.webhook_url',
    );
  });

  it('sends a test to each of the user’s own channels and reports per channel', async () => {
    const mails = peers.mails.length;
    const hits = peers.hits.length;
    const r = json<TTestResults>(await alice.post('/api/me/notify-prefs/test'));
    expect(r.results).toEqual([
      { channel: 'inapp', ok: true },
      { channel: 'email', ok: true },
      { channel: 'webhook', ok: true },
    ]);
    expect(peers.mails.slice(mails).map((m) => m.to)).toEqual([['alice@yunwei.test']]);
    expect(peers.hits.slice(hits)).toHaveLength(1);
  });
});

describe('delivery after commit', () => {
  it('posts a WeCom message to the robot of a user who chose it, with an absolute link', async () => {
    const before = peers.hits.length;
    await notify({
      to: ['alice'],
      event: 'ticket.assigned',
      title: '运维单 YW-2021-000007 已派给您',
      body: '核心交换机端口故障',
      link: '/desk/abc',
      severity: 'warning',
    });
    const [row] = await rowsOf('alice', 'ticket.assigned');
    expect(row!.delivery).toBe('pending');
    expect((row!.deliveryResults as DeliveryState).want).toEqual(['webhook']); // e-mail not chosen for this event
    const run = await outbox();
    expect(run).toMatchObject({ claimed: 1, done: 1 });
    const hit = peers.hits.slice(before);
    expect(hit).toHaveLength(1);
    expect(hit[0]!.path).toBe('/ok/cgi-bin/webhook/send');
    expect(hit[0]!.query.get('key')).toBe('ALICE-ROBOT-KEY');
    const body = hit[0]!.body as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('YW-2021-000007');
    expect(body.markdown.content).toContain(`${PUBLIC}/desk/abc`);
    const [done] = await rowsOf('alice', 'ticket.assigned');
    expect(done).toMatchObject({ delivery: 'done', attempts: 1 });
  });

  it('honours per-event choices: a user who turned e-mail off gets none', async () => {
    expect((await bob.put('/api/me/notify-prefs', { events: { 'ticket.sla_breached': ['inapp'] } })).statusCode).toBe(200);
    const before = peers.mails.length;
    await notify({ to: ['bob', 'carol'], event: 'ticket.sla_breached', title: '运维单 YW-2021-000008 到场已超时', severity: 'critical' });
    expect((await rowsOf('bob', 'ticket.sla_breached'))[0]!.delivery).toBe('none');
    expect((await rowsOf('carol', 'ticket.sla_breached'))[0]!.delivery).toBe('pending');
    expect(await outbox()).toMatchObject({ claimed: 1, done: 1 });
    const sent = peers.mails.slice(before);
    expect(sent.map((m) => m.to)).toEqual([['carol@yunwei.test']]);
    expect(readMail(sent[0]!.raw).subject).toBe('[运维]【紧急】运维单 YW-2021-000008 到场已超时');
  });

  it('retries a failing robot with back-off, then marks the notification failed after 5 attempts', async () => {
    const url = `${peers.base}/fail/robot/send?key=DAVE`;
    expect(
      (await dave.put('/api/me/notify-prefs', { events: { 'ticket.assigned': ['webhook'] }, webhook: { kind: 'wecom', url } })).statusCode,
    ).toBe(200);
    await notify({ to: ['dave'], event: 'ticket.assigned', title: '运维单 YW-2021-000009 已派给您' });
    const daveHits = () => peers.hits.filter((h) => h.path === '/fail/robot/send').length;
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await outbox()).toMatchObject({ claimed: 1 });
      const [row] = await rowsOf('dave', 'ticket.assigned');
      expect(row!.attempts).toBe(attempt);
      expect(daveHits()).toBe(attempt);
      expect(row!.delivery).toBe(attempt < 5 ? 'pending' : 'failed');
      const ch = (row!.deliveryResults as DeliveryState).channels!.webhook!;
      expect(ch).toMatchObject({ ok: false, retryable: true });
      expect(ch.error).toContain('HTTP 500');
      if (attempt < 5) {
        // Not before the back-off has passed.
        expect((await outbox()).claimed).toBe(0);
        t.clock.advance(RETRY_BACKOFF_MS[attempt - 1]! + 1_000);
      }
    }
    t.clock.advance(24 * 3_600_000);
    expect((await outbox()).claimed).toBe(0);
    expect(daveHits()).toBe(5);
    const failed = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'notify.delivery_failed'));
    expect(failed).toHaveLength(1);
    expect(JSON.stringify(failed)).not.toContain('key=DAVE');
  });
});

describe('the bell', () => {
  it('lists one’s own notifications with the unread count, and marks them read', async () => {
    // Sessions idle out after 30 minutes and the previous test moved the clock: sign in again.
    for (const a of [alice, bob]) expect((await a.login(a === alice ? 'alice' : 'bob', 'Test-Pass-1')).statusCode).toBe(200);
    await notify({ to: ['alice'], event: 'ticket.to_confirm', title: '运维单 YW-2021-000010 已处理完毕，请测试确认' });
    const l = json<TNotificationList>(await alice.get('/api/notifications?unread=true'));
    expect(l.unread).toBeGreaterThanOrEqual(2);
    expect(l.total).toBe(l.unread);
    expect(l.items[0]!.title).toContain('YW-2021-000010');
    const r = await alice.post(`/api/notifications/${l.items[0]!.id}/read`);
    expect(json(r)).toEqual({ unread: l.unread - 1 });
    const all = json<TNotificationList>(await alice.get('/api/notifications'));
    expect(all.items.find((n) => n.id === l.items[0]!.id)!.readAt).not.toBeNull();
  });

  it('does not let one user read or mark another’s notifications', async () => {
    const [mine] = await rowsOf('alice', 'ticket.to_confirm');
    await t.ctx.db.update(notifications).set({ readAt: null }).where(eq(notifications.id, mine!.id));
    const bobs = json<TNotificationList>(await bob.get('/api/notifications?pageSize=100'));
    expect(bobs.items.map((n) => n.id)).not.toContain(mine!.id);
    const r = await bob.post(`/api/notifications/${mine!.id}/read`);
    expect(r.statusCode).toBe(404);
    expect(json(r).code).toBe('notification.not_found');
    expect(json(await bob.post('/api/notifications/read-all')).unread).toBe(0);
    const [still] = await rowsOf('alice', 'ticket.to_confirm');
    expect(still!.readAt).toBeNull();
    expect((await alice.post('/api/notifications/read-all')).statusCode).toBe(200);
    expect(json<TNotificationList>(await alice.get('/api/notifications')).unread).toBe(0);
  });
});

describe('live stream (SSE over a real socket)', () => {
  interface Sse {
    next(event: string): Promise<unknown>;
    close(): void;
    contentType: string;
    nosniff: string | null;
  }

  async function openStream(a: Agent, base: string): Promise<Sse> {
    const ac = new AbortController();
    const cookie = [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${base}/api/notifications/stream`, { headers: { cookie, accept: 'text/event-stream' }, signal: ac.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    return {
      contentType: res.headers.get('content-type') ?? '',
      nosniff: res.headers.get('x-content-type-options'),
      async next(event) {
        for (;;) {
          const end = buf.indexOf('\n\n');
          if (end >= 0) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            const name = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (name === event) return JSON.parse(data ?? 'null') as unknown;
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before "${event}"`);
          buf += value;
        }
      },
      close: () => ac.abort(),
    };
  }

  it('sends the unread count, then each notification created after it opened', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address() as { port: number };
    const s = await openStream(alice, `http://127.0.0.1:${addr.port}`);
    expect(s.contentType).toContain('text/event-stream');
    expect(s.nosniff).toBe('nosniff'); // a stream the route writes itself still carries the security headers
    expect(await s.next('unread')).toEqual({ count: 0 });
    await notify({ to: ['alice', 'bob'], event: 'ticket.rejected', title: '运维单 YW-2021-000011 的维护结果被驳回', link: '/desk/x' });
    const n = (await s.next('notification')) as { title: string; event: string; readAt: null };
    expect(n).toMatchObject({ title: '运维单 YW-2021-000011 的维护结果被驳回', event: 'ticket.rejected', readAt: null });
    expect(await s.next('unread')).toEqual({ count: 1 });
    // Marked read elsewhere (another tab): the count follows.
    await alice.post('/api/notifications/read-all');
    expect(await s.next('unread')).toEqual({ count: 0 });
    s.close();
  });

  it('refuses a caller without a session', async () => {
    const addr = t.app.server.address() as { port: number };
    const r = await fetch(`http://127.0.0.1:${addr.port}/api/notifications/stream`);
    expect(r.status).toBe(401);
    await r.body?.cancel();
  });
});
