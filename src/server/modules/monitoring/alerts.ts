// Alerts from thresholds kept as data (issue 12 point 3; R-MON-01/02): each minute the latest state
// of every device and interface is held against its threshold (the most specific: interface, device,
// default). A condition first seen is `pending`; held for the threshold's minimum duration it opens
// (one live alert per device, rule and object: the partial unique index), opens a fault ticket on the
// device's line through the desk (channel monitoring) and tells the line's engineers; once it clears
// (below the clear value: hysteresis) the alert closes and the ticket is resolved with a note.
import { and, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import type { TAlertRule } from '../../../common/monitoring.ts';
import { deviceSubject, silence, step } from './alert-actions.ts';
import { evaluatePairAlerts } from './pair-alerts.ts';
import { surgeReadings, SURGE } from './surge.ts';
import { monAlerts, monDevices, monInterfaces, monLinkTraps, monSensors, monThresholds } from './tables.ts';

type Threshold = typeof monThresholds.$inferSelect;
type Device = typeof monDevices.$inferSelect;
type Iface = typeof monInterfaces.$inferSelect;
type LinkTrap = typeof monLinkTraps.$inferSelect;
type Sensor = typeof monSensors.$inferSelect;

/** The defaults every site starts with (seeded once per rule; editable as data). */
export const DEFAULT_THRESHOLDS: Omit<typeof monThresholds.$inferInsert, 'id'>[] = [
  { rule: 'unreachable', raiseValue: null, clearValue: null, minDurationSec: 120, severity: 'high', enabled: true },
  { rule: 'if_down', raiseValue: null, clearValue: null, minDurationSec: 60, severity: 'medium', enabled: true },
  { rule: 'utilisation', raiseValue: 80, clearValue: 70, minDurationSec: 300, severity: 'medium', enabled: true },
  { rule: 'snmp_failing', raiseValue: null, clearValue: null, minDurationSec: 180, severity: 'low', enabled: true },
  // A device that says so itself (linkDown trap) needs no confirmation; its linkUp resolves it.
  { rule: 'link_down', raiseValue: null, clearValue: null, minDurationSec: 0, severity: 'medium', enabled: true },
  // R-MON-04: a rate 5× the interface's own baseline (median of 12 polls), at least 10 Mbit/s, for 2 minutes.
  {
    rule: 'rate_surge',
    raiseValue: SURGE.factor,
    clearValue: SURGE.clear,
    floorValue: SURGE.floorMbps,
    baselinePolls: SURGE.polls,
    minDurationSec: 120,
    severity: 'high',
    enabled: true,
  },
  // R-MON-07: a temperature above 65 ℃ for five minutes (or the device's own critical state), cleared below 60 ℃.
  { rule: 'temperature', raiseValue: 65, clearValue: 60, minDurationSec: 300, severity: 'high', enabled: true },
  // A fan or power supply the device reports failed, held a minute (one poll's answer is not a blip).
  { rule: 'hardware_failed', raiseValue: null, clearValue: null, minDurationSec: 60, severity: 'high', enabled: true },
  // A probe pair's average latency (ms) above 200 for five minutes, cleared below 150 (pair-alerts.ts).
  { rule: 'latency', raiseValue: 200, clearValue: 150, minDurationSec: 300, severity: 'medium', enabled: true },
  // A probe pair's packet loss above 20% for five minutes while the target answers, cleared below 5%.
  { rule: 'loss', raiseValue: 20, clearValue: 5, minDurationSec: 300, severity: 'medium', enabled: true },
];

/**
 * The threshold of a rule for one subject, the most specific first: the interface's, the device's (or
 * the probe pair's), then the rule's default (neither device nor pair). Devices and pairs alike.
 * Callers pass every row, switched off or not, and read nothing from one switched off (`active`): an
 * override switched off silences the rule for its subject, it does not fall back to the default.
 */
export function thresholdFor(
  thresholds: Threshold[],
  rule: TAlertRule,
  of: { deviceId?: string; pairId?: string; ifIndex?: number | null },
): Threshold | undefined {
  const mine = thresholds.filter(
    (t) =>
      t.rule === rule && (of.pairId !== undefined ? t.pairId === of.pairId : t.deviceId === (of.deviceId ?? null) && t.pairId === null),
  );
  return (
    (of.ifIndex != null ? mine.find((t) => t.ifIndex === of.ifIndex) : undefined) ??
    mine.find((t) => t.ifIndex === null) ??
    thresholds.find((t) => t.rule === rule && t.deviceId === null && t.pairId === null)
  );
}

/** The threshold if it is switched on. */
export const active = (t: Threshold | undefined): Threshold | undefined => (t?.enabled ? t : undefined);

export async function seedThresholds(ctx: Ctx): Promise<void> {
  const have = await ctx.db
    .select({ rule: monThresholds.rule })
    .from(monThresholds)
    .where(and(isNull(monThresholds.deviceId), isNull(monThresholds.pairId)));
  const missing = DEFAULT_THRESHOLDS.filter((d) => !have.some((h) => h.rule === d.rule));
  if (missing.length) await ctx.db.insert(monThresholds).values(missing);
}

/** What a condition says now: raise, clear, or neither (between the two values: the state stays). */
export interface Reading {
  rule: TAlertRule;
  object: string;
  raise: boolean;
  clear: boolean;
  value: number | null;
  message: string;
}

const FAILING = new Set(['timeout', 'auth_failed', 'garbage', 'error']);
/** Data older than this many intervals decides nothing (the collector is behind or stopped). */
const STALE_INTERVALS = 3;

type Th = (rule: TAlertRule, ifIndex: number | null) => Threshold | undefined;
const KIND_LABEL: Record<string, string> = { fan: '风扇', power: '电源' };

/** Temperature and fan/power state (R-MON-07): one reading per sensor, the object `sensor:<key>`. */
function sensorReadings(d: Device, sensors: Sensor[], th: Th, fresh: (t: Date | null) => boolean): Reading[] {
  const out: Reading[] = [];
  const temp = th('temperature', null);
  const hw = th('hardware_failed', null);
  for (const x of sensors) {
    if (!fresh(x.sampledAt)) continue;
    const object = `sensor:${x.key}`;
    if (x.kind === 'temperature' && temp) {
      const raiseAt = temp.raiseValue ?? 65;
      const hot = x.value !== null && x.value > raiseAt;
      out.push({
        rule: 'temperature',
        object,
        raise: hot || x.state === 'failed',
        clear: x.state !== 'failed' && x.value !== null && x.value < (temp.clearValue ?? raiseAt),
        value: x.value,
        message: `${d.name} ${x.name} 温度 ${x.value ?? '—'} ℃${hot ? `，超过 ${raiseAt} ℃` : '，设备报告严重告警'}`,
      });
    } else if (x.kind !== 'temperature' && hw)
      out.push({
        rule: 'hardware_failed',
        object,
        raise: x.state === 'failed',
        clear: x.state === 'ok' || x.state === 'absent',
        value: null,
        message: `${d.name} ${KIND_LABEL[x.kind] ?? ''}「${x.name}」故障`,
      });
  }
  return out;
}

function readings(d: Device, ifs: Iface[], links: LinkTrap[], sensors: Sensor[], th: Th, now: Date): Reading[] {
  const fresh = (t: Date | null) => !!t && now.getTime() - t.getTime() <= d.intervalSec * 1000 * STALE_INTERVALS;
  const out: Reading[] = [];
  if (d.icmp && d.reachable !== null && fresh(d.icmpAt) && th('unreachable', null))
    out.push({
      rule: 'unreachable',
      object: '',
      raise: !d.reachable,
      clear: d.reachable,
      value: d.lossPct,
      message: `${d.name}（${d.address}）无法 ping 通`,
    });
  if (d.snmpVersion && d.snmpState && fresh(d.snmpAt) && th('snmp_failing', null)) {
    const failing = FAILING.has(d.snmpState);
    out.push({
      rule: 'snmp_failing',
      object: '',
      raise: failing,
      clear: !failing,
      value: null,
      message: `${d.name}（${d.address}）SNMP 采集失败：${d.snmpError ?? d.snmpState}`,
    });
  }
  for (const i of ifs) {
    if (!fresh(i.sampledAt)) continue;
    if (th('if_down', i.ifIndex)) {
      // Down while administratively up, having been up since registration: "went down".
      const down = i.operStatus === 2 && i.adminStatus === 1 && i.lastUpAt !== null;
      out.push({
        rule: 'if_down',
        object: String(i.ifIndex),
        raise: down,
        clear: i.operStatus === 1,
        value: null,
        message: `${d.name} 接口 ${i.name} 已断开（down）`,
      });
    }
    const u = th('utilisation', i.ifIndex);
    if (u && i.utilisation !== null) {
      const raiseAt = u.raiseValue ?? 80;
      out.push({
        rule: 'utilisation',
        object: String(i.ifIndex),
        raise: i.utilisation > raiseAt,
        clear: i.utilisation < (u.clearValue ?? raiseAt),
        value: i.utilisation,
        message: `${d.name} 接口 ${i.name} 带宽利用率 ${i.utilisation}%，超过 ${raiseAt}%`,
      });
    }
  }
  // Issue 12 point 3: the last link trap of an interface holds until the next (no staleness: a trap is news).
  for (const l of links)
    if (th('link_down', l.ifIndex)) {
      const name = ifs.find((i) => i.ifIndex === l.ifIndex)?.name ?? `ifIndex ${l.ifIndex}`;
      out.push({
        rule: 'link_down',
        object: String(l.ifIndex),
        raise: l.down,
        clear: !l.down,
        value: null,
        message: `${d.name} 接口 ${name} 报告链路断开（linkDown Trap）`,
      });
    }
  out.push(...sensorReadings(d, sensors, th, fresh));
  return out;
}

/** The interface an alert's object names (its ifIndex), or null for the device itself. */
const ifIndexOf = (object: string): number | null => (/^\d+$/.test(object) ? Number(object) : null);

/** One evaluation over every device; one transaction per alert that changes, so one failure stops nothing else. */
export async function evaluateAlerts(ctx: Ctx): Promise<{ opened: number; closed: number }> {
  const now = ctx.now();
  // Read at every evaluation, never cached: a threshold changed over the API counts from the next one.
  const thresholds = await ctx.db.select().from(monThresholds);
  const devices = await ctx.db.select().from(monDevices);
  const ifs = await ctx.db.select().from(monInterfaces);
  const links = await ctx.db.select().from(monLinkTraps);
  const sensors = await ctx.db.select().from(monSensors);
  const live = await ctx.db
    .select()
    .from(monAlerts)
    .where(and(ne(monAlerts.state, 'closed'), isNotNull(monAlerts.deviceId)));
  const liveBy = new Map(live.map((a) => [`${a.deviceId}/${a.rule}/${a.object}`, a]));
  const tally = { opened: 0, closed: 0 };
  for (const d of devices) {
    const th = (rule: TAlertRule, ifIndex: number | null) => active(thresholdFor(thresholds, rule, { deviceId: d.id, ifIndex }));
    const own = ifs.filter((i) => i.deviceId === d.id);
    const fresh = (at: Date | null) => !!at && now.getTime() - at.getTime() <= d.intervalSec * 1000 * STALE_INTERVALS;
    const surges = await surgeReadings(ctx, d, own, th, (object) => liveBy.get(`${d.id}/rate_surge/${object}`), fresh);
    for (const r of [
      ...readings(
        d,
        own,
        links.filter((l) => l.deviceId === d.id),
        sensors.filter((x) => x.deviceId === d.id),
        th,
        now,
      ),
      ...surges,
    ]) {
      const alert = liveBy.get(`${d.id}/${r.rule}/${r.object}`);
      await step(ctx, deviceSubject(d), r, th(r.rule, ifIndexOf(r.object))!, alert, tally);
    }
    // A threshold switched off while its alert was live: nothing would ever clear it, so close it now.
    for (const a of live)
      if (a.deviceId === d.id && !th(a.rule as TAlertRule, ifIndexOf(a.object))) await silence(ctx, deviceSubject(d), a, tally);
  }
  return tally;
}

export const alertJob: GlobalJob = {
  name: 'monitoring-alerts',
  scope: 'global',
  cron: '* * * * *',
  handler: async (ctx) => {
    await evaluateAlerts(ctx);
    await evaluatePairAlerts(ctx);
  },
};
