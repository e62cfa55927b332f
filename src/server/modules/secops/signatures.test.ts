// The signature board (issue 13 point 6, R-SEC-07): security products of the register with their
// versions, entered by hand, imported from update lines, or read from the syslog the event centre
// stored; ages against thresholds kept as data (a class may have its own); a home to-do for the
// stale ones; signatureAges for the inspections. Agency roles read only; bad input 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TSignature, TSignatureBoard } from '../../../common/secops.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { storeLines } from '../events/api.ts';
import { signatureAges } from './api.ts';
import { readSignatureLogs } from './signature-log.ts';
import { securityAsset } from './test/fixtures.ts';

let t: TestApp;
let eng: Agent;
let pm: Agent;
let contact: Agent;
let fw: string;
let av: string;
let ips: string;
const clock = new Clock(new Date('2026-12-06T08:00:00Z'));
const daysAgo = (n: number) => new Date(clock.now().getTime() - n * 86_400_000).toISOString();
const board = async (a: Agent) => json<TSignatureBoard>(await a.get('/api/secops/signatures'));
const of = (b: TSignatureBoard, id: string) => b.items.find((i) => i.assetId === id)!;

beforeAll(async () => {
  t = await testApp({ clock });
  eng = await t.userAgent('eng.sec', ['engineer'], { serviceLines: ['SEC'] });
  pm = await t.userAgent('pm.sec', ['contractor_pm']);
  contact = await t.userAgent('agency.contact', ['agency_contact']);
  fw = await securityAsset(t.ctx, { number: 'FW-S-1', name: '出口防火墙', ip: '127.0.0.41' });
  av = await securityAsset(t.ctx, { number: 'VIR-S-1', name: '防病毒服务器', classCode: 'A02010303' });
  ips = await securityAsset(t.ctx, { number: 'IPS-S-1', name: '入侵防御', classCode: 'A02010302' });
});
afterAll(() => t?.close());

