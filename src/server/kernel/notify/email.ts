// E-mail over SMTP via nodemailer: a plain-text part and a simple HTML part with the fields as a
// table. Network I/O: never call this inside a DB transaction (ARCHITECTURE.md).
import { Invalid } from '../errors.ts';
import { oneLine } from './formats.ts';
import { DeliveryError, SEVERITY_LABEL, safeLink, type Notification, type SmtpConfig } from './types.ts';
import { isIP } from 'node:net';
import { OutboundRefused, resolveOutbound, STRICT_POLICY, type OutboundPolicy } from '../net/outbound.ts';

export const DEFAULT_SMTP_TIMEOUT_MS = 15_000;
export const MAX_RECIPIENTS = 100;
export const SUBJECT_PREFIX = '[运维]';

// Deliberately plain: one @, no spaces, quotes, angle brackets, commas or control characters
// (which is also what keeps header injection out), a dot in the domain.
// Written so that PostgreSQL's regular expressions read it the same (kernel/notify/inbox.ts uses it in SQL).
export const EMAIL_ADDRESS_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;
export const isEmailAddress = (s: string): boolean => s.length <= 254 && EMAIL_ADDRESS_RE.test(s);

export interface EmailOptions {
  timeoutMs?: number;
  /** Which addresses the SMTP server may be at (kernel/net/outbound.ts); default: public addresses only. */
  policy?: OutboundPolicy;
}

export interface EmailResult {
  messageId: string;
  accepted: string[];
  /** Recipients the server refused while it took the message for the others. */
  rejected: string[];
}

/** `[运维] 标题`, with the severity for warnings and critical ones: `[运维]【紧急】标题`. */
export function emailSubject(n: Notification): string {
  const s = n.severity ?? 'info';
  return `${SUBJECT_PREFIX}${s === 'info' ? ' ' : `【${SEVERITY_LABEL[s]}】`}${oneLine(n.title)}`;
}

export function emailText(n: Notification): string {
  const lines = [oneLine(n.title), `级别：${SEVERITY_LABEL[n.severity ?? 'info']}`, '', n.body.replace(/\r\n?/g, '\n')];
  if (n.fields?.length) lines.push('', ...n.fields.map((f) => `${oneLine(f.label)}：${oneLine(f.value)}`));
  const href = safeLink(n.url);
  if (href) lines.push('', `查看详情：${href}`);
  lines.push('', '--', '此邮件由运维平台自动发送，请勿直接回复。');
  return lines.join('\n');
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const COLOR = { info: '#1677ff', warning: '#fa8c16', critical: '#f5222d' } as const;

export function emailHtml(n: Notification): string {
  const s = n.severity ?? 'info';
  const rows = (n.fields ?? [])
    .map(
      (f) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;color:#666;font-weight:normal;white-space:nowrap">${esc(oneLine(f.label))}</th>` +
        `<td style="padding:4px 0">${esc(oneLine(f.value))}</td></tr>`,
    )
    .join('');
  const href = safeLink(n.url);
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head>',
    "<body style=\"font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;font-size:14px;color:#222\">",
    `<p><span style="color:#fff;background:${COLOR[s]};padding:2px 6px;border-radius:3px">${SEVERITY_LABEL[s]}</span> <strong>${esc(oneLine(n.title))}</strong></p>`,
    `<p style="white-space:pre-wrap">${esc(n.body)}</p>`,
    rows ? `<table style="border-collapse:collapse">${rows}</table>` : '',
    href ? `<p><a href="${esc(href)}">查看详情</a></p>` : '',
    '<p style="color:#999;font-size:12px">此邮件由运维平台自动发送，请勿直接回复。</p>',
    '</body></html>',
  ].join('');
}

function checkFrom(from: string): void {
  const m = /^\s*(?:"?([^"<>\r\n]*)"?\s*)?<([^<>]+)>\s*$/.exec(from);
  const addr = m ? m[2]! : from.trim();
  if (/[\r\n]/.test(from) || !isEmailAddress(addr)) {
    throw new Invalid('notify.smtp_from', '发件人地址无效', [{ path: 'from', message: '不是有效的邮箱地址' }]);
  }
}

