// The monitoring data a monthly report reads at the benches' scale (issue 15, Speed: "5,000
// interfaces"): devices of 48 ports each (ICMP and SNMP, made through the product's createDevice, never
// polled here), and for every hour of the period the hourly rollups of each interface and each device's
// probes, as the rollup job leaves them (the network analysis reads those, monitoring/evidence.ts).
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../src/server/kernel/context.ts';
import { aheadEnd, createPartitions } from '../../src/server/kernel/timeseries/ensure.ts';
import { periodOf } from '../../src/server/kernel/timeseries/index.ts';
import { createDevice } from '../../src/server/modules/monitoring/devices.ts';
import { icmpHourly, ifHourly } from '../../src/server/modules/monitoring/series.ts';

const PORTS = 48;

/** `interfaces` interfaces on ⌈interfaces / 48⌉ devices, with hourly rollups over [from, to). Returns the rows written. */
export async function seedInterfaceHours(ctx: Ctx, interfaces: number, from: Date, to: Date): Promise<number> {
  for (let d = 0; d * PORTS < interfaces; d++) {
    const dev = await createDevice(
      ctx,
      {
        name: `压测交换机-${String(d).padStart(3, '0')}`,
        address: '127.0.0.1',
        snmp: { version: '2c', community: 'x', port: 161 },
        icmp: true,
        intervalSec: 60,
        serviceLine: 'NET',
      },
      { firstPoll: false },
    );
    const ports = Math.min(PORTS, interfaces - d * PORTS);
    await ctx.db.execute(sql`INSERT INTO mon_interfaces (device_id, if_index, name, oper_status, admin_status, speed_bps, sampled_at)
      SELECT ${dev.id}, i, 'GigabitEthernet0/0/' || i, 1, 1, 1000000000, ${to.toISOString()} FROM generate_series(1, ${ports}) i`);
  }
  for (const s of [ifHourly, icmpHourly]) await createPartitions(ctx.db, s, periodOf(s, from).from, aheadEnd(s, to));
  const last = new Date(to.getTime() - 3_600_000).toISOString();
  const hours = sql`generate_series(${from.toISOString()}::timestamptz, ${last}::timestamptz, '1 hour'::interval) t`;
  const ifRows = await ctx.db
    .execute(sql`INSERT INTO mon_if_1h (at, device_id, if_index, in_bps_avg, in_bps_max, out_bps_avg, out_bps_max, util_max, samples)
    SELECT t, i.device_id, i.if_index, r.a, r.a * 1.4, r.b, r.b * 1.3, r.a / 1e7, 60
    FROM ${hours} CROSS JOIN mon_interfaces i CROSS JOIN LATERAL (SELECT random() * 6e8 + i.if_index AS a, random() * 3e8 AS b) r
    ORDER BY t, i.device_id, i.if_index`);
  const icmpRows = await ctx.db.execute(sql`INSERT INTO mon_icmp_1h (at, device_id, latency_avg, latency_max, loss_avg, samples)
    SELECT t, d.id, 0.4 + random(), 2 + random() * 3, CASE WHEN random() < 0.002 THEN 20 ELSE 0 END, 60
    FROM ${hours} CROSS JOIN mon_devices d ORDER BY t, d.id`);
  await ctx.db.execute(sql`ANALYZE mon_if_1h`);
  await ctx.db.execute(sql`ANALYZE mon_icmp_1h`);
  const n = (r: unknown) => Number((r as { rowCount?: number; affectedRows?: number }).rowCount ?? 0);
  return n(ifRows) + n(icmpRows);
}
