// kernel/notify/inbox: the in-app bell. Any module tells users something with notifyUsers(), inside
// its own transaction; e-mail and chat robots are sent afterwards from these rows (never inside a
// transaction) by the outbox, as each user's preferences say.
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import {
  channelsFor,
  NOTIFY_CHANNELS,
  type ExternalChannel,
  type NotifyChannel,
  type TNotificationList,
  type TNotifyPrefs,
  type TNotifyPrefsInput,
} from '../../../common/notify.ts';
import { audit } from '../audit.ts';
import { inTx, type Ctx } from '../context.ts';
import { notificationPrefs, notifications, settings, userRoles, users } from '../db/tables.ts';
import { Invalid, NotFound, Unauthorized } from '../errors.ts';
import { EMAIL_ADDRESS_RE, isEmailAddress } from './email.ts';
import { eventDefaults, notifyEvents } from './events.ts';
import { publishNew, publishNewSql, publishRead } from './live.ts';
import { sealWebhook, type SealedWebhookConfig } from './secrets.ts';
import type { Severity } from './types.ts';
import { checkWebhookConfig } from './webhook.ts';
import { checkOutboundHost } from '../net/policy.ts';

export interface InAppNotice {
  userIds: string[];
  /** Event code such as 'ticket.sla_warning'; preferences are per event. */
  event: string;
  title: string;
  body?: string;
  /** Path inside the product, e.g. a record's page. */
  link?: string;
  severity?: Severity;
  objectType?: string;
  objectId?: string;
  /**
   * What the recipient is asked to do about the object ('confirm', 'approve', …); the module that
   * completes it calls resolveNotices() with the same object and action (notify/resolve.ts).
   */
  action?: string;
}

/** What the outbox keeps in notifications.delivery_results. */
export interface DeliveryState {
  /** External channels chosen when the notification was created. */
  want: ExternalChannel[];
  /** Not before this instant (retry back-off, or the lease of the node delivering it now). */
  nextAt?: string | null;
  channels?: Partial<Record<ExternalChannel, { ok: boolean; at: string; error?: string; retryable?: boolean }>>;
}

/** The external channels a user gets for an event: chosen (or default), and usable. */
export function externalChannels(
  event: string,
  who: { email: string | null; events: Record<string, string[]> | null; webhook: unknown },
): ExternalChannel[] {
  return channelsFor(event, who.events, eventDefaults(event)).filter(
    (c): c is ExternalChannel => (c === 'email' && !!who.email && isEmailAddress(who.email)) || (c === 'webhook' && !!who.webhook),
  );
}

/** The notification row for one recipient (its external delivery chosen now, from their preferences). */
function noticeRow(
  n: InAppNotice,
  w: { email: string | null; events: Record<string, string[]> | null; webhook: unknown } | undefined,
  userId: string,
  now: Date,
) {
  const want = w ? externalChannels(n.event, w) : [];
  const state: DeliveryState | null = want.length ? { want, nextAt: null, channels: {} } : null;
  return {
    id: randomUUID(),
    userId,
    event: n.event,
    severity: n.severity ?? 'info',
    title: n.title,
    body: n.body ?? '',
    link: n.link ?? null,
    objectType: n.objectType ?? null,
    objectId: n.objectId ?? null,
    action: n.action ?? null,
    createdAt: now,
    delivery: want.length ? 'pending' : 'none',
    deliveryResults: state,
  };
}

/** Records one notification per distinct user (the acting user is not told about their own act). */
export async function notifyUsers(ctx: Ctx, n: InAppNotice): Promise<number> {
  const ids = [...new Set(n.userIds)].filter((id) => id !== ctx.actor?.id);
  if (!ids.length) return 0;
  const now = ctx.now();
  const who = await ctx.db
    .select({ id: users.id, email: users.email, events: notificationPrefs.events, webhook: notificationPrefs.webhook })
    .from(users)
    .leftJoin(notificationPrefs, eq(notificationPrefs.userId, users.id))
    .where(inArray(users.id, ids));
  const byId = new Map(who.map((w) => [w.id, w]));
  const rows = ids.map((userId) => noticeRow(n, byId.get(userId), userId, now));
  await ctx.db.insert(notifications).values(rows);
  // Fires on commit: the bell of every open stream of these users, on every node.
  await publishNew(ctx, rows);
  return ids.length;
}

/**
 * notifyUsers for a write made as one statement (a data-modifying CTE), recipients included: the
 * active holders of `roles` (with serviceLine, only that line's), except the actor, each with the
 * external channels their preferences choose for the event, decided in SQL exactly as
 * externalChannels decides them in Node (notice-sql.test.ts holds the two side by side).
 * `insert` is the body of a CTE (named `name` in the statement) that returns the notifications;
 * `publish` is an expression for the statement's select list that announces them on commit. Title
 * and body are SQL over the statement's own CTE `from` (values only it knows, such as a number the
 * database assigns).
 */
