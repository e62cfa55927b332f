// The period of a report: the day, the week (Monday to Sunday), the month, the quarter or the year
// containing a date, in China time. A report covers only a period that has ended.
import { addCalendarDays, dateOf, instantOf, weekdayOf } from '../../../common/dates.ts';
import { REPORT_KIND_NAMES, type ReportKind } from '../../../common/reports.ts';
import { Unprocessable } from '../../kernel/errors.ts';

export interface Period {
  /** First and last day, inclusive. */
  start: string;
  end: string;
  /** The instants [from, to) the evidence providers read. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(y: number, m: number): string {
  return addCalendarDays(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`, -1);
}

export function periodOf(kind: ReportKind, date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  let start: string;
  let end: string;
  if (kind === 'daily') [start, end] = [date, date];
  else if (kind === 'weekly') {
    start = addCalendarDays(date, -((weekdayOf(date) + 6) % 7));
    end = addCalendarDays(start, 6);
  } else if (kind === 'monthly') [start, end] = [`${y}-${pad(m)}-01`, lastDayOfMonth(y, m)];
  else if (kind === 'quarterly') {
    const q = Math.floor((m - 1) / 3) * 3 + 1;
    [start, end] = [`${y}-${pad(q)}-01`, lastDayOfMonth(y, q + 2)];
  } else [start, end] = [`${y}-01-01`, `${y}-12-31`];
  return { start, end, from: instantOf(start, '00:00').toISOString(), to: instantOf(addCalendarDays(end, 1), '00:00').toISOString() };
}

/** The period, refused with 422 when it has not ended yet (a report states what happened, not what might). */
export function endedPeriod(kind: ReportKind, date: string, now: Date): Period {
  const p = periodOf(kind, date);
  if (Date.parse(p.to) > now.getTime()) {
    const today = dateOf(now);
    throw new Unprocessable(
      'reports.period_not_ended',
      p.start > today
        ? `${REPORT_KIND_NAMES[kind]}的报告期 ${p.start} 至 ${p.end} 在未来，不能生成`
        : `${REPORT_KIND_NAMES[kind]}的报告期 ${p.start} 至 ${p.end} 尚未结束（今天是 ${today}），结束后才能生成`,
    );
  }
  return p;
}

/** A report's title: 2026年11月 月度运维报告, 2026年第4季度…, 2026-11-30 日监控表. */
export function titleOf(kind: ReportKind, p: { start: string; end: string }): string {
  const y = p.start.slice(0, 4);
  const label =
    kind === 'daily'
      ? p.start
      : kind === 'weekly'
        ? `${p.start} 至 ${p.end}`
        : kind === 'monthly'
          ? `${y}年${Number(p.start.slice(5, 7))}月`
          : kind === 'quarterly'
            ? `${y}年第${Math.floor((Number(p.start.slice(5, 7)) - 1) / 3) + 1}季度`
            : `${y}年`;
  return `${label} ${REPORT_KIND_NAMES[kind]}`;
}
