// The demo's syslog generator (issue 13 point 10): with demo data on, the security devices of
// demo/syslog.ts send their lines over UDP to the product's own receiver, each from its own loopback
// address, the Huawei firewall in GBK; every few seconds a line or two, and now and then a burst of one
// event repeated, so a new user sees events arrive and merge. Only 127.0.0.0/8 is ever addressed (the
// project's network rule): a receiver bound to another address gets nothing from the demo.
import { createSocket, type Socket } from 'node:dgram';
import iconv from 'iconv-lite';
import type { Logger } from 'pino';
import { DEMO_SYSLOG_SOURCES, type DemoAddresses, type DemoSyslogSource, type DemoTime } from '../syslog.ts';

const TICK_MS = 2500;
const BURST_EVERY = 8;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const OUTSIDE = ['203.0.113.45', '203.0.113.77', '198.51.100.23'];
const PCS = ['10.8.2.31', '10.8.2.47', '10.8.3.21'];
const SERVERS = ['10.8.100.10', '10.8.100.20'];
const PORTS = [51234, 49822, 40000];

/** The Huawei firewall's login lines (demo/syslog.ts). */
const LOGIN_FAILED = 1;
const LOGIN_OK = 2;

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const two = (n: number) => String(n).padStart(2, '0');

/** The wall clock in Shanghai, in the forms the devices write. */
export function demoTime(now: Date): DemoTime {
  const s = new Date(now.getTime() + 8 * 3600_000);
  const time = `${two(s.getUTCHours())}:${two(s.getUTCMinutes())}:${two(s.getUTCSeconds())}`;
  const date = `${s.getUTCFullYear()}-${two(s.getUTCMonth() + 1)}-${two(s.getUTCDate())}`;
  return {
    bsd: `${MONTHS[s.getUTCMonth()]} ${String(s.getUTCDate()).padStart(2, ' ')} ${time}`,
    year: s.getUTCFullYear(),
    date,
    time,
    iso: `${date}T${time}+08:00`,
  };
}

/** The receiver's address as the demo may reach it: loopback only, a wildcard bind read as 127.0.0.1. */
export function demoTarget(host: string): string | null {
  if (host === '0.0.0.0' || host === '::' || host === 'localhost') return '127.0.0.1';
  return /^127\.\d+\.\d+\.\d+$/.test(host) ? host : null;
}

/** One device's line as bytes (GBK for a GBK device). */
export function demoLine(s: DemoSyslogSource, line: number, now: Date, a?: DemoAddresses): Buffer {
  const addresses = a ?? { outside: pick(OUTSIDE), pc: pick(PCS), server: pick(SERVERS), port: pick(PORTS) };
  const text = s.lines[line % s.lines.length]!(demoTime(now), addresses);
  return s.charset === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text);
}

async function socketFor(address: string): Promise<Socket> {
  const bind = (from?: string) =>
    new Promise<Socket>((resolve, reject) => {
      const u = createSocket('udp4');
      u.once('error', reject);
      u.bind(0, from, () => {
        u.off('error', reject);
        u.on('error', () => undefined);
        resolve(u);
      });
    });
  // Another loopback address per device; where the host refuses one, the device shares 127.0.0.1.
  return bind(address).catch(() => bind('127.0.0.1'));
}

export interface RunningSyslogDemo {
  stop(): Promise<void>;
}

export async function startSyslogDemo(receiver: { host: string; port: number }, log: Logger): Promise<RunningSyslogDemo> {
  const target = demoTarget(receiver.host);
  if (!target) {
    log.info(`演示 syslog 未启动：接收地址 ${receiver.host} 不是本机回环地址 demo syslog not started (receiver not on loopback)`);
    return { stop: async () => undefined };
  }
  const sockets = await Promise.all(DEMO_SYSLOG_SOURCES.map(async (s) => ({ s, u: await socketFor(s.address) })));
  const send = (u: Socket, b: Buffer) => u.send(b, receiver.port, target, () => undefined);
  let tick = 0;
  const timer = setInterval(() => {
    tick++;
    const now = new Date();
    for (let i = 0; i < 1 + (tick % 2); i++) {
      const { s, u } = pick(sockets);
      send(u, demoLine(s, Math.floor(Math.random() * s.lines.length), now));
    }
    // Now and then a brute force on the Huawei firewall: failures, then a success from the same source
    // (the demo's correlation rule raises an alert and a ticket).
    if (tick % (BURST_EVERY * 4) === BURST_EVERY * 2) {
      const { s, u } = sockets.find((x) => x.s.vendor === 'huawei')!;
      const a = { outside: pick(OUTSIDE), pc: pick(PCS), server: pick(SERVERS), port: pick(PORTS) };
      for (let i = 0; i < 6; i++) send(u, demoLine(s, LOGIN_FAILED, now, a));
      setTimeout(() => send(u, demoLine(s, LOGIN_OK, new Date(), a)), 1500).unref();
    } else if (tick % BURST_EVERY === 0) {
      // A burst of one event repeated (a scan): merged by the receiver into one row.
      const { s, u } = pick(sockets.filter((x) => x.s.registered));
      const a = { outside: pick(OUTSIDE), pc: pick(PCS), server: pick(SERVERS), port: pick(PORTS) };
      const line = Math.floor(Math.random() * s.lines.length);
      for (let i = 0; i < 6; i++) send(u, demoLine(s, line, now, a));
    }
  }, TICK_MS);
  timer.unref();
  log.info({ port: receiver.port, target }, 'demo syslog devices sending');
  return {
    stop: async () => {
      clearInterval(timer);
      for (const { u } of sockets) u.close();
    },
  };
}
