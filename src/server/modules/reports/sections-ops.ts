// The operations sections of a report: network and security-device faults, security events,
// inspections, changes and backups, signatures, vulnerabilities, duty and conferences — each from one
// module's evidence provider, with links to the list pages (and the filters they accept).
import { CHANGE_STATE_NAMES, CHANGE_TYPE_NAMES, type ChangeState, type ChangeType } from '../../../common/changes.ts';
import { DUTY_LAYERS } from '../../../common/duty.ts';
import { SCHEDULE_NAMES, type Schedule } from '../../../common/inspections.ts';
import { RESPONSE_KIND_NAMES, type ResponseKind } from '../../../common/secops.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import { SEVERITY_ZH } from '../../../common/vulns.ts';
import { bar, days, link, pct, to, type SectionDef } from './cells.ts';

const sev = (s: string) => SEVERITY_ZH[s as keyof typeof SEVERITY_ZH] ?? s;
const time = (iso: string | null) =>
  iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '未恢复';
const LAYER_NAMES: Record<(typeof DUTY_LAYERS)[number], string> = {
  resident: '驻场',
  mobile: '机动',
  'on-call': '二线值班',
  'holiday-special': '节假日专项',
};

interface Device {
  deviceId: string;
  name: string;
  serviceLine: string;
  availability: number | null;
  latencyAvgMs: number | null;
  alerts: number;
}
interface Iface {
  deviceId: string;
  device: string;
  name: string;
  utilPeakPct: number | null;
}
interface Fault {
  deviceId: string;
  device: string;
  deviceType: string;
  fault: string;
  start: string;
  end: string | null;
  durationMin: number;
  cause: string;
  ticketNumber: string | null;
}

