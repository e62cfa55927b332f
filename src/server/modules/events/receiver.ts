// The syslog receiver (issue 13 point 1, R-SEC-01): a local listener on every collector node, UDP and
// TCP on one port (YUNWEI_SYSLOG_HOST:YUNWEI_SYSLOG_PORT, default 127.0.0.1:5514). TCP stops reading a
// connection while emit() waits (the spool over its limit), so senders slow down instead
// of losing lines; UDP cannot be slowed, so datagrams arriving then are dropped and counted
// (`udp_dropped`), as are those the kernel dropped for a full socket buffer (`udp_kernel_dropped`,
// from /proc/net/udp). Long frames are cut and counted, bad octet counts and binary noise counted.
// Rows go to the runtime's disk spool (`sink.spool`): fsync'd before emit() resolves, so a kill -9
// loses nothing accepted and a restart writes it exactly once; above the spool's limit TCP and TLS stop
// reading and UDP drops are counted. RFC 5425 (TLS) on YUNWEI_SYSLOG_TLS_PORT when set (streams.ts).
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, isIPv6, type Server, type Socket } from 'node:net';
import type { CollectorDef, CollectorSite } from '../../kernel/collectors/types.ts';
import { MAX_FRAME } from './framing.ts';
import { Settings, count, plain, toRow } from './intake.ts';
import type { EventRow } from './normalise.ts';
import { writeEvents } from './store.ts';
import { streamHandler, tlsServer } from './streams.ts';

const DEFAULT_SITE: CollectorSite['syslog'] = { host: '127.0.0.1', port: 5514 };

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

export const syslogCollector: CollectorDef<EventRow> = {
  id: 'events.syslog',
  kind: 'listener',
  scope: 'local',
  sink: { write: writeEvents, batchSize: 2000, flushMs: 500, spool: true },
  async start(c) {
    const { host, port, tls } = c.site?.syslog ?? DEFAULT_SITE;
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
    const servers: Server[] = [];
    try {
      servers.push(createServer(streamHandler(c, settings, sockets, { strict: false })));
      if (tls) servers.push(await tlsServer(c, settings, sockets, tls));
      await Promise.all(
        servers.map((s, i) => {
          s.listen(i === 0 ? port : tls!.port, host);
          return once(s, 'listening');
        }),
      );
    } catch (e) {
      udp.close();
      for (const s of servers) s.close();
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
        for (const s of servers) s.close();
        for (const s of sockets) s.destroy();
      },
    };
  },
};
