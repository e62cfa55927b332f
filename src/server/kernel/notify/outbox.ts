// kernel/notify/outbox: e-mail and chat-robot delivery of the notifications notifyUsers() marked
// 'pending'. A loop on every worker node (started from main.ts) claims a batch in one short statement
// (FOR UPDATE SKIP LOCKED, so nodes never take the same rows) and leases it; then, outside any
// transaction, it sends; then it records each channel's result. Retryable failures (network, 5xx,
// 429, SMTP 4xx, vendor rate limits) are tried again with back-off, up to MAX_DELIVERY_ATTEMPTS, then
// the notification is 'failed'. A node that dies mid-send leaves a lease that runs out: delivery is
// at least once.
import { eq, sql } from 'drizzle-orm';
import { MAX_DELIVERY_ATTEMPTS, type ExternalChannel, type TSmtpInput, type TSmtpView } from '../../../common/notify.ts';
import { audit, auditAlone } from '../audit.ts';
import { publicUrlFrom } from '../config.ts';
import { inTx, type Ctx } from '../context.ts';
import { queryRows } from '../db/client.ts';
import { notificationPrefs, notifications, settings, users } from '../db/tables.ts';
import { Invalid, Unauthorized } from '../errors.ts';
import { checkOutboundHost, outboundPolicy } from '../net/policy.ts';
import { deliver, type DeliverOptions, type DeliveryResult, type DeliveryTarget } from './index.ts';
import { isEmailAddress } from './email.ts';
import { eventName } from './events.ts';
import { SMTP_SETTING, type DeliveryState } from './inbox.ts';
import { publishNew } from './live.ts';
import { openSmtp, openWebhook, sealSmtp, type SealedSmtpConfig, type SealedWebhookConfig } from './secrets.ts';
import type { Notification, Severity, SmtpConfig } from './types.ts';

/** Wait after the n-th failed attempt (1-based): 1 min, 5 min, 15 min, 1 h. */
export const RETRY_BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];
/** How long a claimed batch is left alone by other nodes (longer than every send's time-out). */
const LEASE_MS = 10 * 60_000;

export interface OutboxOptions {
  /** Origin for absolute links; default YUNWEI_PUBLIC_URL (config). */
  publicUrl?: string;
  batch?: number;
  timeoutMs?: number;
}

export interface OutboxRun {
  claimed: number;
  done: number;
  failed: number;
  retrying: number;
}

const SEVERITIES = new Set<Severity>(['info', 'warning', 'critical']);

function shanghai(d: Date): string {
  return d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
}

/** The message as e-mail and robots get it: the product's link made absolute. */
export function messageOf(
  row: { event: string; severity: string; title: string; body: string; link: string | null; createdAt: Date },
  publicUrl: string,
): Notification {
  const severity = SEVERITIES.has(row.severity as Severity) ? (row.severity as Severity) : 'info';
  const url = row.link?.startsWith('/') ? `${publicUrl}${row.link}` : undefined;
  return {
    title: row.title,
    body: row.body,
    severity,
    ...(url ? { url } : {}),
    fields: [
      { label: '事件', value: eventName(row.event) },
      { label: '时间', value: shanghai(row.createdAt) },
    ],
  };
}

// ---- SMTP server settings (settings 'notify.smtp', the password sealed) ----------------------------

async function sealedSmtp(ctx: Ctx): Promise<{ cfg: SealedSmtpConfig; updatedAt: Date } | null> {
  const [r] = await ctx.db.select().from(settings).where(eq(settings.key, SMTP_SETTING)).limit(1);
  return r ? { cfg: r.value as SealedSmtpConfig, updatedAt: r.updatedAt } : null;
}

/** The SMTP server to send with, password opened; null when none is configured. */
export async function loadSmtp(ctx: Ctx): Promise<SmtpConfig | null> {
  const s = await sealedSmtp(ctx);
  return s ? openSmtp(ctx.keys, s.cfg) : null;
}

export async function smtpView(ctx: Ctx): Promise<TSmtpView> {
  const s = await sealedSmtp(ctx);
  if (!s) return { configured: false, host: '', port: 25, secure: false, user: '', from: '', passwordSet: false, updatedAt: null };
  const c = s.cfg;
  return {
    configured: true,
    host: c.host,
    port: c.port,
    secure: c.secure,
    user: c.user ?? '',
    from: c.from,
    passwordSet: !!c.passwordBox,
    updatedAt: s.updatedAt.toISOString(),
  };
}

