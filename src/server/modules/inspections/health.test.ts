// Health checks of routers and switches (issue 14, R-INS-02): the quarterly sheet's command item is
// filled over SSH through configbackup's device profile, against an SSH device double on 127.0.0.1;
// a device that does not answer is a clear 422 and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEntry, TSheet } from '../../../common/inspections.ts';
import { Clock, json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import { setBackupLimits } from '../configbackup/run.ts';
import { DOUBLE_PASSWORD, newHostKey, startDouble, type Double } from '../configbackup/test/double.ts';
import { register } from '../configbackup/test/helpers.ts';
import { freePort } from '../configbackup/test/sshd.ts';
import { generate, item, netAsset, open, sheetsOn, template } from './test/helpers.ts';

let t: TestApp;
let eng: Agent;
let double: Double;

beforeAll(async () => {
  t = await testApp({ clock: new Clock(new Date('2025-10-09T09:00:00+08:00')) });
  setBackupLimits({ connectMs: 3000, idleMs: 3000, totalMs: 15_000 });
  eng = await t.userAgent('eng.health', ['engineer'], { serviceLines: ['NET'] });
  const pm = await t.userAgent('pm.health', ['contractor_pm']);
  double = await startDouble({ hostKey: newHostKey(), behaviour: 'vrp' });
  await netAsset(eng, '核心交换机 SSH');
  await netAsset(eng, '汇聚交换机 无应答');
  await register(eng, { name: '核心交换机 SSH', port: double.port, password: DOUBLE_PASSWORD });
  await register(eng, { name: '汇聚交换机 无应答', port: await freePort(), password: DOUBLE_PASSWORD });
  await template(pm, { schedule: 'quarterly', items: [item('version', '软件版本与硬件健康', { kind: 'text', evidence: 'command' })] });
  // 2025-10-09 is the first working day of the fourth quarter.
  expect(await generate(pm, '2025-10-09')).toBe(1);
}, 60_000);
afterAll(async () => {
  setBackupLimits({});
  await double?.close();
  await t?.close();
});

describe('health check over SSH', () => {
  it('attaches the vendor commands’ output to the item; a silent device is 422 and leaves the item as it was', async () => {
    const s: TSheet = await open(eng, (await sheetsOn(eng, '2025-10-09'))[0]!.id);
    const of = (name: string) => s.items.find((i) => i.assetName === name)!;
    const ok = await eng.post(`/api/inspections/sheets/${s.id}/items/${of('核心交换机 SSH').id}/health`);
    expect(ok.statusCode, ok.body).toBe(200);
    const out = json<TEntry>(ok).output;
    for (const c of ['display version', 'display device', 'display cpu-usage', 'display memory-usage']) expect(out).toContain(`### ${c}`);
    const bad = await eng.post(`/api/inspections/sheets/${s.id}/items/${of('汇聚交换机 无应答').id}/health`);
    expect(bad.statusCode).toBe(422);
    expect(json<{ code: string; detail: string }>(bad)).toMatchObject({ code: 'inspection.health_failed' });
    expect(json<{ detail: string }>(bad).detail).toContain('汇聚交换机 无应答');
    const after = await open(eng, s.id);
    expect(after.items.find((i) => i.assetName === '汇聚交换机 无应答')!.output).toBe('');
    expect(after.items.find((i) => i.assetName === '核心交换机 SSH')!.output).toBe(out);
  });
});
