// Syslog over TLS (RFC 5425, issue 13 point 1) with a real sender: Debian's rsyslog takes lines from
// util-linux logger on a plain TCP input and forwards them with omfwd over gtls, octet-counted, checking
// the receiver's certificate against its CA (x509/certvalid); the certificate is made by openssl here.
// Then the faults a TLS listener meets: a client that is not speaking TLS (a failed handshake), and a
// frame whose octet count is wrong; each is counted, the connection closed, and the receiver goes on.
// With a CA set (mutual TLS) only senders presenting a certificate that CA signed are served.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../kernel/collectors/test-doubles.ts';
import type { CollectorRuntime } from '../../kernel/collectors/types.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TEvent } from '../../../common/events.ts';
import { syslogCollector } from './receiver.ts';
import { freePort, logger, sendTcp, startReceiver } from './test/senders.ts';

const run = promisify(execFile);
let t: TestApp;
let rt: CollectorRuntime;
let tlsPort: number;
let eng: Agent;
let dir: string;
let rsyslog: ChildProcess | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yw-syslog-tls-'));
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ]); // prettier-ignore
  t = await testApp();
  ({ rt, tlsPort } = await startReceiver(t, syslogCollector, { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') }));
  eng = await t.userAgent('eng.sec', ['engineer']);
});
afterAll(async () => {
  rsyslog?.kill();
  await rt?.stop();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Page = { items: TEvent[]; total: number };
async function arrived(text: string): Promise<TEvent[]> {
  let page: Page = { items: [], total: 0 };
  const get = async () => json<Page>(await eng.get(`/api/events?pageSize=50&q=${encodeURIComponent(text)}`));
  await until(async () => (page = await get()).items.length > 0, `an event with "${text}"`, 30_000);
  return page.items;
}
const counters = () => rt.health().find((h) => h.id === 'events.syslog')!.counters ?? {};

/** A TLS client trusting the test certificate, optionally presenting its own. */
async function tlsClient(port = tlsPort, own?: { cert: Buffer; key: Buffer }): Promise<TLSSocket> {
  const s = tlsConnect({ host: '127.0.0.1', port, ca: readFileSync(join(dir, 'cert.pem')), servername: 'localhost', ...own });
  s.on('error', () => undefined);
  await once(s, 'secureConnect');
  return s;
}
const octets = (msg: string) => `${Buffer.byteLength(msg)} ${msg}`;

describe('syslog over TLS', () => {
  it('rsyslog forwards over gtls (octet-counted, certificate checked) and the lines arrive as events', async () => {
    const inPort = await freePort();
    mkdirSync(join(dir, 'work'));
    const conf = join(dir, 'rsyslog.conf');
    writeFileSync(
      conf,
      [
        `global(workDirectory="${join(dir, 'work')}" DefaultNetstreamDriverCAFile="${join(dir, 'cert.pem')}")`,
        `module(load="imtcp")`,
        `input(type="imtcp" port="${inPort}" address="127.0.0.1")`,
        `action(type="omfwd" target="127.0.0.1" port="${tlsPort}" protocol="tcp" TCP_Framing="octet-counted"`,
        `  StreamDriver="gtls" StreamDriverMode="1" StreamDriverAuthMode="x509/certvalid"`,
        `  template="RSYSLOG_SyslogProtocol23Format")`,
      ].join('\n') + '\n',
    );
    rsyslog = spawn('rsyslogd', ['-n', '-f', conf, '-i', join(dir, 'rsyslogd.pid')], { stdio: 'ignore' });
    await until(
      () =>
        sendTcp(inPort, '')
          .then(() => true)
          .catch(() => false),
      'rsyslog listening',
    );
    await logger(inPort, 'tls-forwarded 经由 rsyslog 转发的登录失败', { tcp: true, priority: 'auth.warning' });
    await logger(inPort, 'tls-forwarded second line', { tcp: true, octet: true, rfc5424: true });
    const [a] = await arrived('tls-forwarded 经由 rsyslog');
    expect(a).toMatchObject({ host: hostname(), severity: 'medium', message: 'tls-forwarded 经由 rsyslog 转发的登录失败' });
    await arrived('tls-forwarded second line');
    expect(counters().tls_handshake_failed ?? 0).toBe(0);
  });

  it('a client that is not speaking TLS is counted and closed', async () => {
    const before = counters().tls_handshake_failed ?? 0;
    await sendTcp(tlsPort, '<13>Dec  6 14:00:00 h app: plain text on the TLS port\n');
    await until(() => (counters().tls_handshake_failed ?? 0) > before, 'the failed handshake counted');
    // A handshake cut off half way: the start of a ClientHello, then the sender goes.
    await sendTcp(tlsPort, Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 1, 2, 3]));
    await until(() => (counters().tls_handshake_failed ?? 0) >= before + 2, 'the cut handshake counted');
    const ok = await tlsClient();
    await new Promise<void>((r) => ok.end(octets('<13>Dec  6 14:00:00 h app: after-bad-handshake marker'), r));
    await arrived('after-bad-handshake marker');
    expect(rt.health().find((h) => h.id === 'events.syslog')!.state).toBe('running');
  });

  it('a frame with a wrong octet count is counted and its connection closed; the frames before it are kept', async () => {
    const before = counters();
    const s = await tlsClient();
    const closed = once(s, 'close');
    // "5 " covers only "<13>w": what follows is no frame, so nothing after it can be framed.
    s.write(octets('<13>Dec  6 14:00:00 h app: before-wrong-count marker') + '5 <13>wrong-count marker over TLS');
    await closed;
    await arrived('before-wrong-count marker');
    const after = counters();
    expect((after.bad_octet_count ?? 0) - (before.bad_octet_count ?? 0)).toBe(1);
    expect((after.bad_frame_closed ?? 0) - (before.bad_frame_closed ?? 0)).toBe(1);
    // A count that is no number closes too, and the next connection is served.
    const junk = await tlsClient();
    const junkClosed = once(junk, 'close');
    junk.write('12x <13>bad-count marker\n');
    await junkClosed;
    const ok = await tlsClient();
    await new Promise<void>((r) => ok.end(octets('<13>Dec  6 14:00:00 h app: after-wrong-count marker'), r));
    await arrived('after-wrong-count marker');
    expect(counters().bad_frame_closed! - (before.bad_frame_closed ?? 0)).toBe(2);
  });

  it('with a CA set, a sender without a certificate the CA signed is refused and counted; one with it is served', async () => {
    const f = (name: string) => join(dir, name);
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=yw-test-ca',
      '-keyout',
      f('ca.key'),
      '-out',
      f('ca.pem'),
    ]);
    await run('openssl', [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=fw-1',
      '-keyout',
      f('client.key'),
      '-out',
      f('client.csr'),
    ]);
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      f('client.csr'),
      '-CA',
      f('ca.pem'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      f('client.pem'),
    ]);
    const mutual = await startReceiver(t, syslogCollector, { certFile: f('cert.pem'), keyFile: f('key.pem'), caFile: f('ca.pem') });
    try {
      const failed = () => mutual.rt.health()[0]!.counters?.tls_handshake_failed ?? 0;
      // No certificate, then one the CA did not sign (the server's own, self-signed).
      const anonymous = await tlsClient(mutual.tlsPort).catch(() => null);
      anonymous?.write(octets('<13>Dec  6 14:00:00 h app: mutual-refused marker'));
      await until(() => failed() >= 1, 'the sender without a certificate refused');
      const stranger = await tlsClient(mutual.tlsPort, { cert: readFileSync(f('cert.pem')), key: readFileSync(f('key.pem')) }).catch(
        () => null,
      );
      stranger?.destroy();
      await until(() => failed() >= 2, 'the sender with a certificate of another CA refused');
      const device = await tlsClient(mutual.tlsPort, { cert: readFileSync(f('client.pem')), key: readFileSync(f('client.key')) });
      await new Promise<void>((r) => device.end(octets('<13>Dec  6 14:00:00 fw-1 app: mutual-accepted marker'), r));
      await arrived('mutual-accepted marker');
      expect((await eng.get(`/api/events?q=${encodeURIComponent('mutual-refused')}`)).json<Page>().total).toBe(0);
    } finally {
      await mutual.rt.stop();
    }
  });
});
