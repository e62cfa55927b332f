// Configuration backup of the demo lab (issue 12 point 5): the demo registers the lab's SSH devices
// with a short history and exactly one unexplained change (its fault ticket); the running lab's CLIs
// are backed up through the module's real session code for every lab vendor and serve what the
// history ends with, and a change made on the lab shows as a new version with its diff and alert.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LAB } from '../../demo/lab.ts';
import { LAB_LATEST_REVISION } from '../../demo/lab/config.ts';
import { setLabRevision, startLab, type RunningLab } from '../../demo/lab/start.ts';
import { json, testApp, TEST_PASSWORD, type Agent, type TestApp } from '../../test/harness.ts';
import type { TDevice, TRun } from '../../../common/configbackup.ts';
import { DEMO_PAST_UNEXPLAINED, DEMO_UNEXPLAINED_DEVICE } from './demo.ts';
import { setBackupLimits } from './run.ts';
import { freePort } from './test/sshd.ts';
import { BASE, backup, versionsOf } from './test/helpers.ts';

let t: TestApp;
let eng: Agent;
let lab: RunningLab;
const envBefore = process.env.YUNWEI_DEMO_LAB_PORT;

const unexplainedTickets = async () =>
  json<{ items: { number: string; title: string; channel: string; status: string }[]; total: number }>(
    await eng.get(`/api/tickets?q=${encodeURIComponent('未经批准')}&pageSize=50`),
  );
const devices = async () => json<{ items: TDevice[] }>(await eng.get(`${BASE}?pageSize=100`)).items;
const byKey = async (key: string) => (await devices()).find((d) => d.name === DEMO_LAB.find((l) => l.key === key)!.name)!;
/** Devices with a past unexplained change (the previous month's, the previous week's; its ticket resolved). */
const pastUnexplained = new Set(Object.values(DEMO_PAST_UNEXPLAINED).map((k) => DEMO_LAB.find((l) => l.key === k)!.name));

beforeAll(async () => {
  // A base of its own, so a demo running on this host (default ports) is not the one backed up.
  const base = Math.max(20_000, ((await freePort()) % 30_000) + 20_000);
  process.env.YUNWEI_DEMO_LAB_PORT = String(base);
  lab = await startLab(pino({ level: 'silent' }));
  t = await testApp({ demo: true });
  // The demo's network engineer: the one the alert was sent to while the demo loaded.
  eng = t.agent();
  expect((await eng.login('eng.net', TEST_PASSWORD)).statusCode).toBe(200);
  setBackupLimits({ connectMs: 5_000, idleMs: 3_000, totalMs: 20_000 });
}, 180_000);
afterAll(async () => {
  setBackupLimits({});
  if (envBefore === undefined) delete process.env.YUNWEI_DEMO_LAB_PORT;
  else process.env.YUNWEI_DEMO_LAB_PORT = envBefore;
  await lab?.stop();
  await t?.close();
});

