// Notification delivery (kernel/notify): what a message is, where it can go, and how a failed
// delivery is reported. No tables here: the in-app bell and the outbox keep theirs (inbox.ts, outbox.ts).

export type Severity = 'info' | 'warning' | 'critical';

export interface NotificationField {
  label: string;
  value: string;
}

export interface Notification {
  title: string;
  body: string;
  /** A link back into Yunwei (http/https only; anything else is left out of the message). */
  url?: string;
  severity?: Severity;
  fields?: NotificationField[];
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** true = implicit TLS (465); false = plain connection upgraded by STARTTLS when offered. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

export type WebhookKind = 'wecom' | 'dingtalk' | 'feishu' | 'generic';

export interface WebhookConfig {
  kind: WebhookKind;
  /** The robot's address; for WeCom and DingTalk it carries the access key, so it is a secret too. */
  url: string;
  /** DingTalk and Feishu signing secret ("加签"). */
  secret?: string;
}

export type DeliveryChannel = 'email' | 'webhook';

/**
 * A delivery that did not succeed. Not an AppError: it never becomes an HTTP answer by itself; the
 * caller records it and, when `retryable`, tries again later (network errors, timeouts, 5xx, 429,
 * SMTP 4xx, vendor rate limits). Messages never contain the webhook URL (it holds the robot's key).
 */
export class DeliveryError extends Error {
  readonly channel: DeliveryChannel;
  readonly retryable: boolean;
  /** HTTP status or SMTP reply code, when there was one. */
  readonly status: number | undefined;
  /** Vendor error code from the response body (WeCom/DingTalk errcode, Feishu code). */
  readonly vendorCode: number | undefined;
  /** The peer's answer, cut to 500 characters. */
  readonly response: string | undefined;
  constructor(
    channel: DeliveryChannel,
    message: string,
    opts: { retryable: boolean; status?: number; vendorCode?: number; response?: string; cause?: unknown },
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'DeliveryError';
    this.channel = channel;
    this.retryable = opts.retryable;
    this.status = opts.status;
    this.vendorCode = opts.vendorCode;
    this.response = opts.response === undefined ? undefined : cut(opts.response, 500);
  }
}

export function cut(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

export const SEVERITY_LABEL: Record<Severity, string> = { info: '通知', warning: '警告', critical: '紧急' };

/** The notification's link when it is a well-formed http(s) URL, else undefined. */
export function safeLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
