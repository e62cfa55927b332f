// Duty evidence for the reports (R-DUT-01): per line, the overrides that start in the period (asked
// for, approved) and the check-ins on post (of them, off the roster); no published roster, no shifts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryOf } from '../../site.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { dutyAttendance, dutyOverrides } from './tables.ts';

let t: TestApp;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  t = await testApp();
  const override = (start: string, state: string) => ({
    line: 'NET',
    layer: 'resident',
    toUserId: randomUUID(),
    toName: '赵六',
    start: at(start),
    end: new Date(at(start).getTime() + 9 * 3600_000),
    reason: '调休',
    state,
    requestedByName: '赵六',
    createdAt: at('2026-10-30T10:00:00'),
  });
  await t.ctx.db
    .insert(dutyOverrides)
    .values([
      override('2026-11-03T09:00:00', 'approved'),
      override('2026-11-10T09:00:00', 'requested'),
      override('2026-10-20T09:00:00', 'approved'),
    ]);
  const checkIn = (line: string, checkInAt: string, onRoster: boolean) => ({
    line,
    userId: randomUUID(),
    userName: '赵六',
    checkInAt: at(checkInAt),
    onRoster,
  });
  await t.ctx.db
    .insert(dutyAttendance)
    .values([
      checkIn('NET', '2026-11-03T08:55:00', true),
      checkIn('NET', '2026-11-04T08:55:00', false),
      checkIn('SEC', '2026-12-01T08:55:00', true),
    ]);
});
afterAll(async () => t?.close());

it('counts November’s overrides and check-ins per line', async () => {
  const e = registryOf().evidence.get('duty.duty_counts')!;
  const r = (await e.read(t.ctx, e.params.parse({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }))) as {
    rows: { line: string; shifts: number; overridesRequested: number; overridesApproved: number; checkIns: number; offRoster: number }[];
  };
  expect(r.rows.map((x) => x.line)).toEqual(['SM', 'NET', 'SEC', 'VC']);
  expect(r.rows.find((x) => x.line === 'NET')).toMatchObject({
    shifts: 0,
    overridesRequested: 2,
    overridesApproved: 1,
    checkIns: 2,
    offRoster: 1,
  });
  expect(r.rows.find((x) => x.line === 'SEC')).toMatchObject({ checkIns: 0 });
});
