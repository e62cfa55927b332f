// Configuration backup over Telnet (issue 12 point 2) against a real Telnet server (busybox telnetd):
// the option negotiation answered, the login prompts passed, then the same vendor dialogue as SSH for
// VRP, Comware and IOS (volatile lines stripped, a second run keeps no version); no host key; a wrong
// password is an authentication failure with the password masked; a closed port is unreachable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { freePort } from './test/sshd.ts';
import { startTelnetd, type Telnetd } from './test/telnetd.ts';
import { BASE, backup, register, versionsOf } from './test/helpers.ts';
import { setBackupLimits } from './run.ts';

const LOGIN = { user: 'backup', password: 'Telnet-Pass-2718' };
const CONFIGS: [string, string, string][] = [
  ['huawei-vrp', '!Last configuration was updated at @NOW@+08:00\n#\nsysname OLD-SW1\n#\nreturn\n', 'sysname OLD-SW1'],
  ['h3c-comware', '#\n version 5.20, Release 2220P02\n#\n sysname OLD-H3C\n#\nreturn\n', 'sysname OLD-H3C'],
  ['cisco-ios', 'Building configuration...\n\n! Last configuration change at @NOW@ UTC\nhostname OLD-R1\n!\nend\n', 'hostname OLD-R1'],
];

let t: TestApp;
let telnetd: Telnetd;
let eng: Agent;

beforeAll(async () => {
  telnetd = await startTelnetd();
  t = await testApp();
  eng = await t.userAgent('eng.telnet', ['engineer'], { serviceLines: ['NET'] });
  setBackupLimits({ connectMs: 5_000, idleMs: 3_000, totalMs: 20_000 });
});
afterAll(async () => {
  setBackupLimits({});
  await t?.close();
  await telnetd?.stop();
});

describe('backup over Telnet from busybox telnetd', () => {
  it.each(CONFIGS)('backs up %s after signing in, with no host key', async (vendor, config, line) => {
    telnetd.device(vendor, config, LOGIN);
    const dev = await register(eng, {
      vendor: vendor as 'cisco-ios',
      protocol: 'telnet',
      port: telnetd.port,
      username: LOGIN.user,
      password: LOGIN.password,
    });
    expect(dev).toMatchObject({ protocol: 'telnet', hostKey: null });
    const { device, run } = await backup(eng, dev.id);
    expect(run.state, `${run.message}\n${run.transcript}`).toBe('ok');
    expect(device).toMatchObject({ lastState: 'ok', hostKey: null });
    const text = json<{ text: string }>(await eng.get(`${BASE}/${dev.id}/versions/${run.versionId}`)).text;
    expect(text).toContain(line);
    expect(text).not.toMatch(/Last configuration|Building configuration|Username|Password|User Access/);
    expect((await backup(eng, dev.id)).run.versionId).toBeNull();
    expect((await versionsOf(eng, dev.id)).total).toBe(1);
  });

  it('reports a wrong password as an authentication failure, the password masked', async () => {
    telnetd.device('huawei-vrp', CONFIGS[0]![1], LOGIN);
    const wrong = 'Not-The-Pass-1618';
    const dev = await register(eng, { protocol: 'telnet', port: telnetd.port, username: LOGIN.user, password: wrong });
    const { run } = await backup(eng, dev.id);
    expect(run).toMatchObject({ state: 'failed', failure: 'auth_failed' });
    expect(run.transcript).toContain('Username:');
    expect(run.transcript).not.toContain(wrong);
  });

  it('reports a port nobody listens on as unreachable, and registers Telnet on port 23 by default', async () => {
    const dev = await register(eng, { protocol: 'telnet', port: await freePort(), username: 'u', password: 'p' });
    expect((await backup(eng, dev.id)).run).toMatchObject({ state: 'failed', failure: 'unreachable' });
    const res = await eng.post(BASE, {
      name: 'telnet-23',
      address: '127.0.0.1',
      protocol: 'telnet',
      vendor: 'cisco-ios',
      username: 'u',
      password: 'p',
    });
    expect(json<{ port: number }>(res).port).toBe(23);
  });
});