export const OPS_SECTIONS: SectionDef[] = [
  {
    id: 'network',
    title: '网络运行分析（可用率、时延、告警）',
    evidence: 'monitoring.network_analysis',
    build: (r: { devices: Device[]; interfaces: Iface[]; advice: string[] }, p) => ({
      columns: ['设备', '服务项目', '可用率', '平均时延(ms)', '告警'],
      rows: r.devices.map((d) => [
        d.name,
        lineLabel(d.serviceLine),
        pct(d.availability, 3),
        d.latencyAvgMs ?? '—',
        // The alerts raised (not merely pending) on the device in the period, as the provider counts them.
        link(d.alerts, to('/monitoring/alerts', { deviceId: d.deviceId, ...days(p), raised: true })),
      ]),
      notes: [
        ...r.interfaces.slice(0, 5).map((i) => `繁忙端口：${i.device} ${i.name} 峰值利用率 ${Math.round(i.utilPeakPct ?? 0)}%`),
        ...r.advice.map((a) => `建议：${a}`),
      ],
      chart: bar(
        '设备可用率（%）',
        r.devices.filter((d) => d.availability !== null).map((d) => d.name),
        [{ name: '可用率', data: r.devices.filter((d) => d.availability !== null).map((d) => d.availability!) }],
      ),
    }),
  },
  {
    id: 'security_faults',
    title: '安全设备故障',
    evidence: 'monitoring.security_device_faults',
    build: (r: { securityDevices: number; faults: Fault[] }) => ({
      columns: ['设备', '类型', '故障', '开始', '恢复', '历时(分钟)', '原因', '运维单'],
      rows: r.faults.map((f) => [
        f.device,
        f.deviceType,
        f.fault,
        time(f.start),
        time(f.end),
        f.durationMin,
        f.cause || '—',
        f.ticketNumber ?? '—',
      ]),
      notes: [`在用安全设备 ${r.securityDevices} 台，本期故障 ${r.faults.length} 次。`],
      chart: null,
    }),
  },
  {
    id: 'events',
    title: '安全事件与告警（按级别）',
    evidence: 'events.event_counts',
    build: (r: { rows: { severity: string; events: number; occurrences: number; alerts: number; ticketed: number }[] }, p) => {
      const sum = (k: 'events' | 'occurrences' | 'alerts' | 'ticketed') => r.rows.reduce((n, x) => n + x[k], 0);
      return {
        // 安全事件 is what the event list shows (one row per merged event, its total the linked number);
        // 发生次数 counts the repeats merged into those rows each.
        columns: ['级别', '安全事件（条）', '发生次数', '告警', '已转运维单'],
        rows: r.rows.map((x) => [
          sev(x.severity),
          link(x.events, to('/events', { severity: x.severity, from: p.from, to: p.to })),
          x.occurrences,
          link(x.alerts, to('/events/alerts', { severity: x.severity, ...days(p) })),
          x.ticketed,
        ]),
        notes: [
          `本期接收安全事件 ${sum('events')} 条（重复上报合并计，共发生 ${sum('occurrences')} 次），产生告警 ${sum('alerts')} 条，` +
            `其中 ${sum('ticketed')} 条已转运维单处理。`,
        ],
        chart: bar(
          '安全事件与告警（按级别）',
          r.rows.map((x) => sev(x.severity)),
          [
            { name: '安全事件', data: r.rows.map((x) => x.events) },
            { name: '告警', data: r.rows.map((x) => x.alerts) },
          ],
        ),
      };
    },
  },
  {
    id: 'inspections',
    title: '巡检完成情况',
    evidence: 'inspections.sheet_counts',
    build: (r: { rows: { serviceLine: string; schedule: string; due: number; done: number; late: number; overdue: number }[] }, p) => {
      const sheets = (x: { serviceLine: string; schedule: string }, outcome?: string) =>
        to('/inspections', { line: x.serviceLine, schedule: x.schedule, ...days(p, ['dueFrom', 'dueTo']), outcome });
      return {
        columns: ['服务项目', '周期', '应完成', '按时完成', '逾期完成', '未完成'],
        rows: r.rows.map((x) => [
          lineLabel(x.serviceLine),
          SCHEDULE_NAMES[x.schedule as Schedule] ?? x.schedule,
          link(x.due, sheets(x)),
          link(x.done, sheets(x, 'on_time')),
          link(x.late, sheets(x, 'late')),
          link(x.overdue, sheets(x, 'missing')),
        ]),
        notes: [
          `本期应完成巡检表 ${r.rows.reduce((n, x) => n + x.due, 0)} 份，按时完成 ${r.rows.reduce((n, x) => n + x.done, 0)} 份，` +
            `未完成 ${r.rows.reduce((n, x) => n + x.overdue, 0)} 份。`,
        ],
        chart: null,
      };
    },
  },
  {
    id: 'changes',
    title: '变更管理',
    evidence: 'changes.change_counts',
    build: (r: { rows: { type: string; state: string; changes: number }[]; raised: number; finished: number }, p) => ({
      columns: ['类型', '当前状态', '数量'],
      rows: r.rows.map((x) => [
        CHANGE_TYPE_NAMES[x.type as ChangeType] ?? x.type,
        CHANGE_STATE_NAMES[x.state as ChangeState] ?? x.state,
        link(x.changes, to('/changes', { type: x.type, state: x.state, ...days(p) })),
      ]),
      notes: [`本期提出变更 ${r.raised} 项，实施完成 ${r.finished} 项。`],
      chart: r.rows.length
        ? {
            type: 'pie',
            title: '变更（按状态）',
            categories: r.rows.map(
              (x) => `${CHANGE_TYPE_NAMES[x.type as ChangeType] ?? x.type}·${CHANGE_STATE_NAMES[x.state as ChangeState] ?? x.state}`,
            ),
            series: [{ name: '变更', data: r.rows.map((x) => x.changes) }],
          }
        : null,
    }),
  },
  {
    id: 'configbackup',
    title: '配置备份',
    evidence: 'configbackup.backup_counts',
    build: (r: { ok: number; failed: number; devices: number; detected: number; unexplained: number }, p) => ({
      columns: ['备份设备', '备份成功', '备份失败', '检测到配置变化', '无变更单说明'],
      rows: [
        // The runs started in the period, per outcome; the versions taken in it that differ from the one
        // before, and those no approved change explains (each raised the alert).
        [
          r.devices,
          link(r.ok, to('/config-backup/runs', { ...days(p), state: 'ok' })),
          link(r.failed, to('/config-backup/runs', { ...days(p), state: 'failed' })),
          link(r.detected, to('/config-backup/changes', days(p))),
          link(r.unexplained, to('/config-backup/changes', { ...days(p), unexplained: true })),
        ],
      ],
      notes: [
        `本期备份 ${r.ok + r.failed} 次，成功率 ${pct(r.ok + r.failed ? (r.ok / (r.ok + r.failed)) * 100 : null)}；` +
          `检测到配置变化 ${r.detected} 次，其中 ${r.unexplained} 次没有已批准的变更对应。`,
      ],
      chart: null,
    }),
  },
  {
    id: 'signatures',
    title: '安全设备特征库与处置',
    evidence: 'secops.signature_currency',
    build: (
      r: {
        counts: { ok: number; stale: number; critical: number; unknown: number };
        updates: number;
        responses: { kind: string; done: number; verified: number }[];
      },
      p,
    ) => {
      // The board as it stood at the end of the period's last day, of one status.
      const sig = (status: string) => to('/secops/signatures', { at: p.end, status });
      return {
        columns: ['项目', '数量'],
        rows: [
          ['特征库及时', link(r.counts.ok, sig('ok'))],
          ['特征库过期', link(r.counts.stale, sig('stale'))],
          ['特征库严重过期', link(r.counts.critical, sig('critical'))],
          ['版本未知', link(r.counts.unknown, sig('unknown'))],
          ['本期特征库更新', r.updates],
          ...r.responses.map((x) => [`处置：${RESPONSE_KIND_NAMES[x.kind as ResponseKind] ?? x.kind}（已验证生效 ${x.verified}）`, x.done]),
        ],
        notes: [`报告期末特征库过期 ${r.counts.stale + r.counts.critical} 台，本期更新 ${r.updates} 次。`],
        chart: {
          type: 'pie',
          title: '特征库时效',
          categories: ['及时', '过期', '严重过期', '未知'],
          series: [{ name: '设备', data: [r.counts.ok, r.counts.stale, r.counts.critical, r.counts.unknown] }],
        },
      };
    },
  },
  {
    id: 'vulns',
    title: '漏洞发现与修复（按级别）',
    evidence: 'vulns.finding_counts',
    build: (r: { rows: { severity: string; opened: number; fixed: number; verified: number; overdue: number }[] }, p) => ({
      columns: ['级别', '新发现', '已修复', '已验证', '逾期未修复'],
      rows: r.rows.map((x) => [
        sev(x.severity),
        link(x.opened, to('/vulns', { severity: x.severity, ...days(p, ['seenFrom', 'seenTo']) })),
        link(x.fixed, to('/vulns', { severity: x.severity, ...days(p, ['fixedFrom', 'fixedTo']) })),
        link(x.verified, to('/vulns', { severity: x.severity, ...days(p, ['verifiedFrom', 'verifiedTo']) })),
        // Still open at the end of the period with a due date in it or before: due by the last day.
        link(x.overdue, to('/vulns', { severity: x.severity, dueBefore: p.end, seenTo: p.end, active: true })),
      ]),
      notes: [
        `本期新发现漏洞 ${r.rows.reduce((n, x) => n + x.opened, 0)} 个，修复 ${r.rows.reduce((n, x) => n + x.fixed, 0)} 个，` +
          `验证 ${r.rows.reduce((n, x) => n + x.verified, 0)} 个。`,
      ],
      chart: bar(
        '漏洞（按级别）',
        r.rows.map((x) => sev(x.severity)),
        [
          { name: '新发现', data: r.rows.map((x) => x.opened) },
          { name: '已修复', data: r.rows.map((x) => x.fixed) },
        ],
      ),
    }),
  },
  {
    id: 'duty',
    title: '值班情况',
    evidence: 'duty.duty_counts',
    build: (
      r: {
        rows: {
          line: string;
          shifts: number;
          hours: number;
          byLayer: Record<string, number>;
          overridesRequested: number;
          overridesApproved: number;
          checkIns: number;
        }[];
      },
      p,
    ) => ({
      columns: ['服务项目', '班次', '值班小时', ...DUTY_LAYERS.map((l) => LAYER_NAMES[l]), '调班申请', '调班批准', '签到次数'],
      rows: r.rows.map((x) => [
        lineLabel(x.line),
        link(x.shifts, to('/duty', { tab: 'shifts', line: x.line, from: p.from, to: p.to })),
        x.hours,
        ...DUTY_LAYERS.map((l) => x.byLayer[l] ?? 0),
        link(x.overridesRequested, to('/duty', { tab: 'overrides', line: x.line, from: p.from, to: p.to })),
        x.overridesApproved,
        x.checkIns,
      ]),
      notes: [`本期值班 ${r.rows.reduce((n, x) => n + x.shifts, 0)} 班次，共 ${r.rows.reduce((n, x) => n + x.hours, 0)} 小时。`],
      chart: null,
    }),
  },
  {
    id: 'conferences',
    title: '视频会议保障',
    evidence: 'conferences.pretest',
    build: (r: { meetings: number; testedInTime: number; testedInTimePct: number | null; problems: number }, p) => ({
      columns: ['保障会议', '会前联调按时完成', '按时率', '会中问题'],
      rows: [
        [
          link(r.meetings, to('/conferences', { from: p.from, to: p.to, held: 'true' })),
          r.testedInTime,
          pct(r.testedInTimePct),
          r.problems,
        ],
      ],
      notes: [`本期保障视频会议 ${r.meetings} 场，会前联调按时完成 ${r.testedInTime} 场。`],
      chart: null,
    }),
  },
];
