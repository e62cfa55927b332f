// Configuration backup evidence for the reports (R-CHG-03): runs that succeeded and failed in the
// period, and the configuration changes detected, of which no approved change explains some; the list
// of changes those numbers open (issue 15).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryOf } from '../../site.ts';
import type { TChangeRow } from '../../../common/configbackup.ts';
import { json, testApp, type TestApp } from '../../test/harness.ts';
import { cfgDevices, cfgRuns, cfgTexts, cfgVersions } from './tables.ts';

let t: TestApp;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  t = await testApp();
  const [d] = await t.ctx.db
    .insert(cfgDevices)
    .values({
      name: '核心交换机',
      address: '127.0.0.1',
      port: 22,
      protocol: 'ssh',
      vendor: 'huawei',
      serviceLine: 'NET',
      username: 'admin',
      secretBox: '',
      hasPassword: false,
      hasPrivateKey: false,
      hasEnablePassword: false,
      createdAt: at('2026-10-01T00:00:00'),
    })
    .returning();
  const run = (startedAt: string, state: string) => ({ deviceId: d!.id, startedAt: at(startedAt), state });
  await t.ctx.db
    .insert(cfgRuns)
    .values([
      run('2026-11-02T02:00:00', 'ok'),
      run('2026-11-03T02:00:00', 'failed'),
      run('2026-11-04T02:00:00', 'ok'),
      run('2026-10-31T02:00:00', 'ok'),
    ]);
  const texts = ['a', 'b', 'c'].map((body) => ({ body, sha256: createHash('sha256').update(body).digest('hex') }));
  await t.ctx.db.insert(cfgTexts).values(texts);
  const version = (seq: number, takenAt: string, coveredBy: string | null) => ({
    deviceId: d!.id,
    seq,
    takenAt: at(takenAt),
    sha256: texts[seq - 1]!.sha256,
    lines: 1,
    coveredBy,
  });
  await t.ctx.db
    .insert(cfgVersions)
    .values([
      version(1, '2026-10-31T02:00:00', null),
      version(2, '2026-11-02T02:00:00', 'CHG-00001'),
      version(3, '2026-11-04T02:00:00', null),
    ]);
});
afterAll(async () => t?.close());

it('counts November’s backups and the configuration changes they found', async () => {
  const e = registryOf().evidence.get('configbackup.backup_counts')!;
  const r = await e.read(t.ctx, e.params.parse({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }));
  expect(r).toMatchObject({ ok: 2, failed: 1, devices: 1, detected: 2, unexplained: 1 });
});

it('lists the changes those numbers count, newest first, and refuses a reversed period', async () => {
  const eng = await t.userAgent('eng.cfg', ['engineer'], { serviceLines: ['NET'] });
  const list = async (q: string) => json<{ items: TChangeRow[]; total: number }>(await eng.get(`/api/config-backup/changes?${q}`));
  const month = await list('from=2026-11-01&to=2026-11-30');
  expect(month.total).toBe(2);
  expect(month.items.map((v) => [v.seq, v.coveredBy, v.deviceName])).toEqual([
    [3, null, '核心交换机'],
    [2, 'CHG-00001', '核心交换机'],
  ]);
  const unexplained = await list('from=2026-11-01&to=2026-11-30&unexplained=true');
  expect(unexplained.items.map((v) => v.seq)).toEqual([3]);
  expect(unexplained.total).toBe(1);
  // The device's first version (31 October) is never a change, whatever the days.
  expect((await list('from=2026-10-01&to=2026-10-31')).total).toBe(0);
  const reversed = await eng.get('/api/config-backup/changes?from=2026-11-30&to=2026-11-01');
  expect(reversed.statusCode).toBe(400);
  expect(reversed.body).toContain('晚于结束日期');
  expect((await eng.get('/api/config-backup/changes?unexplained=yes')).statusCode).toBe(400);
});