export function noticeInStatement(
  ctx: Ctx,
  to: { roles: string[]; serviceLine?: string },
  n: Omit<InAppNotice, 'userIds' | 'title' | 'body'> & { title: SQL; body: SQL; from: SQL; name: string },
): { insert: SQL; publish: SQL } {
  const defaults = JSON.stringify(eventDefaults(n.event).filter((c) => c !== 'inapp'));
  const external = JSON.stringify(NOTIFY_CHANNELS.filter((c) => c !== 'inapp'));
  const chosen = sql`CASE WHEN p.events ? ${n.event}::text THEN p.events -> ${n.event}::text ELSE ${defaults}::jsonb END`;
  const usable = sql`(x.c <> 'email' OR (length(${users.email}) <= 254 AND ${users.email} ~ ${EMAIL_ADDRESS_RE.source}::text)) AND (x.c <> 'webhook' OR p.webhook IS NOT NULL)`;
  const want = sql`ARRAY(SELECT x.c FROM jsonb_array_elements_text(${external}::jsonb) WITH ORDINALITY AS x(c, i) WHERE ${chosen} ? x.c AND ${usable} ORDER BY x.i)`;
  const who = and(
    activeHolders(ctx, to.roles, to.serviceLine),
    ctx.actor && ctx.actor.via !== 'system' ? sql`${users.id} <> ${ctx.actor.id}::uuid` : undefined,
  );
  const insert = sql`INSERT INTO ${notifications} (id, user_id, event, severity, title, body, link, object_type, object_id, action, created_at, delivery, delivery_results)
    SELECT gen_random_uuid(), ${users.id}, ${n.event}::text, ${n.severity ?? 'info'}::text, ${n.title}, ${n.body}, ${n.link ?? null}::text, ${n.objectType ?? null}::text, ${n.objectId ?? null}::uuid, ${n.action ?? null}::text, ${ctx.now().toISOString()}::timestamptz,
      CASE WHEN cardinality(w.want) > 0 THEN 'pending' ELSE 'none' END,
      CASE WHEN cardinality(w.want) > 0 THEN jsonb_build_object('want', to_jsonb(w.want), 'nextAt', NULL, 'channels', '{}'::jsonb) END
    FROM ${n.from}, ${users} LEFT JOIN ${notificationPrefs} p ON p.user_id = ${users.id} CROSS JOIN LATERAL (SELECT ${want} AS want OFFSET 0) w
    WHERE ${who}
    RETURNING id, user_id`;
  return { insert, publish: publishNewSql(sql.raw(n.name)) };
}

/** Active users holding any of the roles; with serviceLine, only those assigned to that line. */
export async function usersWithRoles(ctx: Ctx, roleCodes: string[], opts: { serviceLine?: string } = {}): Promise<string[]> {
  if (!roleCodes.length) return [];
  const rows = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(activeHolders(ctx, roleCodes, opts.serviceLine));
  return rows.map((r) => r.id);
}

/** The condition on `users` shared by usersWithRoles and noticeInStatement: active, holding any of the roles, on the line if given. */
function activeHolders(ctx: Ctx, roleCodes: string[], serviceLine: string | undefined): SQL | undefined {
  return and(
    eq(users.disabled, false),
    inArray(users.id, ctx.db.select({ id: userRoles.userId }).from(userRoles).where(inArray(userRoles.roleCode, roleCodes))),
    serviceLine ? sql`${serviceLine}::text = ANY(${users.serviceLines})` : undefined,
  );
}

// ---- the bell: always one's own notifications ------------------------------------------------

function me(ctx: Ctx): string {
  if (!ctx.actor || ctx.actor.via === 'system') throw new Unauthorized();
  return ctx.actor.id;
}

type NotificationRow = typeof notifications.$inferSelect;

export function notificationView(r: NotificationRow) {
  return {
    id: r.id,
    event: r.event,
    severity: r.severity,
    title: r.title,
    body: r.body,
    link: r.link,
    objectType: r.objectType,
    objectId: r.objectId,
    action: r.action,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
    resolvedAt: r.resolvedAt ? r.resolvedAt.toISOString() : null,
  };
}

export async function unreadCount(ctx: Ctx, userId: string): Promise<number> {
  const [r] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(r?.n ?? 0);
}

export async function listNotifications(ctx: Ctx, q: { unread: boolean; page: number; pageSize: number }): Promise<TNotificationList> {
  const uid = me(ctx);
  const where = and(eq(notifications.userId, uid), q.unread ? isNull(notifications.readAt) : undefined);
  const [t] = await ctx.db.select({ n: count() }).from(notifications).where(where);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(notificationView), total: Number(t?.n ?? 0), unread: await unreadCount(ctx, uid) };
}

