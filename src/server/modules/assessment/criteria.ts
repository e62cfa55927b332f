// The criteria as data (R-QA-01): each of the contract's 附件一 x.3 criteria (contract-criteria.ts) with
// its points, how it is measured, its target and — where a module proves it — the evidence provider
// that measures it. Targets are the contract's where it names one (callback within 5 minutes, on site
// within the SLA, a joint test before every meeting) and otherwise chosen and said here. A provider
// that is not on the site (a module left out, or one not written yet) leaves the criterion to the
// agency's judgment: 人工评分.
import { CRITERION_POINTS } from '../../../common/assessment.ts';
import type { Ctx } from '../../kernel/context.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import { CONTRACT_CRITERIA } from './contract-criteria.ts';
import { qaCriteria, type Measured } from './tables.ts';

export interface Rule {
  measure: string;
  target: string;
  evidenceId: string | null;
  /** The figure for one line from the provider's answer; suggested pass/fail when the rule has a target. */
  read?: (result: unknown, line: string, month: string) => { measured: Measured; suggested: 'pass' | 'fail' | null };
}

const MANUAL: Rule = { measure: '甲方按工作记录与日常了解评分', target: '甲方评定', evidenceId: null };

type SlaRow = { serviceLine: string; target: string; due: number; met: number };
const rowsOf = <T>(r: unknown): T[] => (r as { rows?: T[] } | null)?.rows ?? [];
const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;

/** SLA attainment of one target (or all) on the line: met in time over due. */
function sla(target: string | null, goal: number, measure: string): Rule {
  return {
    measure,
    target: `≥ ${pct(goal)}`,
    evidenceId: 'desk.sla_attainment',
    read: (result, line) => {
      const rows = rowsOf<SlaRow>(result).filter((r) => r.serviceLine === line && (!target || r.target === target));
      const due = rows.reduce((n, r) => n + r.due, 0);
      const met = rows.reduce((n, r) => n + r.met, 0);
      const link = `/desk?serviceLine=${line}`;
      if (!due) return { measured: { display: '本月无到期的计时', value: null, link }, suggested: null };
      const rate = met / due;
      return { measured: { display: `${pct(rate)}（${met}/${due}）`, value: rate, link }, suggested: rate >= goal ? 'pass' : 'fail' };
    },
  };
}

const CATEGORY: Record<string, string> = { fault: '故障', request: '服务请求', consultation: '咨询', complaint: '投诉' };

const TICKETS: Rule = {
  measure: '本月登记的运维单（按类别）',
  target: '每个问题均有运维单记录，类别清楚',
  evidenceId: 'desk.ticket_counts',
  read: (result, line) => {
    const rows = rowsOf<{ serviceLine: string; category: string; tickets: number }>(result).filter((r) => r.serviceLine === line);
    const n = rows.reduce((s, r) => s + r.tickets, 0);
    const by = rows.map((r) => `${CATEGORY[r.category] ?? r.category} ${r.tickets}`).join('，');
    return { measured: { display: `${n} 张${by ? `（${by}）` : ''}`, value: n, link: `/desk?serviceLine=${line}` }, suggested: null };
  },
};

const AVAILABILITY = 99.9;
const NETWORK: Rule = {
  measure: '监控设备最低可用率（ICMP 探测）',
  target: `≥ ${AVAILABILITY}%`,
  evidenceId: 'monitoring.network_analysis',
  read: (result) => {
    const low = (result as { lowestAvailability?: number | null }).lowestAvailability ?? null;
    if (low === null) return { measured: { display: '本月无探测数据', value: null, link: '/monitoring' }, suggested: null };
    return { measured: { display: `${low}%`, value: low, link: '/monitoring' }, suggested: low >= AVAILABILITY ? 'pass' : 'fail' };
  },
};

const ADVICE: Rule = {
  measure: '月度网络运行分析与优化建议',
  target: '每月提供分析与建议',
  evidenceId: 'monitoring.network_analysis',
  read: (result) => {
    const advice = (result as { advice?: string[] }).advice ?? [];
    return { measured: { display: `优化建议 ${advice.length} 条`, value: advice.length, link: '/monitoring' }, suggested: null };
  },
};