function fromAddress(from: string): string | null {
  const m = /^\s*(?:"?([^"<>\r\n]*)"?\s*)?<([^<>]+)>\s*$/.exec(from);
  const addr = m ? m[2]! : from.trim();
  return /[\r\n]/.test(from) || !isEmailAddress(addr) ? null : addr;
}

const publicSmtp = (c: SealedSmtpConfig | undefined) =>
  c ? { host: c.host, port: c.port, secure: c.secure, user: c.user ?? '', from: c.from, passwordSet: !!c.passwordBox } : null;

export async function saveSmtp(ctx: Ctx, input: TSmtpInput): Promise<TSmtpView> {
  if (!fromAddress(input.from))
    throw new Invalid('notify.smtp_from', '发件人地址无效', [
      { path: 'body.from', message: '应为 noreply@example.cn 或 "运维平台" <noreply@example.cn>' },
    ]);
  if (!/^[\w.-]+$/.test(input.host))
    throw new Invalid('notify.smtp_server', 'SMTP 服务器地址无效', [{ path: 'body.host', message: '主机名或 IP 地址' }]);
  await checkOutboundHost(ctx, input.host, 'body.host');
  await inTx(ctx, async (tx) => {
    const before = await sealedSmtp(tx);
    const user = input.user?.trim() || undefined;
    // Password: absent keeps the stored one, '' or null clears it.
    const keep = input.password === undefined ? before?.cfg.passwordBox : undefined;
    const base = { host: input.host, port: input.port, secure: input.secure, ...(user ? { user } : {}), from: input.from };
    const sealed: SealedSmtpConfig = input.password
      ? sealSmtp(tx.keys, { ...base, password: input.password })
      : { ...base, ...(keep ? { passwordBox: keep } : {}) };
    await tx.db
      .insert(settings)
      .values({ key: SMTP_SETTING, value: sealed, updatedAt: tx.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value: sealed, updatedAt: tx.now() } });
    await audit(tx, { action: 'notify.smtp.update', objectType: 'setting', before: publicSmtp(before?.cfg), after: publicSmtp(sealed) });
  });
  return smtpView(ctx);
}

const TEST_MESSAGE: Notification = {
  title: '运维平台测试消息',
  body: '这是一条测试消息：收到即说明通知渠道配置正确。',
  severity: 'info',
};

/** Sends a test e-mail (to the given address, else the admin's own) and reports the result. */
export async function testSmtp(
  ctx: Ctx,
  to: string | undefined,
  opts: OutboxOptions = {},
): Promise<{ ok: boolean; to: string; error?: string }> {
  if (!ctx.actor) throw new Unauthorized();
  let addr = to?.trim();
  if (!addr) {
    const [u] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.actor.id)).limit(1);
    addr = u?.email ?? '';
  }
  if (!addr) throw new Invalid('notify.no_email', '您的账号没有设置邮箱，请填写测试收件人', [{ path: 'body.to', message: '必填' }]);
  if (!isEmailAddress(addr))
    throw new Invalid('notify.email_address', `邮箱地址无效：${addr}`, [{ path: 'body.to', message: '不是有效的邮箱地址' }]);
  const smtp = await loadSmtp(ctx);
  if (!smtp) throw new Invalid('notify.smtp_not_configured', '尚未配置邮件服务器');
  const [r] = await deliver(withLink(TEST_MESSAGE, opts), [{ channel: 'email', smtp, to: [addr] }], await deliverOptions(ctx, opts));
  await auditAlone(ctx, {
    action: 'notify.smtp.test',
    objectType: 'setting',
    success: !!r?.ok,
    detail: { to: addr, error: r?.error ?? null },
  });
  return { ok: !!r?.ok, to: addr, ...(r?.error ? { error: r.error } : {}) };
}

/** The delivery's timeout and the administrator's outbound policy (kernel/net). */
async function deliverOptions(ctx: Ctx, opts: OutboxOptions): Promise<DeliverOptions> {
  return { policy: await outboundPolicy(ctx), ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) };
}

function withLink(n: Notification, opts: OutboxOptions): Notification {
  return { ...n, url: `${opts.publicUrl ?? publicUrlFrom(process.env)}/` };
}

