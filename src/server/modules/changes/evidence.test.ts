// The changes' evidence for the reports (R-CHG-01/02): requests raised in the period by type and state,
// and those carried out within it; a request raised before the period is not counted as raised.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryOf } from '../../site.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { chgChanges } from './tables.ts';

let t: TestApp;
const at = (s: string) => new Date(`${s}+08:00`);
const change = (type: string, state: string, createdAt: string, finishedAt?: string) => ({
  type,
  title: `${type} ${state}`,
  category: 'network',
  risk: 'low',
  reason: '测试',
  basis: 'notice',
  plannedStart: at(createdAt),
  plannedEnd: at(createdAt),
  steps: '步骤',
  rollback: '回退',
  state,
  approvals: [],
  createdByName: '张三',
  createdAt: at(createdAt),
  updatedAt: at(createdAt),
  ...(finishedAt ? { finishedAt: at(finishedAt) } : {}),
});

beforeAll(async () => {
  t = await testApp();
  await t.ctx.db
    .insert(chgChanges)
    .values([
      change('normal', 'approved', '2026-11-03T10:00:00'),
      change('normal', 'approved', '2026-11-20T10:00:00'),
      change('emergency', 'confirmed', '2026-11-10T22:00:00', '2026-11-10T23:30:00'),
      change('normal', 'confirmed', '2026-10-28T10:00:00', '2026-11-02T09:00:00'),
      change('normal', 'draft', '2026-12-01T00:00:00'),
    ]);
});
afterAll(async () => t?.close());

it('counts the changes raised in November by type and state, and those finished in it', async () => {
  const e = registryOf().evidence.get('changes.change_counts')!;
  expect(e.requirements).toContain('R-CHG-01');
  const r = (await e.read(t.ctx, e.params.parse({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }))) as {
    rows: { type: string; state: string; changes: number }[];
    raised: number;
    finished: number;
  };
  expect(r.rows).toEqual([
    { type: 'emergency', state: 'confirmed', changes: 1 },
    { type: 'normal', state: 'approved', changes: 2 },
  ]);
  expect(r.raised).toBe(3);
  expect(r.finished).toBe(2);
});
