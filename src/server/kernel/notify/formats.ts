// Chat-robot message bodies, one pure function per vendor, following each vendor's documented
// custom-robot format:
//   WeCom group robot   POST {msgtype:'markdown', markdown:{content}}          content <= 4096 bytes
//   DingTalk robot      POST {msgtype:'markdown', markdown:{title, text}}      signed via URL query
//   Feishu/Lark bot     POST {msg_type:'interactive', card:{header, elements}}  signed in the body
//   generic             POST the Notification itself as JSON
// User text is neutralised before it goes into markdown: characters that would start emphasis, code,
// links, headings, quotes or HTML/<font> tags are replaced by their full-width look-alikes, which
// render as the same glyph in a Chinese client and never as markup (backslash escapes are not
// honoured the same way by the three clients, full-width characters are).
import { createHmac } from 'node:crypto';
import { SEVERITY_LABEL, safeLink, type Notification, type Severity, type WebhookConfig } from './types.ts';

export const WECOM_MAX_BYTES = 4096;
/** DingTalk documents no exact markdown limit; 20 000 bytes per message is the safe figure. */
export const DINGTALK_MAX_BYTES = 18_000;
/** Feishu refuses request bodies over 30 KB; leave room for the card's JSON around the text. */
export const FEISHU_MAX_BYTES = 20_000;

const ELLIPSIS = '…';
const MD_CHARS: Record<string, string> = {
  '*': '＊',
  '`': '｀',
  '[': '［',
  ']': '］',
  '<': '＜',
  '>': '＞',
  '|': '｜',
  '~': '～',
};

/** Neutralises markdown/HTML in user text; keeps line breaks. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[*`[\]<>|~]/g, (c) => MD_CHARS[c] ?? c)
    .replace(/^([ \t]*)#/gm, '$1＃');
}

/** A one-line version of s (titles, labels): line breaks become spaces. */
export function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').trim();
}

export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Cuts s to at most maxBytes UTF-8 bytes, on a code-point boundary, ending in … when cut. */
export function truncateBytes(s: string, maxBytes: number): string {
  if (byteLength(s) <= maxBytes) return s;
  const budget = maxBytes - byteLength(ELLIPSIS);
  let used = 0;
  let out = '';
  for (const ch of s) {
    const b = byteLength(ch);
    if (used + b > budget) break;
    used += b;
    out += ch;
  }
  return out + ELLIPSIS;
}

/** head + body + tail within maxBytes: the body gives way first, then (rarely) the whole text. */
function fit(head: string, body: string, tail: string, maxBytes: number): string {
  const whole = head + body + tail;
  if (byteLength(whole) <= maxBytes) return whole;
  const room = maxBytes - byteLength(head) - byteLength(tail);
  if (room > 16) return head + truncateBytes(body, room) + tail;
  return truncateBytes(whole, maxBytes);
}

function mdLink(url: string | undefined): string | undefined {
  const href = safeLink(url);
  return href ? `[查看详情](${href.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : undefined;
}

const sev = (n: Notification): Severity => n.severity ?? 'info';

// ---- WeCom (企业微信群机器人) ----------------------------------------------------------------

const WECOM_COLOR: Record<Severity, string> = { info: 'info', warning: 'warning', critical: 'warning' };

export function wecomBody(n: Notification): { msgtype: 'markdown'; markdown: { content: string } } {
  const s = sev(n);
  const head = `### ${escapeMarkdown(oneLine(n.title))}\n<font color="${WECOM_COLOR[s]}">【${SEVERITY_LABEL[s]}】</font>\n`;
  const tailParts = (n.fields ?? []).map(
    (f) => `> ${escapeMarkdown(oneLine(f.label))}：<font color="comment">${escapeMarkdown(oneLine(f.value))}</font>`,
  );
  const link = mdLink(n.url);
  if (link) tailParts.push(link);
  const tail = tailParts.length ? `\n\n${tailParts.join('\n')}` : '';
  return { msgtype: 'markdown', markdown: { content: fit(head, escapeMarkdown(n.body), tail, WECOM_MAX_BYTES) } };
}

// ---- DingTalk (钉钉自定义机器人) --------------------------------------------------------------

