// Coverage (issue 12): with a real sshd acting as the device, a configuration version taken inside an
// approved change's window on that device is explained by the change (no ticket, the version names the
// change, the change shows the before/after diff); a change outside any window still opens a ticket.
// The device's maintenance archive lists the change and the versions, newest first (R-CHG-03).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TArchive } from '../../../common/changes.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { backup, register, versionsOf } from '../configbackup/test/helpers.ts';
import { startSshd, type Sshd } from '../configbackup/test/sshd.ts';
import { HOUR, act, changeInput, file } from './test/helpers.ts';

const VRP = (extra = '') => `#\nsysname CORE-SW1\n#\ninterface Vlanif10\n ip address 10.10.0.1 255.255.255.0\n${extra}#\nreturn\n`;

let t: TestApp;
let sshd: Sshd;
let eng: Agent;
let pm: Agent;
let contact: Agent;
const clock = new Clock(new Date('2025-03-04T10:00:00+08:00'));

beforeAll(async () => {
  sshd = await startSshd();
  t = await testApp({ clock });
  eng = await t.userAgent('eng.cov', ['engineer'], { serviceLines: ['NET'] });
  pm = await t.userAgent('pm.cov', ['contractor_pm']);
  contact = await t.userAgent('contact.cov', ['agency_contact']);
});
afterAll(async () => {
  await t?.close();
  await sshd?.stop();
});

const tickets = async () => json<{ total: number }>(await eng.get('/api/tickets?q=核心交换机')).total;

describe('a configuration change inside an approved change', () => {
  it('is covered by the change and opens no ticket; outside the window it opens one', async () => {
    sshd.device('huawei-vrp', VRP());
    const dev = await register(eng, { name: '核心交换机 1', port: sshd.port, privateKey: sshd.clientKey });
    expect((await backup(eng, dev.id)).run.state).toBe('ok'); // the first version: never an alert

    const c = await file(eng, changeInput({ deviceIds: [dev.id], start: new Date(clock.now().getTime() - HOUR), hours: 3 }));
    await act(eng, c.id, 'submit');
    await act(pm, c.id, 'approve');
    await act(contact, c.id, 'approve');
    const started = await act(eng, c.id, 'start');
    expect(started.devices[0]!.beforeVersionId).toBeTruthy();
    expect(started.devices[0]!.beforeError).toBeNull();

    sshd.device('huawei-vrp', VRP(' description to-core\n')); // the work itself
    const done = await act(eng, c.id, 'finish');
    const d = done.devices[0]!;
    expect(d.afterVersionId).toBeTruthy();
    expect(d.afterVersionId).not.toBe(d.beforeVersionId);
    expect(await tickets()).toBe(0); // explained: no "unexplained change" ticket
    const diff = await contact.get(`/api/changes/${c.id}/devices/${dev.id}/diff`);
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toContain('\n+ description to-core\n');

    // After the window, another change on the device is unexplained: a ticket.
    clock.advance(3 * HOUR); // past the window (and the sessions' idle timeout: sign in again)
    eng = await t.userAgent('eng.cov2', ['engineer'], { serviceLines: ['NET'] });
    sshd.device('huawei-vrp', VRP(' description to-core\n shutdown\n'));
    expect((await backup(eng, dev.id)).run.versionId).toBeTruthy();
    expect(await tickets()).toBe(1);

    // R-CHG-03: the archive lists the change and the three versions, newest first; the covered one names the change.
    const archive = json<TArchive>(await eng.get(`/api/changes/archive/${dev.id}`));
    expect(archive.deviceName).toBe('核心交换机 1');
    expect(archive.items.map((i) => i.kind)).toEqual(['version', 'change', 'version', 'version']);
    const covered = archive.items.find((i) => i.kind === 'version' && i.changeId === c.id);
    expect(covered?.detail).toContain(c.number);
    expect(archive.items[0]!.detail).toBe('未经批准的变化');
    expect((await versionsOf(eng, dev.id)).total).toBe(3);
  });
});
