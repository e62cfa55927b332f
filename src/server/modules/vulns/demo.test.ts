// The demo (issue 13 point 10): with demo data on, the security engineer finds an imported scan with
// findings on demo assets, some overdue, one awaiting the agency, and the plans lists filled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFinding, TSummary } from '../../../common/vulns.ts';
import { TEST_PASSWORD, json, testApp, type TestApp } from '../../test/harness.ts';
import { assets } from '../assets/module.ts';
import { contract } from '../contract/module.ts';
import { duty } from '../duty/module.ts';
import { desk } from '../desk/module.ts';
import { org } from '../org/module.ts';
import { vulns } from './module.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ demo: true, modules: [org, contract, duty, desk, assets, vulns] });
});
afterAll(async () => {
  await t?.close();
});

describe('the vulnerability demo', () => {
  it('shows eng.sec a Nessus scan matched to demo assets, with overdue and pending findings', async () => {
    const a = t.agent();
    expect((await a.login('eng.sec', TEST_PASSWORD)).statusCode).toBe(200);
    const scans = json<{ items: { scanner: string; hosts: number; new: number; unmatchedCount: number }[] }>(
      await a.get('/api/vulns/scans'),
    );
    expect(scans.items).toHaveLength(1);
    expect(scans.items[0]).toMatchObject({ scanner: 'nessus', hosts: 7, new: 11, unmatchedCount: 1 });
    const f = json<{ items: TFinding[]; total: number }>(await a.get('/api/vulns/findings?address=10.9.1.20'));
    expect(f.total).toBe(2);
    expect(f.items.find((x) => x.cve === 'CVE-2021-44228')).toMatchObject({
      assetName: '日志审计系统',
      severity: 'critical',
      overdue: true,
    });
    const sum = json<TSummary>(await a.get('/api/vulns/summary'));
    expect(sum.overdue).toBeGreaterThanOrEqual(2);
    expect(sum.byDue.overdue).toBe(sum.overdue);
    expect(Object.values(sum.byDue).reduce((x, y) => x + y, 0)).toBe(Object.values(sum.open).reduce((x, y) => x + y, 0));
    expect(sum.pending).toBe(1);
    // The board by asset: the firewall carries two open findings, one of them critical.
    expect(sum.byAsset.find((r) => r.address === '10.9.0.1')).toMatchObject({
      assetName: '互联网出口防火墙',
      total: 2,
      critical: 1,
      low: 1,
    });
    expect(sum.byAsset.find((r) => r.address === '10.9.3.77')).toMatchObject({ assetId: null, total: 1 });
    // Due on or before today: exactly the overdue ones plus those due today.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const due = json<{ items: TFinding[] }>(await a.get(`/api/vulns/findings?dueBefore=${today}&pageSize=100`));
    expect(due.items.length).toBeGreaterThanOrEqual(sum.overdue);
    expect(due.items.every((x) => x.dueDate !== null && x.dueDate <= today)).toBe(true);
    expect(json<{ total: number }>(await a.get('/api/vulns/findings?state=fixing')).total).toBe(1);
    for (const p of ['/api/vulns/scan-plans', '/api/vulns/pentests', '/api/vulns/hardening'])
      expect(json<{ total: number }>(await a.get(p)).total).toBe(1);
  });
});
