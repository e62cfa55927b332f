// Senders for the receiver tests, all to 127.0.0.1 (the house rule): util-linux `logger`, raw TCP
// connections (optionally from another loopback address, so one machine plays several devices) and UDP
// datagrams, plus the test runtime running only the syslog receiver on a free port.
import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestCollectors } from '../../../kernel/collectors/test-doubles.ts';
import type { CollectorDef, CollectorRuntime, SyslogTlsSite } from '../../../kernel/collectors/types.ts';
import type { TestApp } from '../../../test/harness.ts';
import { syslogCollector } from '../receiver.ts';

const run = promisify(execFile);

/** A port free for both TCP and UDP on 127.0.0.1. */
export async function freePort(): Promise<number> {
  for (;;) {
    const s = createServer();
    s.listen(0, '127.0.0.1');
    await once(s, 'listening');
    const port = (s.address() as { port: number }).port;
    s.close();
    const u = createSocket('udp4');
    const ok = await new Promise<boolean>((r) => {
      u.once('error', () => r(false));
      u.bind(port, '127.0.0.1', () => r(true));
    });
    u.close();
    if (ok) return port;
  }
}

/** The syslog receiver alone, on a free port (and TLS on another with `tls`), writing to the test app's database. */
export async function startReceiver(
  t: TestApp,
  def: CollectorDef = syslogCollector,
  tls?: Omit<SyslogTlsSite, 'port'>,
): Promise<{ rt: CollectorRuntime; port: number; tlsPort: number }> {
  const port = await freePort();
  const tlsPort = tls ? await freePort() : 0;
  const rt = await startTestCollectors(t.db.database, `syslog-${port}`, [def], {
    now: t.clock.now,
    site: {
      dataDir: mkdtempSync(join(tmpdir(), 'yw-syslog-')),
      syslog: { host: '127.0.0.1', port, ...(tls ? { tls: { ...tls, port: tlsPort } } : {}) },
    },
  });
  return { rt, port, tlsPort };
}

/** util-linux logger: `--tcp` or `--udp`, RFC 5424 or 3164, octet counting. */
export async function logger(
  port: number,
  message: string,
  o: { tcp?: boolean; rfc5424?: boolean; octet?: boolean; tag?: string; priority?: string } = {},
) {
  const args = ['--server', '127.0.0.1', '--port', String(port), o.tcp ? '--tcp' : '--udp', o.rfc5424 ? '--rfc5424' : '--rfc3164'];
  if (o.octet) args.push('--octet-count');
  args.push('-t', o.tag ?? 'yw-test', '-p', o.priority ?? 'user.warning', '--', message);
  await run('logger', args);
}

/** A raw TCP connection from `from` (any 127/8 address). */
export async function tcp(port: number, from = '127.0.0.1'): Promise<Socket> {
  const s = createConnection({ port, host: '127.0.0.1', localAddress: from });
  s.on('error', () => undefined);
  await once(s, 'connect');
  return s;
}

/** Writes and closes, waiting until the peer has the bytes. */
export async function sendTcp(port: number, data: Buffer | string, from = '127.0.0.1'): Promise<void> {
  const s = await tcp(port, from);
  await new Promise<void>((r) => s.end(data, r));
  await once(s, 'close').catch(() => undefined);
}

export async function sendUdp(port: number, data: Buffer | string, from = '127.0.0.1'): Promise<void> {
  const u = createSocket('udp4');
  await new Promise<void>((r) => u.bind(0, from, r));
  await new Promise<void>((r, j) =>
    u.send(typeof data === 'string' ? Buffer.from(data) : data, port, '127.0.0.1', (e) => (e ? j(e) : r())),
  );
  u.close();
}
