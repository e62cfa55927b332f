// Stream connections of the syslog receiver: TCP (RFC 6587) and TLS (RFC 5425) share one handler. A
// connection stops reading while its rows wait for the runtime to accept them (spooled to disk and
// fsync'd, or waiting while the spool is over its limit): back-pressure instead of loss. Over TLS a
// failed handshake is counted (`tls_handshake_failed`) and a frame with a bad octet count closes the
// connection (`bad_octet_count`, `bad_frame_closed`); neither reaches anything but that connection.
import { readFile } from 'node:fs/promises';
import type { Server, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { CollectorContext, SyslogTlsSite } from '../../kernel/collectors/types.ts';
import { Framer } from './framing.ts';
import { count, plain, toRow, type Settings } from './intake.ts';
import type { EventRow } from './normalise.ts';

/** A TLS sender must finish its handshake in this time. */
const HANDSHAKE_MS = 10_000;

/** Handles one connection: frames, rows, emit with the socket paused meanwhile. */
export function streamHandler(c: CollectorContext<EventRow>, settings: Settings, sockets: Set<Socket>, o: { strict: boolean }) {
  return (socket: Socket) => {
    sockets.add(socket);
    socket.setKeepAlive(true, 60_000);
    const address = plain(socket.remoteAddress);
    const framer = new Framer({ strict: o.strict });
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
    let closing = false;
    socket.on('data', (chunk: Buffer) => {
      if (closing) return;
      const frames = framer.push(chunk);
      recount();
      if (frames.length) handle(frames);
      if (framer.broken) {
        // The frames before the bad one are kept; then the connection ends (RFC 5425 framing is lost).
        closing = true;
        count(c, 'bad_frame_closed');
        void chain.then(() => socket.destroy());
      }
    });
    socket.on('end', () => {
      const last = framer.end();
      recount();
      if (last.length) handle(last);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };
}

/** The RFC 5425 listener: the certificate and key (and a CA for mutual TLS) read from their files. */
export async function tlsServer(
  c: CollectorContext<EventRow>,
  settings: Settings,
  sockets: Set<Socket>,
  tls: SyslogTlsSite,
): Promise<Server> {
  const [cert, key, ca] = await Promise.all([readFile(tls.certFile), readFile(tls.keyFile), tls.caFile ? readFile(tls.caFile) : null]);
  const server = createTlsServer(
    {
      cert,
      key,
      ...(ca ? { ca, requestCert: true, rejectUnauthorized: true } : {}),
      minVersion: 'TLSv1.2',
      handshakeTimeout: HANDSHAKE_MS,
    },
    streamHandler(c, settings, sockets, { strict: true }),
  );
  server.on('tlsClientError', (err, socket) => {
    count(c, 'tls_handshake_failed');
    c.log.debug({ err, from: plain(socket.remoteAddress) }, 'syslog TLS handshake failed');
    socket.destroy();
  });
  return server;
}
