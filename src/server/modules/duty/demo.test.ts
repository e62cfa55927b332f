// The duty demo's emergencies (R-DUT-03): each is a desk ticket taken through its milestones at the
// story's times, so the emergency-response measure shows times measured from the tickets (none typed),
// the dispatch median per month, one emergency within the targets and one late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEmergency, TMonthMeasure } from '../../../common/duty-drills.ts';
import { TEST_PASSWORD, json, testApp, type TestApp } from '../../test/harness.ts';
import { contract } from '../contract/module.ts';
import { desk } from '../desk/module.ts';
import { org } from '../org/module.ts';
import { duty } from './module.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ demo: true, modules: [org, contract, desk, duty] });
}, 600_000);
afterAll(async () => {
  await t?.close();
});

describe('the emergency demo', () => {
  it('measures both emergencies from their desk tickets', async () => {
    const a = t.agent();
    expect((await a.login('pm', TEST_PASSWORD)).statusCode).toBe(200);
    const r = await a.get('/api/duty/emergencies?pageSize=20');
    expect(r.statusCode, r.body).toBe(200);
    const list = json<{ items: TEmergency[]; months: TMonthMeasure[] }>(r);
    const by = (line: string) => list.items.find((e) => e.line === line)!;
    expect(list.items.map((e) => e.source)).toEqual(['ticket', 'ticket']);
    // NET: called back in 6 minutes, dispatched in 12, on site, resolved in 80.
    expect(by('NET')).toMatchObject({ responseMin: 6, dispatchMin: 12, recoveryMin: 80, responseMet: true, recoveryMet: true });
    expect(by('NET').ticketNumber).toMatch(/^YW-\d{4}-\d+$/);
    expect(by('NET').onsiteAt).not.toBeNull();
    // SEC: called back after 2½ hours (late), recovered within a day.
    expect(by('SEC')).toMatchObject({ responseMin: 150, dispatchMin: 162, responseMet: false, recoveryMet: false });
    expect(list.months.reduce((n, m) => n + m.manual, 0)).toBe(0);
    // Per month of the alert: 40 and 14 days ago fall in one month or two.
    const medians = list.months.map((m) => m.dispatchMedianMin);
    expect(medians).toEqual(list.months.length === 1 ? [87] : [12, 162]);
    // The tickets themselves: opened from the alert, resolved, reported on and confirmed by the agency.
    const tk = json<{ status: string; channel: string }>(await a.get(`/api/tickets/${by('NET').ticketId}`));
    expect(tk).toMatchObject({ status: 'closed', channel: 'monitoring' });
  });
});
