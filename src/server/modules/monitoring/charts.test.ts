// The charts over rollups (issue 12 views; the "Speed" target of a 30-day chart): a month of one
// interface comes back as 720 hourly points read from the hourly rollups (each the average of twelve
// 5-minute buckets), or as many points as the chart is wide, averaged in SQL; a few days keep every
// 5-minute bucket as stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TMetrics } from '../../../common/monitoring.ts';
import { queryRows } from '../../kernel/db/client.ts';
import { createDevice } from './devices.ts';
import { rollUpHours } from './rollups.ts';
import { BASE } from './test/helpers.ts';

let t: TestApp;
let eng: Agent;
let id: string;
const DAY = 86_400_000;
/** The newest bucket's end, on the hour (the hourly rollups' own boundaries, whatever the time the test runs). */
let end: number;

beforeAll(async () => {
  t = await testApp();
  eng = await t.userAgent('eng.charts', ['engineer'], { serviceLines: ['NET'] });
  id = (
    await createDevice(
      t.ctx,
      { name: 'chart-sw', address: '127.0.0.1', icmp: false, intervalSec: 60, serviceLine: 'NET' },
      { firstPoll: false },
    )
  ).id;
  end = Math.floor(t.clock.now().getTime() / 3_600_000) * 3_600_000;
  // 31 days of buckets of interface 1: the k-th bucket from the start carries k bit/s in, 2k out;
  // the device's latency k ms.
  const start = new Date(end - 31 * DAY).toISOString();
  await t.ctx.db
    .execute(sql`INSERT INTO mon_if_5m (at, device_id, if_index, in_bps_avg, in_bps_max, out_bps_avg, out_bps_max, util_max, samples)
    SELECT ${start}::timestamptz + k * interval '5 minutes', ${id}, 1, k, k, 2 * k, 2 * k, 0, 5 FROM generate_series(0, 31 * 288 - 1) k`);
  await t.ctx.db.execute(sql`INSERT INTO mon_icmp_5m (at, device_id, latency_avg, latency_max, loss_avg, samples)
    SELECT ${start}::timestamptz + k * interval '5 minutes', ${id}, k, k, 0, 5 FROM generate_series(0, 31 * 288 - 1) k`);
  await rollUpHours(t.ctx, new Date(end - 31 * DAY), new Date(end));
});
afterAll(async () => {
  await t?.close();
});

const chart = async (days: number, ifIndex?: number, points?: number) => {
  const q = `from=${encodeURIComponent(new Date(end - days * DAY).toISOString())}&to=${encodeURIComponent(new Date(end).toISOString())}`;
  const extra = `${ifIndex === undefined ? '' : `&ifIndex=${ifIndex}`}${points === undefined ? '' : `&points=${points}`}`;
  const res = await eng.get(`${BASE}/${id}/metrics?${q}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<TMetrics>(res);
};

describe('charts over the rollups', () => {
  it('draws 30 days of an interface as 720 hourly averages from the hourly rollups', async () => {
    const m = await chart(30, 1);
    expect(m.source).toBe('rollup');
    expect(m.points).toHaveLength(720);
    // The window starts one day (288 buckets) after the data: its first hour averages buckets 288..299.
    expect(m.points[0]).toEqual({ at: new Date(end - 30 * DAY).toISOString(), inBps: 293.5, outBps: 587 });
    expect(m.points.at(-1)).toEqual({ at: new Date(end - 3_600_000).toISOString(), inBps: 31 * 288 - 6.5, outBps: 2 * (31 * 288 - 6.5) });
    const latency = await chart(30);
    expect(latency.points).toHaveLength(720);
    expect(latency.points[0]).toEqual({ at: new Date(end - 30 * DAY).toISOString(), latencyMs: 293.5, lossPct: 0 });
  });

  it('draws as many points as the chart is wide: 1,440 half-hour averages of the 5-minute rollups', async () => {
    const m = await chart(30, 1, 1440);
    expect(m.points).toHaveLength(1440);
    expect(m.points[0]).toEqual({ at: new Date(end - 30 * DAY).toISOString(), inBps: 290.5, outBps: 581 });
    expect(m.points.at(-1)).toEqual({ at: new Date(end - 1_800_000).toISOString(), inBps: 31 * 288 - 3.5, outBps: 2 * (31 * 288 - 3.5) });
    const bad = await eng.get(
      `${BASE}/${id}/metrics?from=${new Date(end - DAY * 30).toISOString()}&to=${new Date(end).toISOString()}&points=5`,
    );
    expect(bad.statusCode).toBe(400);
  });

  it('keeps every 5-minute bucket of a few days when the chart is wide enough', async () => {
    const m = await chart(3, 1, 1000);
    expect(m.points).toHaveLength(3 * 288);
    expect(m.points[1]).toEqual({ at: new Date(end - 3 * DAY + 300_000).toISOString(), inBps: 28 * 288 + 1, outBps: 2 * (28 * 288 + 1) });
    // At the default width, pairs of buckets.
    expect(await chart(3, 1).then((c) => c.points.length)).toBe(3 * 144);
  });

  it("weights an hour by its buckets' samples and keeps its maximum", async () => {
    const hour = end - 40 * DAY;
    await t.ctx.db
      .execute(sql`INSERT INTO mon_if_5m (at, device_id, if_index, in_bps_avg, in_bps_max, out_bps_avg, out_bps_max, util_max, samples)
      VALUES (${new Date(hour).toISOString()}, ${id}, 2, 100, 150, NULL, NULL, 0.1, 5),
             (${new Date(hour + 300_000).toISOString()}, ${id}, 2, 400, 900, 10, 10, 0.7, 1)`);
    await rollUpHours(t.ctx, new Date(hour), new Date(hour + 3_600_000));
    const [row] = await queryRows(
      t.ctx.db,
      sql`SELECT in_bps_avg, in_bps_max, out_bps_avg, util_max, samples FROM mon_if_1h WHERE device_id = ${id} AND if_index = 2`,
    );
    expect(row).toEqual({ in_bps_avg: 150, in_bps_max: 900, out_bps_avg: 10, util_max: 0.7, samples: 6 });
  });
});
