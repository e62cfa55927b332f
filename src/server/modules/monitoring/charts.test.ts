// The charts over rollups (issue 12 views; the "Speed" target of a 30-day chart): a month of one
// interface's 5-minute buckets comes back as 1,440 points, each the average of six buckets, so the
// browser draws a point per pixel and not 8,640; a few days keep every bucket as stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { json, testApp, type Agent, type TestApp } from '../../test/harness.ts';
import type { TMetrics } from '../../../common/monitoring.ts';
import { createDevice } from './devices.ts';
import { BASE } from './test/helpers.ts';

let t: TestApp;
let eng: Agent;
let id: string;
const DAY = 86_400_000;
/** The newest bucket's end, on a half hour. */
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
  end = Math.floor(t.clock.now().getTime() / 1_800_000) * 1_800_000;
  // 31 days of buckets of interface 1: the k-th bucket from the start carries k bit/s in, 2k out;
  // the device's latency k ms.
  const start = new Date(end - 31 * DAY).toISOString();
  await t.ctx.db
    .execute(sql`INSERT INTO mon_if_5m (at, device_id, if_index, in_bps_avg, in_bps_max, out_bps_avg, out_bps_max, util_max, samples)
    SELECT ${start}::timestamptz + k * interval '5 minutes', ${id}, 1, k, k, 2 * k, 2 * k, 0, 5 FROM generate_series(0, 31 * 288 - 1) k`);
  await t.ctx.db.execute(sql`INSERT INTO mon_icmp_5m (at, device_id, latency_avg, latency_max, loss_avg, samples)
    SELECT ${start}::timestamptz + k * interval '5 minutes', ${id}, k, k, 0, 5 FROM generate_series(0, 31 * 288 - 1) k`);
});
afterAll(async () => {
  await t?.close();
});

const chart = async (days: number, ifIndex?: number) => {
  const q = `from=${encodeURIComponent(new Date(end - days * DAY).toISOString())}&to=${encodeURIComponent(new Date(end).toISOString())}`;
  const res = await eng.get(`${BASE}/${id}/metrics?${q}${ifIndex === undefined ? '' : `&ifIndex=${ifIndex}`}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<TMetrics>(res);
};

describe('charts over the rollups', () => {
  it('draws 30 days of an interface as 1,440 half-hour averages', async () => {
    const m = await chart(30, 1);
    expect(m.source).toBe('rollup');
    expect(m.points).toHaveLength(1440);
    // The window starts one day (288 buckets) after the data: its first point averages buckets 288..293.
    expect(m.points[0]).toEqual({ at: new Date(end - 30 * DAY).toISOString(), inBps: 290.5, outBps: 581 });
    expect(m.points.at(-1)).toEqual({ at: new Date(end - 1_800_000).toISOString(), inBps: 31 * 288 - 3.5, outBps: 2 * (31 * 288 - 3.5) });
  });

  it('keeps every 5-minute bucket of a few days, and averages the latency chart the same way', async () => {
    const m = await chart(3, 1);
    expect(m.points).toHaveLength(3 * 288);
    expect(m.points[1]).toEqual({ at: new Date(end - 3 * DAY + 300_000).toISOString(), inBps: 28 * 288 + 1, outBps: 2 * (28 * 288 + 1) });
    const latency = await chart(30);
    expect(latency.points).toHaveLength(1440);
    expect(latency.points[0]).toEqual({ at: new Date(end - 30 * DAY).toISOString(), latencyMs: 290.5, lossPct: 0 });
  });
});