/** Own notifications by id (the stream uses it for the ids it hears about). */
export async function ownNotifications(ctx: Ctx, userId: string, ids: string[]) {
  if (!ids.length) return [];
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids)))
    .orderBy(notifications.createdAt);
  return rows.map(notificationView);
}

export async function markRead(ctx: Ctx, id: string): Promise<{ unread: number }> {
  const uid = me(ctx);
  return inTx(ctx, async (tx) => {
    // Someone else's notification is answered exactly like a missing one.
    const [row] = await tx.db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, uid)))
      .limit(1);
    if (!row) throw new NotFound('notification.not_found', '通知不存在');
    if (!row.readAt) {
      await tx.db.update(notifications).set({ readAt: tx.now() }).where(eq(notifications.id, id));
      await audit(tx, { action: 'notification.read', objectType: 'notification', objectId: id });
      await publishRead(tx, uid);
    }
    return { unread: await unreadCount(tx, uid) };
  });
}

export async function markAllRead(ctx: Ctx): Promise<{ marked: number; unread: number }> {
  const uid = me(ctx);
  return inTx(ctx, async (tx) => {
    const rows = await tx.db
      .update(notifications)
      .set({ readAt: tx.now() })
      .where(and(eq(notifications.userId, uid), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length) {
      await audit(tx, { action: 'notification.read_all', objectType: 'user', objectId: uid, detail: { count: rows.length } });
      await publishRead(tx, uid);
    }
    return { marked: rows.length, unread: 0 };
  });
}

// ---- per-user preferences ----------------------------------------------------------------------

export const SMTP_SETTING = 'notify.smtp';

async function smtpConfigured(ctx: Ctx): Promise<boolean> {
  const [r] = await ctx.db.select({ key: settings.key }).from(settings).where(eq(settings.key, SMTP_SETTING)).limit(1);
  return !!r;
}

function webhookView(w: unknown): TNotifyPrefs['webhook'] {
  if (!w || typeof w !== 'object') return null;
  const s = w as SealedWebhookConfig;
  return { kind: s.kind, urlHint: s.urlHint, hasSecret: !!s.secretBox };
}

export async function getPrefs(ctx: Ctx): Promise<TNotifyPrefs> {
  const uid = me(ctx);
  const [u] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, uid)).limit(1);
  const [p] = await ctx.db.select().from(notificationPrefs).where(eq(notificationPrefs.userId, uid)).limit(1);
  const events: Record<string, NotifyChannel[]> = {};
  for (const [e, def] of notifyEvents()) events[e] = channelsFor(e, p?.events ?? null, def.defaults);
  return { events, webhook: webhookView(p?.webhook), email: u?.email ?? null, smtpConfigured: await smtpConfigured(ctx) };
}

export async function savePrefs(ctx: Ctx, input: TNotifyPrefsInput): Promise<TNotifyPrefs> {
  const uid = me(ctx);
  const unknown = Object.keys(input.events).filter((e) => !notifyEvents().has(e));
  if (unknown.length)
    throw new Invalid(
      'notify.unknown_event',
      `未知的通知事件：${unknown.join('，')}`,
      unknown.map((e) => ({ path: `body.events.${e}`, message: '未知事件' })),
    );
  let sealed: SealedWebhookConfig | null | undefined;
  if (input.webhook === null) sealed = null;
  else if (input.webhook) {
    const cfg = { kind: input.webhook.kind, url: input.webhook.url, ...(input.webhook.secret ? { secret: input.webhook.secret } : {}) };
    let url: URL;
    try {
      url = checkWebhookConfig(cfg);
    } catch (e) {
      if (e instanceof Invalid) throw new Invalid(e.code, e.message, [{ path: 'body.webhook.url', message: e.message }]);
      throw e;
    }
    await checkOutboundHost(ctx, url.hostname, 'body.webhook.url');
    sealed = sealWebhook(ctx.keys, cfg);
  }
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(notificationPrefs).where(eq(notificationPrefs.userId, uid)).limit(1);
    // Stored per event, in catalogue order; events not sent keep what they had.
    const events: Record<string, string[]> = { ...(before?.events ?? {}) };
    for (const [e, chans] of Object.entries(input.events)) events[e] = NOTIFY_CHANNELS.filter((c) => c === 'inapp' || chans.includes(c));
    const webhook = sealed === undefined ? (before?.webhook ?? null) : sealed;
    await tx.db
      .insert(notificationPrefs)
      .values({ userId: uid, events, webhook, updatedAt: tx.now() })
      .onConflictDoUpdate({ target: notificationPrefs.userId, set: { events, webhook, updatedAt: tx.now() } });
    // The robot's URL and secret are credentials: only the kind and the hint reach the audit trail.
    await audit(tx, {
      action: 'notify.prefs.update',
      objectType: 'user',
      objectId: uid,
      before: { events: before?.events ?? null, webhook: webhookView(before?.webhook) },
      after: { events, webhook: webhookView(webhook) },
    });
  });
  return getPrefs(ctx);
}
