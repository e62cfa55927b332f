// The computed sections of a report: each reads one evidence provider through the registry (another
// module's data only through what it declares) and turns its answer into a table with links back to
// the lists the numbers count, notes, and a chart. Which sections a kind carries: KIND_SECTIONS.
import type { ReportKind, TSection } from '../../../common/reports.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import type { Ctx } from '../../kernel/context.ts';
import type { Registry } from '../../kernel/registry.ts';
import type { Period } from './periods.ts';
import { bar, days, link, pct, to, type SectionDef } from './cells.ts';
import { OPS_SECTIONS } from './sections-ops.ts';

const CATEGORY: Record<string, string> = { fault: '故障', request: '服务请求', consultation: '咨询', complaint: '投诉' };
const TARGET: Record<string, string> = { callback: '响应回电', onsite: '到场', resolve: '解决', report: '报告' };

function sumBy<T>(rows: T[], key: (r: T) => string, value: (r: T) => number): [string[], number[]] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + value(r));
  return [[...m.keys()], [...m.values()]];
}

interface TicketRow {
  serviceLine: string;
  category: string;
  tickets: number;
  onsite: number;
  remote: number;
}
interface SlaRow {
  serviceLine: string;
  target: string;
  due: number;
  met: number;
  late: number;
  breached: number;
  rate: number | null;
}

const DESK_SECTIONS: SectionDef[] = [
  {
    id: 'tickets',
    title: '运维单统计（按服务项目、类别、服务方式）',
    evidence: 'desk.ticket_counts',
    build: (r: { rows: TicketRow[] }, p: Period) => {
      const desk = (x?: TicketRow) => to('/desk', { serviceLine: x?.serviceLine, category: x?.category, ...days(p), merged: false });
      const total = r.rows.reduce((a, x) => [a[0]! + x.tickets, a[1]! + x.onsite, a[2]! + x.remote], [0, 0, 0]);
      const [lines, counts] = sumBy(
        r.rows,
        (x) => lineLabel(x.serviceLine),
        (x) => x.tickets,
      );
      return {
        columns: ['服务项目', '类别', '运维单', '现场服务', '远程服务'],
        rows: [
          ...r.rows.map((x) => [
            lineLabel(x.serviceLine),
            CATEGORY[x.category] ?? x.category,
            link(x.tickets, desk(x)),
            x.onsite,
            x.remote,
          ]),
          ['合计', '', link(total[0]!, desk()), total[1]!, total[2]!],
        ],
        notes: [`本期共受理运维单 ${total[0]} 张（合并的重复单不计），现场服务 ${total[1]} 次，远程服务 ${total[2]} 次。`],
        chart: bar('运维单数量（按服务项目）', lines, [{ name: '运维单', data: counts }]),
      };
    },
  },
  {
    id: 'sla',
    title: 'SLA 达成情况（按服务项目、计时目标）',
    evidence: 'desk.sla_attainment',
    build: (r: { rows: SlaRow[] }, p: Period) => {
      const desk = (x: SlaRow, clockState?: string) =>
        to('/desk', { serviceLine: x.serviceLine, clock: x.target, clockState, ...days(p, ['dueFrom', 'dueTo']), merged: false });
      const due = r.rows.reduce((n, x) => n + x.due, 0);
      const met = r.rows.reduce((n, x) => n + x.met, 0);
      return {
        columns: ['服务项目', '计时目标', '到期', '按时达成', '超时达成', '未达成', '达成率'],
        rows: r.rows.map((x) => [
          lineLabel(x.serviceLine),
          TARGET[x.target] ?? x.target,
          link(x.due, desk(x)),
          link(x.met, desk(x, 'met')),
          link(x.late, desk(x, 'met_late')),
          link(x.breached, desk(x, 'breached')),
          pct(x.rate === null ? null : x.rate * 100),
        ]),
        notes: [due ? `本期到期的计时 ${due} 项，按时达成 ${met} 项，总达成率 ${pct((met / due) * 100)}。` : '本期没有到期的 SLA 计时。'],
        chart: bar(
          'SLA 达成率（%）',
          r.rows.map((x) => `${lineLabel(x.serviceLine)}-${TARGET[x.target] ?? x.target}`),
          [{ name: '达成率', data: r.rows.map((x) => (x.rate === null ? 0 : Math.round(x.rate * 1000) / 10)) }],
        ),
      };
    },
  },
];

export const SECTIONS: SectionDef[] = [...DESK_SECTIONS, ...OPS_SECTIONS];

export const KIND_SECTIONS: Record<ReportKind, string[]> = {
  daily: ['tickets', 'network', 'security_faults', 'events', 'inspections'],
  weekly: ['tickets', 'sla', 'network', 'inspections', 'changes', 'configbackup', 'events', 'signatures'],
  monthly: SECTIONS.map((s) => s.id),
  quarterly: SECTIONS.map((s) => s.id),
  annual: SECTIONS.map((s) => s.id),
};

/** Computes the sections of a kind for a period; a provider missing from this site is left out. */
export async function computeSections(ctx: Ctx, registry: Registry, kind: ReportKind, p: Period): Promise<TSection[]> {
  const out: TSection[] = [];
  for (const id of KIND_SECTIONS[kind]) {
    const def = SECTIONS.find((s) => s.id === id)!;
    const e = registry.evidence.get(def.evidence);
    if (!e) continue;
    const result = await e.read(ctx, e.params.parse({ from: p.from, to: p.to }));
    out.push({ id, title: def.title, evidence: def.evidence, requirements: [...e.requirements], ...def.build(result, p) });
  }
  return out;
}
