// Dates in Asia/Shanghai as plain arithmetic: `YYYY-MM-DD` strings and integer day numbers (days
// since 1970-01-01), fixed UTC+08:00 (see calendar.ts for why that is exact). The day-number
// primitives serve calendar.ts and holiday-file.ts; the plain helpers below them serve everyone.
// ---------------------------------------------------------------------------------------------
// Constants

/** An instant as ISO text, or null (a record's optional timestamp in an answer). */
export const isoOrNull = (d: Date | null): string | null => d?.toISOString() ?? null;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai = UTC+08:00, fixed (see calendar.ts). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** 1970-01-05, the first Monday on or after the epoch, as a day number. */
const MONDAY_ANCHOR = 4;

/** A message in Chinese and English, as the calendar's errors carry them. */
export const bi = (zh: string, en: string): string => `${zh} / ${en}`;

// ---------------------------------------------------------------------------------------------
// Day numbers (proleptic Gregorian; H. Hinnant's civil-date algorithms)

export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0 … February = 11
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDay(dayNumber: number): [year: number, month: number, day: number] {
  const z0 = dayNumber + 719_468;
  const era = Math.floor(z0 / 146_097);
  const doe = z0 - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid `YYYY-MM-DD`, or null. */
export function tryParseDay(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const dn = dayFromCivil(year, month, day);
  const [y2, m2] = civilFromDay(dn);
  return y2 === year && m2 === month ? dn : null; // rejects 2021-02-30 and friends
}

export function toDay(date: string): number {
  const dn = typeof date === 'string' ? tryParseDay(date) : null;
  if (dn === null) {
    throw new RangeError(
      bi(`无效日期：${JSON.stringify(date)}（应为 YYYY-MM-DD）`, `invalid date ${JSON.stringify(date)} (expected YYYY-MM-DD)`),
    );
  }
  return dn;
}

export function formatDay(dayNumber: number): string {
  const [y, m, d] = civilFromDay(dayNumber);
  if (y < 0 || y > 9999) {
    throw new RangeError(bi('日期超出 0000–9999 年范围', 'date outside the years 0000–9999'));
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekendDay(dayNumber: number): boolean {
  const w = weekdayOfDay(dayNumber);
  return w === 0 || w === 6;
}

/** Monday–Friday days in [MONDAY_ANCHOR, dayNumber) — negative before the anchor. */
export function mondayToFridayBefore(dayNumber: number): number {
  const k = dayNumber - MONDAY_ANCHOR;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7, 5);
}

export function checkInstant(instant: Date, what: string): number {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(bi(`${what} 不是有效时刻`, `${what} is not a valid instant`));
  return t;
}

/** Splits an instant into its Shanghai day number and milliseconds since local midnight. */
export function splitInstant(t: number): [dayNumber: number, timeOfDay: number] {
  const local = t + SHANGHAI_OFFSET_MS;
  const dn = Math.floor(local / DAY_MS);
  return [dn, local - dn * DAY_MS];
}

export function joinInstant(dayNumber: number, timeOfDay: number): Date {
  return checkedDate(dayNumber * DAY_MS + timeOfDay - SHANGHAI_OFFSET_MS);
}

export function checkedDate(t: number): Date {
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) throw new RangeError(bi('结果超出可表示的时间范围', 'result is out of the representable time range'));
  return d;
}

// ---------------------------------------------------------------------------------------------
// Plain date helpers (no holidays involved)

/** True if `s` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(s: string): boolean {
  return typeof s === 'string' && tryParseDay(s) !== null;
}

/** The Asia/Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export function dateOf(instant: Date): string {
  return formatDay(splitInstant(checkInstant(instant, 'instant'))[0]);
}

/** The instant at local time `hhmm` (`HH:MM`, 00:00–23:59) of Shanghai date `date`. */
export function instantOf(date: string, hhmm: string): Date {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m)
    throw new RangeError(bi(`无效时间：${JSON.stringify(hhmm)}（应为 HH:MM）`, `invalid time ${JSON.stringify(hhmm)} (expected HH:MM)`));
  return joinInstant(toDay(date), Number(m[1]) * HOUR_MS + Number(m[2]) * MINUTE_MS);
}

/** Day of the week of a date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDay(toDay(date));
}

/** `date` plus `n` calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(bi('天数必须是整数', 'n must be an integer'));
  return formatDay(toDay(date) + n);
}

/** Calendar days from `from` to `to` (`to - from`; negative if `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}
