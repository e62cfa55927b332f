// Devices of monitoring (R-MON-01): registered with sealed SNMP secrets that no answer carries again,
// listed and read with their latest state and interfaces. Only what is registered here is polled
// ("addresses outside what administrators register are never contacted").
import { isoOrNull as iso } from '../../../common/dates.ts';
import { and, asc, count, eq, ilike, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { SYSTEM_ACTOR, inTx, type Ctx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { Conflict, NotFound } from '../../kernel/errors.ts';
import type { TMonDevice, TMonDeviceDetail, TMonInterface, TSensor, ZMonDeviceInput, ZMonDeviceQuery } from '../../../common/monitoring.ts';
import { pollNow } from './collectors.ts';
import { monDevices, monInterfaces, monSensors } from './tables.ts';

type DeviceRow = typeof monDevices.$inferSelect;
type Query = z.output<typeof ZMonDeviceQuery>;

// Written out: in a select from one table Drizzle leaves column names unqualified, and an unqualified
// "id" inside the subquery would be the alert's own.
export const openAlerts = sql<number>`(SELECT count(*)::int FROM mon_alerts a WHERE a.device_id = "mon_devices"."id" AND a.state = 'open')`;
const OPER = ['', 'up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'];

function view(r: DeviceRow, alerts: number): TMonDevice {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    serviceLine: r.serviceLine,
    assetId: r.assetId,
    icmp: r.icmp,
    intervalSec: r.intervalSec,
    snmp: r.snmpVersion
      ? {
          version: r.snmpVersion as '2c' | '3',
          port: r.snmpPort ?? 161,
          user: r.snmpUser,
          authProtocol: r.snmpAuthProtocol,
          privProtocol: r.snmpPrivProtocol,
          hasCommunity: r.hasCommunity,
          hasAuthKey: r.hasAuthKey,
          hasPrivKey: r.hasPrivKey,
        }
      : null,
    reachable: r.reachable,
    latencyMs: r.latencyMs,
    lossPct: r.lossPct,
    icmpState: r.icmpState as TMonDevice['icmpState'],
    snmpState: r.snmpState as TMonDevice['snmpState'],
    snmpError: r.snmpError,
    sysUpTime: r.sysUpTime === null ? null : String(r.sysUpTime),
    cpuPct: r.cpuPct,
    memPct: r.memPct,
    polledAt: iso([r.icmpAt, r.snmpAt].reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null)),
    openAlerts: alerts,
    createdAt: r.createdAt.toISOString(),
  };
}

function interfaceView(i: typeof monInterfaces.$inferSelect): TMonInterface {
  return {
    ifIndex: i.ifIndex,
    name: i.name,
    operStatus: OPER[i.operStatus] ?? String(i.operStatus),
    speedBps: i.speedBps,
    inOctets: i.inOctets,
    outOctets: i.outOctets,
    inBps: i.inBps,
    outBps: i.outBps,
    utilisation: i.utilisation,
    inErrors: i.inErrors,
    outErrors: i.outErrors,
    inDiscards: i.inDiscards,
    outDiscards: i.outDiscards,
    counterBits: i.counterBits,
    counterNote: i.counterNote,
    sampledAt: iso(i.sampledAt),
  };
}

const sensorView = (x: typeof monSensors.$inferSelect): TSensor => ({
  key: x.key,
  kind: x.kind as TSensor['kind'],
  name: x.name,
  value: x.value,
  unit: x.unit,
  state: x.state as TSensor['state'],
  sampledAt: x.sampledAt.toISOString(),
});

/** The audit record's picture of a device: no secret box. */
const audited = (r: DeviceRow) => {
  const { secretBox: _box, ...rest } = r;
  return rest;
};

/** Registers a device; its first poll starts at once unless told not to (the demo's, polled by the collectors). */
export async function createDevice(
  ctx: Ctx,
  input: z.output<typeof ZMonDeviceInput>,
  o: { firstPoll?: boolean } = {},
): Promise<TMonDeviceDetail> {
  const s = input.snmp;
  const secrets = s
    ? Object.fromEntries(Object.entries({ community: s.community, authKey: s.authKey, privKey: s.privKey }).filter(([, v]) => v))
    : null;
  const row = await inTx(ctx, async (tx) => {
    const [same] = await tx.db.select({ id: monDevices.id }).from(monDevices).where(eq(monDevices.name, input.name));
    if (same) throw new Conflict('monitoring.name_taken', `已有名为“${input.name}”的监控设备`);
    const [r] = await tx.db
      .insert(monDevices)
      .values({
        name: input.name,
        address: input.address,
        serviceLine: input.serviceLine,
        assetId: input.assetId ?? null,
        icmp: input.icmp,
        intervalSec: input.intervalSec,
        snmpVersion: s?.version ?? null,
        snmpPort: s ? (s.port ?? 161) : null,
        snmpUser: s?.version === '3' ? (s.user ?? null) : null,
        snmpAuthProtocol: s?.version === '3' && s.authKey ? (s.authProtocol ?? 'sha') : null,
        snmpPrivProtocol: s?.version === '3' && s.privKey ? (s.privProtocol ?? 'aes') : null,
        secretBox: secrets ? tx.keys.encrypt(JSON.stringify(secrets)) : null,
        hasCommunity: !!s?.community,
        hasAuthKey: !!s?.authKey,
        hasPrivKey: !!s?.privKey,
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'monitoring.device.create', objectType: 'mon_device', objectId: r!.id, after: audited(r!) });
    return r!;
  });
  if (o.firstPoll !== false) pollNow({ ...ctx, actor: SYSTEM_ACTOR, trail: { audited: false } }, row);
  return { ...view(row, 0), interfaces: [], sensors: [] };
}

function filters(q: Query): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.q) conds.push(or(ilike(monDevices.name, likeContains(q.q)), ilike(monDevices.address, likeContains(q.q))));
  if (q.serviceLine) conds.push(eq(monDevices.serviceLine, q.serviceLine));
  const failing = or(eq(monDevices.reachable, false), and(isNotNull(monDevices.snmpState), ne(monDevices.snmpState, 'ok')));
  if (q.state === 'down') conds.push(failing);
  if (q.state === 'up') conds.push(sql`NOT coalesce(${failing}, false)`);
  if (q.state === 'alerting') conds.push(sql`${openAlerts} > 0`);
  return and(...conds);
}

export async function listDevices(ctx: Ctx, q: Query): Promise<{ items: TMonDevice[]; total: number }> {
  const where = filters(q);
  const rows = await ctx.db
    .select({ d: monDevices, alerts: openAlerts })
    .from(monDevices)
    .where(where)
    .orderBy(monDevices.name, monDevices.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(monDevices).where(where);
  return { items: rows.map((r) => view(r.d, r.alerts)), total: total?.n ?? 0 };
}

export async function getDevice(ctx: Ctx, id: string): Promise<TMonDeviceDetail> {
  const [r] = await ctx.db.select({ d: monDevices, alerts: openAlerts }).from(monDevices).where(eq(monDevices.id, id));
  if (!r) throw new NotFound('monitoring.device_not_found', '监控设备不存在');
  const ifs = await ctx.db.select().from(monInterfaces).where(eq(monInterfaces.deviceId, id)).orderBy(asc(monInterfaces.ifIndex));
  const sensors = await ctx.db
    .select()
    .from(monSensors)
    .where(eq(monSensors.deviceId, id))
    .orderBy(asc(monSensors.kind), asc(monSensors.key));
  return { ...view(r.d, r.alerts), interfaces: ifs.map(interfaceView), sensors: sensors.map(sensorView) };
}
