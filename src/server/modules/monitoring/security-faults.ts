// R-MON-09: written reports of security-device faults, as an evidence provider for the reports module.
// A security device is a monitored device linked to an asset of kind `security` (防火墙, 入侵检测与防御,
// 防病毒, 安全审计 and the agency's sub-classes); its faults are the alerts raised on it (pending ones
// never were faults) that overlap the period, each with start, end, duration, the cause its ticket
// records and the ticket's number, and a sentence a report can quote as it is.
import { and, gte, inArray, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import { ZEvidencePeriod, defineEvidence } from '../../kernel/module.ts';
import { shanghaiTime } from '../../kernel/office/list-export.ts';
import { ALERT_RULE_ZH, type TAlertRule } from '../../../common/monitoring.ts';
import { assetKinds } from '../assets/api.ts';
import { ticketCauses } from '../desk/api.ts';
import { monAlerts, monDevices } from './tables.ts';

export interface SecurityFault {
  deviceId: string;
  device: string;
  assetNumber: string;
  /** The asset's class: 防火墙, 入侵检测与防御设备… */
  deviceType: string;
  rule: string;
  fault: string;
  start: string;
  /** null: not over at the end of the period. */
  end: string | null;
  /** Minutes from start to end, or to the end of the period while it lasts. */
  durationMin: number;
  cause: string;
  ticketId: string | null;
  ticketNumber: string | null;
  text: string;
}

export const securityDeviceFaults = defineEvidence({
  id: 'monitoring.security_device_faults',
  title: { zh: '安全设备故障书面报告', en: 'Written report of security-device faults' },
  requirements: ['R-MON-09'],
  params: ZEvidencePeriod,
  read: async (ctx, p) => {
    const from = new Date(p.from);
    const to = new Date(p.to);
    const linked = await ctx.db
      .select({ id: monDevices.id, name: monDevices.name, assetId: monDevices.assetId })
      .from(monDevices)
      .where(isNotNull(monDevices.assetId));
    const security = new Map(
      (
        await assetKinds(
          ctx,
          linked.map((d) => d.assetId!),
        )
      )
        .filter((a) => a.kind === 'security')
        .map((a) => [a.id, a]),
    );
    const devices = linked.filter((d) => security.has(d.assetId!));
    const alerts = devices.length
      ? await ctx.db
          .select()
          .from(monAlerts)
          .where(
            and(
              inArray(
                monAlerts.deviceId,
                devices.map((d) => d.id),
              ),
              ne(monAlerts.state, 'pending'),
              lt(monAlerts.since, to),
              or(isNull(monAlerts.closedAt), gte(monAlerts.closedAt, from)),
            ),
          )
          .orderBy(monAlerts.since, monAlerts.id)
      : [];
    const causes = await ticketCauses(ctx, [...new Set(alerts.flatMap((a) => (a.ticketId ? [a.ticketId] : [])))]);
    const faults: SecurityFault[] = alerts.map((a) => {
      const d = devices.find((x) => x.id === a.deviceId)!;
      const asset = security.get(d.assetId!)!;
      const over = a.closedAt !== null && a.closedAt <= to;
      const end = over ? a.closedAt! : to;
      const durationMin = Math.round((end.getTime() - a.since.getTime()) / 60_000);
      const ticket = a.ticketId ? causes.get(a.ticketId) : undefined;
      const fault = ALERT_RULE_ZH[a.rule as TAlertRule] ?? a.rule;
      const cause = ticket?.cause ?? '';
      const text =
        `${asset.className}“${d.name}”（资产编号 ${asset.number}）于 ${shanghaiTime(a.since)} 发生故障：${fault}（${a.message}）；` +
        (over ? `${shanghaiTime(a.closedAt)} 恢复，历时 ${durationMin} 分钟。` : `截至报告期末尚未恢复（已持续 ${durationMin} 分钟）。`) +
        `故障原因：${cause || '运维单尚未填写'}。` +
        (a.ticketNumber ? `运维单号 ${a.ticketNumber}。` : '');
      return {
        deviceId: d.id,
        device: d.name,
        assetNumber: asset.number,
        deviceType: asset.className,
        rule: a.rule,
        fault,
        start: a.since.toISOString(),
        end: over ? a.closedAt!.toISOString() : null,
        durationMin,
        cause,
        ticketId: a.ticketId,
        ticketNumber: a.ticketNumber ?? ticket?.number ?? null,
        text,
      };
    });
    const totalDurationMin = faults.reduce((n, f) => n + f.durationMin, 0);
    return {
      from: p.from,
      to: p.to,
      securityDevices: devices.length,
      faults,
      totalDurationMin,
      summary: faults.length
        ? `报告期内 ${devices.length} 台受监控的安全设备共发生故障 ${faults.length} 次，累计 ${totalDurationMin} 分钟。`
        : `报告期内 ${devices.length} 台受监控的安全设备未发生故障。`,
    };
  },
});
