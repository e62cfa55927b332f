// Routes of the in-app bell (with its live stream), the user's notification preferences and the
// system admin's SMTP server.
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { eq } from 'drizzle-orm';
import { IDLE_MS } from '../auth/service.ts';
import type { Ctx } from '../context.ts';
import { sessions } from '../db/tables.ts';
import { defineRoute } from '../http.ts';
import { getPrefs, listNotifications, markAllRead, markRead, ownNotifications, savePrefs, unreadCount } from './inbox.ts';
import { notifyEvents } from './events.ts';
import { LiveHub } from './live.ts';
import { saveSmtp, smtpView, testPrefs, testSmtp } from './outbox.ts';
import { notifyApi } from '../../../common/notify.api.ts';

/** Comment lines keep proxies from closing an idle stream. */
export const KEEPALIVE_MS = 25_000;

/**
 * Whether the session behind a stream still stands. The stream never touches the session: only
 * real requests move last_seen_at, so an open bell does not keep an idle session alive; the stream
 * ends ('expired') once the session ends, expires or passes the idle time-out.
 */
async function sessionStands(ctx: Ctx): Promise<boolean> {
  const a = ctx.actor;
  if (!a) return false;
  if (a.via !== 'session' || !a.sessionId) return true;
  const [s] = await ctx.db
    .select({ lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, endedAt: sessions.endedAt })
    .from(sessions)
    .where(eq(sessions.idHash, a.sessionId))
    .limit(1);
  const now = ctx.now().getTime();
  return !!s && !s.endedAt && s.expiresAt.getTime() > now && now - s.lastSeenAt.getTime() <= IDLE_MS;
}

export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  let hub: LiveHub | null = null;
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
    streams.clear();
  });
  app.addHook('onClose', async () => {
    await hub?.stop();
    hub = null;
  });

  defineRoute(app, {
    ...notifyApi.events,
    summary: '通知事件目录 The notification events every module raises',
    tags: ['notify'],
    access: 'user',
    handler: async () => ({ items: [...notifyEvents()].map(([code, e]) => ({ code, ...e, defaults: [...e.defaults] })) }),
  });

  defineRoute(app, {
    ...notifyApi.list,
    summary: '我的通知 My notifications',
    tags: ['notify'],
    access: 'user',
    handler: (ctx, { query }) => listNotifications(ctx, query),
  });

  defineRoute(app, {
    ...notifyApi.readAll,
    summary: '全部标为已读 Mark all read',
    tags: ['notify'],
    access: 'user',
    handler: (ctx) => markAllRead(ctx),
  });

  defineRoute(app, {
    ...notifyApi.read,
    summary: '标为已读 Mark read',
    tags: ['notify'],
    access: 'user',
    handler: (ctx, { params }) => markRead(ctx, params.id),
  });

  defineRoute(app, {
    ...notifyApi.stream,
    summary: '通知实时推送（Server-Sent Events）Live notifications',
    tags: ['notify'],
    access: 'user',
    handler: async (ctx, _input, req, reply) => {
      const uid = ctx.actor!.id;
      const log = ctx.log;
      hub ??= new LiveHub(ctx.db, app.log as unknown as typeof log);
      const res = reply.raw;
      let closed = false;
      const send = (event: string, data: unknown) => {
        if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      // One thing at a time, in order: a notification is written before the count that includes it.
      let queue: Promise<void> = Promise.resolve();
      const later = (fn: () => Promise<void>) => {
        queue = queue.then(fn).catch((err: unknown) => log.warn({ err }, 'notification stream: write failed'));
      };
      // Listening first, then the count: nothing committed after the count is missed.
      const off = await hub.subscribe(uid, (e) =>
        later(async () => {
          if (closed) return;
          if (e.kind === 'new') for (const n of await ownNotifications(ctx, uid, e.ids)) send('notification', n);
          send('unread', { count: await unreadCount(ctx, uid) });
        }),
      );
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
      });
      streams.add(res);
      res.write('retry: 10000\n\n');
      const finish = () => {
        if (closed) return;
        closed = true;
        off();
        clearInterval(ping);
        streams.delete(res);
      };
      const ping = setInterval(() => {
        later(async () => {
          if (closed) return;
          if (!(await sessionStands(ctx))) {
            send('expired', { reason: 'session' });
            finish();
            res.end();
            return;
          }
          res.write(': keep-alive\n\n');
        });
      }, KEEPALIVE_MS);
      req.raw.on('close', finish);
      res.on('close', finish);
      later(async () => send('unread', { count: await unreadCount(ctx, uid) }));
    },
  });

  defineRoute(app, {
    ...notifyApi.prefs,
    summary: '我的通知设置 My notification preferences',
    tags: ['notify'],
    access: 'user',
    handler: (ctx) => getPrefs(ctx),
  });

  defineRoute(app, {
    ...notifyApi.savePrefs,
    summary: '修改我的通知设置 Save my notification preferences',
    tags: ['notify'],
    access: 'user',
    handler: (ctx, { body }) => savePrefs(ctx, body),
  });

  defineRoute(app, {
    ...notifyApi.testPrefs,
    summary: '向我的各通知渠道发送测试消息 Test my channels',
    tags: ['notify'],
    access: 'user',
    handler: (ctx) => testPrefs(ctx),
  });

  defineRoute(app, {
    ...notifyApi.smtp,
    summary: '邮件服务器设置 SMTP server',
    tags: ['notify'],
    access: 'notify.admin',
    handler: (ctx) => smtpView(ctx),
  });

  defineRoute(app, {
    ...notifyApi.saveSmtp,
    summary: '保存邮件服务器设置 Save the SMTP server',
    tags: ['notify'],
    access: 'notify.admin',
    handler: (ctx, { body }) => saveSmtp(ctx, body),
  });

  defineRoute(app, {
    ...notifyApi.testSmtp,
    summary: '发送测试邮件 Send a test e-mail',
    tags: ['notify'],
    access: 'notify.admin',
    handler: (ctx, { body }) => testSmtp(ctx, body.to),
  });
}