const SECURITY_FAULTS: Rule = {
  measure: '安全设备故障及恢复情况',
  target: '故障在月内恢复并书面报告',
  evidenceId: 'monitoring.security_device_faults',
  read: (result) => {
    const faults = (result as { faults?: { end: string | null }[] }).faults ?? [];
    const open = faults.filter((f) => !f.end).length;
    const display = faults.length ? `故障 ${faults.length} 次，未恢复 ${open} 次` : '本月无故障';
    return { measured: { display, value: faults.length, link: '/monitoring/alerts' }, suggested: open ? 'fail' : 'pass' };
  },
};

const PRETEST: Rule = {
  measure: '会前按时完成联调的会议占比',
  target: '100%',
  evidenceId: 'conferences.pretest',
  read: (result) => {
    const r = result as { meetings?: number; testedInTime?: number; testedInTimePct?: number | null };
    if (!r.meetings) return { measured: { display: '本月无会议', value: null, link: '/conferences' }, suggested: null };
    const display = `${r.testedInTimePct}%（${r.testedInTime}/${r.meetings}）`;
    return {
      measured: { display, value: r.testedInTimePct ?? null, link: '/conferences' },
      suggested: r.testedInTime === r.meetings ? 'pass' : 'fail',
    };
  },
};

const PROBLEMS: Rule = {
  measure: '会中问题数',
  target: '会中问题及时处理',
  evidenceId: 'conferences.pretest',
  read: (result) => {
    const n = (result as { problems?: number }).problems ?? 0;
    return { measured: { display: `${n} 个`, value: n, link: '/conferences' }, suggested: null };
  },
};

/** The rule of one criterion: by line, item and number; items alike across lines share a rule. */
export function ruleFor(line: string, item: number, no: number): Rule {
  const key = `${item}-${no}`;
  if (line === 'NET' && (key === '1-1' || key === '1-3' || key === '2-2' || key === '2-3')) return NETWORK;
  if (line === 'SEC' && key === '2-2') return NETWORK;
  if (line === 'NET' && key === '1-2') return ADVICE;
  if ((line === 'SM' && key === '2-2') || (line === 'SEC' && key === '2-3')) return SECURITY_FAULTS;
  if (line === 'VC' && key === '2-1') return PRETEST;
  if (line === 'VC' && key === '2-2') return PROBLEMS;
  if (key === '3-1') return sla('callback', 0.95, '5 分钟内回电的比例（SLA“回电”）');
  if (key === '3-2') return sla(null, 0.9, '按时达成的 SLA 计时占比（全部目标）');
  if (key === '3-3' || key === '5-1') return TICKETS;
  if (key === '4-1') return sla('onsite', 0.95, '按时到达现场的比例（SLA“到场”）');
  if (key === '4-2') return sla('resolve', 0.95, '按时解决的比例（SLA“解决”）');
  return MANUAL;
}

export const criterionId = (line: string, item: number, no: number) => `${line}-${item}-${no}`;

/** Reference data: every criterion, its rule's measurement, target and evidence (idempotent, every start). */
export async function seedCriteria(ctx: Ctx): Promise<void> {
  const rows = CONTRACT_CRITERIA.map(([line, item, itemTitle, no, text], i) => {
    const r = ruleFor(line, item, no);
    return {
      id: criterionId(line, item, no),
      line,
      item,
      itemTitle,
      no,
      text,
      maxPoints: CRITERION_POINTS,
      measure: r.measure,
      target: r.target,
      evidenceId: r.evidenceId,
      sort: i,
    };
  });
  for (const r of rows) {
    const { id: _id, ...set } = r;
    await ctx.db.insert(qaCriteria).values(r).onConflictDoUpdate({ target: qaCriteria.id, set });
  }
}

export const criterionLabel = (c: { line: string; item: number; itemTitle: string; no: number; text: string }) =>
  `${lineLabel(c.line)} ${c.item}.${c.no} ${c.text}`;
