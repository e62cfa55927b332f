// What monitoring proves to the reports (ARCHITECTURE.md principle 4): the monthly network analysis
// with optimisation advice (R-MON-08), read from the hourly rollups and the alerts as they are.
// Availability is the share of ICMP probes answered, weighted by the samples of each hour; the
// advice comes from rules over those figures (ADVICE), never typed up. The hourly rollups are made by
// the same five-minute job as the 5-minute ones (rollups.ts rollupJob: the current hour again at each
// run), so they are as fresh; a month of them is 720 rows an interface instead of 8,640, which keeps
// the monthly report's analysis at 5,000 interfaces to about a second (docs/performance.md).
import { sql } from 'drizzle-orm';
import { queryRows } from '../../kernel/db/client.ts';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';
import type { Ctx } from '../../kernel/context.ts';
import { wavg } from './rollups.ts';

export interface DeviceMonth {
  deviceId: string;
  name: string;
  serviceLine: string;
  /** Percent of probes answered; null without ICMP samples in the period. */
  availability: number | null;
  latencyAvgMs: number | null;
  latencyMaxMs: number | null;
  alerts: number;
}
export interface InterfaceMonth {
  deviceId: string;
  device: string;
  ifIndex: number;
  name: string;
  utilPeakPct: number | null;
  inAvgBps: number | null;
  outAvgBps: number | null;
}

/** The thresholds of the advice: what the contractor proposes to the agency when a figure crosses them. */
export const ADVICE = { availabilityPct: 99.9, latencyAvgMs: 20, utilPeakPct: 80, alertsPerDevice: 5 } as const;

async function devicesOf(ctx: Ctx, from: string, to: string): Promise<DeviceMonth[]> {
  return queryRows<DeviceMonth>(
    ctx.db,
    sql`SELECT d.id AS "deviceId", d.name, d.service_line AS "serviceLine",
          round((100 - sum(r.loss_avg * r.samples) / nullif(sum(r.samples), 0))::numeric, 3)::float8 AS availability,
          round((${wavg('r.latency_avg', 'r.samples')})::numeric, 2)::float8 AS "latencyAvgMs",
          max(r.latency_max) AS "latencyMaxMs",
          (SELECT count(*)::int FROM mon_alerts a WHERE a.device_id = d.id AND a.state <> 'pending'
             AND a.since >= ${from}::timestamptz AND a.since < ${to}::timestamptz) AS alerts
        FROM mon_devices d
        LEFT JOIN mon_icmp_1h r ON r.device_id = d.id AND r.at >= ${from}::timestamptz AND r.at < ${to}::timestamptz
        GROUP BY d.id, d.name, d.service_line
        ORDER BY d.name`,
  );
}

async function busiestInterfaces(ctx: Ctx, from: string, to: string, limit: number): Promise<InterfaceMonth[]> {
  return queryRows<InterfaceMonth>(
    ctx.db,
    sql`SELECT r.device_id AS "deviceId", d.name AS device, r.if_index AS "ifIndex", coalesce(i.name, r.if_index::text) AS name,
          max(r.util_max) AS "utilPeakPct",
          ${wavg('r.in_bps_avg', 'r.samples')} AS "inAvgBps", ${wavg('r.out_bps_avg', 'r.samples')} AS "outAvgBps"
        FROM mon_if_1h r
        JOIN mon_devices d ON d.id = r.device_id
        LEFT JOIN mon_interfaces i ON i.device_id = r.device_id AND i.if_index = r.if_index
        WHERE r.at >= ${from}::timestamptz AND r.at < ${to}::timestamptz
        GROUP BY r.device_id, d.name, r.if_index, i.name
        HAVING max(r.util_max) IS NOT NULL
        ORDER BY max(r.util_max) DESC, d.name, r.if_index
        LIMIT ${limit}`,
  );
}

/** Optimisation advice (R-MON-08) from the month's figures, most pressing first. */
export function adviceFor(devices: DeviceMonth[], interfaces: InterfaceMonth[]): string[] {
  const out: string[] = [];
  for (const d of devices) {
    if (d.availability !== null && d.availability < ADVICE.availabilityPct)
      out.push(`${d.name} 可用率 ${d.availability}%，低于 ${ADVICE.availabilityPct}%：排查链路、供电与上联设备，必要时增加冗余链路。`);
  }
  for (const i of interfaces) {
    if (i.utilPeakPct !== null && i.utilPeakPct >= ADVICE.utilPeakPct)
      out.push(`${i.device} ${i.name} 峰值利用率 ${Math.round(i.utilPeakPct)}%：建议扩容链路带宽或调整流量路径。`);
  }
  for (const d of devices) {
    if (d.latencyAvgMs !== null && d.latencyAvgMs > ADVICE.latencyAvgMs)
      out.push(`${d.name} 平均时延 ${d.latencyAvgMs} ms，超过 ${ADVICE.latencyAvgMs} ms：检查链路质量与设备负载。`);
    if (d.alerts >= ADVICE.alertsPerDevice) out.push(`${d.name} 本月告警 ${d.alerts} 次：建议安排专项巡检，分析告警根因。`);
  }
  if (!out.length) out.push('本月网络运行平稳，各项指标均在阈值以内，暂无优化建议。');
  return out;
}

/** R-MON-08: the month's network analysis — availability and latency per device, the busiest interfaces, advice. */
export const networkMonth = defineEvidence({
  id: 'monitoring.network_analysis',
  title: { zh: '网络运行分析与优化建议', en: 'Network analysis and optimisation advice' },
  requirements: ['R-MON-01', 'R-MON-02', 'R-MON-08'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const devices = await devicesOf(ctx, p.from, p.to);
    const interfaces = await busiestInterfaces(ctx, p.from, p.to, 10);
    const measured = devices.filter((d) => d.availability !== null);
    const availability = measured.length ? Math.min(...measured.map((d) => d.availability!)) : null;
    return { from: p.from, to: p.to, devices, interfaces, lowestAvailability: availability, advice: adviceFor(devices, interfaces) };
  },
});