describe('the signature board', () => {
  it('ages hand-entered versions against the default thresholds', async () => {
    const put = (id: string, body: object) => eng.put(`/api/secops/signatures/${id}`, body);
    expect((await put(fw, { engineVersion: 'E1', signatureVersion: 'S-20261205', updatedAt: daysAgo(1) })).statusCode).toBe(200);
    expect((await put(av, { virusVersion: 'V-20261126', updatedAt: daysAgo(10) })).statusCode).toBe(200);
    const b = await board(contact);
    expect(of(b, fw)).toMatchObject({ status: 'ok', ageDays: 1, signatureVersion: 'S-20261205', source: 'manual' });
    expect(of(b, av)).toMatchObject({ status: 'stale', ageDays: 10, virusVersion: 'V-20261126' });
    expect(of(b, ips)).toMatchObject({ status: 'unknown', ageDays: null });
    expect(b.counts).toMatchObject({ ok: 1, stale: 1, unknown: 1, critical: 0 });
    expect(b.items[0]!.assetId).toBe(av); // worst first
  });

  it('takes thresholds as data, per class', async () => {
    const r = await pm.put('/api/secops/thresholds', {
      items: [
        { scope: 'default', staleDays: 7, criticalDays: 30 },
        { scope: 'A02010303', staleDays: 3, criticalDays: 9 },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(of(await board(eng), av)).toMatchObject({ status: 'critical', staleDays: 3, criticalDays: 9 });
    expect((await eng.put('/api/secops/thresholds', { items: [{ scope: 'default', staleDays: 7, criticalDays: 30 }] })).statusCode).toBe(
      403,
    );
    expect((await pm.put('/api/secops/thresholds', { items: [{ scope: 'A02010303', staleDays: 3, criticalDays: 9 }] })).statusCode).toBe(
      400,
    );
    expect((await pm.put('/api/secops/thresholds', { items: [{ scope: 'default', staleDays: 9, criticalDays: 3 }] })).statusCode).toBe(400);
  });

  it('shows the stale ones on the home to-do and in signatureAges', async () => {
    const home = json<{ sections: { id: string; count: number; items: { title: string }[] }[] }>(await eng.get('/api/home'));
    const s = home.sections.find((x) => x.id === 'secops.stale_signatures')!;
    expect(s.count).toBe(1);
    expect(s.items[0]!.title).toContain('防病毒服务器');
    const ages = await signatureAges(t.ctx);
    expect(ages.find((a) => a.assetId === av)).toMatchObject({ ageDays: 10, status: 'critical' });
  });

  it('imports update lines of a product, newest last', async () => {
    const text = [
      '<190>Dec  5 2026 03:00:12 USG6650-FW %%01UPDATE/6/DOWNLOAD_OK(l):Succeeded in downloading the new version. (SyslogId=1, User=SystemTimer, IP=**, Module=IPS-SDB, Pre-UpdateVersion=S-20261204, DownloadVersion=S-20261206, Status=auto-update, Duration(s)=12)',
      '<190>Dec  6 2026 03:00:00 USG6650-FW %%01SHELL/5/LOGIN(l):用户 admin 登录成功。',
    ].join('\n');
    const r = await eng.post(`/api/secops/signatures/${ips}/import`, { text });
    expect(r.statusCode, r.body).toBe(200);
    expect(json<{ lines: number; updates: number; signature: TSignature }>(r)).toMatchObject({
      lines: 2,
      updates: 1,
      signature: { signatureVersion: 'S-20261206', source: 'import', ageDays: 1 },
    });
    expect((await eng.post(`/api/secops/signatures/${ips}/import`, { text: 'nothing here' })).statusCode).toBe(400);
  });

  it('reads update lines from the stored syslog of a product by its address', async () => {
    const line = Buffer.from(
      `<190>Dec  6 2026 15:30:00 USG6650-FW %%01UPDATE/6/SUCCESS(l):The signature database update succeeded. (SyslogId=9, User=**, IP=**, Module=AV-SDB, Status=auto-update, Duration(s)=30, OldVersion=1.0, NewVersion=AV-20261206)`,
    );
    await storeLines(t.ctx, '127.0.0.41', [line], new Date(clock.now().getTime() - 60_000));
    await storeLines(t.ctx, '127.0.0.99', [line], new Date(clock.now().getTime() - 60_000)); // no product there
    expect(await readSignatureLogs(t.ctx)).toBe(1);
    expect(await readSignatureLogs(t.ctx)).toBe(0); // read once
    expect(of(await board(eng), fw)).toMatchObject({
      virusVersion: 'AV-20261206',
      signatureVersion: 'S-20261205',
      source: 'log',
      ageDays: 0,
    });
    const h = json<{ items: { kind: string; detail: string }[] }>(await eng.get(`/api/secops/devices/${fw}/history`));
    expect(h.items.filter((i) => i.kind === 'signature').map((i) => i.detail)).toEqual([
      '引擎 E1，特征库 S-20261205',
      '病毒库 AV-20261206',
    ]);
  });

  it("shows the board at a past date with the versions current then, not today's", async () => {
    const at = async (day: string) => json<TSignatureBoard>(await contact.get(`/api/secops/signatures?at=${day}`));
    // The firewall at the end of 5 December (China time): that day's hand-entered update; the virus
    // library came the next day. The IPS's import of the 5th is still what it has today.
    const dec5 = await at('2026-12-05');
    expect(of(dec5, fw)).toMatchObject({
      engineVersion: 'E1',
      signatureVersion: 'S-20261205',
      virusVersion: '',
      source: 'manual',
      ageDays: 0,
    });
    expect(of(dec5, ips)).toMatchObject({ signatureVersion: 'S-20261206', source: 'import', status: 'ok' });
    // The day before, nothing was recorded yet: no versions, unknown.
    const dec4 = await at('2026-12-04');
    for (const id of [fw, ips])
      expect(of(dec4, id)).toMatchObject({ engineVersion: '', signatureVersion: '', virusVersion: '', source: null, status: 'unknown' });
    // Today's board has the later versions.
    expect(of(await board(contact), fw)).toMatchObject({ virusVersion: 'AV-20261206', signatureVersion: 'S-20261205' });
  });

  it('refuses writes by agency roles and bad input', async () => {
    expect((await contact.put(`/api/secops/signatures/${fw}`, { signatureVersion: 'X', updatedAt: daysAgo(0) })).statusCode).toBe(403);
    expect((await eng.put(`/api/secops/signatures/${fw}`, { updatedAt: daysAgo(0) })).statusCode).toBe(400);
    const future = await eng.put(`/api/secops/signatures/${fw}`, { signatureVersion: 'X', updatedAt: daysAgo(-2) });
    expect(future.statusCode).toBe(400);
    expect(future.headers['content-type']).toContain('application/problem+json');
    expect(
      (await eng.put('/api/secops/signatures/00000000-0000-4000-8000-000000000000', { signatureVersion: 'X', updatedAt: daysAgo(0) }))
        .statusCode,
    ).toBe(404);
  });
});
