// Vulnerability evidence for the reports (R-SEC-04/05): findings first seen, fixed and verified in the
// period by severity, and those still open whose due date passed before its end.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registryOf } from '../../site.ts';
import { testApp, type TestApp } from '../../test/harness.ts';
import { vulnFindings } from './tables.ts';

let t: TestApp;
const at = (s: string) => new Date(`${s}T10:00:00+08:00`);
let n = 0;
const finding = (
  severity: string,
  state: string,
  firstSeen: string,
  o: { fixedAt?: string; verifiedAt?: string; dueDate?: string } = {},
) => ({
  key: `k${++n}`,
  address: '10.0.0.1',
  protocol: 'tcp',
  pluginId: String(n),
  title: `漏洞 ${n}`,
  severity,
  state,
  scanner: 'nessus',
  description: '',
  solution: '',
  firstSeen: at(firstSeen),
  lastSeen: at(firstSeen),
  dueDate: o.dueDate ?? null,
  fixedAt: o.fixedAt ? at(o.fixedAt) : null,
  verifiedAt: o.verifiedAt ? at(o.verifiedAt) : null,
});

beforeAll(async () => {
  t = await testApp();
  await t.ctx.db
    .insert(vulnFindings)
    .values([
      finding('high', 'open', '2026-11-02', { dueDate: '2026-11-16' }),
      finding('high', 'verified', '2026-11-03', { fixedAt: '2026-11-05', verifiedAt: '2026-11-06' }),
      finding('critical', 'fixed', '2026-10-20', { fixedAt: '2026-11-04', dueDate: '2026-10-25' }),
      finding('medium', 'open', '2026-12-02', { dueDate: '2026-12-10' }),
      finding('low', 'open', '2026-11-20', { dueDate: '2026-12-20' }),
    ]);
});
afterAll(async () => t?.close());

it('counts November’s findings by severity: opened, fixed, verified, overdue at the end', async () => {
  const e = registryOf().evidence.get('vulns.finding_counts')!;
  const r = (await e.read(t.ctx, e.params.parse({ from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }))) as {
    rows: { severity: string; opened: number; fixed: number; verified: number; overdue: number }[];
  };
  expect(r.rows).toEqual([
    { severity: 'critical', opened: 0, fixed: 1, verified: 0, overdue: 0 },
    { severity: 'high', opened: 2, fixed: 1, verified: 1, overdue: 1 },
    { severity: 'low', opened: 1, fixed: 0, verified: 0, overdue: 0 },
  ]);
});