/** Validates and de-duplicates recipients; Invalid for none, too many, or a malformed one. */
export function checkRecipients(to: string[]): string[] {
  const list = [...new Set(to.map((a) => a.trim()).filter(Boolean))];
  if (list.length === 0) throw new Invalid('notify.email_no_recipient', '没有收件人', [{ path: 'to', message: '至少一个收件人' }]);
  if (list.length > MAX_RECIPIENTS) {
    throw new Invalid('notify.email_too_many', `收件人不能超过 ${MAX_RECIPIENTS} 个`, [{ path: 'to', message: '收件人过多' }]);
  }
  const bad = list.map((a, i) => ({ a, i })).filter(({ a }) => !isEmailAddress(a));
  if (bad.length) {
    throw new Invalid(
      'notify.email_address',
      `邮箱地址无效：${bad.map((b) => b.a).join('，')}`,
      bad.map((b) => ({ path: `to.${b.i}`, message: '不是有效的邮箱地址' })),
    );
  }
  return list;
}

const NETWORK_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EPROTOCOL']);

const SMTP_CODE_ZH: Record<string, string> = {
  EAUTH: '邮件服务器认证失败，请检查用户名和密码',
  ETLS: '与邮件服务器的 TLS 协商失败',
  ETIMEDOUT: '连接邮件服务器超时',
  ECONNECTION: '无法连接邮件服务器',
  ESOCKET: '无法连接邮件服务器',
  ECONNREFUSED: '无法连接邮件服务器',
  ECONNRESET: '无法连接邮件服务器',
  EDNS: '邮件服务器的地址无法解析',
  EENVELOPE: '邮件服务器拒绝了发件人或收件人',
  EMESSAGE: '邮件服务器拒绝了邮件内容',
};

function smtpFailure(err: unknown): DeliveryError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const status = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  // SMTP's own rule: 4xx is transient, 5xx permanent. Without a reply, a network failure is transient.
  const retryable = status !== undefined ? status >= 400 && status < 500 : code !== undefined && NETWORK_CODES.has(code);
  const message = typeof e.message === 'string' ? e.message : String(err);
  // The reply code and what it means, not the server's own words or how a connection failed (the
  // remote's text stays in `response`, for the log, never in what a user is shown).
  const what = (code && SMTP_CODE_ZH[code]) ?? '邮件发送失败';
  return new DeliveryError('email', status === undefined ? what : `${what}（SMTP ${status}）`, {
    retryable,
    ...(status === undefined ? {} : { status }),
    response: typeof e.response === 'string' ? e.response : message,
    cause: err,
  });
}

export async function sendEmail(cfg: SmtpConfig, to: string[], n: Notification, opts: EmailOptions = {}): Promise<EmailResult> {
  const recipients = checkRecipients(to);
  checkFrom(cfg.from);
  if (!cfg.host || !Number.isInteger(cfg.port) || cfg.port < 1 || cfg.port > 65535) {
    throw new Invalid('notify.smtp_server', 'SMTP 服务器地址或端口无效', [{ path: 'host', message: '主机或端口无效' }]);
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;
  // Resolved once under the policy and connected to by address (no second lookup to rebind); TLS
  // still checks the certificate against the name.
  let address: string;
  try {
    address = await resolveOutbound(cfg.host, opts.policy ?? STRICT_POLICY);
  } catch (err) {
    if (err instanceof OutboundRefused) throw new DeliveryError('email', err.message, { retryable: false, cause: err });
    throw new DeliveryError('email', '邮件服务器的地址无法解析', { retryable: true, cause: err });
  }
  const { default: nodemailer } = await import('nodemailer'); // loaded on first use
  const transport = nodemailer.createTransport({
    host: address,
    ...(isIP(cfg.host.replace(/^\[|\]$/g, '')) ? {} : { tls: { servername: cfg.host } }),
    port: cfg.port,
    secure: cfg.secure,
    ...(cfg.user ? { auth: { user: cfg.user, pass: cfg.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    const info = await transport.sendMail({
      from: cfg.from,
      to: recipients,
      subject: emailSubject(n),
      text: emailText(n),
      html: emailHtml(n),
      textEncoding: 'base64',
      headers: { 'X-Mailer': 'yunwei-notify' },
    });
    const addr = (a: unknown): string =>
      typeof a === 'string' ? a : typeof a === 'object' && a !== null && 'address' in a ? String(a.address) : String(a);
    return { messageId: info.messageId, accepted: info.accepted.map(addr), rejected: info.rejected.map(addr) };
  } catch (err) {
    throw smtpFailure(err);
  } finally {
    transport.close();
  }
}
