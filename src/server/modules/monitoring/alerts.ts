// Alerts from thresholds kept as data (issue 12 point 3; R-MON-01/02): each minute the latest state
// of every device and interface is held against its threshold (the most specific: interface, device,
// default). A condition first seen is `pending`; held for the threshold's minimum duration it opens
// (one live alert per device, rule and object: the partial unique index), opens a fault ticket on the
// device's line through the desk (channel monitoring) and tells the line's engineers; once it clears
// (below the clear value: hysteresis) the alert closes and the ticket is resolved with a note.
import { and, eq, isNull, ne } from 'drizzle-orm';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import type { TAlertRule } from '../../../common/monitoring.ts';
import { openDetectedTicket, resolveDetectedTicket } from '../desk/api.ts';
import { surgeReadings, SURGE } from './surge.ts';
import { monAlerts, monDevices, monInterfaces, monLinkTraps, monSensors, monThresholds } from './tables.ts';

type Threshold = typeof monThresholds.$inferSelect;
type Device = typeof monDevices.$inferSelect;
type Iface = typeof monInterfaces.$inferSelect;
type Alert = typeof monAlerts.$inferSelect;
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
];

export async function seedThresholds(ctx: Ctx): Promise<void> {
  const have = await ctx.db.select({ rule: monThresholds.rule }).from(monThresholds).where(isNull(monThresholds.deviceId));
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

export const RULE_TITLES: Record<TAlertRule, string> = {
  unreachable: '设备不可达',
  if_down: '接口断开',
  utilisation: '带宽利用率过高',
  snmp_failing: 'SNMP 采集失败',
  link_down: '链路断开（Trap）',
  rate_surge: '接口流量突增',
  temperature: '设备温度过高',
  hardware_failed: '风扇或电源故障',
};

/** One evaluation over every device; one transaction per alert that changes, so one failure stops nothing else. */
export async function evaluateAlerts(ctx: Ctx): Promise<{ opened: number; closed: number }> {
  const now = ctx.now();
  const thresholds = await ctx.db.select().from(monThresholds).where(eq(monThresholds.enabled, true));
  const devices = await ctx.db.select().from(monDevices);
  const ifs = await ctx.db.select().from(monInterfaces);
  const links = await ctx.db.select().from(monLinkTraps);
  const sensors = await ctx.db.select().from(monSensors);
  const live = await ctx.db.select().from(monAlerts).where(ne(monAlerts.state, 'closed'));
  const liveBy = new Map(live.map((a) => [`${a.deviceId}/${a.rule}/${a.object}`, a]));
  let opened = 0;
  let closed = 0;
  for (const d of devices) {
    const th = (rule: TAlertRule, ifIndex: number | null) =>
      thresholds.find((t) => t.rule === rule && t.deviceId === d.id && ifIndex !== null && t.ifIndex === ifIndex) ??
      thresholds.find((t) => t.rule === rule && t.deviceId === d.id && t.ifIndex === null) ??
      thresholds.find((t) => t.rule === rule && t.deviceId === null);
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
      const t = th(r.rule, /^\d+$/.test(r.object) ? Number(r.object) : null)!;
      try {
        if (r.raise && !alert) await inTx(ctx, (tx) => begin(tx, d, r, t)).then((o) => (opened += o ? 1 : 0));
        else if (r.raise && alert?.state === 'pending' && now.getTime() - alert.since.getTime() >= t.minDurationSec * 1000)
          await inTx(ctx, (tx) => open(tx, d, alert, r, t)).then(() => opened++);
        else if (r.clear && alert) await inTx(ctx, (tx) => close(tx, d, alert)).then(() => (closed += alert.state === 'open' ? 1 : 0));
      } catch (err) {
        ctx.log.error({ err, deviceId: d.id, rule: r.rule }, 'monitoring alert not updated');
      }
    }
  }
  return { opened, closed };
}

async function begin(tx: Ctx, d: Device, r: Reading, t: Threshold): Promise<boolean> {
  const [a] = await tx.db
    .insert(monAlerts)
    .values({ deviceId: d.id, rule: r.rule, object: r.object, state: 'pending', since: tx.now(), value: r.value, message: r.message })
    .onConflictDoNothing()
    .returning();
  if (!a || t.minDurationSec > 0) return false;
  await open(tx, d, a, r, t);
  return true;
}

async function open(tx: Ctx, d: Device, a: Alert, r: Reading, t: Threshold): Promise<void> {
  const title = `${RULE_TITLES[r.rule]}：${d.name}`;
  const ticket = await openDetectedTicket(tx, {
    serviceLine: d.serviceLine,
    severity: t.severity as 'critical' | 'high' | 'medium' | 'low',
    title,
    description: `${r.message}。自 ${a.since.toISOString()} 起持续，达到告警阈值。详见 /monitoring/${d.id}`,
    assetsText: d.name,
  });
  await tx.db
    .update(monAlerts)
    .set({ state: 'open', openedAt: tx.now(), ticketId: ticket.id, ticketNumber: ticket.number, value: r.value, message: r.message })
    .where(and(eq(monAlerts.id, a.id), eq(monAlerts.state, 'pending')));
  await audit(tx, {
    action: 'monitoring.alert.open',
    objectType: 'mon_alert',
    objectId: a.id,
    after: { rule: r.rule, object: r.object, ticketId: ticket.id },
  });
  await notifyUsers(tx, {
    userIds: await usersWithRoles(tx, ['engineer'], { serviceLine: d.serviceLine }),
    event: 'monitoring.alert',
    severity: t.severity === 'critical' || t.severity === 'high' ? 'critical' : 'warning',
    title,
    body: `${r.message}。已登记运维单 ${ticket.number}。`,
    link: `/monitoring/${d.id}`,
    objectType: 'mon_device',
    objectId: d.id,
  });
}

async function close(tx: Ctx, d: Device, a: Alert): Promise<void> {
  if (a.state === 'pending') {
    // Cleared before it lasted long enough: nothing was raised, nothing to keep.
    await tx.db.delete(monAlerts).where(and(eq(monAlerts.id, a.id), eq(monAlerts.state, 'pending')));
    return;
  }
  await tx.db.update(monAlerts).set({ state: 'closed', closedAt: tx.now() }).where(eq(monAlerts.id, a.id));
  await audit(tx, { action: 'monitoring.alert.close', objectType: 'mon_alert', objectId: a.id, after: { rule: a.rule, object: a.object } });
  if (a.ticketId)
    await resolveDetectedTicket(
      tx,
      a.ticketId,
      `监控检测到告警条件已解除（${RULE_TITLES[a.rule as TAlertRule]}，${d.name}），系统自动处理完毕。`,
    );
}

export const alertJob: GlobalJob = {
  name: 'monitoring-alerts',
  scope: 'global',
  cron: '* * * * *',
  handler: async (ctx) => void (await evaluateAlerts(ctx)),
};
