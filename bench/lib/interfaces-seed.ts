// Interfaces and their rollups for the benches: devices of 48 ports each, made through the product's
// createDevice (never polled here), and rollup rows of every interface bucket by bucket, as the rollup
// job appends them. bench/metrics.ts loads a year of them for the charts; bench/reports.ts a month of
// hourly ones, with the devices' probes, for the monthly report's network analysis (monitoring/evidence.ts).
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../src/server/kernel/context.ts';
import { aheadEnd, createPartitions } from '../../src/server/kernel/timeseries/ensure.ts';
import { periodOf } from '../../src/server/kernel/timeseries/index.ts';
import { createDevice } from '../../src/server/modules/monitoring/devices.ts';
import { icmpHourly, ifHourly } from '../../src/server/modules/monitoring/series.ts';

/** Interfaces per device. */
export const PORTS = 48;

/** ⌈interfaces / PORTS⌉ devices on 127.0.0.1 with their interfaces; their ids in order. */
export async function createInterfaceDevices(
  ctx: Ctx,
  interfaces: number,
  o: { name: (d: number) => string; icmp: boolean; sampledAt: Date },
): Promise<string[]> {
  const devices: string[] = [];
  for (let d = 0; d * PORTS < interfaces; d++) {
    const dev = await createDevice(
      ctx,
      {
        name: o.name(d),
        address: '127.0.0.1',
        snmp: { version: '2c', community: 'x', port: 161 },
        icmp: o.icmp,
        intervalSec: 60,
        serviceLine: 'NET',
      },
      { firstPoll: false },
    );
    devices.push(dev.id);
    const ports = Math.min(PORTS, interfaces - d * PORTS);
    await ctx.db.execute(sql`INSERT INTO mon_interfaces (device_id, if_index, name, oper_status, admin_status, speed_bps, sampled_at)
      SELECT ${dev.id}, i, 'GigabitEthernet0/0/' || i, 1, 1, 1000000000, ${o.sampledAt.toISOString()} FROM generate_series(1, ${ports}) i`);
  }
  return devices;
}

/**
 * Rows of every interface for the buckets `from`, `from + step`, … up to `last` (inclusive) into
 * `table`, in time order, each bucket's interfaces together: the rows as the rollup job appends them.
 * Returns the rows written.
 */
export async function insertBuckets(
  ctx: Ctx,
  table: 'mon_if_5m' | 'mon_if_1h',
  from: Date,
  last: Date,
  step: string,
  samples: number,
): Promise<number> {
  const r = await ctx.db
    .execute(sql`INSERT INTO ${sql.raw(table)} (at, device_id, if_index, in_bps_avg, in_bps_max, out_bps_avg, out_bps_max, util_max, samples)
    SELECT t, i.device_id, i.if_index, r.a, r.a * 1.4, r.b, r.b * 1.3, r.a / 1e7, ${samples}
    FROM generate_series(${from.toISOString()}::timestamptz, ${last.toISOString()}::timestamptz, ${step}::interval) t
    CROSS JOIN mon_interfaces i CROSS JOIN LATERAL (SELECT random() * 6e8 + i.if_index AS a, random() * 3e8 AS b) r
    ORDER BY t, i.device_id, i.if_index`);
  return rowCount(r);
}

/** `interfaces` interfaces (ICMP on) with the hourly rollups of [from, to) and their devices' probes. Returns the rows written. */
export async function seedInterfaceHours(ctx: Ctx, interfaces: number, from: Date, to: Date): Promise<number> {
  await createInterfaceDevices(ctx, interfaces, { name: (d) => `压测交换机-${String(d).padStart(3, '0')}`, icmp: true, sampledAt: to });
  for (const s of [ifHourly, icmpHourly]) await createPartitions(ctx.db, s, periodOf(s, from).from, aheadEnd(s, to));
  const last = new Date(to.getTime() - 3_600_000);
  const ifRows = await insertBuckets(ctx, 'mon_if_1h', from, last, '1 hour', 60);
  const icmpRows = await ctx.db.execute(sql`INSERT INTO mon_icmp_1h (at, device_id, latency_avg, latency_max, loss_avg, samples)
    SELECT t, d.id, 0.4 + random(), 2 + random() * 3, CASE WHEN random() < 0.002 THEN 20 ELSE 0 END, 60
    FROM generate_series(${from.toISOString()}::timestamptz, ${last.toISOString()}::timestamptz, '1 hour'::interval) t
    CROSS JOIN mon_devices d ORDER BY t, d.id`);
  await ctx.db.execute(sql`ANALYZE mon_if_1h`);
  await ctx.db.execute(sql`ANALYZE mon_icmp_1h`);
  return ifRows + rowCount(icmpRows);
}

const rowCount = (r: unknown) => Number((r as { rowCount?: number }).rowCount ?? 0);
