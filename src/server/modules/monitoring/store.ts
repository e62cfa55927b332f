// Where polls land (the collectors' sinks): each batch in one transaction, samples appended to the
// time series in one statement per series, the latest state of devices and interfaces updated. Rates
// are computed here, against the previous sample as committed, so whichever node (or the first poll
// on the API node) polled last, the next sample compares with it.
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { appendRows } from '../../kernel/timeseries/index.ts';
import type { PingResult } from './icmp.ts';
import { ratesOf, type Previous } from './rates.ts';
import { icmpSeries, ifSeries, sensorSeries } from './series.ts';
import type { SensorSample } from './sensors.ts';
import type { SnmpResult } from './snmp.ts';
import { monDevices, monInterfaces, monNeighbours, monSensors } from './tables.ts';
import type { LldpNeighbour } from './lldp.ts';

export interface IcmpRow {
  deviceId: string;
  at: Date;
  result: PingResult;
}
export interface SnmpRow {
  deviceId: string;
  at: Date;
  result: SnmpResult;
}

const str = (v: bigint | null) => (v === null ? null : v.toString());
const big = (v: string | null) => (v === null ? null : BigInt(v));

async function existing(ctx: Ctx, ids: string[]) {
  return ctx.db
    .select({ id: monDevices.id, sysUpTime: monDevices.sysUpTime })
    .from(monDevices)
    .where(inArray(monDevices.id, [...new Set(ids)]));
}

export async function writeIcmp(ctx: Ctx, rows: IcmpRow[]): Promise<void> {
  // A device removed while it was being pinged is skipped (its rows would point at nothing).
  const known = new Set(
    (
      await existing(
        ctx,
        rows.map((r) => r.deviceId),
      )
    ).map((d) => d.id),
  );
  const kept = rows.filter((r) => known.has(r.deviceId));
  await appendRows(
    ctx,
    icmpSeries,
    kept
      .filter((r) => r.result.state === 'ok' || r.result.state === 'unreachable')
      .map((r) => ({
        at: r.at,
        deviceId: r.deviceId,
        reachable: r.result.reachable,
        latencyMs: r.result.latencyMs,
        lossPct: r.result.lossPct,
      })),
  );
  for (const r of kept) {
    const measured = r.result.state === 'ok' || r.result.state === 'unreachable';
    await ctx.db
      .update(monDevices)
      .set({
        reachable: measured ? r.result.reachable : null,
        latencyMs: r.result.latencyMs,
        lossPct: r.result.lossPct,
        icmpState: r.result.state,
        icmpAt: r.at,
      })
      .where(eq(monDevices.id, r.deviceId));
  }
}

type IfRow = typeof monInterfaces.$inferInsert;

