// Notification channels, the shape of an event definition, and the shapes of the bell and preference
// APIs. The events themselves are declared by the modules that raise them (their manifests) and reach
// the web app through GET /api/notify/events.
import { z } from 'zod';

export const NOTIFY_CHANNELS = ['inapp', 'email', 'webhook'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
/** Channels delivered outside the product, after the transaction commits (kernel/notify/outbox). */
export type ExternalChannel = Exclude<NotifyChannel, 'inapp'>;

export interface NotifyEventDef {
  zh: string;
  en: string;
  /** Who gets it and when, for the preferences page. */
  descZh: string;
  descEn: string;
  /** Channels used while the user has not chosen; `inapp` is always on. */
  defaults: readonly NotifyChannel[];
}

/** The channels a user gets for an event: their choice, else the event's defaults; in-app always. */
export function channelsFor(
  event: string,
  prefs: Record<string, readonly string[]> | null | undefined,
  defaults: readonly NotifyChannel[],
): NotifyChannel[] {
  const chosen = prefs && Object.hasOwn(prefs, event) ? prefs[event] : undefined;
  const base: readonly string[] = chosen ?? defaults;
  return NOTIFY_CHANNELS.filter((c) => c === 'inapp' || base.includes(c));
}

/** One event of the catalogue as the preferences page and the bell show it (GET /api/notify/events). */
export const ZNotifyEvent = z.object({
  code: z.string(),
  module: z.string(),
  zh: z.string(),
  en: z.string(),
  descZh: z.string(),
  descEn: z.string(),
  defaults: z.array(z.enum(NOTIFY_CHANNELS)),
});
export type TNotifyEvent = z.infer<typeof ZNotifyEvent>;

/** How many delivery attempts an e-mail or robot message gets before it is marked failed. */
export const MAX_DELIVERY_ATTEMPTS = 5;

// ---- API shapes ------------------------------------------------------------------------------

export const WEBHOOK_KINDS = ['wecom', 'dingtalk', 'feishu', 'generic'] as const;
export const WEBHOOK_KIND_NAMES: Record<(typeof WEBHOOK_KINDS)[number], { zh: string; en: string }> = {
  wecom: { zh: '企业微信机器人', en: 'WeCom robot' },
  dingtalk: { zh: '钉钉机器人', en: 'DingTalk robot' },
  feishu: { zh: '飞书机器人', en: 'Feishu robot' },
  generic: { zh: '通用 Webhook（JSON）', en: 'Generic webhook (JSON)' },
};

export const ZNotificationQuery = z.object({
  unread: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZNotification = z.object({
  id: z.string(),
  event: z.string(),
  severity: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  /** What the notice asks of its recipient (null: it only informs). */
  action: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** When what it asked for was done, by anyone (the bell shows it as handled). */
  resolvedAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ items: z.array(ZNotification), total: z.number().int(), unread: z.number().int() });
export type TNotificationList = z.infer<typeof ZNotificationList>;

const ZChannels = z.array(z.enum(NOTIFY_CHANNELS)).max(3);

export const ZWebhookInput = z.object({
  kind: z.enum(WEBHOOK_KINDS),
  url: z.string().trim().min(1).max(2000),
  secret: z.string().trim().max(500).optional(),
});

export const ZNotifyPrefsInput = z.object({
  events: z.record(z.string().max(100), ZChannels),
  /** Absent: keep the robot as it is; null: remove it; an object: replace it. */
  webhook: ZWebhookInput.nullable().optional(),
});
export type TNotifyPrefsInput = z.infer<typeof ZNotifyPrefsInput>;

export const ZNotifyPrefs = z.object({
  events: z.record(z.string(), z.array(z.enum(NOTIFY_CHANNELS))),
  webhook: z.object({ kind: z.enum(WEBHOOK_KINDS), urlHint: z.string(), hasSecret: z.boolean() }).nullable(),
  /** The user's e-mail address (null: the e-mail channel cannot be used). */
  email: z.string().nullable(),
  smtpConfigured: z.boolean(),
});
export type TNotifyPrefs = z.infer<typeof ZNotifyPrefs>;

export const ZChannelResult = z.object({
  channel: z.enum(NOTIFY_CHANNELS),
  ok: z.boolean(),
  skipped: z.boolean().optional(),
  error: z.string().optional(),
});
export const ZTestResults = z.object({ results: z.array(ZChannelResult) });
export type TTestResults = z.infer<typeof ZTestResults>;

export const ZSmtpInput = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.coerce.number().int().min(1).max(65535),
  secure: z.boolean().default(false),
  user: z.string().trim().max(255).optional(),
  /** Absent: keep the stored password; '' or null: clear it. */
  password: z.string().max(500).nullable().optional(),
  from: z.string().trim().min(3).max(255),
});
export type TSmtpInput = z.infer<typeof ZSmtpInput>;

export const ZSmtpView = z.object({
  configured: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  user: z.string(),
  from: z.string(),
  /** Never the password: only whether one is stored. */
  passwordSet: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TSmtpView = z.infer<typeof ZSmtpView>;

export const ZSmtpTest = z.object({ to: z.string().trim().max(254).optional() });

/**
 * Where Yunwei may connect on a user's say-so (robots, the SMTP server): public addresses always; the
 * private ranges when `allowPrivate`; and the addresses or CIDR ranges listed in `allow`, whatever their kind.
 */
export const ZOutboundPolicy = z.object({
  allowPrivate: z.boolean(),
  allow: z.array(z.string().trim().max(50)).max(100),
});
export type TOutboundPolicy = z.infer<typeof ZOutboundPolicy>;
