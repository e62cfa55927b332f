// Real local peers for notification tests: an SMTP server (smtp-server) and an HTTP robot receiver
// (node:http) on free ports of 127.0.0.1, plus a small MIME reader for subjects and bodies.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Notification } from './index.ts';

export interface Mail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

export interface Hit {
  method: string;
  path: string;
  rawQuery: string;
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

const JSON_TYPE = 'application/json';

/** How the robot receiver answers: by the first segment of the path (`/ok/…`, `/fail/…`, …). */
export const ANSWERS: Record<string, { status: number; body: string; type?: string } | 'hang'> = {
  ok: { status: 200, body: JSON.stringify({ errcode: 0, errmsg: 'ok' }) },
  fail: { status: 500, body: 'internal error', type: 'text/plain' },
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

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The robot receiver answers as ANSWERS says (anything else as `/ok/`). The SMTP server takes user
 * ops / s3cret, refuses recipients at nowhere.example.com (550) and busy.example.com (451).
 */
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
      hits.push({
        method: req.method ?? '',
        path: url.pathname,
        rawQuery: (req.url ?? '').split('?')[1] ?? '',
        query: url.searchParams,
        headers: req.headers,
        body,
      });
      const answer = ANSWERS[url.pathname.split('/')[1] ?? ''] ?? ANSWERS.ok!;
      if (answer === 'hang') return; // never answers
      res.writeHead(answer.status, { 'content-type': answer.type ?? JSON_TYPE }).end(answer.body);
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

/** Subject (RFC 2047 decoded), the To header, and the plain-text and HTML parts. */
export function readMail(raw: string): { subject: string; to: string; text: string; html: string } {
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

/** A notification as the tests send it: a critical fault with two fields. */
/** The outbound policy of tests whose peers listen on 127.0.0.1 (the administrator lists it). */
export const LOCAL = { policy: { allowPrivate: false, allow: ['127.0.0.1'] } };

export const NOTICE: Notification = {
  title: '核心交换机端口故障',
  body: '3 楼机房核心交换机 Gi1/0/24 端口 down，已派单。',
  url: 'https://yunwei.example.com/tickets/42',
  severity: 'critical',
  fields: [
    { label: '运维单', value: 'NET-2021-0042' },
    { label: '到场期限', value: '2021-10-02 05:00' },
  ],
};

/** What the promise rejects with (it must reject). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
