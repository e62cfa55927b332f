// The demo register (issue 4 point 10): loaded with the contract's sites and rooms, readable by the
// finance user, with expiring warranties, a device past end of support and tickets in the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAsset, TAssetHistoryEntry } from '../../../../common/assets.ts';
import { TEST_PASSWORD, json, testApp, type Agent, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let fin: Agent;
beforeAll(async () => {
  t = await testApp({ demo: true });
  fin = t.agent();
  expect((await fin.login('agency.finance', TEST_PASSWORD)).statusCode).toBe(200);
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('demo assets', () => {
  it('are placed in the contract rooms, with finance records, expiring warranties and one past end of support', async () => {
    const all = json<{ items: TAsset[]; total: number }>(await fin.get('/api/assets?pageSize=200'));
    expect(all.total).toBeGreaterThan(30);
    const rooms = new Set(all.items.map((a) => a.roomName));
    for (const r of ['中心机房西区', '监控中心', '第三会议室']) expect(rooms).toContain(r);
    expect(all.items.filter((a) => a.specs.conferenceSystem && a.classCode === 'A02019201')).toHaveLength(5);
    expect(all.items.filter((a) => a.eos.state === 'expired').length).toBeGreaterThanOrEqual(1);
    expect(json<{ total: number }>(await fin.get('/api/assets?warranty=expiring')).total).toBeGreaterThanOrEqual(3);
    const core = all.items.find((a) => a.name === '核心交换机 1')!;
    expect(core.number).toBe('NET-WEST-00001');
    expect(core.assetCardNumber).toBe('GZ-2021-0031');
    expect(core.custodianName).toBe('王建国');
    const h = json<TAssetHistoryEntry[]>(await fin.get(`/api/assets/${core.id}/history`));
    expect(h.some((e) => e.kind === 'ticket' && e.ticketNumber)).toBe(true);
  });
});
