// Counters from snmpsim (issue 12): a Counter64 above 2^53 gives an exact rate; a 32-bit counter that
// wraps gives the rate across 2^32; a 64-bit counter that goes back without a restart is a discarded
// sample ("计数器回退"); sysUpTime going back is a restart (no rate that round). Rates and samples
// through the kernel's time series, and the 5-minute rollups and the chart read from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TMetrics } from '../../../common/monitoring.ts';
import { setSnmpLimits, snmpCollector } from './collectors.ts';
import { rollUp, rollUpHours } from './rollups.ts';
import { startSnmpsim, type Simulator } from './test/agents.ts';
import { BASE, device, register, round } from './test/helpers.ts';

const COMMUNITY = 'sim-counters';
let t: TestApp;
let sim: Simulator;
let eng: Agent;

/** An agent with two interfaces: 1 with 64-bit counters (10 Gbit/s), 2 with only 32-bit ones. */
function agent(upTime: number, in64: bigint, out64: bigint, in32: number, out32: number): string[] {
  return [
    `1.3.6.1.2.1.1.3.0|67|${upTime}`,
    '1.3.6.1.2.1.2.2.1.2.1|4|GE0/0/1',
    '1.3.6.1.2.1.2.2.1.2.2|4|Serial0/1',
    '1.3.6.1.2.1.2.2.1.5.1|66|4294967295',
    '1.3.6.1.2.1.2.2.1.5.2|66|2048000',
    '1.3.6.1.2.1.2.2.1.7.1|2|1',
    '1.3.6.1.2.1.2.2.1.7.2|2|1',
    '1.3.6.1.2.1.2.2.1.8.1|2|1',
    '1.3.6.1.2.1.2.2.1.8.2|2|1',
    `1.3.6.1.2.1.2.2.1.10.2|65|${in32}`,
    `1.3.6.1.2.1.2.2.1.16.2|65|${out32}`,
    '1.3.6.1.2.1.31.1.1.1.1.1|4|GigabitEthernet0/0/1',
    `1.3.6.1.2.1.31.1.1.1.6.1|70|${in64}`,
    `1.3.6.1.2.1.31.1.1.1.10.1|70|${out64}`,
    '1.3.6.1.2.1.31.1.1.1.15.1|66|10000',
  ];
}

const BIG = 2n ** 60n + 123_456_789n; // far above 2^53: a double would lose the last digits

beforeAll(async () => {
  sim = await startSnmpsim(COMMUNITY, agent(100_000, BIG, BIG * 2n, 4_294_967_000, 1_000));
  t = await testApp();
  setSnmpLimits({ timeoutMs: 1500, retries: 1 });
  eng = await t.userAgent('eng.ctr', ['engineer'], { serviceLines: ['NET'] });
});
afterAll(async () => {
  setSnmpLimits({});
  await t?.close();
  await sim?.stop();
});

async function next(lines: string[]): Promise<void> {
  sim.data(lines);
  t.clock.advance(60_000);
  await round(t.ctx, snmpCollector);
}