describe('the demo lab in configuration backup', () => {
  it('is registered with a past history and exactly one unexplained change, which opened a ticket', async () => {
    expect(lab.devices).toHaveLength(DEMO_LAB.length);
    const list = await devices();
    expect(list.map((d) => d.name).sort()).toEqual(DEMO_LAB.map((d) => d.name).sort());
    for (const d of list) {
      const versionCount = LAB_LATEST_REVISION + 1 + (pastUnexplained.has(d.name) ? 1 : 0);
      expect(d).toMatchObject({ address: '127.0.0.1', protocol: 'ssh', lastState: 'ok', versions: versionCount });
      expect(d.hostKey).toMatch(/^SHA256:/);
      const versions = (await versionsOf(eng, d.id)).items;
      const times = versions.map((v) => Date.parse(v.takenAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(times[0]).toBeLessThan(Date.now());
      expect(times.at(-1)).toBeLessThan(Date.now() - 20 * 86_400_000); // a history over the last weeks
    }
    // One ticket open (last night's change); the past ones' tickets resolved.
    const all = await unexplainedTickets();
    expect(all.total).toBe(1 + pastUnexplained.size);
    expect(all.items.filter((i) => i.status === 'resolved')).toHaveLength(pastUnexplained.size);
    const tickets = { items: all.items.filter((i) => i.status !== 'resolved') };
    expect(tickets.items).toHaveLength(1);
    expect(tickets.items[0]!.channel).toBe('monitoring');
    const alerted = await byKey(DEMO_UNEXPLAINED_DEVICE);
    expect(tickets.items[0]!.title).toContain(alerted.name);
    const [latest, before] = (await versionsOf(eng, alerted.id)).items;
    const diff = (await eng.get(`${BASE}/${alerted.id}/versions/${before!.id}/diff/${latest!.id}`)).body;
    expect(diff).toContain('+access-list 10 permit 10.10.50.0 0.0.0.255');
    expect(diff).toContain('+ntp server 10.10.10.6');
    // …and the line's engineers were told, the notice naming the ticket and linking the version.
    const bell = json<{ items: { event: string; body: string; link: string; readAt: string | null }[] }>(
      await eng.get('/api/notifications'),
    ).items;
    const sent = bell.filter((n) => n.event === 'configbackup.unexplained_change');
    expect(sent).toHaveLength(1 + pastUnexplained.size);
    const notices = sent.filter((n) => n.readAt === null); // the past ones read when they were handled
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain(tickets.items[0]!.number);
    expect(notices[0]!.link).toBe(`/config-backup/${alerted.id}?version=${latest!.id}`);
    // Behind the rest of the history, approved and confirmed changes (the changes demo): each device's
    // maintenance archive calls only the alerting version and the past unexplained ones unexplained.
    for (const d of list) {
      const archive = json<{ items: { kind: string; detail: string }[] }>(await eng.get(`/api/changes/archive/${d.id}`));
      const unexplained = archive.items.filter((i) => i.kind === 'version' && i.detail === '未经批准的变化');
      expect(unexplained, d.name).toHaveLength(d.id === alerted.id || pastUnexplained.has(d.name) ? 1 : 0);
    }
  });

  it('backs up every lab vendor over SSH with the trusted key, and finds the history’s last version', async () => {
    for (const d of DEMO_LAB) {
      const dev = await byKey(d.key);
      const { device, run } = await backup(eng, dev.id);
      expect(run.state, `${d.key}: ${run.message}\n${run.transcript}`).toBe('ok');
      expect(run.message, d.key).toBe('配置无变化');
      expect(device.hostKey).toBe(dev.hostKey);
    }
    expect((await unexplainedTickets()).total).toBe(1 + pastUnexplained.size);
  });

  it('saves a change made on a lab device as a new version, and raises its alert', async () => {
    const dev = await byKey('egov-r');
    setLabRevision('egov-r', LAB_LATEST_REVISION + 1);
    try {
      const { run } = await backup(eng, dev.id);
      expect(run.state, run.message).toBe('ok');
      expect(run.versionId).not.toBeNull();
      const versions = (await versionsOf(eng, dev.id)).items;
      expect(versions).toHaveLength(LAB_LATEST_REVISION + 2);
      const diff = (await eng.get(`${BASE}/${dev.id}/versions/${versions[1]!.id}/diff/${versions[0]!.id}`)).body;
      expect(diff).toMatch(/\n\+ ?\S/);
      const tickets = await unexplainedTickets();
      expect(tickets.total).toBe(2 + pastUnexplained.size);
      expect(tickets.items.some((i) => i.title.includes(dev.name))).toBe(true);
      const runs = json<{ items: TRun[] }>(await eng.get(`${BASE}/${dev.id}/runs`)).items;
      expect(runs[0]!.versionId).toBe(versions[0]!.id);
    } finally {
      setLabRevision('egov-r', LAB_LATEST_REVISION);
    }
  });

  // The changes demo's side (R-CHG-04/06), loaded with the same demo: read here rather than loading it again.
  it('holds a vendor session at work with its log, a visit awaiting approval, and documents under review', async () => {
    const access = json<{ items: { company: string; state: string; logs: unknown[] }[] }>(await eng.get('/api/third-party-access'));
    expect(access.items.map((a) => [a.company, a.state, a.logs.length]).sort()).toEqual([
      ['视频会议系统集成商', 'requested', 0],
      ['防火墙原厂技术支持中心', 'approved', 1],
    ]);
    const reviews = json<{ items: { title: string; state: string; version: number }[] }>(await eng.get('/api/change-reviews'));
    expect(reviews.items.map((r) => [r.title, r.state, r.version]).sort()).toEqual([
      ['年度运维工作计划', 'submitted', 2],
      ['运维管理制度（值班、变更、备份、保密）', 'approved', 1],
    ]);
  });
});
