// Posts a notification to a chat robot. Network I/O: never call this inside a DB transaction
// (ARCHITECTURE.md); commit first, then deliver (or enqueue a job that does).
import { Invalid } from '../errors.ts';
import { buildWebhookRequest } from './formats.ts';
import { OutboundRefused, STRICT_POLICY, type OutboundPolicy } from '../net/outbound.ts';
import { outboundRequest, type OutboundResponse } from '../net/request.ts';
import { DeliveryError, cut, type Notification, type WebhookConfig, type WebhookKind } from './types.ts';

export const DEFAULT_TIMEOUT_MS = 10_000;
const KINDS: readonly WebhookKind[] = ['wecom', 'dingtalk', 'feishu', 'generic'];

/**
 * Vendor codes that mean "slow down", worth a later retry; every other vendor code is permanent
 * (bad key, bad signature, keyword missing, IP not allowed…).
 * WeCom 45009 接口调用超过限制; DingTalk 130101 发送太快; Feishu 11232 / 9499 频率限制.
 */
const RATE_LIMIT_CODES: Partial<Record<WebhookKind, readonly number[]>> = {
  wecom: [45009],
  dingtalk: [130101],
  feishu: [11232, 9499],
};

export interface WebhookOptions {
  timeoutMs?: number;
  /** Which addresses the robot may be at (kernel/net/outbound.ts); default: public addresses only. */
  policy?: OutboundPolicy;
  /** Signing clock, ms since the epoch (tests); default Date.now(). */
  now?: () => number;
}

export interface WebhookResult {
  status: number;
  response: string;
}

/** Throws Invalid for a config that can never work (kind, URL scheme), before any I/O. */
export function checkWebhookConfig(cfg: WebhookConfig): URL {
  if (!KINDS.includes(cfg.kind)) throw new Invalid('notify.webhook_kind', `不支持的机器人类型：${String(cfg.kind)}`);
  let u: URL;
  try {
    u = new URL(cfg.url);
  } catch {
    throw new Invalid('notify.webhook_url', 'Webhook 地址无效', [{ path: 'url', message: '不是有效的 URL' }]);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Invalid('notify.webhook_url', 'Webhook 地址只能是 http 或 https', [{ path: 'url', message: '只允许 http/https' }]);
  }
  if (u.username || u.password) {
    throw new Invalid('notify.webhook_url', 'Webhook 地址不能包含用户名或密码', [{ path: 'url', message: '含有凭据' }]);
  }
  return u;
}

function vendorCode(kind: WebhookKind, json: unknown): { code: number | undefined; msg: string | undefined } {
  if (typeof json !== 'object' || json === null) return { code: undefined, msg: undefined };
  const o = json as Record<string, unknown>;
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  if (kind === 'feishu') {
    // v2 hooks answer {code, msg}; older ones {StatusCode, StatusMessage}.
    return { code: num(o.code) ?? num(o.StatusCode), msg: str(o.msg) ?? str(o.StatusMessage) };
  }
  return { code: num(o.errcode), msg: str(o.errmsg) };
}

export async function sendWebhook(cfg: WebhookConfig, n: Notification, opts: WebhookOptions = {}): Promise<WebhookResult> {
  checkWebhookConfig(cfg);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const req = buildWebhookRequest(cfg, n, (opts.now ?? Date.now)());

  let res: OutboundResponse;
  try {
    // A robot answers itself: a redirect is a misconfiguration and is not followed.
    res = await outboundRequest(new URL(req.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'yunwei-notify/1' },
      body: JSON.stringify(req.body),
      policy: opts.policy ?? STRICT_POLICY,
      timeoutMs,
    });
  } catch (err) {
    if (err instanceof OutboundRefused) throw new DeliveryError('webhook', err.message, { retryable: false, cause: err });
    // The robot's URL carries its key: say what happened, never where; and not how the connection
    // failed (refused, reset, no route), which would turn the test button into a port scanner.
    const timedOut = (err as { code?: string }).code === 'ETIMEDOUT';
    throw new DeliveryError('webhook', timedOut ? `${cfg.kind} 机器人在 ${timeoutMs} ms 内没有应答` : `${cfg.kind} 机器人无法连接`, {
      retryable: true,
      cause: err,
    });
  }
  const text = res.text;

  const response = cut(text, 500);
  if (res.status < 200 || res.status > 299) {
    const retryable = res.status >= 500 || res.status === 429 || res.status === 408;
    throw new DeliveryError('webhook', `${cfg.kind} 机器人返回 HTTP ${res.status}`, {
      retryable,
      status: res.status,
      response,
    });
  }
  if (cfg.kind === 'generic') return { status: res.status, response };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DeliveryError('webhook', `${cfg.kind} 机器人的应答不是 JSON`, { retryable: false, status: res.status, response });
  }
  const { code, msg } = vendorCode(cfg.kind, json);
  if (code !== 0) {
    const retryable = code !== undefined && (RATE_LIMIT_CODES[cfg.kind] ?? []).includes(code);
    // The vendor's code is documented and safe to show; its message text is the remote's own words.
    void msg;
    throw new DeliveryError('webhook', `${cfg.kind} 机器人拒绝了消息：错误码 ${code ?? '（无）'}`, {
      retryable,
      status: res.status,
      ...(code === undefined ? {} : { vendorCode: code }),
      response,
    });
  }
  return { status: res.status, response };
}
