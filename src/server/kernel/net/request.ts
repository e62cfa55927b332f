// One outbound HTTP(S) request under the outbound policy (outbound.ts): the address checked on the
// socket's own lookup (or as written, for an IP literal), no redirects followed, a deadline for the
// whole exchange, and at most `maxBytes` of the answer read.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { OutboundRefused, policyLookup, refusal, type OutboundPolicy } from './outbound.ts';

export interface OutboundResponse {
  status: number;
  headers: IncomingMessage['headers'];
  /** The body as text, cut at maxBytes. */
  text: string;
}

export interface OutboundRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  policy: OutboundPolicy;
  timeoutMs: number;
  /** Default 64 KiB: a robot's answer is a few hundred bytes. */
  maxBytes?: number;
}

/** Refuses an IP written in the URL itself (the socket does no lookup for those). */
export function checkLiteral(host: string, policy: OutboundPolicy): void {
  const bare = host.replace(/^\[|\]$/g, '');
  if (!isIP(bare)) return;
  const why = refusal(bare, policy);
  if (why) throw new OutboundRefused(why);
}

export async function outboundRequest(url: URL, o: OutboundRequest): Promise<OutboundResponse> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported protocol ${url.protocol}`);
  checkLiteral(url.hostname, o.policy);
  const maxBytes = o.maxBytes ?? 64 * 1024;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const signal = AbortSignal.timeout(o.timeoutMs);
    const req = send(url, {
      method: o.method,
      headers: { ...o.headers, ...(o.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(o.body)) }) },
      lookup: policyLookup(o.policy),
      signal,
    });
    req.on('error', (err) => reject(signal.aborted ? Object.assign(new Error('timeout'), { code: 'ETIMEDOUT', cause: err }) : err));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size >= maxBytes) return;
        chunks.push(c);
        size += c.length;
        if (size >= maxBytes) res.destroy();
      });
      const done = () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8') });
      res.on('end', done);
      res.on('close', done);
      res.on('error', (err) => (size >= maxBytes ? done() : reject(err)));
    });
    req.end(o.body);
  });
}
