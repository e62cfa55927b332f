// Issue 11 point 2: the outbound policy. Loopback, link-local (cloud metadata), multicast, unspecified
// and reserved addresses are refused however they are written, private ranges unless allowed; an
// administrator's list lets a named address or range through. Checked against a real HTTP receiver
// on 127.0.0.1: refused by default (it never sees the request), reached once listed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, OutboundRefused, parseAllowList, refusal, resolveOutbound, STRICT_POLICY } from './outbound.ts';
import { outboundRequest } from './request.ts';

let server: Server;
let hits = 0;
let port = 0;
beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.end('hello');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('address kinds', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['169.254.169.254', 'link_local'],
    ['fe80::1', 'link_local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['10.20.30.40', 'private'],
    ['172.31.255.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['192.0.2.10', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['2400:3200::1', 'public'],
  ])('%s is %s', (ip, kind) => {
    expect(classify(ip)).toBe(kind);
  });

  it('lets private ranges through only when allowed, and listed addresses whatever their kind', () => {
    expect(refusal('10.1.2.3', STRICT_POLICY)).toBe('内网');
    expect(refusal('10.1.2.3', { allowPrivate: true, allow: [] })).toBeNull();
    expect(refusal('127.0.0.1', { allowPrivate: true, allow: [] })).toBe('本机环回');
    expect(refusal('127.0.0.1', { allowPrivate: false, allow: ['127.0.0.1'] })).toBeNull();
    expect(refusal('10.9.0.5', { allowPrivate: false, allow: ['10.9.0.0/16'] })).toBeNull();
    expect(refusal('10.8.0.5', { allowPrivate: false, allow: ['10.9.0.0/16'] })).toBe('内网');
    expect(refusal('169.254.169.254', { allowPrivate: true, allow: ['10.0.0.0/8'] })).toContain('链路本地');
  });

  it('checks the administrator list as entered', () => {
    expect(parseAllowList(['10.0.0.0/8', ' 127.0.0.1 ', '', 'fd00::/8', 'intranet.gov', '10.0.0.0/33', '1.2.3.4/8/9'])).toEqual({
      ok: ['10.0.0.0/8', '127.0.0.1', 'fd00::/8'],
      bad: ['intranet.gov', '10.0.0.0/33', '1.2.3.4/8/9'],
    });
  });
});

describe('a request to a local receiver', () => {
  const url = (host: string) => new URL(`http://${host}:${port}/hook`);
  const send = (host: string, allow: string[] = []) =>
    outboundRequest(url(host), { method: 'POST', body: '{}', policy: { allowPrivate: true, allow }, timeoutMs: 2000 });

  it.each(['127.0.0.1', '2130706433', '0x7f000001', '0177.0.0.1', '127.1', 'localhost', '[::ffff:127.0.0.1]'])(
    'is refused by default when written %s, and the receiver never sees it',
    async (host) => {
      const before = hits;
      await expect(send(host)).rejects.toBeInstanceOf(OutboundRefused);
      expect(hits).toBe(before);
    },
  );

  it('reaches the receiver once the administrator lists the address', async () => {
    const r = await send('127.0.0.1', ['127.0.0.1']);
    expect(r).toMatchObject({ status: 200, text: 'hello' });
    expect((await send('localhost', ['127.0.0.0/8'])).text).toBe('hello');
  });

  it('refuses a name whose answer is loopback when resolved for a connection (no DNS rebinding window)', async () => {
    await expect(resolveOutbound('localhost', STRICT_POLICY)).rejects.toBeInstanceOf(OutboundRefused);
  });

  it('never follows a redirect', async () => {
    const redirecting = createServer((_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', 'http://169.254.169.254/latest/meta-data/');
      res.end();
    });
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r));
    const p = (redirecting.address() as AddressInfo).port;
    const r = await outboundRequest(new URL(`http://127.0.0.1:${p}/`), {
      method: 'GET',
      policy: { allowPrivate: false, allow: ['127.0.0.1'] },
      timeoutMs: 2000,
    });
    expect(r.status).toBe(302);
    await new Promise<void>((res) => redirecting.close(() => res()));
  });
});
