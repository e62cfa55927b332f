// Configuration backup against an ssh2 Server double, for the faults a real sshd cannot be made to
// show on cue (issue 12, bad input and faults): a host key that changes is refused until accepted
// with its fingerprint (audited); a device that stops mid-output times out; one that floods is cut
// off at the size limit; one that echoes the enable password has it masked in the transcript.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { setBackupLimits } from './run.ts';
import { DOUBLE_PASSWORD, newHostKey, startDouble, type Double } from './test/double.ts';
import { BASE, backup, register, versionsOf } from './test/helpers.ts';

let t: TestApp;
let eng: Agent;
let pm: Agent;
let double: Double | null = null;

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.faults', ['engineer'], { serviceLines: ['NET'] });
  pm = await t.userAgent('pm.faults', ['contractor_pm']);
  setBackupLimits({ connectMs: 5_000, idleMs: 1_500, totalMs: 20_000, maxBytes: 1024 * 1024 });
});
afterEach(async () => {
  await double?.close();
  double = null;
});
afterAll(async () => {
  setBackupLimits({});
  await t?.close();
});

describe('faults of devices', () => {
  it('refuses a changed host key until an administrator accepts exactly that key', async () => {
    double = await startDouble({ hostKey: newHostKey(), behaviour: 'vrp' });
    const port = double.port;
    const dev = await register(eng, { port, password: DOUBLE_PASSWORD });
    const first = await backup(eng, dev.id);
    expect(first.run.state, first.run.message).toBe('ok');
    const trusted = first.device.hostKey;

    await double.close();
    double = await startDouble({ hostKey: newHostKey(), behaviour: 'vrp', port });
    const refused = await backup(eng, dev.id);
    expect(refused.run).toMatchObject({ state: 'failed', failure: 'hostkey_changed' });
    expect(refused.device).toMatchObject({
      hostKey: trusted,
      lastFailure: 'hostkey_changed',
    });
    expect(refused.device.pendingHostKey).toMatch(/^SHA256:/);
    expect(refused.device.pendingHostKey).not.toBe(trusted);
    // Still refused on the next run: nothing is trusted by itself.
    expect((await backup(eng, dev.id)).run.failure).toBe('hostkey_changed');

    const url = `${BASE}/${dev.id}/host-key`;
    expect((await eng.post(url, { fingerprint: refused.device.pendingHostKey })).statusCode).toBe(403);
    expect((await pm.post(url, { fingerprint: trusted })).statusCode).toBe(400);
    const accepted = await pm.post(url, { fingerprint: refused.device.pendingHostKey });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(json(accepted)).toMatchObject({ hostKey: refused.device.pendingHostKey, pendingHostKey: null });
    const audit = await queryRows(
      t.ctx.db,
      sql`SELECT action FROM audit_log WHERE object_id = ${dev.id} AND action = 'configbackup.hostkey.accept'`,
    );
    expect(audit).toHaveLength(1);
    expect((await backup(eng, dev.id)).run.state).toBe('ok');
    expect((await versionsOf(eng, dev.id)).total).toBe(1);
  });

  it('times out a device that stops in the middle of its configuration', async () => {
    double = await startDouble({ hostKey: newHostKey(), behaviour: 'hang' });
    const dev = await register(eng, { port: double.port, password: DOUBLE_PASSWORD });
    const { device, run } = await backup(eng, dev.id);
    expect(run).toMatchObject({ state: 'failed', failure: 'timeout' });
    expect(run.transcript).toContain('interface Gig');
    expect(device.versions).toBe(0);
  });

  it('cuts off a device whose output exceeds the size limit', async () => {
    double = await startDouble({ hostKey: newHostKey(), behaviour: 'flood' });
    const dev = await register(eng, { port: double.port, password: DOUBLE_PASSWORD });
    const { run } = await backup(eng, dev.id);
    expect(run).toMatchObject({ state: 'failed', failure: 'too_large' });
    expect(run.transcript!.length).toBeLessThan(70 * 1024);
  });

  it('masks the enable password a device echoes, and reports it refused', async () => {
    double = await startDouble({ hostKey: newHostKey(), behaviour: 'echo-enable' });
    const secret = 'En4ble-Only-Me';
    const dev = await register(eng, { vendor: 'cisco-ios', port: double.port, password: DOUBLE_PASSWORD, enablePassword: secret });
    const { run } = await backup(eng, dev.id);
    expect(run).toMatchObject({ state: 'failed', failure: 'auth_failed', message: 'enable 密码错误' });
    expect(run.transcript).toContain('******');
    expect(run.transcript).not.toContain(secret);
  });

  it('records an unreachable device and answers 404 for one that does not exist', async () => {
    const dev = await register(eng, { port: 1, password: DOUBLE_PASSWORD });
    expect((await backup(eng, dev.id)).run).toMatchObject({ state: 'failed', failure: 'unreachable' });
    expect((await eng.post(`${BASE}/00000000-0000-4000-8000-000000000000/run`)).statusCode).toBe(404);
  });
});