/** POST /api/me/notify-prefs/test: one message to each of the user's own channels, with the results. */
export async function testPrefs(ctx: Ctx, opts: OutboxOptions = {}) {
  if (!ctx.actor || ctx.actor.via === 'system') throw new Unauthorized();
  const uid = ctx.actor.id;
  // In-app: a row of its own (notifyUsers never tells the actor about their own act).
  await inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(notifications)
      .values({
        userId: uid,
        event: 'notify.test',
        severity: 'info',
        title: TEST_MESSAGE.title,
        body: TEST_MESSAGE.body,
        link: '/me/notify',
        createdAt: tx.now(),
      })
      .returning({ id: notifications.id, userId: notifications.userId });
    if (row) await publishNew(tx, [row]);
  });
  const results: { channel: 'inapp' | ExternalChannel; ok: boolean; skipped?: boolean; error?: string }[] = [
    { channel: 'inapp', ok: true },
  ];
  const [u] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, uid)).limit(1);
  const [p] = await ctx.db
    .select({ webhook: notificationPrefs.webhook })
    .from(notificationPrefs)
    .where(eq(notificationPrefs.userId, uid))
    .limit(1);
  const targets: DeliveryTarget[] = [];
  const smtp = await loadSmtp(ctx);
  if (!u?.email) results.push({ channel: 'email', ok: false, skipped: true, error: '账号未设置邮箱' });
  else if (!smtp) results.push({ channel: 'email', ok: false, skipped: true, error: '系统尚未配置邮件服务器' });
  else targets.push({ channel: 'email', smtp, to: [u.email] });
  if (!p?.webhook) results.push({ channel: 'webhook', ok: false, skipped: true, error: '未设置机器人' });
  else {
    try {
      targets.push({ channel: 'webhook', webhook: openWebhook(ctx.keys, p.webhook as SealedWebhookConfig) });
    } catch {
      results.push({ channel: 'webhook', ok: false, error: '机器人配置无法解密（密钥已更换？），请重新填写' });
    }
  }
  const sent = targets.length ? await deliver(withLink(TEST_MESSAGE, opts), targets, await deliverOptions(ctx, opts)) : [];
  for (const r of sent) results.push({ channel: r.channel, ok: r.ok, ...(r.error ? { error: r.error } : {}) });
  const order = ['inapp', 'email', 'webhook'];
  results.sort((a, b) => order.indexOf(a.channel) - order.indexOf(b.channel));
  await auditAlone(ctx, { action: 'notify.prefs.test', objectType: 'user', objectId: uid, detail: { results } });
  return { results };
}

// ---- the delivery loop --------------------------------------------------------------------------

interface ClaimedRow {
  id: string;
  user_id: string;
  event: string;
  severity: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Date | string;
  delivery_results: DeliveryState | string | null;
  attempts: number;
}

/** Claims due pending rows: one statement, so the lease is taken with the lock. */
async function claim(ctx: Ctx, batch: number): Promise<ClaimedRow[]> {
  const now = ctx.now();
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  return queryRows<ClaimedRow>(
    ctx.db,
    sql`UPDATE notifications
           SET attempts = attempts + 1,
               delivery_results = jsonb_set(coalesce(delivery_results, '{}'::jsonb), '{nextAt}', to_jsonb(${lease}::text))
         WHERE id IN (
           SELECT id FROM notifications
            WHERE delivery = 'pending'
              AND (delivery_results->>'nextAt' IS NULL OR (delivery_results->>'nextAt')::timestamptz <= ${now.toISOString()}::timestamptz)
            ORDER BY created_at
            LIMIT ${batch}
            FOR UPDATE SKIP LOCKED)
     RETURNING id, user_id, event, severity, title, body, link, created_at, delivery_results, attempts`,
  );
}