export function dingtalkBody(n: Notification): { msgtype: 'markdown'; markdown: { title: string; text: string } } {
  const s = sev(n);
  const title = oneLine(n.title);
  // DingTalk's markdown needs a blank line (or two trailing spaces) for a line break.
  const head = `### ${escapeMarkdown(title)}\n\n**【${SEVERITY_LABEL[s]}】**\n\n`;
  const body = escapeMarkdown(n.body).replace(/\n/g, '  \n');
  const tailParts = (n.fields ?? []).map((f) => `- **${escapeMarkdown(oneLine(f.label))}**：${escapeMarkdown(oneLine(f.value))}`);
  const link = mdLink(n.url);
  const tail = (tailParts.length ? `\n\n${tailParts.join('\n')}` : '') + (link ? `\n\n${link}` : '');
  return {
    msgtype: 'markdown',
    // The title is what the conversation list and the phone notification show.
    markdown: { title: truncateBytes(`[${SEVERITY_LABEL[s]}] ${title}`, 200), text: fit(head, body, tail, DINGTALK_MAX_BYTES) },
  };
}

/** DingTalk 加签: base64(HmacSHA256(key = secret, message = `${timestamp}\n${secret}`)), timestamp in ms. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The robot URL with `timestamp` and `sign` added as URL-encoded query parameters. */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestampMs));
  u.searchParams.set('sign', dingtalkSign(secret, timestampMs));
  return u.href;
}

// ---- Feishu / Lark (飞书自定义机器人) ----------------------------------------------------------

const FEISHU_TEMPLATE: Record<Severity, 'blue' | 'orange' | 'red'> = { info: 'blue', warning: 'orange', critical: 'red' };

export interface FeishuCardBody {
  timestamp?: string;
  sign?: string;
  msg_type: 'interactive';
  card: {
    config: { wide_screen_mode: boolean };
    header: { title: { tag: 'plain_text'; content: string }; template: 'blue' | 'orange' | 'red' };
    elements: unknown[];
  };
}

/** Feishu 签名校验: base64(HmacSHA256(key = `${timestamp}\n${secret}`, message = empty)), timestamp in s. */
export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update(Buffer.alloc(0)).digest('base64');
}

export function feishuBody(n: Notification, signing?: { secret: string; timestampSec: number }): FeishuCardBody {
  const s = sev(n);
  const elements: unknown[] = [{ tag: 'div', text: { tag: 'lark_md', content: truncateBytes(escapeMarkdown(n.body), FEISHU_MAX_BYTES) } }];
  if (n.fields?.length) {
    elements.push({
      tag: 'div',
      fields: n.fields.map((f) => ({
        is_short: true,
        text: { tag: 'lark_md', content: `**${escapeMarkdown(oneLine(f.label))}**\n${escapeMarkdown(oneLine(f.value))}` },
      })),
    });
  }
  const href = safeLink(n.url);
  if (href) {
    elements.push({
      tag: 'action',
      actions: [{ tag: 'button', text: { tag: 'plain_text', content: '查看详情' }, type: 'primary', url: href }],
    });
  }
  return {
    ...(signing ? { timestamp: String(signing.timestampSec), sign: feishuSign(signing.secret, signing.timestampSec) } : {}),
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: {
        title: { tag: 'plain_text', content: truncateBytes(`【${SEVERITY_LABEL[s]}】${oneLine(n.title)}`, 600) },
        template: FEISHU_TEMPLATE[s],
      },
      elements,
    },
  };
}

// ---- generic ----------------------------------------------------------------------------------

export function genericBody(n: Notification): Notification {
  const href = safeLink(n.url);
  return {
    title: n.title,
    body: n.body,
    ...(href ? { url: href } : {}),
    severity: sev(n),
    fields: n.fields ?? [],
  };
}

// ---- one request per robot ------------------------------------------------------------------

export interface WebhookRequest {
  url: string;
  body: unknown;
}

/** The URL and JSON body to POST for a robot; `nowMs` is the signing clock (pure: no I/O, no Date.now). */
export function buildWebhookRequest(cfg: WebhookConfig, n: Notification, nowMs: number): WebhookRequest {
  switch (cfg.kind) {
    case 'wecom':
      return { url: cfg.url, body: wecomBody(n) };
    case 'dingtalk':
      return { url: cfg.secret ? dingtalkSignedUrl(cfg.url, cfg.secret, nowMs) : cfg.url, body: dingtalkBody(n) };
    case 'feishu':
      return {
        url: cfg.url,
        body: feishuBody(n, cfg.secret ? { secret: cfg.secret, timestampSec: Math.floor(nowMs / 1000) } : undefined),
      };
    case 'generic':
      return { url: cfg.url, body: genericBody(n) };
  }
}
