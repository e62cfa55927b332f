// Configuration backup against a real OpenSSH server (issue 12): the first run keeps a version, a run
// where only volatile lines moved keeps none, a real change makes a version whose diff shows it and
// alerts the line's engineers; VRP, Comware and IOS prompts and commands; a wrong password is a clear
// failure; no answer ever carries a credential.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { startSshd, type Sshd } from './test/sshd.ts';
import { BASE, backup, register, versionsOf } from './test/helpers.ts';

const VRP = (extra = '') =>
  `!Software Version V200R019C10SPC800\n!Last configuration was updated at @NOW@+08:00\n#\nsysname CORE-SW1\n#\ninterface Vlanif10\n ip address 10.10.0.1 255.255.255.0\n${extra}#\nreturn\n`;
const IOS = `Building configuration...\n\nCurrent configuration : 1234 bytes\n!\n! Last configuration change at @NOW@ UTC by admin\n! NVRAM config last updated at @NOW@ UTC\n!\nhostname EDGE-R1\n!\nntp clock-period 17179@NOW@\ninterface GigabitEthernet0/1\n description wan\n!\nend\n`;
const COMWARE = `#\n version 7.1.064, Release 0821P16\n#\n sysname H3C-ACC1\n#\nvlan 20\n#\nreturn\n`;
const WRONG_PASSWORD = 'Wr0ng-Pass-31415';

let t: TestApp;
let sshd: Sshd;
let eng: Agent;
let agency: Agent;
const answers: string[] = [];
const keep = <T extends { body: string }>(r: T) => (answers.push(r.body), r);

beforeAll(async () => {
  sshd = await startSshd();
  t = await testApp();
  eng = await t.userAgent('eng.cfg', ['engineer'], { serviceLines: ['NET'] });
  agency = await t.userAgent('agency.cfg', ['agency_contact']);
});
afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

