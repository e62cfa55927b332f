// Configuration backup evidence for the reports (R-CHG-03): runs that succeeded and failed in the
// period, and the configuration changes detected, of which no approved change explains some.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryOf } from '../../site.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
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