/** One pass: claim a batch, send it outside any transaction, record what happened. */
export async function processOutbox(ctx: Ctx, opts: OutboxOptions = {}): Promise<OutboxRun> {
  const batch = opts.batch ?? 20;
  const publicUrl = opts.publicUrl ?? publicUrlFrom(process.env);
  const rows = await claim(ctx, batch);
  const run: OutboxRun = { claimed: rows.length, done: 0, failed: 0, retrying: 0 };
  if (!rows.length) return run;

  let smtp: SmtpConfig | null | undefined;
  let smtpError: string | null = null;
  try {
    smtp = await loadSmtp(ctx);
  } catch {
    smtpError = '邮件服务器配置无法解密（密钥已更换？），请重新保存';
  }

  for (const row of rows) {
    const state: DeliveryState =
      typeof row.delivery_results === 'string'
        ? (JSON.parse(row.delivery_results) as DeliveryState)
        : (row.delivery_results ?? { want: [] });
    const channels = { ...(state.channels ?? {}) };
    const todo = (state.want ?? []).filter((c) => !channels[c]?.ok);
    const at = ctx.now().toISOString();
    const failNow = (c: ExternalChannel, error: string) => (channels[c] = { ok: false, at, error, retryable: false });

    const [u] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, row.user_id)).limit(1);
    const [p] = await ctx.db
      .select({ webhook: notificationPrefs.webhook })
      .from(notificationPrefs)
      .where(eq(notificationPrefs.userId, row.user_id))
      .limit(1);
    const targets: DeliveryTarget[] = [];
    for (const c of todo) {
      if (c === 'email') {
        if (smtpError) failNow(c, smtpError);
        else if (!smtp) failNow(c, '系统尚未配置邮件服务器');
        else if (!u?.email || !isEmailAddress(u.email)) failNow(c, '用户未设置有效邮箱');
        else targets.push({ channel: 'email', smtp, to: [u.email] });
      } else if (!p?.webhook) failNow(c, '用户已删除机器人');
      else {
        try {
          targets.push({ channel: 'webhook', webhook: openWebhook(ctx.keys, p.webhook as SealedWebhookConfig) });
        } catch {
          failNow(c, '机器人配置无法解密（密钥已更换？）');
        }
      }
    }
    const message = messageOf({ ...row, createdAt: new Date(row.created_at) }, publicUrl);
    const results: DeliveryResult[] = targets.length ? await deliver(message, targets, await deliverOptions(ctx, opts)) : [];
    for (const r of results) {
      channels[r.channel] = { ok: r.ok, at, ...(r.error ? { error: r.error } : {}), ...(r.ok ? {} : { retryable: r.retryable ?? false }) };
    }

    const outcomes = state.want.map((c) => channels[c]);
    const allOk = outcomes.every((o) => o?.ok);
    const retry = !allOk && row.attempts < MAX_DELIVERY_ATTEMPTS && outcomes.some((o) => o && !o.ok && o.retryable);
    const delivery = allOk ? 'done' : retry ? 'pending' : 'failed';
    const nextAt = retry
      ? new Date(ctx.now().getTime() + RETRY_BACKOFF_MS[Math.min(row.attempts, RETRY_BACKOFF_MS.length) - 1]!).toISOString()
      : null;
    const next: DeliveryState = { want: state.want, nextAt, channels };
    await inTx(ctx, async (tx) => {
      await tx.db.update(notifications).set({ delivery, deliveryResults: next }).where(eq(notifications.id, row.id));
      if (delivery === 'failed') {
        await audit(tx, {
          action: 'notify.delivery_failed',
          objectType: 'notification',
          objectId: row.id,
          success: false,
          detail: { userId: row.user_id, event: row.event, attempts: row.attempts, channels },
        });
      }
    });
    run[delivery === 'done' ? 'done' : delivery === 'failed' ? 'failed' : 'retrying']++;
  }
  return run;
}

export interface OutboxLoop {
  stop(): Promise<void>;
}

/** The worker's delivery loop: a pass every `intervalMs`, at once again while batches come back full. */
export function startOutbox(ctx: Ctx, opts: OutboxOptions & { intervalMs?: number } = {}): OutboxLoop {
  const interval = opts.intervalMs ?? 5_000;
  const batch = opts.batch ?? 20;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    running = (async () => {
      try {
        for (;;) {
          const r = await processOutbox({ ...ctx, requestId: `outbox:${Date.now()}` }, { ...opts, batch });
          if (r.claimed) ctx.log.info(r, 'notification outbox pass');
          if (stopped || r.claimed < batch) break;
        }
      } catch (err) {
        ctx.log.error({ err }, 'notification outbox failed');
      } finally {
        running = null;
        if (!stopped) timer = setTimeout(tick, interval);
      }
    })();
  };
  timer = setTimeout(tick, Math.min(interval, 1_000));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
