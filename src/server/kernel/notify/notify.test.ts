// kernel/notify against real local peers: an smtp-server on 127.0.0.1 and a node:http receiver.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyring } from '../crypto.ts';
import { Invalid } from '../errors.ts';
import { deliver, DeliveryError, sendEmail, sendWebhook, type Notification, type SmtpConfig, type WebhookConfig } from './index.ts';
import { escapeMarkdown, truncateBytes, wecomBody, WECOM_MAX_BYTES } from './formats.ts';
import { openSmtp, openWebhook, sealSmtp, sealWebhook } from './secrets.ts';

// ---- the HTTP receiver: the path's first segment says how to answer ----------------------------

interface Received {
  method: string;
  path: string;
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

const received: Received[] = [];
let http: Server;
let base = '';

const ANSWERS: Record<string, { status: number; body: string } | 'hang'> = {
  ok: { status: 200, body: JSON.stringify({ errcode: 0, errmsg: 'ok' }) },
  'feishu-ok': { status: 200, body: JSON.stringify({ code: 0, msg: 'success', data: {} }) },
  'vendor-error': { status: 200, body: JSON.stringify({ errcode: 310000, errmsg: 'keywords not in content' }) },
  'feishu-error': { status: 200, body: JSON.stringify({ code: 19021, msg: 'sign match fail', data: {} }) },
  'rate-limited': { status: 200, body: JSON.stringify({ errcode: 45009, errmsg: 'api freq out of limit' }) },
  'not-json': { status: 200, body: '<html>proxy login</html>' },
  'server-error': { status: 500, body: 'internal error ' + 'x'.repeat(2000) },
  'too-many': { status: 429, body: 'slow down' },
  forbidden: { status: 403, body: 'forbidden' },
  hang: 'hang',
};

const hook = (answer: keyof typeof ANSWERS, rest = 'robot/send'): string => `${base}/${answer}/${rest}`;
const lastFor = (path: string): Received => {
  const r = received.filter((x) => x.path === path).at(-1);
  if (!r) throw new Error(`nothing received on ${path}`);
  return r;
};

// ---- the SMTP server --------------------------------------------------------------------------

interface Mail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let smtpPort = 0;

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

beforeAll(async () => {
  http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* keep the text */
      }
      received.push({
        method: req.method ?? '',
        path: url.pathname,
        rawQuery: (req.url ?? '').split('?')[1] ?? '',
        query: url.searchParams,
        headers: req.headers,
        body,
      });
      const answer = ANSWERS[url.pathname.split('/')[1] ?? ''] ?? ANSWERS.ok!;
      if (answer === 'hang') return; // never answers
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  smtp = new SMTPServer({
    logger: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, cb) {
      if (auth.username === 'ops' && auth.password === 's3cret') cb(null, { user: 'ops' });
      else cb(smtpError(535, 'Authentication failed'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith('@nowhere.example.com')) cb(smtpError(550, 'No such user'));
      else if (address.address.endsWith('@busy.example.com')) cb(smtpError(451, 'Try again later'));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  http.closeAllConnections();
  await new Promise<void>((r) => http.close(() => r()));
  await new Promise<void>((r) => smtp.close(() => r()));
});

// ---- a small MIME reader: enough to check subject, recipients and body ------------------------

function decodeWords(value: string): string {
  // Adjacent encoded words are joined (RFC 2047 §6.2); bytes are gathered before UTF-8 decoding
  // so a character split across two words still decodes.
  const re = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  let out = '';
  let last = 0;
  let bytes: Buffer[] = [];
  const flush = (): void => {
    if (bytes.length) out += Buffer.concat(bytes).toString('utf8');
    bytes = [];
  };
  for (const m of joined.matchAll(re)) {
    if (m.index > last) {
      flush();
      out += joined.slice(last, m.index);
    }
    const [, , enc, text] = m;
    bytes.push(
      enc!.toUpperCase() === 'B'
        ? Buffer.from(text!, 'base64')
        : Buffer.from(
            text!.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_s, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    );
    last = m.index + m[0].length;
  }
  flush();
  return out + joined.slice(last);
}

function splitHead(raw: string): { headers: Map<string, string>; body: string } {
  const i = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, i).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const c = line.indexOf(':');
    headers.set(line.slice(0, c).trim().toLowerCase(), line.slice(c + 1).trim());
  }
  return { headers, body: raw.slice(i + 4) };
}

function readMail(raw: string): { subject: string; to: string; text: string; html: string } {
  const { headers, body } = splitHead(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts: { type: string; content: string }[] = [];
  for (const chunk of boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw]) {
    const p = splitHead(chunk.replace(/^\r\n/, ''));
    const cte = (p.headers.get('content-transfer-encoding') ?? '').toLowerCase();
    const content =
      cte === 'base64'
        ? Buffer.from(p.body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : cte === 'quoted-printable'
          ? Buffer.from(
              p.body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_s, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            ).toString('utf8')
          : p.body;
    parts.push({ type: p.headers.get('content-type') ?? '', content });
  }
  return {
    subject: decodeWords(headers.get('subject') ?? ''),
    to: headers.get('to') ?? '',
    text: parts.find((p) => p.type.startsWith('text/plain'))?.content ?? '',
    html: parts.find((p) => p.type.startsWith('text/html'))?.content ?? '',
  };
}

// ---- fixtures --------------------------------------------------------------------------------

const N: Notification = {
  title: '核心交换机端口故障',
  body: '3 楼机房核心交换机 Gi1/0/24 端口 down，已派单。',
  url: 'https://yunwei.example.com/tickets/42',
  severity: 'critical',
  fields: [
    { label: '运维单', value: 'NET-2021-0042' },
    { label: '到场期限', value: '2021-10-02 05:00' },
  ],
};
const smtpCfg = (over: Partial<SmtpConfig> = {}): SmtpConfig => ({
  host: '127.0.0.1',
  port: smtpPort,
  secure: false,
  from: '"运维平台" <noreply@yunwei.example.com>',
  ...over,
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

// ---- robots ----------------------------------------------------------------------------------

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
    const r = await sendWebhook({ kind, url }, N);
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
    await sendWebhook({ kind: 'dingtalk', url: hook('ok', 'ding/send?access_token=tok123'), secret }, N);
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
    await sendWebhook({ kind: 'feishu', url: hook('feishu-ok', 'open-apis/bot/v2/hook/abc'), secret }, N);
    const body = lastFor('/feishu-ok/open-apis/bot/v2/hook/abc').body as { timestamp: string; sign: string; msg_type: string };
    expect(body.msg_type).toBe('interactive');
    expect(body.timestamp).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(body.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    const expected = createHmac('sha256', `${body.timestamp}\n${secret}`).update('').digest('base64');
    expect(body.sign).toBe(expected);
  });

  it('a vendor error in a 200 answer is a failure, not retryable, with the answer kept', async () => {
    const err = await rejection(sendWebhook({ kind: 'dingtalk', url: hook('vendor-error') }, N));
    expect(err).toBeInstanceOf(DeliveryError);
    const e = err as DeliveryError;
    expect(e.channel).toBe('webhook');
    expect(e.retryable).toBe(false);
    expect(e.vendorCode).toBe(310000);
    expect(e.message).toContain('keywords not in content');
    expect(e.response).toContain('310000');

    const fe = (await rejection(sendWebhook({ kind: 'feishu', url: hook('feishu-error') }, N))) as DeliveryError;
    expect([fe.retryable, fe.vendorCode]).toEqual([false, 19021]);
    // A WeCom-shaped success is not a Feishu success: each vendor's own code is checked.
    const mismatch = (await rejection(sendWebhook({ kind: 'feishu', url: hook('ok') }, N))) as DeliveryError;
    expect(mismatch.retryable).toBe(false);
    const html = (await rejection(sendWebhook({ kind: 'wecom', url: hook('not-json') }, N))) as DeliveryError;
    expect(html.retryable).toBe(false);
  });

  it('a vendor rate limit is retryable', async () => {
    const e = (await rejection(sendWebhook({ kind: 'wecom', url: hook('rate-limited') }, N))) as DeliveryError;
    expect([e.retryable, e.vendorCode]).toEqual([true, 45009]);
  });

  it('HTTP 500 and 429 are retryable, 403 is not; the answer is cut to 500 characters', async () => {
    const e500 = (await rejection(sendWebhook({ kind: 'wecom', url: hook('server-error') }, N))) as DeliveryError;
    expect([e500.retryable, e500.status]).toEqual([true, 500]);
    expect(e500.response).toHaveLength(500);
    const e429 = (await rejection(sendWebhook({ kind: 'generic', url: hook('too-many') }, N))) as DeliveryError;
    expect([e429.retryable, e429.status]).toEqual([true, 429]);
    const e403 = (await rejection(sendWebhook({ kind: 'generic', url: hook('forbidden') }, N))) as DeliveryError;
    expect([e403.retryable, e403.status]).toEqual([false, 403]);
  });

  it('a robot that never answers fails, retryable, within the timeout', async () => {
    const t0 = performance.now();
    const e = (await rejection(
      sendWebhook({ kind: 'wecom', url: hook('hang', 'cgi-bin/webhook/send?key=SECRETKEY') }, N, { timeoutMs: 300 }),
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
    const e = (await rejection(sendWebhook({ kind: 'generic', url: `http://127.0.0.1:${port}/x` }, N))) as DeliveryError;
    expect(e.retryable).toBe(true);
  });

  it.each(['ftp://127.0.0.1/x', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://user:pw@127.0.0.1/x'])(
    'refuses %s with Invalid, before any request',
    async (url) => {
      const count = received.length;
      const err = await rejection(sendWebhook({ kind: 'generic', url }, N));
      expect(err).toBeInstanceOf(Invalid);
      expect((err as Invalid).code).toBe('notify.webhook_url');
      expect(received.length).toBe(count);
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

describe('e-mail through a local SMTP server', () => {
  it('delivers with the Chinese subject, recipients, text and an HTML table of the fields', async () => {
    const r = await sendEmail(smtpCfg(), ['duty@agency.example.com', 'pm@contractor.example.com'], N);
    expect(r.accepted).toEqual(['duty@agency.example.com', 'pm@contractor.example.com']);
    expect(r.rejected).toEqual([]);
    const mail = mails.at(-1)!;
    expect(mail.from).toBe('noreply@yunwei.example.com');
    expect(mail.to).toEqual(['duty@agency.example.com', 'pm@contractor.example.com']);
    const m = readMail(mail.raw);
    expect(m.subject).toBe('[运维]【紧急】核心交换机端口故障');
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/im);
    expect(m.to).toContain('duty@agency.example.com');
    expect(m.text).toContain(N.body);
    expect(m.text).toContain('运维单：NET-2021-0042');
    expect(m.text).toContain('查看详情：https://yunwei.example.com/tickets/42');
    expect(m.html).toContain('<table');
    expect(m.html).toMatch(/<th[^>]*>到场期限<\/th><td[^>]*>2021-10-02 05:00<\/td>/);
  });

  it('authenticates when a user is configured and escapes HTML in the message', async () => {
    await sendEmail(smtpCfg({ user: 'ops', password: 's3cret' }), ['a@agency.example.com'], {
      title: '测试 <script>',
      body: 'x & y',
      fields: [{ label: '<b>', value: '"q"' }],
    });
    const mail = mails.at(-1)!;
    expect(mail.user).toBe('ops');
    const m = readMail(mail.raw);
    expect(m.subject).toBe('[运维] 测试 <script>');
    expect(m.html).toContain('测试 &lt;script&gt;');
    expect(m.html).toContain('x &amp; y');
    expect(m.html).not.toContain('<b>');
  });

  it('a wrong password is a permanent failure', async () => {
    const e = (await rejection(sendEmail(smtpCfg({ user: 'ops', password: 'nope' }), ['a@agency.example.com'], N))) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect([e.channel, e.retryable, e.status]).toEqual(['email', false, 535]);
  });

  it('a server that rejects RCPT (550) is a failure, not retryable; 451 is retryable', async () => {
    const count = mails.length;
    const e = (await rejection(sendEmail(smtpCfg(), ['ghost@nowhere.example.com'], N))) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect([e.channel, e.retryable, e.status]).toEqual(['email', false, 550]);
    const busy = (await rejection(sendEmail(smtpCfg(), ['x@busy.example.com'], N))) as DeliveryError;
    expect([busy.retryable, busy.status]).toEqual([true, 451]);
    expect(mails.length).toBe(count);
  });

  it('reports recipients refused while the others got the message', async () => {
    const r = await sendEmail(smtpCfg(), ['ok@agency.example.com', 'ghost@nowhere.example.com'], N);
    expect(r.accepted).toEqual(['ok@agency.example.com']);
    expect(r.rejected).toEqual(['ghost@nowhere.example.com']);
    expect(mails.at(-1)!.to).toEqual(['ok@agency.example.com']);
  });

  it('an unreachable SMTP server is retryable', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = (await rejection(sendEmail(smtpCfg({ port }), ['a@agency.example.com'], N, { timeoutMs: 2000 }))) as DeliveryError;
    expect([e.channel, e.retryable]).toEqual(['email', true]);
  });

  it.each([
    [[], 'notify.email_no_recipient'],
    [['  '], 'notify.email_no_recipient'],
    [['not-an-address'], 'notify.email_address'],
    [['a@b.example.com\r\nBcc: x@evil.example.com'], 'notify.email_address'],
    [['a@b.example.com, c@d.example.com'], 'notify.email_address'],
  ])('refuses recipients %j with Invalid (%s), sending nothing', async (to, code) => {
    const count = mails.length;
    const err = await rejection(sendEmail(smtpCfg(), to, N));
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Invalid).code).toBe(code);
    expect(mails.length).toBe(count);
  });

  it('refuses a malformed sender with Invalid', async () => {
    const err = await rejection(sendEmail(smtpCfg({ from: 'nobody' }), ['a@agency.example.com'], N));
    expect((err as Invalid).code).toBe('notify.smtp_from');
  });
});

// ---- deliver() and secrets -------------------------------------------------------------------

describe('deliver()', () => {
  it('sends to every target and reports each, never throwing', async () => {
    const mailCount = mails.length;
    const results = await deliver(
      N,
      [
        { channel: 'webhook', webhook: { kind: 'dingtalk', url: hook('vendor-error') }, ref: 'ding' },
        { channel: 'email', smtp: smtpCfg(), to: ['duty@agency.example.com'], ref: 'mail' },
        { channel: 'webhook', webhook: { kind: 'wecom', url: hook('server-error') }, ref: 'wecom' },
        { channel: 'webhook', webhook: { kind: 'feishu', url: hook('feishu-ok', 'fs') }, ref: 'feishu' },
        { channel: 'webhook', webhook: { kind: 'generic', url: 'ftp://127.0.0.1/' }, ref: 'ftp' },
        { channel: 'email', smtp: smtpCfg(), to: [], ref: 'nobody' },
      ],
      { timeoutMs: 2000 },
    );
    expect(results.map((r) => [r.ref, r.channel, r.ok, r.retryable])).toEqual([
      ['ding', 'webhook', false, false],
      ['mail', 'email', true, undefined],
      ['wecom', 'webhook', false, true],
      ['feishu', 'webhook', true, undefined],
      ['ftp', 'webhook', false, false],
      ['nobody', 'email', false, false],
    ]);
    expect(results[0]!.error).toContain('310000');
    expect(mails.length).toBe(mailCount + 1);
  });

  it('an empty target list is an empty result', async () => {
    await expect(deliver(N, [])).resolves.toEqual([]);
  });
});

describe('channel secrets at rest', () => {
  it('seals the SMTP password, the robot URL and its secret, and opens them again', () => {
    const keys = keyring(randomBytes(32));
    const smtpPlain = smtpCfg({ user: 'ops', password: 's3cret' });
    const sealed = sealSmtp(keys, smtpPlain);
    expect(JSON.stringify(sealed)).not.toContain('s3cret');
    expect(openSmtp(keys, sealed)).toEqual(smtpPlain);

    const robot: WebhookConfig = { kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=TOK', secret: 'SECabc' };
    const box = sealWebhook(keys, robot);
    expect(JSON.stringify(box)).not.toContain('TOK');
    expect(JSON.stringify(box)).not.toContain('SECabc');
    expect(box.urlHint).toBe('https://oapi.dingtalk.com/robot/…?…');
    expect(openWebhook(keys, box)).toEqual(robot);
  });
});
