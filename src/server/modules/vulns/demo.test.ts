// The demo (issue 13 point 10): with demo data on, the security engineer finds an imported scan with
// findings on demo assets, some overdue, one awaiting the agency, and the plans lists filled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFinding } from '../../../common/vulns.ts';
import { TEST_PASSWORD, json, testApp, type TestApp } from '../../test/harness.ts';
import { assets } from '../assets/module.ts';
import { contract } from '../contract/module.ts';
import { desk } from '../desk/module.ts';
import { org } from '../org/module.ts';
import { vulns } from './module.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ demo: true, modules: [org, contract, desk, assets, vulns] });
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
    const sum = json<{ overdue: number; pending: number; unmatched: number }>(await a.get('/api/vulns/summary'));
    expect(sum.overdue).toBeGreaterThanOrEqual(2);
    expect(sum.pending).toBe(1);
    expect(json<{ total: number }>(await a.get('/api/vulns/findings?state=fixing')).total).toBe(1);
    for (const p of ['/api/vulns/scan-plans', '/api/vulns/pentests', '/api/vulns/hardening'])
      expect(json<{ total: number }>(await a.get(p)).total).toBe(1);
  });
});
