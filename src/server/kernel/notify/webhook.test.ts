// kernel/notify chat robots against a real local HTTP receiver (test-peers.ts): each vendor's body,
// signatures, and which failures are retryable.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import { DeliveryError, sendWebhook, type Notification } from './index.ts';
import { escapeMarkdown, truncateBytes, wecomBody, WECOM_MAX_BYTES } from './formats.ts';
import { ANSWERS, LOCAL, NOTICE as N, rejection, startPeers, type Hit, type Peers } from './test-peers.ts';

let peers: Peers;
beforeAll(async () => {
  peers = await startPeers();
});
afterAll(async () => {
  await peers.close();
});

const hook = (answer: keyof typeof ANSWERS, rest = 'robot/send'): string => `${peers.base}/${answer}/${rest}`;
const lastFor = (path: string): Hit => {
  const r = peers.hits.filter((x) => x.path === path).at(-1);
  if (!r) throw new Error(`nothing received on ${path}`);
  return r;
};

describe('chat-robot formats, received by a local HTTP server', () => {
  it.each([
    {
      kind: 'wecom' as const,
      answer: 'ok' as const,
      check: (b: Record<string, unknown>): void => {
        expect(b.msgtype).toBe('markdown');
        const content = (b.markdown as { content: string }).content;
        expect(content).toContain('### 核心交换机端口故障');
        expect(content).toContain('<font color="warning">【紧急】</font>');
        expect(content).toContain('> 运维单：<font color="comment">NET-2021-0042</font>');
        expect(content).toContain('[查看详情](https://yunwei.example.com/tickets/42)');
      },
    },
    {
      kind: 'dingtalk' as const,
      answer: 'ok' as const,
      check: (b: Record<string, unknown>): void => {
        expect(b.msgtype).toBe('markdown');
        const md = b.markdown as { title: string; text: string };
        expect(md.title).toBe('[紧急] 核心交换机端口故障');
        expect(md.text).toContain('### 核心交换机端口故障');
        expect(md.text).toContain('- **到场期限**：2021-10-02 05:00');
        expect(md.text).toContain('[查看详情](https://yunwei.example.com/tickets/42)');
      },
    },
    {
      kind: 'feishu' as const,
      answer: 'feishu-ok' as const,
      check: (b: Record<string, unknown>): void => {
        expect(b.msg_type).toBe('interactive');
        expect(b).not.toHaveProperty('sign');
        const card = b.card as { header: unknown; elements: unknown[] };
        expect(card.header).toEqual({ title: { tag: 'plain_text', content: '【紧急】核心交换机端口故障' }, template: 'red' });
        expect(card.elements[0]).toEqual({ tag: 'div', text: { tag: 'lark_md', content: N.body } });
        expect(card.elements[1]).toMatchObject({
          tag: 'div',
          fields: [{ is_short: true, text: { tag: 'lark_md', content: '**运维单**\nNET-2021-0042' } }, {}],
        });
        expect(card.elements[2]).toMatchObject({ tag: 'action', actions: [{ tag: 'button', url: N.url }] });
      },
    },
    {
      kind: 'generic' as const,
      answer: 'ok' as const,
      check: (b: Record<string, unknown>): void => {
        expect(b).toEqual(N);
      },
    },
  ])('$kind: POSTs the vendor JSON body', async ({ kind, answer, check }) => {
    const url = hook(answer, `${kind}/send`);
    const r = await sendWebhook({ kind, url }, N, LOCAL);
    expect(r.status).toBe(200);
    const got = lastFor(new URL(url).pathname);
    expect(got.method).toBe('POST');
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    expect(got.rawQuery).toBe('');
    check(got.body as Record<string, unknown>);
  });

  it('DingTalk: timestamp and sign in the URL, verifiable from the received timestamp', async () => {
    const secret = 'SEC' + randomBytes(24).toString('hex');
    const before = Date.now();
    await sendWebhook({ kind: 'dingtalk', url: hook('ok', 'ding/send?access_token=tok123'), secret }, N, LOCAL);
    const got = lastFor('/ok/ding/send');
    expect(got.query.get('access_token')).toBe('tok123');
    const ts = got.query.get('timestamp')!;
    expect(Number(ts)).toBeGreaterThanOrEqual(before);
    expect(Number(ts)).toBeLessThanOrEqual(Date.now());
    const expected = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
    expect(got.query.get('sign')).toBe(expected);
    // The base64 signature travels URL-encoded: no raw '+', '/' or '=' in the query string.
    const rawSign = /(?:^|&)sign=([^&]*)/.exec(got.rawQuery)![1]!;
    expect(rawSign).toMatch(/^[A-Za-z0-9%]+$/);
    expect(decodeURIComponent(rawSign)).toBe(expected);
  });

  it('Feishu: timestamp (seconds) and sign in the body, verifiable from the received timestamp', async () => {
    const secret = 'fs-' + randomBytes(16).toString('hex');
    await sendWebhook({ kind: 'feishu', url: hook('feishu-ok', 'open-apis/bot/v2/hook/abc'), secret }, N, LOCAL);
    const body = lastFor('/feishu-ok/open-apis/bot/v2/hook/abc').body as { timestamp: string; sign: string; msg_type: string };
    expect(body.msg_type).toBe('interactive');
    expect(body.timestamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(body.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    const expected = createHmac('sha256', `${body.timestamp}\n${secret}`).update('').digest('base64');
    expect(body.sign).toBe(expected);
  });

  it('a vendor error in a 200 answer is a failure, not retryable, with the answer kept for the log only', async () => {
    const err = await rejection(sendWebhook({ kind: 'dingtalk', url: hook('vendor-error') }, N, LOCAL));
    expect(err).toBeInstanceOf(DeliveryError);
    const e = err as DeliveryError;
    expect(e.channel).toBe('webhook');
    expect(e.retryable).toBe(false);
    expect(e.vendorCode).toBe(310000);
    expect(e.message).toBe('dingtalk 机器人拒绝了消息：错误码 310000');
    expect(e.response).toContain('keywords not in content');

    const fe = (await rejection(sendWebhook({ kind: 'feishu', url: hook('feishu-error') }, N, LOCAL))) as DeliveryError;
    expect([fe.retryable, fe.vendorCode]).toEqual([false, 19021]);
    // A WeCom-shaped success is not a Feishu success: each vendor's own code is checked.
    const mismatch = (await rejection(sendWebhook({ kind: 'feishu', url: hook('ok') }, N, LOCAL))) as DeliveryError;
    expect(mismatch.retryable).toBe(false);
    const html = (await rejection(sendWebhook({ kind: 'wecom', url: hook('not-json') }, N, LOCAL))) as DeliveryError;
    expect(html.retryable).toBe(false);
  });

  it('a vendor rate limit is retryable', async () => {
    const e = (await rejection(sendWebhook({ kind: 'wecom', url: hook('rate-limited') }, N, LOCAL))) as DeliveryError;
    expect([e.retryable, e.vendorCode]).toEqual([true, 45009]);
  });

  it('HTTP 500 and 429 are retryable, 403 is not; the answer is cut to 500 characters', async () => {
    const e500 = (await rejection(sendWebhook({ kind: 'wecom', url: hook('server-error') }, N, LOCAL))) as DeliveryError;
    expect([e500.retryable, e500.status]).toEqual([true, 500]);
    expect(e500.response).toHaveLength(500);
    const e429 = (await rejection(sendWebhook({ kind: 'generic', url: hook('too-many') }, N, LOCAL))) as DeliveryError;
    expect([e429.retryable, e429.status]).toEqual([true, 429]);
    const e403 = (await rejection(sendWebhook({ kind: 'generic', url: hook('forbidden') }, N, LOCAL))) as DeliveryError;
    expect([e403.retryable, e403.status]).toEqual([false, 403]);
  });

  it('a robot that never answers fails, retryable, within the timeout', async () => {
    const t0 = performance.now();
    const e = (await rejection(
      sendWebhook({ kind: 'wecom', url: hook('hang', 'cgi-bin/webhook/send?key=SECRETKEY') }, N, { ...LOCAL, timeoutMs: 300 }),
    )) as DeliveryError;
    const took = performance.now() - t0;
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e.retryable).toBe(true);
    expect(e.message).toContain('300 ms');
    expect(e.message).not.toContain('SECRETKEY');
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(2000);
  });

  it('a refused connection is retryable', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = (await rejection(sendWebhook({ kind: 'generic', url: `http://127.0.0.1:${port}/x` }, N, LOCAL))) as DeliveryError;
    expect(e.retryable).toBe(true);
  });

  it('says a connection failed without saying how (no port scanner)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = (await rejection(sendWebhook({ kind: 'generic', url: `http://127.0.0.1:${port}/x` }, N, LOCAL))) as DeliveryError;
    expect(e.message).toBe('generic 机器人无法连接');
  });

  it.each(['ftp://127.0.0.1/x', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://user:pw@127.0.0.1/x'])(
    'refuses %s with Invalid, before any request',
    async (url) => {
      const count = peers.hits.length;
      const err = await rejection(sendWebhook({ kind: 'generic', url }, N, LOCAL));
      expect(err).toBeInstanceOf(Invalid);
      expect((err as Invalid).code).toBe('notify.webhook_url');
      expect(peers.hits.length).toBe(count);
    },
  );

  it('neutralises markdown in user text and keeps WeCom under 4096 bytes', () => {
    const hostile: Notification = {
      title: '**粗体** <font color="warning">伪造</font>\n# 标题',
      body: '[钓鱼](http://evil.example)\n# 假标题\n`code`\n' + '长'.repeat(3000),
      fields: [{ label: '备注', value: '> 引用' }],
      url: 'javascript:alert(1)',
    };
    const content = wecomBody(hostile).markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(WECOM_MAX_BYTES);
    expect(content).toContain('…');
    expect(content).toContain('### ＊＊粗体＊＊ ＜font color="warning"＞伪造＜/font＞ # 标题\n');
    expect(content).toContain('［钓鱼］(http://evil.example)');
    expect(content).toContain('\n＃ 假标题');
    expect(content).toContain('> 备注：<font color="comment">＞ 引用</font>'); // fields survive truncation
    expect(content).not.toContain('javascript:');
    expect(escapeMarkdown('a_b c#d')).toBe('a_b c#d');
    const cut = truncateBytes('运维'.repeat(10), 10);
    expect(cut).toBe('运维…');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(10);
  });
});

// ---- e-mail ----------------------------------------------------------------------------------
