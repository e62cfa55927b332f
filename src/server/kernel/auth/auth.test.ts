// Sign-in and sessions through the HTTP API, as a browser would (等保 2.0 8.1.4.1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { totpNow } from './totp.ts';
import { lookupSession } from './session-lookup.ts';
import { sha256 } from '../crypto.ts';
import { sessions } from '../db/tables.ts';
import { json, testApp, type TestApp, TEST_PASSWORD } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

describe('sign-in', () => {
  it('answers 401 with a problem+json on a wrong password and 200 with next on the right one', async () => {
    await t.userAgent('alice', ['engineer']);
    const a = t.agent();
    const bad = await a.login('alice', 'Wrong-Pass-1');
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(json(bad).code).toBe('auth.invalid_credentials');
    const ok = await a.login('alice', TEST_PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect(json(ok).next).toBeNull();
    expect(ok.cookies.find((c) => c.name === 'yunwei_sid')?.httpOnly).toBe(true);
    expect((await a.get('/api/auth/me')).json()).toMatchObject({ username: 'alice', roles: ['engineer'] });
  });

  it('locks the account at the 5th failure: 423 while locked, even with the right password, open again after 15 minutes', async () => {
    await t.userAgent('bob', ['engineer']);
    const a = t.agent();
    for (let i = 0; i < 4; i++) expect((await a.login('bob', `Wrong-Pass-${i}`)).statusCode).toBe(401);
    expect((await a.login('bob', 'Wrong-Pass-4')).statusCode).toBe(423);
    const locked = await a.login('bob', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(json(locked).code).toBe('auth.locked');
    t.clock.advance(14 * 60_000);
    expect((await a.login('bob', TEST_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(61_000);
    expect((await a.login('bob', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('ends a session idle for 30 minutes; activity keeps it alive', async () => {
    const a = await t.userAgent('carol', ['engineer']);
    t.clock.advance(29 * 60_000);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const r = await a.get('/api/auth/me');
    expect(r.statusCode).toBe(401);
    expect(json(r).code).toBe('auth.session_expired');
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a write without the CSRF token, accepts it with the token', async () => {
    const a = await t.userAgent('dave', ['engineer']);
    a.sendCsrf = false;
    const r = await a.post('/api/auth/tokens', { name: 'x' });
    expect(r.statusCode).toBe(403);
    expect(json(r).code).toBe('csrf.invalid');
    const forged = await a.request('POST', '/api/auth/tokens', { name: 'x' }, { 'x-csrf-token': 'forged' });
    expect(json(forged).code).toBe('csrf.invalid');
    a.sendCsrf = true;
    expect((await a.post('/api/auth/tokens', { name: 'x' })).statusCode).toBe(201);
  });

  it('forces the initial password to be changed, then TOTP enrolment for an administrator', async () => {
    const a = t.agent();
    const r = await a.login('admin', 'Admin-Pass-1');
    expect(json(r).next).toBe('change_password');
    // Until the step is done the session can do nothing else.
    const blocked = await a.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(json(blocked).code).toBe('change_password');
    // The rules: too weak, then the same password again.
    expect(json(await a.post('/api/auth/password', { currentPassword: 'Admin-Pass-1', newPassword: 'short' })).code).toBe('password.weak');
    expect(json(await a.post('/api/auth/password', { currentPassword: 'Admin-Pass-1', newPassword: 'Admin-Pass-1' })).code).toBe(
      'password.reused',
    );
    const changed = await a.post('/api/auth/password', { currentPassword: 'Admin-Pass-1', newPassword: 'New-Admin-Pass-2' });
    expect(changed.statusCode).toBe(200);
    expect(json(changed).next).toBe('enroll_totp');
    expect(json(await a.get('/api/users')).code).toBe('enroll_totp');
    const enrol = json<{ secret: string; uri: string; qr: string }>(await a.post('/api/auth/totp/enroll'));
    expect(enrol.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrol.qr).toMatch(/^data:image\/png;base64,/);
    expect(json(await a.post('/api/auth/totp/confirm', { code: '000000' })).code).toBe('totp.invalid_code');
    const ok = await a.post('/api/auth/totp/confirm', { code: totpNow(enrol.secret, t.clock.now()) });
    expect(json(ok).next).toBeNull();
    expect((await a.get('/api/users')).statusCode).toBe(200);
    // Next sign-in asks for the code.
    const b = t.agent();
    expect(json(await b.login('admin', 'New-Admin-Pass-2')).next).toBe('totp');
    expect((await b.get('/api/users')).statusCode).toBe(403);
    expect(json(await b.post('/api/auth/totp/verify', { code: totpNow(enrol.secret, t.clock.now()) })).next).toBeNull();
    expect((await b.get('/api/users')).statusCode).toBe(200);
  });

  it('does not reuse any of the last five passwords', async () => {
    const a = await t.userAgent('erin', ['engineer']);
    let current = TEST_PASSWORD;
    const used = [TEST_PASSWORD];
    for (let i = 1; i <= 5; i++) {
      const next = `Rotate-Pass-${i}`;
      t.clock.advance(60_000);
      expect((await a.post('/api/auth/password', { currentPassword: current, newPassword: next })).statusCode).toBe(200);
      used.push(next);
      current = next;
    }
    // The first one is now six back: allowed again; the fifth-to-last is refused.
    expect(json(await a.post('/api/auth/password', { currentPassword: current, newPassword: used[1]! })).code).toBe('password.reused');
    expect((await a.post('/api/auth/password', { currentPassword: current, newPassword: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('signs out: the cookie no longer works', async () => {
    const a = await t.userAgent('frank', ['engineer']);
    const sid = a.cookies.get('yunwei_sid')!;
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    a.cookies.set('yunwei_sid', sid);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('keeps a looked-up session for a moment; any write this process answers forgets it (decision 0003)', async () => {
    const a = await t.userAgent('gina', ['engineer']);
    const hash = sha256(a.cookies.get('yunwei_sid')!);
    const first = await lookupSession(t.ctx.db, hash);
    expect(first).toMatchObject({ username: 'gina', roles: ['engineer'] });
    expect(await lookupSession(t.ctx.db, hash)).toBe(first); // the cached row, not a second read
    // Ended behind this process's back (another node, the CLI), then a write answered here (a sign-out):
    await t.ctx.db.update(sessions).set({ endedAt: t.ctx.now() }).where(eq(sessions.idHash, hash));
    const b = await t.userAgent('hank', ['engineer']);
    expect((await b.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect(await lookupSession(t.ctx.db, hash)).toBeUndefined();
  });

  it('limits sign-in attempts per IP', async () => {
    const a = t.agent();
    let last = 0;
    for (let i = 0; i < 25; i++) last = (await a.login(`nobody${i}`, 'x')).statusCode;
    expect(last).toBe(429);
    t.clock.advance(6 * 60_000);
  });

  it('sets the security headers', async () => {
    const r = await t.agent().get('/api/health');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBeDefined();
  });
});

describe('API tokens', () => {
  it('works as Bearer with its user permissions, skips CSRF, is audited and can be revoked', async () => {
    const a = await t.userAgent('integrator', ['agency_contact']);
    const created = json<{ id: string; token: string }>(await a.post('/api/auth/tokens', { name: '监控系统' }));
    expect(created.token).toMatch(/^yw_/);
    const list = json<{ items: { prefix: string; name: string }[] }>(await a.get('/api/auth/tokens'));
    expect(JSON.stringify(list)).not.toContain(created.token);
    const bot = t.agent();
    bot.bearer = created.token;
    expect((await bot.get('/api/contract/overview')).statusCode).toBe(200);
    expect((await bot.get('/api/users')).statusCode).toBe(403); // no user.read for agency_contact
    expect((await bot.post('/api/auth/tokens', { name: 'second' })).statusCode).toBe(201); // no CSRF for tokens
    expect((await a.delete(`/api/auth/tokens/${created.id}`)).statusCode).toBe(200);
    const after = await bot.get('/api/contract/overview');
    expect(after.statusCode).toBe(401);
    expect(json(after).code).toBe('auth.invalid_token');
  });
});