describe('counters from snmpsim', () => {
  it('keeps 64-bit counters exact, wraps 32-bit ones, and discards a sample on a restart or a counter that goes back', async () => {
    const dev = await register(eng, { name: 'sim-router', snmp: { version: '2c', community: COMMUNITY, port: sim.port } });
    let d = await device(eng, dev.id);
    expect(d.snmpState).toBe('ok');
    const [ge, serial] = d.interfaces;
    expect(ge).toMatchObject({
      name: 'GigabitEthernet0/0/1',
      inOctets: BIG.toString(),
      outOctets: (BIG * 2n).toString(),
      speedBps: '10000000000',
      counterBits: 64,
    });
    expect(serial).toMatchObject({ name: 'Serial0/1', inOctets: '4294967000', speedBps: '2048000', counterBits: 32 });

    // 60 s later: +7,500,000,003 octets in = 1,000,000,000.4 bit/s (floored), exactly, beyond 2^53.
    await next(agent(106_000, BIG + 7_500_000_003n, BIG * 2n + 750_000_000n, 1_000, 16_000));
    d = await device(eng, dev.id);
    expect(d.interfaces[0]).toMatchObject({ inBps: '1000000000', outBps: '100000000', utilisation: 10, counterNote: null });
    // The 32-bit counter wrapped: 4294967000 → 1000 is 1296 octets, not a negative rate.
    expect(d.interfaces[1]).toMatchObject({ inBps: String(Math.floor((1296 * 8) / 60)), outBps: '2000', counterNote: 'wrapped' });

    // The 64-bit counter goes back while sysUpTime goes on: the sample is discarded, and said so.
    await next(agent(112_000, 5_000n, BIG * 2n + 750_000_000n, 2_000, 17_000));
    d = await device(eng, dev.id);
    expect(d.snmpState).toBe('counter_backwards');
    expect(d.snmpError).toContain('计数器回退');
    expect(d.interfaces[0]).toMatchObject({ inOctets: '5000', inBps: null, counterNote: 'counter_backwards' });

    // …and the next round rates from the new baseline.
    await next(agent(118_000, 5_000n + 750n, BIG * 2n + 750_000_000n, 2_000, 17_000));
    d = await device(eng, dev.id);
    expect(d.snmpState).toBe('ok');
    expect(d.interfaces[0]).toMatchObject({ inBps: '100', counterNote: null });

    // The agent restarts: sysUpTime and the counters start again; no rate this round.
    await next(agent(500, 10n, 20n, 5, 5));
    d = await device(eng, dev.id);
    expect(d.snmpState).toBe('restarted');
    expect(d.interfaces.map((i) => [i.inBps, i.counterNote])).toEqual([
      [null, 'restarted'],
      [null, 'restarted'],
    ]);
    await next(agent(6_500, 10n + 75n, 20n, 5 + 75, 5));
    d = await device(eng, dev.id);
    expect(d.interfaces.map((i) => i.inBps)).toEqual(['10', '10']);

    // Samples in the time series: the discarded one is missing; exact numeric counters.
    const rows = await queryRows<{ in_octets: string; in_bps: string | null }>(
      t.db.database.db,
      sql`SELECT in_octets::text, in_bps::text FROM mon_if_samples WHERE device_id = ${dev.id} AND if_index = 1 ORDER BY at`,
    );
    expect(rows.map((r) => r.in_octets)).toEqual([BIG, BIG + 7_500_000_003n, 5_750n, 10n, 85n].map(String));
    expect(rows[1]!.in_bps).toBe('1000000000');

    // Rollups of the whole stretch, and the chart over raw samples and over rollups.
    const start = new Date(t.clock.now().getTime() - 3_600_000);
    await rollUp(t.ctx, start, new Date(t.clock.now().getTime() + 300_000));
    await rollUp(t.ctx, start, new Date(t.clock.now().getTime() + 300_000)); // twice: same rows
    const hour = (d: number) => new Date(Math.floor(d / 3_600_000) * 3_600_000);
    await rollUpHours(t.ctx, hour(start.getTime()), hour(t.clock.now().getTime() + 3_600_000 + 300_000));
    // n: the hours the buckets fall in (a 30-day chart draws a point per hour, from the hourly rollups).
    const [agg] = await queryRows<{ n: number; samples: number; max: number }>(
      t.db.database.db,
      sql`SELECT count(DISTINCT floor(extract(epoch FROM at) / 3600))::int AS n, sum(samples)::int AS samples, max(in_bps_max) AS max
        FROM mon_if_5m WHERE device_id = ${dev.id} AND if_index = 1`,
    );
    expect(agg).toMatchObject({ samples: 5, max: 1e9 });
    const range = (days: number) =>
      `from=${encodeURIComponent(new Date(t.clock.now().getTime() - days * 86_400_000).toISOString())}&to=${encodeURIComponent(new Date(t.clock.now().getTime() + 1000).toISOString())}`;
    const raw = json<TMetrics>(await eng.get(`${BASE}/${dev.id}/metrics?ifIndex=1&${range(1)}`));
    expect(raw.source).toBe('raw');
    expect(raw.points.map((p) => p.inBps)).toEqual([null, 1e9, 100, null, 10]);
    const long = json<TMetrics>(await eng.get(`${BASE}/${dev.id}/metrics?ifIndex=1&${range(30)}`));
    expect(long.source).toBe('rollup');
    expect(long.points.length).toBe(agg!.n);
    expect((await eng.get(`${BASE}/${dev.id}/metrics?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`)).statusCode).toBe(400);
  });
});