describe('backup over SSH from a real sshd', () => {
  it('keeps a version only when the configuration really changes, and alerts on a change', async () => {
    sshd.device('huawei-vrp', VRP());
    const dev = await register(eng, { name: '核心交换机', port: sshd.port, privateKey: sshd.clientKey });
    expect(dev).toMatchObject({ hasPrivateKey: true, hasPassword: false, hostKey: null, versions: 0 });

    const first = await backup(eng, dev.id);
    expect(first.run).toMatchObject({ state: 'ok', failure: null, transcript: null });
    expect(first.device.hostKey).toMatch(/^SHA256:/); // trusted on first use
    const v1 = await versionsOf(eng, dev.id);
    expect(v1.total).toBe(1);
    expect(v1.items[0]!.lines).toBeGreaterThan(5);

    // Only the volatile line moved (the time the device prints): no new version.
    const same = await backup(eng, dev.id);
    expect(same.run).toMatchObject({ state: 'ok', versionId: null, message: '配置无变化' });
    expect((await versionsOf(eng, dev.id)).total).toBe(1);
    expect(json<{ total: number }>(await eng.get('/api/notifications')).total).toBe(0);

    sshd.device('huawei-vrp', VRP(' description to-core\n'));
    const changed = await backup(eng, dev.id);
    expect(changed.run.versionId).toBeTruthy();
    const v2 = await versionsOf(agency, dev.id);
    expect(v2.total).toBe(2);
    expect(v2.items[0]!.id).toBe(changed.run.versionId); // newest first
    // The device list counts them too.
    const listed = json<{ items: { id: string; versions: number }[] }>(await eng.get(`${BASE}?pageSize=100`));
    expect(listed.items.find((d) => d.id === dev.id)?.versions).toBe(2);
    const diff = await agency.get(`${BASE}/${dev.id}/versions/${v2.items[1]!.id}/diff/${v2.items[0]!.id}`);
    expect(diff.headers['content-type']).toMatch(/^text\/plain/);
    expect(diff.body).toMatch(/^Index: 核心交换机\n={10,}\n--- /); // the text itself, not a JSON string
    expect(diff.body).toContain('\n+ description to-core\n');
    expect(diff.body).not.toContain('Last configuration was updated');

    const bell = json<{ items: { event: string; title: string; link: string }[] }>(await eng.get('/api/notifications'));
    expect(bell.items).toHaveLength(1);
    expect(bell.items[0]!.event).toBe('configbackup.unexplained_change');
    expect(bell.items[0]!.title).toContain('核心交换机');
    // …and a fault ticket on the device's line, named in the notice (issue 12: notification + ticket).
    const tickets = json<{ items: { number: string; title: string; channel: string }[] }>(await eng.get('/api/tickets?q=核心交换机'));
    expect(tickets.items).toHaveLength(1);
    expect(tickets.items[0]!.channel).toBe('monitoring');
    expect(tickets.items[0]!.title).toContain('未经批准');
    expect(json<{ items: { body: string }[] }>(await eng.get('/api/notifications')).items[0]!.body).toContain(tickets.items[0]!.number);
  });

  it.each([
    ['cisco-ios', IOS, 'hostname EDGE-R1'],
    ['h3c-comware', COMWARE, 'sysname H3C-ACC1'],
  ])('backs up %s with its own paging and show commands, volatile lines stripped', async (vendor, config, line) => {
    sshd.device(vendor, config);
    const dev = await register(eng, { vendor: vendor as 'cisco-ios', port: sshd.port, privateKey: sshd.clientKey });
    const { run } = await backup(eng, dev.id);
    expect(run.state, run.message).toBe('ok');
    const text = json<{ text: string }>(await eng.get(`${BASE}/${dev.id}/versions/${run.versionId}`)).text;
    expect(text).toContain(line);
    expect(text).not.toMatch(/Last configuration change|NVRAM config|ntp clock-period|Current configuration :|Building configuration/);
    expect((await backup(eng, dev.id)).run.versionId).toBeNull();
  });

  it('reports a wrong password as an authentication failure, and no answer carries a credential', async () => {
    sshd.device('huawei-vrp', VRP());
    const dev = await register(eng, { port: sshd.port, password: WRONG_PASSWORD, enablePassword: 'En-Secret-2718' });
    const { device, run } = await backup(eng, dev.id);
    expect(device).toMatchObject({ lastState: 'failed', lastFailure: 'auth_failed', hasPassword: true });
    expect(run).toMatchObject({ state: 'failed', failure: 'auth_failed' });
    expect(run.message).toContain('认证失败');
    expect(run.transcript).toContain('auth_failed');
    keep(await eng.get(`${BASE}/${dev.id}`));
    keep(await eng.get(`${BASE}/${dev.id}/runs`));
    keep(await eng.get(BASE));
    keep(await agency.get(BASE));
    keep(await eng.get(`/api/audit?objectId=${dev.id}`));
    for (const a of answers) {
      expect(a).not.toContain(WRONG_PASSWORD);
      expect(a).not.toContain('En-Secret-2718');
      expect(a).not.toContain('PRIVATE KEY');
      expect(a).not.toContain('secretBox');
    }
  });

  it('lets the agency read but not register; checks addresses and ports; Telnet only with a password', async () => {
    const base = { name: 'x', address: '127.0.0.1', protocol: 'ssh', vendor: 'huawei-vrp', username: 'u', password: 'p' };
    expect((await agency.post(BASE, base)).statusCode).toBe(403);
    expect((await agency.get(BASE)).statusCode).toBe(200);
    for (const bad of [{ address: 'not an address!' }, { port: 0 }, { port: 65536 }, { password: undefined }, { privateKey: 'not a key' }])
      expect((await eng.post(BASE, { ...base, ...bad })).statusCode, JSON.stringify(bad)).toBe(400);
    const telnet = await eng.post(BASE, { ...base, protocol: 'telnet', password: undefined, privateKey: sshd.clientKey });
    expect(telnet.statusCode).toBe(400);
    expect(json(telnet).detail).toContain('Telnet 登录需要密码');
  });
});
