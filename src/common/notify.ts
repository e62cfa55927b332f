// Notification events, channels and the shapes of the bell and preference APIs. Shared by the server
// (kernel/notify/inbox decides channels from these defaults) and the web app (preferences table).
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

export const NOTIFY_EVENTS = {
  'ticket.created': {
    zh: '新的紧急/高级故障',
    en: 'New critical/high fault',
    descZh: '本人负责的服务项目登记了紧急或高级故障',
    descEn: 'A critical or high fault was logged on one of your service lines',
    defaults: ['inapp'],
  },
  'ticket.assigned': {
    zh: '运维单派给我',
    en: 'Ticket assigned to me',
    descZh: '运维单分派给本人处理',
    descEn: 'A ticket was assigned to you',
    defaults: ['inapp'],
  },
  'ticket.sla_warning': {
    zh: 'SLA 即将超时',
    en: 'SLA about to breach',
    descZh: 'SLA 计时用去 80%（处理人，未分派时为服务项目工程师）',
    descEn: '80% of an SLA target used (the assignee, or the line’s engineers)',
    defaults: ['inapp'],
  },
  'ticket.sla_breached': {
    zh: 'SLA 已超时',
    en: 'SLA breached',
    descZh: 'SLA 计时超时（乙方项目经理）',
    descEn: 'An SLA target was breached (contractor project managers)',
    defaults: ['inapp', 'email'],
  },
  'ticket.escalated': {
    zh: 'SLA 超时升级',
    en: 'SLA escalated',
    descZh: '超时后仍未处理，升级至甲方联系人',
    descEn: 'Still breached well after the deadline: escalated to the agency contacts',
    defaults: ['inapp', 'email'],
  },
  'ticket.to_confirm': {
    zh: '待测试确认',
    en: 'Fix to confirm',
    descZh: '运维单已处理完毕，等待甲方测试确认',
    descEn: 'A fix awaits the agency’s test and confirmation',
    defaults: ['inapp'],
  },
  'ticket.rejected': {
    zh: '维护结果被驳回',
    en: 'Fix rejected',
    descZh: '甲方驳回了维护结果，运维单重新打开',
    descEn: 'The agency rejected a fix and the ticket reopened',
    defaults: ['inapp'],
  },
  'ticket.followup_due': {
    zh: '回访到期',
    en: 'Follow-up due',
    descZh: '已关闭运维单的回访到期',
    descEn: 'A follow-up call on a closed ticket is due',
    defaults: ['inapp'],
  },
  'asset.request': {
    zh: '资产变动待审批',
    en: 'Asset movement to approve',
    descZh: '资产入库、领用、调拨、维修或报废申请需要本人所在层级审批',
    descEn: 'An asset receipt, assignment, transfer, repair or retirement awaits your level’s approval',
    defaults: ['inapp'],
  },
  'asset.request_decided': {
    zh: '资产变动已审批',
    en: 'Asset movement decided',
    descZh: '本人提出的资产变动申请已批准或驳回',
    descEn: 'Your asset movement request was approved or rejected',
    defaults: ['inapp'],
  },
  'asset.eos': {
    zh: '停止支持处置',
    en: 'End-of-support case',
    descZh: '设备停止支持：报告甲方、审批、更换、安装集成',
    descEn: 'End of support: report, approval, replacement, integration',
    defaults: ['inapp'],
  },
  'asset.eos_due': {
    zh: '即将过保或停止支持',
    en: 'Warranty or support ending',
    descZh: '设备在 90 天内过保或停止厂商支持',
    descEn: 'A device’s warranty or vendor support ends within 90 days',
    defaults: ['inapp', 'email'],
  },
  'spare.below_min': {
    zh: '备件低于最低库存',
    en: 'Spare part below minimum',
    descZh: '备品备件可用数量低于最低库存（乙方项目经理）',
    descEn: 'A spare part’s available stock fell below its minimum (project managers)',
    defaults: ['inapp', 'email'],
  },
  'procurement.requested': {
    zh: '采购申请待审批',
    en: 'Purchase request to approve',
    descZh: '乙方提出了采购申请（甲方负责人）',
    descEn: 'The contractor requested a purchase (agency managers)',
    defaults: ['inapp'],
  },
  'procurement.decided': {
    zh: '采购申请已审批',
    en: 'Purchase request decided',
    descZh: '采购申请已批准或驳回',
    descEn: 'A purchase request was approved or rejected',
    defaults: ['inapp'],
  },
} as const satisfies Record<string, NotifyEventDef>;

export type NotifyEvent = keyof typeof NOTIFY_EVENTS;
export const NOTIFY_EVENT_CODES = Object.keys(NOTIFY_EVENTS) as NotifyEvent[];

export const isNotifyEvent = (e: string): e is NotifyEvent => Object.hasOwn(NOTIFY_EVENTS, e);

/** The channels a user gets for an event: their choice, else the event's defaults; in-app always. */
export function channelsFor(event: string, prefs: Record<string, readonly string[]> | null | undefined): NotifyChannel[] {
  const chosen = prefs && Object.hasOwn(prefs, event) ? prefs[event] : undefined;
  const base: readonly string[] = chosen ?? (isNotifyEvent(event) ? NOTIFY_EVENTS[event].defaults : ['inapp']);
  return NOTIFY_CHANNELS.filter((c) => c === 'inapp' || base.includes(c));
}

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
  createdAt: z.string(),
  readAt: z.string().nullable(),
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
