// The rules of inspections that need no database: whether a value is an anomaly against its item
// (range, 正常/异常), and the periods of the schedules on the business calendar (daily on working
// days, weekly, monthly, quarterly), each due at 18:00 (Asia/Shanghai) of its last working day.
import type { BusinessCalendar } from '../../../common/calendar.ts';
import type { Schedule } from '../../../common/inspections.ts';

export interface Checkable {
  kind: string;
  min: number | null;
  max: number | null;
}

/** `正常` / `异常` of a check item; prefilled booleans become these too. */
export const OK = '正常';
export const FAULT = '异常';

/** Out of range, not a number where a number is expected, or 异常: an anomaly. No value yet: none. */
export function isAnomaly(item: Checkable, value: string | null): boolean {
  if (value === null || value.trim() === '') return false;
  if (item.kind === 'check') return value.trim() !== OK;
  if (item.kind !== 'range') return false;
  const n = Number(value.trim());
  if (!Number.isFinite(n)) return true;
  return (item.min !== null && n < item.min) || (item.max !== null && n > item.max);
}

/** Why a value is refused before it is stored (a check must be 正常 or 异常, a range a number). */
export function valueProblem(item: Checkable, value: string): string | null {
  if (item.kind === 'check' && value !== OK && value !== FAULT) return `该项须填写“${OK}”或“${FAULT}”`;
  if (item.kind === 'range' && !Number.isFinite(Number(value))) return '该项须填写数值';
  return null;
}

const DAY = 86_400_000;
const dn = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;
const fmt = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

export interface Period {
  start: string;
  end: string;
}

/** The period of a schedule that contains `date` (weeks run Monday to Sunday). */
export function periodContaining(schedule: Schedule, date: string): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  switch (schedule) {
    case 'daily':
      return { start: date, end: date };
    case 'weekly': {
      const n = dn(date);
      const monday = n - ((new Date(n * DAY).getUTCDay() + 6) % 7);
      return { start: fmt(monday), end: fmt(monday + 6) };
    }
    case 'monthly':
      return { start: fmt(Date.UTC(y, m - 1, 1) / DAY), end: fmt(Date.UTC(y, m, 0) / DAY) };
    case 'quarterly': {
      const q0 = Math.floor((m - 1) / 3) * 3;
      return { start: fmt(Date.UTC(y, q0, 1) / DAY), end: fmt(Date.UTC(y, q0 + 3, 0) / DAY) };
    }
  }
}

/** Working days of the period, in order (a make-up Saturday is one; a holiday is not). */
export function workingDays(cal: BusinessCalendar, p: Period): string[] {
  return cal
    .days(p.start, p.end)
    .filter((d) => d.type === 'workday' || d.type === 'makeup_workday')
    .map((d) => d.date);
}

export interface Due extends Period {
  dueAt: Date;
}

/**
 * The sheet a template should have by `date`: its period, when `date` is on or after the period's
 * first working day (a daily sheet only on a working day); null otherwise, or when the period has no
 * working day at all (a week of the National Day holiday).
 */
export function sheetDue(cal: BusinessCalendar, schedule: Schedule, date: string): Due | null {
  if (schedule === 'daily' && !cal.isWorkingDay(date)) return null;
  const p = periodContaining(schedule, date);
  const days = workingDays(cal, p);
  if (!days.length || days[0]! > date) return null;
  return { ...p, dueAt: new Date(`${days[days.length - 1]!}T18:00:00+08:00`) };
}

/** The date in Asia/Shanghai of an instant. */
export const shanghaiDate = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
