// The agency's review period of a quarterly summary (第六条3): "收到季度服务工作总结报告后 15 日内".
// The contract writes 工作日 where it means working days (第四条2: 20 个工作日), so 15 日 are calendar
// days, counted as the Civil Code counts periods: the day of receipt does not count (民法典第二百零一条),
// the period ends at 24:00 of its last day, and a last day that is a statutory rest day (weekend or
// holiday, per the kernel's business calendar) moves to the next working day (第二百零三条).
import type { BusinessCalendar } from '../../../common/calendar.ts';
import { addCalendarDays, calendarDaysBetween, dateOf, instantOf } from '../../../common/dates.ts';
import { REVIEW_DAYS } from '../../../common/deliverables.ts';

export interface ReviewDeadline {
  /** The last day the agency may answer (China date). */
  dueDate: string;
  /** The instant the period ends: 24:00 of dueDate, China time. */
  dueAt: Date;
}

export function reviewDeadline(cal: BusinessCalendar, receivedAt: Date): ReviewDeadline {
  const last = addCalendarDays(dateOf(receivedAt), REVIEW_DAYS);
  const dueDate = cal.addWorkingDays(last, 0); // itself if a working day, else the next one
  return { dueDate, dueAt: instantOf(addCalendarDays(dueDate, 1), '00:00') };
}

/** Days left to the last review day (0: today is the last day; negative: past). */
export function daysLeft(dueDate: string, now: Date): number {
  return calendarDaysBetween(dateOf(now), dueDate);
}