export async function writeSnmp(ctx: Ctx, rows: SnmpRow[]): Promise<void> {
  const devices = new Map(
    (
      await existing(
        ctx,
        rows.map((r) => r.deviceId),
      )
    ).map((d) => [d.id, d.sysUpTime]),
  );
  if (!devices.size) return;
  const prevRows = await ctx.db
    .select()
    .from(monInterfaces)
    .where(inArray(monInterfaces.deviceId, [...devices.keys()]));
  const prev = new Map<string, Previous>(
    prevRows.map((p) => [
      `${p.deviceId}/${p.ifIndex}`,
      { inOctets: big(p.inOctets), outOctets: big(p.outOctets), bits: p.counterBits, at: p.sampledAt },
    ]),
  );
  const prevUp = new Map(prevRows.map((p) => [`${p.deviceId}/${p.ifIndex}`, p.lastUpAt]));
  const samples: (typeof ifSeries.table.$inferInsert)[] = [];
  const latest = new Map<string, IfRow>();
  const seen = new Map<string, number[]>();
  for (const r of rows) {
    if (!devices.has(r.deviceId)) continue;
    const res = r.result;
    if (!res.ok) {
      await ctx.db
        .update(monDevices)
        .set({ snmpState: res.state, snmpError: res.error, snmpAt: r.at })
        .where(eq(monDevices.id, r.deviceId));
      continue;
    }
    const before = devices.get(r.deviceId);
    const restarted = before !== null && before !== undefined && res.upTime < before;
    const backwards: string[] = [];
    for (const i of res.interfaces) {
      const key = `${r.deviceId}/${i.ifIndex}`;
      const rate = ratesOf(prev.get(key), i, r.at, restarted);
      if (rate.note === 'counter_backwards') backwards.push(i.name);
      // The sample of a counter that went back is discarded; its value is the next round's baseline.
      else
        samples.push({
          at: r.at,
          deviceId: r.deviceId,
          ifIndex: i.ifIndex,
          operStatus: i.operStatus,
          inOctets: str(i.inOctets),
          outOctets: str(i.outOctets),
          inBps: str(rate.inBps),
          outBps: str(rate.outBps),
          utilisation: rate.utilisation,
          inErrors: str(i.inErrors),
          outErrors: str(i.outErrors),
        });
      latest.set(key, {
        deviceId: r.deviceId,
        ifIndex: i.ifIndex,
        name: i.name,
        operStatus: i.operStatus,
        adminStatus: i.adminStatus,
        lastUpAt: i.operStatus === 1 ? r.at : (prevUp.get(key) ?? null),
        speedBps: str(i.speedBps),
        counterBits: i.bits,
        inOctets: str(i.inOctets),
        outOctets: str(i.outOctets),
        inErrors: str(i.inErrors),
        outErrors: str(i.outErrors),
        inDiscards: str(i.inDiscards),
        outDiscards: str(i.outDiscards),
        inBps: str(rate.inBps),
        outBps: str(rate.outBps),
        utilisation: rate.utilisation,
        counterNote: rate.note,
        sampledAt: r.at,
      });
      prev.set(key, { inOctets: i.inOctets, outOctets: i.outOctets, bits: i.bits, at: r.at });
    }
    seen.set(
      r.deviceId,
      res.interfaces.map((i) => i.ifIndex),
    );
    devices.set(r.deviceId, res.upTime);
    const state = restarted ? 'restarted' : backwards.length ? 'counter_backwards' : 'ok';
    const error = restarted
      ? '设备重启（sysUpTime 回退），本轮不计算速率'
      : backwards.length
        ? `计数器回退：${backwards.slice(0, 5).join('、')}${backwards.length > 5 ? ' 等' : ''}，本轮样本已丢弃`
        : null;
    await ctx.db
      .update(monDevices)
      .set({
        snmpState: state,
        snmpError: error,
        snmpAt: r.at,
        sysUpTime: res.upTime,
        cpuPct: res.cpuPct,
        memPct: res.memPct,
        sysName: res.sysName,
      })
      .where(eq(monDevices.id, r.deviceId));
    await replaceNeighbours(ctx, r.deviceId, res.neighbours, r.at);
    await replaceSensors(ctx, r.deviceId, res.sensors, r.at);
  }
  await appendRows(ctx, ifSeries, samples);
  for (const [deviceId, indexes] of seen) {
    const gone = indexes.length ? notInArray(monInterfaces.ifIndex, indexes) : undefined;
    await ctx.db.delete(monInterfaces).where(and(eq(monInterfaces.deviceId, deviceId), gone));
  }
  if (latest.size) await upsertInterfaces(ctx, [...latest.values()]);
}

const excluded = (col: string) => sql.raw(`excluded.${col}`);

/**
 * Interfaces per upsert statement: 19 bound parameters each, and the wire protocol counts a
 * statement's parameters in 16 bits (PGlite wraps past 32,767), so a batch of large devices is
 * written in slices.
 */
export const UPSERT_SLICE = 1000;

async function upsertInterfaces(ctx: Ctx, rows: IfRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_SLICE) await upsertSlice(ctx, rows.slice(i, i + UPSERT_SLICE));
}

async function upsertSlice(ctx: Ctx, rows: IfRow[]): Promise<void> {
  await ctx.db
    .insert(monInterfaces)
    .values(rows)
    .onConflictDoUpdate({
      target: [monInterfaces.deviceId, monInterfaces.ifIndex],
      set: Object.fromEntries(
        (
          [
            'name',
            'oper_status',
            'admin_status',
            'last_up_at',
            'speed_bps',
            'counter_bits',
            'in_octets',
            'out_octets',
            'in_errors',
            'out_errors',
            'in_discards',
            'out_discards',
            'in_bps',
            'out_bps',
            'utilisation',
            'counter_note',
            'sampled_at',
          ] as const
        ).map((c) => [c.replace(/_(\w)/g, (_, l: string) => l.toUpperCase()), excluded(c)]),
      ),
    });
}

/** The device's LLDP neighbours as this poll saw them (the topology reads them). */
async function replaceNeighbours(ctx: Ctx, deviceId: string, list: LldpNeighbour[], at: Date): Promise<void> {
  await ctx.db.delete(monNeighbours).where(eq(monNeighbours.deviceId, deviceId));
  if (list.length) await ctx.db.insert(monNeighbours).values(list.map((n) => ({ deviceId, ...n, seenAt: at })));
}

/** The device's sensors as this poll saw them, and their readings appended to the series. */
async function replaceSensors(ctx: Ctx, deviceId: string, list: SensorSample[], at: Date): Promise<void> {
  await ctx.db.delete(monSensors).where(eq(monSensors.deviceId, deviceId));
  if (!list.length) return;
  await ctx.db.insert(monSensors).values(list.map((x) => ({ deviceId, ...x, sampledAt: at })));
  await appendRows(
    ctx,
    sensorSeries,
    list.map((x) => ({ at, deviceId, key: x.key, value: x.value, state: x.state })),
  );
}
