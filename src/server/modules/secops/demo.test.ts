// The demo (issue 13 point 10): eng.sec finds the demo's correlation alert with two responses (a port
// block verified, a policy change awaiting approval through its change), and the signature board with
// the anti-virus server stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAlertResponses, TSignatureBoard } from '../../../common/secops.ts';
import { TEST_PASSWORD, json, testApp, type TestApp } from '../../test/harness.ts';
import { assets } from '../assets/module.ts';
import { changes } from '../changes/module.ts';
import { configbackup } from '../configbackup/module.ts';
import { contract } from '../contract/module.ts';
import { duty } from '../duty/module.ts';
import { desk } from '../desk/module.ts';
import { events } from '../events/module.ts';
import { org } from '../org/module.ts';
import { DEMO_ATTACKER } from './demo.ts';
import { secops } from './module.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ demo: true, modules: [org, contract, duty, desk, assets, configbackup, changes, events, secops] });
}, 300_000); // eight modules' demo data on a shared, busy machine
afterAll(async () => {
  await t?.close();
});

describe('the secops demo', () => {
  it('has responses on the correlation alert and one stale signature', async () => {
    const a = t.agent();
    expect((await a.login('eng.sec', TEST_PASSWORD)).statusCode).toBe(200);
    const alerts = json<{ items: { id: string; key: string; ticketNumber: string | null }[] }>(await a.get('/api/events/alerts'));
    const alert = alerts.items.find((x) => x.key === DEMO_ATTACKER)!;
    expect(alert.ticketNumber).toBeTruthy();
    const r = json<TAlertResponses>(await a.get(`/api/secops/alerts/${alert.id}`));
    expect(r.items.map((i) => [i.kind, i.verifyResult, i.approved, i.changeState])).toEqual([
      ['port_block', 'effective', false, 'submitted'],
      ['firewall_policy', null, false, 'submitted'],
    ]);
    const b = json<TSignatureBoard>(await a.get('/api/secops/signatures'));
    expect(b.items.filter((i) => i.status === 'stale').map((i) => i.assetName)).toEqual(['防病毒服务器']);
    expect(b.counts.ok).toBeGreaterThanOrEqual(3);
  });
});
