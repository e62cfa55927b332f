// What other modules may read of monitoring (ARCHITECTURE.md: a module uses another only through its
// api.ts): the latest state of devices as the device page shows it, for the inspection sheets'
// prefill (issue 14): reachable, CPU and memory, temperature, interface errors and open alerts.
import { inArray, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { monDevices } from './tables.ts';

export interface DeviceHealth {
  deviceId: string;
  name: string;
  assetId: string | null;
  /** null: never probed (or ICMP off). */
  reachable: boolean | null;
  cpuPct: number | null;
  memPct: number | null;
  /** The hottest temperature sensor of the last SNMP poll (℃); null without temperature sensors. */
  temperatureC: number | null;
  /** In and out errors summed over the interfaces of the last SNMP poll; null without interfaces. */
  ifErrors: number | null;
  openAlerts: number;
  /** When the last ICMP or SNMP answer was read. */
  polledAt: Date | null;
}

/** The latest state of the devices linked to these assets or carrying these names, in one query. */
export async function deviceHealth(ctx: Ctx, q: { assetIds?: readonly string[]; names?: readonly string[] }): Promise<DeviceHealth[]> {
  const assetIds = [...new Set(q.assetIds ?? [])];
  const names = [...new Set(q.names ?? [])];
  if (!assetIds.length && !names.length) return [];
  const rows = await ctx.db
    .select({
      deviceId: monDevices.id,
      name: monDevices.name,
      assetId: monDevices.assetId,
      reachable: monDevices.reachable,
      cpuPct: monDevices.cpuPct,
      memPct: monDevices.memPct,
      icmpAt: monDevices.icmpAt,
      snmpAt: monDevices.snmpAt,
      ifErrors: sql<
        string | null
      >`(SELECT sum(coalesce(i.in_errors, 0) + coalesce(i.out_errors, 0))::text FROM mon_interfaces i WHERE i.device_id = ${monDevices.id})`,
      temperatureC: sql<
        number | null
      >`(SELECT max(s.value) FROM mon_sensors s WHERE s.device_id = ${monDevices.id} AND s.kind = 'temperature')`,
      openAlerts: sql<number>`(SELECT count(*)::int FROM mon_alerts a WHERE a.device_id = ${monDevices.id} AND a.state = 'open')`,
    })
    .from(monDevices)
    .where(
      or(assetIds.length ? inArray(monDevices.assetId, assetIds) : sql`false`, names.length ? inArray(monDevices.name, names) : sql`false`),
    );
  return rows.map(({ icmpAt, snmpAt, ifErrors, temperatureC, ...r }) => ({
    ...r,
    temperatureC: temperatureC === null ? null : Number(temperatureC),
    ifErrors: ifErrors === null ? null : Number(ifErrors),
    openAlerts: Number(r.openAlerts),
    polledAt: [icmpAt, snmpAt].reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null),
  }));
}
