// The demo lab's SSH devices backed up by configuration backup's own session code (issue 12 point 5):
// each vendor's prompt, paging and show command satisfy its profile; the configuration is the
// revision the lab serves (volatile line stripped); the host key is the same after a restart; a
// wrong password is refused.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LAB, DEMO_LAB_HOST, DEMO_LAB_SSH_PASSWORD, DEMO_LAB_SSH_USER, labPorts, type LabDevice } from '../lab.ts';
import { freePort } from '../../modules/configbackup/test/sshd.ts';
import { DEFAULT_LIMITS, backupSession } from '../../modules/configbackup/session.ts';
import { VENDOR_PROFILES, stripVolatile } from '../../modules/configbackup/vendors.ts';
import { LAB_LATEST_REVISION, labConfig } from './config.ts';
import { setLabRevision, startLab, type RunningLab } from './start.ts';

let base: number;
let lab: RunningLab;
const limits = { ...DEFAULT_LIMITS, connectMs: 5000, idleMs: 5000, totalMs: 20_000 };

const backup = (d: LabDevice, password = DEMO_LAB_SSH_PASSWORD, hostKey: string | null = null) =>
  backupSession(
    { address: DEMO_LAB_HOST, port: labPorts(d, base).ssh, username: DEMO_LAB_SSH_USER, secrets: { password }, hostKey },
    VENDOR_PROFILES[d.vendor],
    limits,
  );

beforeAll(async () => {
  base = ((await freePort()) % 30_000) + 20_000;
  lab = await startLab(pino({ level: 'silent' }), { YUNWEI_DEMO_LAB_PORT: String(base) });
});
afterAll(async () => lab?.stop());

describe('the lab SSH devices', () => {
  it.each(DEMO_LAB.map((d) => [d.key, d] as const))('%s is backed up through the real session code', async (_key, d) => {
    const r = await backup(d);
    if (!r.ok) throw new Error(`${r.failure}: ${r.message}\n${r.transcript}`);
    const profile = VENDOR_PROFILES[d.vendor];
    const got = stripVolatile(profile, r.config);
    expect(got).toBe(stripVolatile(profile, labConfig(d, LAB_LATEST_REVISION)));
    expect(got).toMatch(d.vendor === 'cisco-ios' ? /^hostname [A-Z-]+\d*$/m : /^ ?sysname [A-Z-]+\d*$/m);
    expect(got).not.toMatch(/Last configuration|Building configuration|Current configuration/);
    expect(got).toContain('ntp');
    expect(r.config).toContain(d.vendor === 'h3c-comware' ? 'version 7.1' : 'Last configuration');
  });

  it('serves the revision the demo sets, and keeps its host key across a restart', async () => {
    const d = DEMO_LAB[0]!;
    const before = await backup(d);
    setLabRevision(d.key, LAB_LATEST_REVISION + 1);
    try {
      const after = await backup(d);
      if (!before.ok || !after.ok) throw new Error('backup failed');
      expect(after.config).toContain('vlan 103');
      expect(before.config).not.toContain('vlan 103');
      await lab.stop();
      lab = await startLab(pino({ level: 'silent' }), { YUNWEI_DEMO_LAB_PORT: String(base) });
      const again = await backup(d, DEMO_LAB_SSH_PASSWORD, before.hostKey); // refused if the key changed
      expect(again).toMatchObject({ ok: true, hostKey: before.hostKey });
    } finally {
      setLabRevision(d.key, LAB_LATEST_REVISION);
    }
  });

  it('refuses a wrong password', async () => {
    const r = await backup(DEMO_LAB[3]!, 'Wrong-Pass-1');
    expect(r).toMatchObject({ ok: false, failure: 'auth_failed' });
  });
});
