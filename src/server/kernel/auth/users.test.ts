// Accounts and roles: the system admin manages accounts, the security admin grants roles, and no
// account may hold two of the three administrator roles (三员分立, GB/T 22239-2019 8.1.5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp, type Agent, type TestApp, TEST_PASSWORD } from '../../test/harness.ts';

let t: TestApp;
let sys: Agent;
let sec: Agent;
beforeAll(async () => {
  t = await testApp();
  sys = await t.userAgent('sys2', ['system_admin']);
  sec = await t.userAgent('sec2', ['security_admin']);
});
afterAll(async () => {
  await t.close();
});

describe('three administrators kept apart', () => {
  it.each([
    ['system_admin', 'security_admin'],
    ['security_admin', 'audit_admin'],
    ['system_admin', 'audit_admin'],
  ])('refuses an account holding %s and %s, and changes nothing', async (a, b) => {
    const created = json<{ id: string; roles: string[] }>(
      await sys.post('/api/users', { username: `two.${a}.${b}`, displayName: 'x', password: TEST_PASSWORD }),
    );
    const r = await sec.put(`/api/users/${created.id}/roles`, { roles: [a, b] });
    expect(r.statusCode).toBe(409);
    expect(json(r).code).toBe('role.admin_separation');
    expect(json<{ roles: string[] }>(await sec.get(`/api/users/${created.id}`)).roles).toEqual([]);
  });

  it('refuses adding a second administrator role to an account that holds one', async () => {
    const u = json<{ id: string }>(await sys.post('/api/users', { username: 'one.admin', displayName: 'x', password: TEST_PASSWORD }));
    expect((await sec.put(`/api/users/${u.id}/roles`, { roles: ['audit_admin'] })).statusCode).toBe(200);
    expect(json(await sec.put(`/api/users/${u.id}/roles`, { roles: ['audit_admin', 'system_admin'] })).code).toBe('role.admin_separation');
  });

  it('lets the system admin create accounts but not grant roles', async () => {
    const r = await sys.post('/api/users', { username: 'granted', displayName: 'x', password: TEST_PASSWORD, roles: ['engineer'] });
    expect(r.statusCode).toBe(403);
    expect(json(await sys.get('/api/users?q=granted')).total).toBe(0);
  });

  it('validates input with field errors and a stable code', async () => {
    const r = await sys.post('/api/users', { username: '1bad name', displayName: '', password: 'weak' });
    expect(r.statusCode).toBe(400);
    const p = json<{ code: string; errors: { path: string }[] }>(r);
    expect(p.code).toBe('validation');
    expect(p.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['body.username', 'body.displayName']));
    const weak = await sys.post('/api/users', { username: 'weakling', displayName: 'W', password: 'weakpassword' });
    expect(json(weak).code).toBe('password.weak');
    const dup = await sys.post('/api/users', { username: 'SYS2', displayName: 'dup', password: TEST_PASSWORD });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).code).toBe('user.exists');
  });

  it("forces a change after an admin reset and ends the user's sessions", async () => {
    const u = await t.userAgent('reset.me', ['engineer']);
    const me = json<{ id: string }>(await u.get('/api/auth/me'));
    expect((await sys.post(`/api/users/${me.id}/reset-password`, { password: 'Reset-Pass-9' })).statusCode).toBe(200);
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);
    const again = t.agent();
    expect(json(await again.login('reset.me', 'Reset-Pass-9')).next).toBe('change_password');
  });

  it('disabling an account signs it out and refuses sign-in', async () => {
    const u = await t.userAgent('leaver', ['engineer']);
    const me = json<{ id: string }>(await u.get('/api/auth/me'));
    expect((await sys.patch(`/api/users/${me.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await u.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.agent().login('leaver', TEST_PASSWORD)).statusCode).toBe(403);
  });

  it("applies a change to a role's permissions at once", async () => {
    expect(
      (await sec.post('/api/roles', { code: 'viewer', nameZh: '查看者', nameEn: 'Viewer', permissions: ['contract.read'] })).statusCode,
    ).toBe(201);
    const v = await t.userAgent('viewer.one', ['viewer']);
    expect((await v.get('/api/contracts')).statusCode).toBe(200);
    expect((await sec.patch('/api/roles/viewer', { permissions: ['org.read'] })).statusCode).toBe(200);
    expect((await v.get('/api/contracts')).statusCode).toBe(403);
    expect((await v.get('/api/sites')).statusCode).toBe(200);
  });
});
