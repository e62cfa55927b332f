// Inspection evidence for the reports (R-INS-01/02): the sheets due in the period, submitted on time,
// late, or not by the period's end, per line and schedule.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryOf } from '../../site.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { insSheets, insTemplates } from './tables.ts';

let t: TestApp;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  t = await testApp();
  const [tpl] = await t.ctx.db
    .insert(insTemplates)
    .values({
      name: '网络日巡检',
      serviceLine: 'NET',
      deviceKinds: [],
      schedule: 'daily',
      items: [],
      active: true,
      updatedAt: at('2026-10-01T00:00:00'),
    })
    .returning();
  const sheet = (day: string, submittedAt: string | null) => ({
    templateId: tpl!.id,
    templateName: '网络日巡检',
    serviceLine: 'NET',
    schedule: 'daily',
    periodStart: day,
    periodEnd: day,
    dueAt: at(`${day}T18:00:00`),
    state: submittedAt ? 'submitted' : 'open',
    assigneeName: '李四',
    submittedAt: submittedAt ? at(submittedAt) : null,
    prefill: {},
    createdAt: at(`${day}T00:00:00`),
  });
  await t.ctx.db
    .insert(insSheets)
    .values([
      sheet('2026-11-02', '2026-11-02T17:00:00'),
      sheet('2026-11-03', '2026-11-04T09:00:00'),
      sheet('2026-11-04', null),
      sheet('2026-11-30', '2026-12-01T09:00:00'),
      sheet('2026-10-30', null),
    ]);
});
afterAll(async () => t?.close());

it('counts November’s sheets done on time, late, and not submitted by its end', async () => {
  const e = registryOf().evidence.get('inspections.sheet_counts')!;
  const r = (await e.read(t.ctx, e.params.parse({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }))) as {
    rows: unknown[];
  };
  expect(r.rows).toEqual([{ serviceLine: 'NET', schedule: 'daily', due: 4, done: 1, late: 1, overdue: 2 }]);
});
