// The monthly network analysis (R-MON-08) on both databases: availability weighted by samples, the
// busiest interfaces, and advice that follows from the figures (and only from them).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/harness.ts';
import { appendRows } from '../../kernel/timeseries/index.ts';
import { registryOf } from '../../site.ts';
import { rollUpHours } from './rollups.ts';
import { icmpRollups, ifRollups } from './series.ts';
import { monAlerts, monDevices, monInterfaces } from './tables.ts';

let t: TestApp;
const core = randomUUID();
const edge = randomUUID();
const START = new Date('2026-11-01T00:00:00+08:00');
const at = (min: number) => new Date(START.getTime() + min * 60_000);

beforeAll(async () => {
  t = await testApp();
  const base = { icmp: true, intervalSec: 60, createdAt: START, serviceLine: 'NET' };
  await t.ctx.db.insert(monDevices).values([
    { id: core, name: '核心交换机 1', address: '127.0.0.1', ...base },
    { id: edge, name: '出口路由器', address: '127.0.0.2', ...base },
  ]);
  await t.ctx.db.insert(monInterfaces).values({
    deviceId: core,
    ifIndex: 3,
    name: 'XGigabitEthernet0/0/1',
    operStatus: 1,
    adminStatus: 1,
    sampledAt: START,
  });
  // Core: all answered; edge: one 5-minute bucket of four with half lost (availability 87.5 %).
  await appendRows(t.ctx, icmpRollups, [
    ...[0, 5, 10, 15].map((m) => ({ at: at(m), deviceId: core, latencyAvg: 0.5, latencyMax: 1, lossAvg: 0, samples: 5 })),
    ...[0, 5, 10].map((m) => ({ at: at(m), deviceId: edge, latencyAvg: 30, latencyMax: 40, lossAvg: 0, samples: 5 })),
    { at: at(15), deviceId: edge, latencyAvg: 30, latencyMax: 45, lossAvg: 50, samples: 5 },
  ]);
  await appendRows(t.ctx, ifRollups, [
    { at: at(0), deviceId: core, ifIndex: 3, inBpsAvg: 8e8, inBpsMax: 9e8, outBpsAvg: 1e8, outBpsMax: 2e8, utilMax: 91, samples: 5 },
    { at: at(5), deviceId: core, ifIndex: 3, inBpsAvg: 2e8, inBpsMax: 3e8, outBpsAvg: 1e8, outBpsMax: 2e8, utilMax: 30, samples: 5 },
  ]);
  // The hours those buckets fall in, rolled up as the five-minute job does (the analysis reads them).
  await rollUpHours(t.ctx, START, at(60));
  await t.ctx.db
    .insert(monAlerts)
    .values({ deviceId: edge, rule: 'unreachable', object: '', state: 'closed', since: at(15), message: '不可达' });
});
afterAll(async () => t?.close());

describe('network analysis of a month (R-MON-08)', () => {
  it('reports availability, latency, the busiest interface and the advice they call for', async () => {
    const e = registryOf().evidence.get('monitoring.network_analysis')!;
    const r = (await e.read(t.ctx, { from: START.toISOString(), to: at(24 * 60).toISOString() })) as {
      devices: { name: string; availability: number; latencyAvgMs: number; alerts: number }[];
      interfaces: { name: string; utilPeakPct: number }[];
      lowestAvailability: number;
      advice: string[];
    };
    expect(r.devices.map((d) => [d.name, d.availability, d.alerts])).toEqual([
      ['出口路由器', 87.5, 1],
      ['核心交换机 1', 100, 0],
    ]);
    expect(r.lowestAvailability).toBe(87.5);
    expect(r.interfaces[0]).toMatchObject({ name: 'XGigabitEthernet0/0/1', utilPeakPct: 91 });
    expect(r.advice).toEqual([
      expect.stringContaining('出口路由器 可用率 87.5%'),
      expect.stringContaining('核心交换机 1 XGigabitEthernet0/0/1 峰值利用率 91%'),
      expect.stringContaining('出口路由器 平均时延 30 ms'),
    ]);
  });

  it('says the month was calm when nothing crossed a threshold', async () => {
    const e = registryOf().evidence.get('monitoring.network_analysis')!;
    const later = new Date('2026-12-01T00:00:00+08:00');
    const r = (await e.read(t.ctx, { from: later.toISOString(), to: new Date(later.getTime() + 86_400_000).toISOString() })) as {
      advice: string[];
    };
    expect(r.advice).toEqual([expect.stringContaining('运行平稳')]);
  });
});
