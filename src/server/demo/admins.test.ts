// The demo shows 三员分立 working (issue 11 point 15): the security admin's roles and the changes they
// made, the audit admin's log with entries from many people and a chain that verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpNow } from '../kernel/auth/totp.ts';
import { Clock, TEST_PASSWORD, json, testApp, type Agent, type TestApp } from '../test/harness.ts';

let t: TestApp;
let sec: Agent;
let auditor: Agent;

/** Signs a demo administrator in, enrolling TOTP as their phone would at the first sign-in. */
async function admin(username: string): Promise<Agent> {
  const a = t.agent();
  const r = json<{ next: string | null }>(await a.login(username, TEST_PASSWORD));
  expect(r.next).toBe('enroll_totp');
  const { secret } = json<{ secret: string }>(await a.post('/api/auth/totp/enroll'));
  expect(json<{ next: string | null }>(await a.post('/api/auth/totp/confirm', { code: totpNow(secret, t.clock.now()) })).next).toBeNull();
  return a;
}

beforeAll(async () => {
  t = await testApp({ demo: true, clock: new Clock(new Date('2026-11-24T02:00:00Z')) });
  sec = await admin('sec.admin');
  auditor = await admin('audit.admin');
});
afterAll(async () => {
  await t.close();
});

interface Role {
  code: string;
  nameZh: string;
  permissions: string[];
  userCount: number;
}
interface AuditRow {
  actorName: string | null;
  action: string;
  success: boolean;
}

describe('the demo security administrator', () => {
  it('finds the read-only vendor role they created and the vendor account given it', async () => {
    const roles = json<{ items: Role[] }>(await sec.get('/api/roles')).items;
    const ro = roles.find((r) => r.code === 'vendor_readonly')!;
    expect(ro).toMatchObject({ nameZh: '厂商工程师-只读', userCount: 1 });
    expect(ro.permissions).toEqual(['asset.read', 'kb.read']);
    const users = json<{ items: { username: string; roles: string[] }[] }>(await sec.get('/api/users?pageSize=100')).items;
    expect(users.find((u) => u.username === 'vendor')?.roles.sort()).toEqual(['third_party', 'vendor_readonly']);
  });

  it('cannot read the audit log, which is the audit administrator’s alone', async () => {
    expect((await sec.get('/api/audit')).statusCode).toBe(403);
    expect((await auditor.get('/api/roles/vendor_readonly')).statusCode).toBe(403);
  });
});

describe('the demo audit administrator', () => {
  it('reads the security admin’s changes among entries from many people, and the chain verifies', async () => {
    const log = json<{ items: AuditRow[]; total: number }>(await auditor.get('/api/audit?pageSize=200'));
    expect(log.total).toBeGreaterThan(50);
    const byRole = json<{ items: AuditRow[] }>(await auditor.get('/api/audit?action=role.create')).items;
    expect(byRole[0]).toMatchObject({ actorName: 'sec.admin', success: true });
    expect(json<{ items: AuditRow[] }>(await auditor.get('/api/audit?action=user.roles')).items[0]?.actorName).toBe('sec.admin');
    const verified = json<{ items: AuditRow[] }>(await auditor.get('/api/audit?action=audit.verify')).items;
    expect(verified.some((r) => r.actorName === 'audit.admin' && r.success)).toBe(true);
    const actors = new Set(log.items.map((r) => r.actorName).filter(Boolean));
    expect(actors.size).toBeGreaterThanOrEqual(4);
    expect(json(await auditor.get('/api/audit/verify'))).toMatchObject({ ok: true, firstBad: null });
  });
});
