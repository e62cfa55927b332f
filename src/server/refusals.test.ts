// Issue 11 points 6 and 7: every refusal is problem+json, the framework's own included (a malformed
// URL, a URL or headers too long, a body too large, a media type not accepted, broken JSON); 403s and
// CSRF rejections are audited, a few per actor per minute; the CSRF token is the session's own.
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { eq } from 'drizzle-orm';
import { json, testApp, type Agent, type TestApp } from './test/harness.ts';
import { auditLog } from './kernel/db/tables.ts';

let t: TestApp;
let eng: Agent;
beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('refused.eng', ['engineer']);
});
afterAll(() => t.close());

const problem = (r: { statusCode: number; headers: Record<string, unknown>; body: string }) => ({
  status: r.statusCode,
  type: String(r.headers['content-type']).split(';')[0],
  code: (JSON.parse(r.body) as { code: string }).code,
});

describe("the framework's own errors", () => {
  it.each([
    ['a malformed URL', { method: 'GET', url: '/api/tickets/%E0%A4%A' }, 400, 'bad_url'],
    ['a URL too long', { method: 'GET', url: `/api/kb?q=${'长'.repeat(9000)}` }, 414, 'uri_too_long'],
    [
      'a body too large',
      { method: 'POST', url: '/api/auth/login', payload: 'x'.repeat(3 * 1024 * 1024), headers: { 'content-type': 'application/json' } },
      413,
      'payload_too_large',
    ],
    [
      'a media type not accepted',
      { method: 'POST', url: '/api/auth/login', payload: '<x/>', headers: { 'content-type': 'application/xml' } },
      415,
      'unsupported_media_type',
    ],
    [
      'broken JSON',
      { method: 'POST', url: '/api/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } },
      400,
      'bad_json',
    ],
  ] as const)('answers %s as problem+json', async (_what, req, status, code) => {
    const r = await t.app.inject(req as InjectOptions);
    expect(problem(r)).toEqual({ status, type: 'application/problem+json', code });
  });

  it('answers headers too large (the HTTP parser, before Fastify) as problem+json on the socket', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => s.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
      let got = '';
      s.on('data', (b) => (got += b.toString()));
      s.on('end', () => resolve(got));
      s.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    expect(raw).toContain('application/problem+json');
    expect(raw).toContain('"code":"headers_too_large"');
  });
});

describe('refusals', () => {
  it('audits a 403 with the route and the reason', async () => {
    const r = await eng.get('/api/users');
    expect(r.statusCode).toBe(403);
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, r.headers['x-request-id'] as string));
    expect(rows).toEqual([
      expect.objectContaining({ action: 'auth.denied', objectId: 'GET /api/users', success: false, actorName: 'refused.eng' }),
    ]);
    expect(rows[0]!.detail).toMatchObject({ code: 'auth.forbidden', permission: 'user.read' });
  });

  it('keeps a flood of refusals from filling the log: at most ten records a minute per actor', async () => {
    const flooder = await t.userAgent('flooder', ['engineer']);
    for (let i = 0; i < 40; i++) expect((await flooder.get('/api/roles')).statusCode).toBe(403);
    const rows = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'auth.denied'));
    expect(rows.filter((r) => r.actorName === 'flooder')).toHaveLength(10);
  });

  it('refuses and audits a CSRF token that is not this session’s', async () => {
    const other = await t.userAgent('other.eng', ['engineer']);
    const theirs = other.cookies.get('yunwei_csrf')!;
    const mine = eng.cookies.get('yunwei_csrf')!;
    expect(theirs).not.toBe(mine);
    // Another session's token, in both the cookie and the header (a planted cookie pair).
    eng.cookies.set('yunwei_csrf', theirs);
    const r = await eng.request('POST', '/api/auth/tokens', { name: 'x' }, { 'x-csrf-token': theirs });
    expect(problem(r)).toEqual({ status: 403, type: 'application/problem+json', code: 'csrf.invalid' });
    const planted = await eng.request('POST', '/api/auth/tokens', { name: 'x' }, { 'x-csrf-token': 'aaaa', cookie: '' });
    expect(json(planted).code).toBe('csrf.invalid');
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, r.headers['x-request-id'] as string));
    expect(rows[0]).toMatchObject({ action: 'auth.denied', detail: { code: 'csrf.invalid' } });
    // The session's own token works, and signing in again refreshes the cookie to it.
    eng.cookies.set('yunwei_csrf', mine);
    expect((await eng.post('/api/auth/tokens', { name: 'mine' })).statusCode).toBe(201);
  });
});
