// Sudden interface-rate anomalies (R-MON-04, traffic attacks): an interface whose rate jumps far above
// its own recent baseline. The baseline is the median of the interface's rate (the larger of in and
// out) over its last N polls before the surge; a rate above `raiseValue` times that, and at least the
// floor (Mbit/s, so an idle port going to 1 Mbit/s is no attack), held for the threshold's minimum
// duration, opens an alert through the same path as every threshold (alerts.ts: one live alert per
// interface, a fault ticket, the engineers told). It clears below `clearValue` times the baseline or
// below the floor. While the alert lives, its baseline stays the one from before it began.
import { and, desc, eq, gte, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { TAlertRule } from '../../../common/monitoring.ts';
import type { Reading } from './alerts.ts';
import { monIfSamples } from './series.ts';
import type { monAlerts, monDevices, monInterfaces, monThresholds } from './tables.ts';

/** The defaults a threshold row leaves empty: 5× to raise, 2× to clear, 10 Mbit/s floor, 12 polls. */
export const SURGE = { factor: 5, clear: 2, floorMbps: 10, polls: 12 } as const;

type Threshold = typeof monThresholds.$inferSelect;
const mbps = (v: string | null) => (v === null ? null : Number(v) / 1e6);
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2).replace(/\.?0+$/, ''));

/** Median rate (Mbit/s) of the interface's last `polls` samples before `end`; null with fewer than half of them. */
async function baseline(
  ctx: Ctx,
  deviceId: string,
  ifIndex: number,
  end: Date,
  polls: number,
  intervalSec: number,
): Promise<number | null> {
  const rate = sql<number>`greatest(coalesce(${monIfSamples.inBps}, 0), coalesce(${monIfSamples.outBps}, 0))::float8`;
  const rows = await ctx.db
    .select({ r: rate })
    .from(monIfSamples)
    .where(
      and(
        eq(monIfSamples.deviceId, deviceId),
        eq(monIfSamples.ifIndex, ifIndex),
        lt(monIfSamples.at, end),
        // Twice the span, for missed polls; a bounded range also prunes the partitions.
        gte(monIfSamples.at, new Date(end.getTime() - polls * intervalSec * 2000)),
        or(isNotNull(monIfSamples.inBps), isNotNull(monIfSamples.outBps)),
      ),
    )
    .orderBy(desc(monIfSamples.at))
    .limit(polls);
  if (rows.length < Math.ceil(polls / 2)) return null;
  const v = rows.map((x) => Number(x.r)).sort((a, b) => a - b);
  const mid = v.length >> 1;
  return (v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2) / 1e6;
}

/** The rate_surge readings of a device's interfaces with fresh rates (a query only where it can matter). */
export async function surgeReadings(
  ctx: Ctx,
  d: typeof monDevices.$inferSelect,
  ifs: (typeof monInterfaces.$inferSelect)[],
  th: (rule: TAlertRule, ifIndex: number | null) => Threshold | undefined,
  live: (object: string) => typeof monAlerts.$inferSelect | undefined,
  fresh: (t: Date | null) => boolean,
): Promise<Reading[]> {
  const out: Reading[] = [];
  for (const i of ifs) {
    const t = th('rate_surge', i.ifIndex);
    const inM = mbps(i.inBps);
    const outM = mbps(i.outBps);
    if (!t || !fresh(i.sampledAt) || (inM === null && outM === null)) continue;
    const now = Math.max(inM ?? 0, outM ?? 0);
    const floor = t.floorValue ?? SURGE.floorMbps;
    const alert = live(String(i.ifIndex));
    if (now < floor && !alert) continue; // below the floor nothing can raise
    // The baseline ends before the surge: the current sample, or one interval before the alert began.
    const end = alert ? new Date(alert.since.getTime() - d.intervalSec * 1000) : i.sampledAt;
    const base = await baseline(ctx, d.id, i.ifIndex, end, t.baselinePolls ?? SURGE.polls, d.intervalSec);
    if (base === null) continue; // not enough history yet
    const factor = t.raiseValue ?? SURGE.factor;
    out.push({
      rule: 'rate_surge',
      object: String(i.ifIndex),
      raise: now >= floor && now > factor * base,
      clear: now < floor || now < (t.clearValue ?? SURGE.clear) * base,
      value: Math.round(now * 100) / 100,
      message: `${d.name} 接口 ${i.name} 流量突增至 ${fmt(now)} Mbit/s（近期基线 ${fmt(base)} Mbit/s，超过 ${factor} 倍）`,
    });
  }
  return out;
}
