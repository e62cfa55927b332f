// Real local peers for notification tests: an SMTP server (smtp-server) and an HTTP robot receiver
// (node:http) on free ports of 127.0.0.1, plus a small MIME reader for subjects and bodies.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string[];
  user: string | undefined;
  raw: string;
}

export interface Hit {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface Peers {
  smtpPort: number;
  base: string;
  mails: Mail[];
  hits: Hit[];
  close(): Promise<void>;
}

/** `/ok/…` answers as WeCom does on success, `/fail/…` with HTTP 500. */
export async function startPeers(): Promise<Peers> {
  const mails: Mail[] = [];
  const hits: Hit[] = [];
  const http: Server = createServer((req, res) => {
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
      hits.push({ path: url.pathname, query: url.searchParams, headers: req.headers, body });
      if (url.pathname.startsWith('/fail/')) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const smtp = new SMTPServer({
    logger: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, cb) {
      if (auth.username === 'ops' && auth.password === 's3cret') cb(null, { user: 'ops' });
      else cb(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  return {
    smtpPort: (smtp.server.address() as AddressInfo).port,
    base: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    mails,
    hits,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
      await new Promise<void>((r) => smtp.close(() => r()));
    },
  };
}

function decodeWords(value: string): string {
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

/** Subject (RFC 2047 decoded) and the plain-text part. */
export function readMail(raw: string): { subject: string; text: string } {
  const { headers, body } = splitHead(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  let text = '';
  for (const chunk of boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw]) {
    const p = splitHead(chunk.replace(/^\r\n/, ''));
    if (!(p.headers.get('content-type') ?? '').startsWith('text/plain')) continue;
    const cte = (p.headers.get('content-transfer-encoding') ?? '').toLowerCase();
    text =
      cte === 'base64'
        ? Buffer.from(p.body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : cte === 'quoted-printable'
          ? Buffer.from(
              p.body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_s, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            ).toString('utf8')
          : p.body;
  }
  return { subject: decodeWords(headers.get('subject') ?? ''), text };
}
