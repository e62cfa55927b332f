// The syslog receiver (issue 13 point 1, R-SEC-01): a local listener on every collector node, UDP and
// TCP on one port (YUNWEI_SYSLOG_HOST:YUNWEI_SYSLOG_PORT, default 127.0.0.1:5514). TCP stops reading a
// connection while emit() waits (the runtime over its high water mark), so senders slow down instead
// of losing lines; UDP cannot be slowed, so datagrams arriving then are dropped and counted
// (`udp_dropped`), as are those the kernel dropped for a full socket buffer (`udp_kernel_dropped`,
// from /proc/net/udp). Long frames are cut and counted, bad octet counts and binary noise counted.
// Not done (issue 13): a disk spool before acknowledgement (rows live in memory until committed),
// TLS (RFC 5425).
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, isIPv6, type Socket } from 'node:net';
import type { CollectorContext, CollectorDef } from '../../kernel/collectors/types.ts';
import { passes, readFilters, type FilterRule } from './filters.ts';
import { Framer, MAX_FRAME, isNoise } from './framing.ts';
import { normalise, type EventRow, type SourceSetting } from './normalise.ts';
import { writeEvents } from './store.ts';
import { evtSources } from './tables.ts';

/** Registered sources' vendor and charset, re-read at most this often. */
const SETTINGS_MS = 5000;

class Settings {
  private map = new Map<string, SourceSetting>();
  private rules: FilterRule[] = [];
  private at = 0;
  private loading: Promise<void> | null = null;
  private readonly c: CollectorContext<EventRow>;
  constructor(c: CollectorContext<EventRow>) {
    this.c = c;
  }
  /** The source's setting and the filter rules, as of at most SETTINGS_MS ago. */
  async get(address: string): Promise<{ setting: SourceSetting | undefined; rules: readonly FilterRule[] }> {
    if (Date.now() - this.at > SETTINGS_MS) {
      this.loading ??= this.load().finally(() => (this.loading = null));
      await this.loading;
    }
    return { setting: this.map.get(address), rules: this.rules };
  }
  private async load(): Promise<void> {
    const rows = await this.c.db
      .select({ address: evtSources.address, vendor: evtSources.vendor, charset: evtSources.charset })
      .from(evtSources);
    this.map = new Map(rows.map((r) => [r.address, { vendor: r.vendor, charset: r.charset }]));
    this.rules = await readFilters(this.c.db);
    this.at = Date.now();
  }
}

/** The runtime always gives count() and site (optional in the type for hand-driven test contexts). */
const count = (c: CollectorContext<EventRow>, name: string, n = 1) => c.count?.(name, n);
const DEFAULT_SITE = { host: '127.0.0.1', port: 5514 };

/** An IPv4-mapped IPv6 address as the IPv4 address devices are registered by. */
const plain = (a: string | undefined) => (a ?? '').replace(/^::ffff:(?=\d+\.)/, '');

/** Drops the kernel counted for our UDP socket (the last column of /proc/net/udp), or null. */
async function kernelDrops(port: number, v6: boolean): Promise<number | null> {
  const text = await readFile(v6 ? '/proc/net/udp6' : '/proc/net/udp', 'utf8').catch(() => null);
  if (text === null) return null;
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  let total = 0;
  for (const line of text.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols[1]?.endsWith(`:${hex}`)) total += Number(cols.at(-1)) || 0;
  }
  return total;
}

async function toRow(c: CollectorContext<EventRow>, settings: Settings, bytes: Buffer, address: string, truncated: boolean) {
  if (isNoise(bytes)) {
    count(c, 'noise');
    return null;
  }
  count(c, 'received');
  const { setting, rules } = await settings.get(address);
  const row = normalise(bytes, address, setting, c.now(), truncated);
  if (passes(rules, row)) return row;
  count(c, 'filtered');
  return null;
}

function tcpServer(c: CollectorContext<EventRow>, settings: Settings, sockets: Set<Socket>) {
  return createServer((socket) => {
    sockets.add(socket);
    socket.setKeepAlive(true, 60_000);
    const address = plain(socket.remoteAddress);
    const framer = new Framer();
    let chain = Promise.resolve();
    const handle = (frames: ReturnType<Framer['push']>) => {
      // Reading stops while these rows wait for the runtime to accept them (back-pressure).
      socket.pause();
      chain = chain
        .then(async () => {
          const rows: EventRow[] = [];
          for (const f of frames) {
            const r = await toRow(c, settings, f.bytes, address, f.truncated);
            if (r) rows.push(r);
          }
          if (rows.length) await c.emit(rows);
        })
        .catch((err: unknown) => c.log.warn({ err }, 'syslog frame not accepted'))
        .finally(() => {
          if (!socket.destroyed) socket.resume();
        });
    };
    let counted = { truncated: 0, badOctetCount: 0 };
    const recount = () => {
      count(c, 'truncated', framer.counts.truncated - counted.truncated);
      count(c, 'bad_octet_count', framer.counts.badOctetCount - counted.badOctetCount);
      counted = { ...framer.counts };
    };
    socket.on('data', (chunk: Buffer) => {
      const frames = framer.push(chunk);
      recount();
      if (frames.length) handle(frames);
    });
    socket.on('end', () => {
      const last = framer.end();
      recount();
      if (last.length) handle(last);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
}

export const syslogCollector: CollectorDef<EventRow> = {
  id: 'events.syslog',
  kind: 'listener',
  scope: 'local',
  sink: { write: writeEvents, batchSize: 2000, flushMs: 500 },
  async start(c) {
    const { host, port } = c.site?.syslog ?? DEFAULT_SITE;
    const settings = new Settings(c);
    const v6 = isIPv6(host);
    const udp: UdpSocket = createSocket({ type: v6 ? 'udp6' : 'udp4', recvBufferSize: 4 * 1024 * 1024 });
    udp.on('message', (msg, rinfo) => {
      // UDP cannot be slowed: while the runtime is over its high water mark the datagram is dropped.
      if (c.paused()) return count(c, 'udp_dropped');
      const truncated = msg.length > MAX_FRAME;
      if (truncated) count(c, 'truncated');
      const bytes = truncated ? msg.subarray(0, MAX_FRAME) : msg;
      void toRow(c, settings, bytes, plain(rinfo.address), truncated)
        .then((r) => (r ? c.emit([r]) : undefined))
        .catch((err: unknown) => c.log.warn({ err }, 'syslog datagram not accepted'));
    });
    udp.on('error', (err) => c.log.error({ err }, 'syslog UDP socket error'));
    udp.bind(port, host);
    await once(udp, 'listening');
    const sockets = new Set<Socket>();
    const tcp = tcpServer(c, settings, sockets);
    tcp.listen(port, host);
    try {
      await once(tcp, 'listening');
    } catch (e) {
      udp.close();
      throw e;
    }
    let reported = 0;
    const drops = setInterval(() => {
      void kernelDrops(port, v6).then((n) => {
        if (n !== null && n > reported) count(c, 'udp_kernel_dropped', n - reported);
        if (n !== null) reported = Math.max(reported, n);
      });
    }, 5000);
    return {
      async stop() {
        clearInterval(drops);
        udp.close();
        tcp.close();
        for (const s of sockets) s.destroy();
      },
    };
  },
};
