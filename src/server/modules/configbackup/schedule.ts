// When a device's scheduled backup is due (issue 12 point 2, R-MON-05): pure arithmetic on Beijing
// time and the business calendar, so the job and its tests share one answer. A group runs every N
// minutes or at daily times, never outside its window, and with "working days only" never on a
// weekend or statutory holiday (调休 make-up workdays count as working days).
import type { BusinessCalendar } from '../../../common/calendar.ts';
import { DAY_MS, MINUTE_MS, addCalendarDays, dateOf, instantOf } from '../../../common/dates.ts';

export interface Schedule {
  everyMinutes: number | null;
  dailyTimes: readonly string[];
  windowStart: string | null;
  windowEnd: string | null;
  workingDaysOnly: boolean;
  enabled: boolean;
}

/** Devices in no group: every night at 02:30, started no later than 06:00 (the quiet hours). */
export const DEFAULT_SCHEDULE: Schedule = {
  everyMinutes: null,
  dailyTimes: ['02:30'],
  windowStart: '02:00',
  windowEnd: '06:00',
  workingDaysOnly: false,
  enabled: true,
};

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The opening of the window `now` falls in, or null outside it. An end at or before the start
 * crosses midnight (22:00–04:00); no window at all is the whole day, opening at midnight.
 */
export function windowOpening(s: Schedule, now: Date): Date | null {
  const today = dateOf(now);
  if (s.windowStart === null || s.windowEnd === null) return instantOf(today, '00:00');
  let length = minutesOf(s.windowEnd) - minutesOf(s.windowStart);
  if (length <= 0) length += 24 * 60;
  for (const day of [today, addCalendarDays(today, -1)]) {
    const open = instantOf(day, s.windowStart);
    if (now >= open && now.getTime() < open.getTime() + length * MINUTE_MS) return open;
  }
  return null;
}

/** Whether a scheduled run of a device last started by the scheduler at `last` is due at `now`. */
export function isDue(s: Schedule, now: Date, calendar: BusinessCalendar, last: Date | null): boolean {
  if (!s.enabled) return false;
  const open = windowOpening(s, now);
  if (!open) return false;
  // The day a night window belongs to is the day it opened on (Friday 22:00–Saturday 04:00 is Friday's).
  if (s.workingDaysOnly && !calendar.isWorkingDay(dateOf(open))) return false;
  if (s.everyMinutes !== null) return !last || now.getTime() - last.getTime() >= s.everyMinutes * MINUTE_MS;
  // Daily times: the latest one passed since the window opened (a missed one is caught up while the
  // window lasts, never later), unless the scheduler started the device since.
  let slot: Date | null = null;
  for (const day of [dateOf(now), dateOf(new Date(now.getTime() - DAY_MS))])
    for (const t of s.dailyTimes) {
      const at = instantOf(day, t);
      if (at <= now && at >= open && (!slot || at > slot)) slot = at;
    }
  return slot !== null && (!last || last < slot);
}
