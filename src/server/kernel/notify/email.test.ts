// kernel/notify e-mail against a real local SMTP server (test-peers.ts), deliver() over several
// channels at once, and the channel secrets sealed at rest.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyring } from '../crypto.ts';
import { Invalid } from '../errors.ts';
import { deliver, DeliveryError, sendEmail, type SmtpConfig, type WebhookConfig } from './index.ts';
import { openSmtp, openWebhook, sealSmtp, sealWebhook } from './secrets.ts';
import { LOCAL, NOTICE as N, readMail, rejection, startPeers, type Peers } from './test-peers.ts';

let peers: Peers;
beforeAll(async () => {
  peers = await startPeers();
});
afterAll(async () => {
  await peers.close();
});

const smtpCfg = (over: Partial<SmtpConfig> = {}): SmtpConfig => ({
  host: '127.0.0.1',
  port: peers.smtpPort,
  secure: false,
  from: '"运维平台" <noreply@yunwei.example.com>',
  ...over,
});
const hook = (answer: string, rest = 'robot/send'): string => `${peers.base}/${answer}/${rest}`;

describe('e-mail through a local SMTP server', () => {
  it('delivers with the Chinese subject, recipients, text and an HTML table of the fields', async () => {
    const r = await sendEmail(smtpCfg(), ['duty@agency.example.com', 'pm@contractor.example.com'], N, LOCAL);
    expect(r.accepted).toEqual(['duty@agency.example.com', 'pm@contractor.example.com']);
    expect(r.rejected).toEqual([]);
    const mail = peers.mails.at(-1)!;
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
    await sendEmail(
      smtpCfg({ user: 'ops', password: 's3cret' }),
      ['a@agency.example.com'],
      {
        title: '测试 <script>',
        body: 'x & y',
        fields: [{ label: '<b>', value: '"q"' }],
      },
      LOCAL,
    );
    const mail = peers.mails.at(-1)!;
    expect(mail.user).toBe('ops');
    const m = readMail(mail.raw);
    expect(m.subject).toBe('[运维] 测试 <script>');
    expect(m.html).toContain('测试 &lt;script&gt;');
    expect(m.html).toContain('x &amp; y');
    expect(m.html).not.toContain('<b>');
  });

  it('a wrong password is a permanent failure', async () => {
    const e = (await rejection(sendEmail(smtpCfg({ user: 'ops', password: 'nope' }), ['a@agency.example.com'], N, LOCAL))) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect([e.channel, e.retryable, e.status]).toEqual(['email', false, 535]);
  });

  it('a server that rejects RCPT (550) is a failure, not retryable; 451 is retryable', async () => {
    const count = peers.mails.length;
    const e = (await rejection(sendEmail(smtpCfg(), ['ghost@nowhere.example.com'], N, LOCAL))) as DeliveryError;
    expect(e).toBeInstanceOf(DeliveryError);
    expect([e.channel, e.retryable, e.status]).toEqual(['email', false, 550]);
    const busy = (await rejection(sendEmail(smtpCfg(), ['x@busy.example.com'], N, LOCAL))) as DeliveryError;
    expect([busy.retryable, busy.status]).toEqual([true, 451]);
    expect(peers.mails.length).toBe(count);
  });

  it('reports recipients refused while the others got the message', async () => {
    const r = await sendEmail(smtpCfg(), ['ok@agency.example.com', 'ghost@nowhere.example.com'], N, LOCAL);
    expect(r.accepted).toEqual(['ok@agency.example.com']);
    expect(r.rejected).toEqual(['ghost@nowhere.example.com']);
    expect(peers.mails.at(-1)!.to).toEqual(['ok@agency.example.com']);
  });

  it('an unreachable SMTP server is retryable', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = (await rejection(sendEmail(smtpCfg({ port }), ['a@agency.example.com'], N, { ...LOCAL, timeoutMs: 2000 }))) as DeliveryError;
    expect([e.channel, e.retryable]).toEqual(['email', true]);
  });

  it.each([
    [[], 'notify.email_no_recipient'],
    [['  '], 'notify.email_no_recipient'],
    [['not-an-address'], 'notify.email_address'],
    [['a@b.example.com\r\nBcc: x@evil.example.com'], 'notify.email_address'],
    [['a@b.example.com, c@d.example.com'], 'notify.email_address'],
  ])('refuses recipients %j with Invalid (%s), sending nothing', async (to, code) => {
    const count = peers.mails.length;
    const err = await rejection(sendEmail(smtpCfg(), to, N, LOCAL));
    expect(err).toBeInstanceOf(Invalid);
    expect((err as Invalid).code).toBe(code);
    expect(peers.mails.length).toBe(count);
  });

  it('refuses a malformed sender with Invalid', async () => {
    const err = await rejection(sendEmail(smtpCfg({ from: 'nobody' }), ['a@agency.example.com'], N, LOCAL));
    expect((err as Invalid).code).toBe('notify.smtp_from');
  });
});

// ---- deliver() and secrets -------------------------------------------------------------------

describe('deliver()', () => {
  it('sends to every target and reports each, never throwing', async () => {
    const mailCount = peers.mails.length;
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
      { ...LOCAL, timeoutMs: 2000 },
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
    expect(peers.mails.length).toBe(mailCount + 1);
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
