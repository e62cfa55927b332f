// Issue 11 point 3: a sign-in for a name nobody holds answers exactly as a wrong password does (no
// 500, no hint that the name exists) and is audited with the name typed; guessing the current
// password while changing it is limited like signing in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { json, testApp, TEST_PASSWORD, type Agent, type TestApp } from '../../test/harness.ts';
import { auditLog } from '../db/tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await t.userAgent('real.user', ['engineer']);
});
afterAll(() => t.close());

const answer = (r: { statusCode: number; body: string }) => {
  const { instance: _i, requestId: _r, ...rest } = JSON.parse(r.body) as Record<string, unknown>;
  return { status: r.statusCode, ...rest };
};

describe('signing in', () => {
  it('answers an unknown name exactly as a wrong password, and audits the name typed', async () => {
    const unknown = await t.agent().login('nobody.here', 'Wrong-Pass-1');
    const wrong = await t.agent().login('real.user', 'Wrong-Pass-1');
    expect(unknown.statusCode).toBe(401);
    expect(answer(unknown)).toEqual(answer(wrong));
    expect(json(unknown)).toMatchObject({ code: 'auth.invalid_credentials', detail: '用户名或密码错误' });
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.requestId, unknown.headers['x-request-id'] as string));
    expect(rows).toEqual([expect.objectContaining({ action: 'auth.login', success: false, actorId: null, actorName: 'nobody.here' })]);
  });

  it('limits attempts from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push((await t.agent().login(`guess${i}`, 'x')).statusCode);
    expect(codes).toContain(429);
  });
});

describe('changing one’s password', () => {
  it('locks the account after five wrong current passwords and ends its sessions', async () => {
    t.clock.advance(10 * 60_000); // past the sign-in limiter of the test above
    const a: Agent = await t.userAgent('guesser', ['engineer']);
    const tries: number[] = [];
    for (let i = 0; i < 5; i++)
      tries.push((await a.post('/api/auth/password', { currentPassword: `Nope-${i}-aA1`, newPassword: 'Brand-New-9x' })).statusCode);
    expect(tries).toEqual([400, 400, 400, 400, 423]);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.agent().login('guesser', TEST_PASSWORD)).statusCode).toBe(423);
    const locks = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'auth.lock'));
    expect(locks.map((l) => l.actorName)).toContain('guesser');
  });
});
