/**
 * Business calendar: statutory holidays, make-up workdays and business-time arithmetic in
 * Asia/Shanghai. Shared by the server (SLA clocks, contract deadlines, rosters) and the web app, so
 * it is pure TypeScript: no Node or DOM imports, no I/O. The server (`kernel/calendar`) loads the
 * data files and builds a {@link BusinessCalendar}; this module only computes.
 *
 * Time zone: Asia/Shanghai has been a fixed UTC+08:00 since 1991 (China last observed daylight
 * saving time in 1986–1991), so all conversions here are fixed-offset arithmetic on epoch
 * milliseconds — no `Intl`, no date library, nothing that depends on the host's time zone or ICU
 * data. Instants before September 1991 that fell in the old summer time are off by one hour; the
 * product has no such data.
 *
 * Dates are `YYYY-MM-DD` strings (the Shanghai calendar date); instants are `Date`s. Internally a
 * date is an integer "day number" (days since 1970-01-01), which makes every step below integer
 * arithmetic.
 *
 * Data: the holiday-cn format (`{year, days: [{name, date, isOffDay}]}`), one file per year,
 * compiled from the State Council General Office's yearly notices. Dates not listed follow the
 * ordinary week (Monday–Friday work); a year without a file is therefore an ordinary year.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Types

/** What kind of day a date is. `makeup_workday` = 调休上班 (a weekend day worked in exchange). */
export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
/** `5x9`: 09:00–18:00 Asia/Shanghai on working days; `7x24`: every millisecond counts. */
export type HoursProfile = '5x9' | '7x24';

/** One listed day of the calendar data: a statutory day off or a make-up workday. */
export interface CalendarEntry {
  /** `YYYY-MM-DD` */
  date: string;
  type: 'holiday' | 'makeup_workday';
  /** The holiday's name as published, e.g. `国庆节`; make-up workdays carry the holiday they serve. */
  name: string;
}

/** The answer for one date. `name` is set for holidays and make-up workdays, otherwise null. */
export interface DayInfo {
  date: string;
  type: DayType;
  name: string | null;
}

// ---------------------------------------------------------------------------------------------
// Constants

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Shanghai = UTC+08:00, fixed (see the module comment). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** Opening and closing of the `5x9` profile, as milliseconds after local midnight. */
const OPEN_MS = 9 * HOUR_MS;
const CLOSE_MS = 18 * HOUR_MS;
/** Length of one `5x9` business day (09:00–18:00): 9 hours. "1 working day" of an SLA. */
export const BUSINESS_DAY_MS = CLOSE_MS - OPEN_MS;
/** Longest range {@link BusinessCalendar.days} answers (about ten years). */
export const MAX_DAYS_RANGE = 3660;
/** 1970-01-05, the first Monday on or after the epoch, as a day number. */
const MONDAY_ANCHOR = 4;

const bi = (zh: string, en: string): string => `${zh} / ${en}`;

// ---------------------------------------------------------------------------------------------
// Day numbers (proleptic Gregorian; H. Hinnant's civil-date algorithms)

function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0 … February = 11
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDay(dayNumber: number): [year: number, month: number, day: number] {
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
function tryParseDay(date: string): number | null {
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

function toDay(date: string): number {
  const dn = typeof date === 'string' ? tryParseDay(date) : null;
  if (dn === null) {
    throw new RangeError(
      bi(`无效日期：${JSON.stringify(date)}（应为 YYYY-MM-DD）`, `invalid date ${JSON.stringify(date)} (expected YYYY-MM-DD)`),
    );
  }
  return dn;
}

function formatDay(dayNumber: number): string {
  const [y, m, d] = civilFromDay(dayNumber);
  if (y < 0 || y > 9999) {
    throw new RangeError(bi('日期超出 0000–9999 年范围', 'date outside the years 0000–9999'));
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function isWeekendDay(dayNumber: number): boolean {
  const w = weekdayOfDay(dayNumber);
  return w === 0 || w === 6;
}

/** Monday–Friday days in [MONDAY_ANCHOR, dayNumber) — negative before the anchor. */
function mondayToFridayBefore(dayNumber: number): number {
  const k = dayNumber - MONDAY_ANCHOR;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7, 5);
}

function checkInstant(instant: Date, what: string): number {
  const t = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(bi(`${what} 不是有效时刻`, `${what} is not a valid instant`));
  return t;
}

/** Splits an instant into its Shanghai day number and milliseconds since local midnight. */
function splitInstant(t: number): [dayNumber: number, timeOfDay: number] {
  const local = t + SHANGHAI_OFFSET_MS;
  const dn = Math.floor(local / DAY_MS);
  return [dn, local - dn * DAY_MS];
}

function joinInstant(dayNumber: number, timeOfDay: number): Date {
  return checkedDate(dayNumber * DAY_MS + timeOfDay - SHANGHAI_OFFSET_MS);
}

function checkedDate(t: number): Date {
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

// ---------------------------------------------------------------------------------------------
// Holiday files (holiday-cn format)

/** A holiday file that does not hold up; `issues` names each bad element (`days[3].date`). */
export class HolidayFileError extends Error {
  readonly issues: ReadonlyArray<{ path: string; message: string }>;

  constructor(issues: ReadonlyArray<{ path: string; message: string }>) {
    const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
    if (issues.length > 5) shown.push(bi(`另有 ${issues.length - 5} 处错误`, `${issues.length - 5} more`));
    super(`${bi('节假日数据文件无效', 'invalid holiday file')} — ${shown.join('; ')}`);
    this.name = 'HolidayFileError';
    this.issues = issues;
  }
}

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const typeError =
  (field: string, zhType: string, enType: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? bi(`缺少 ${field}`, `${field} is missing`) : bi(`${field} 必须是${zhType}`, `${field} must be ${enType}`);

const HolidayDaySchema = z.object(
  {
    name: z
      .string({ error: typeError('name', '字符串', 'a string') })
      .trim()
      .min(1, { error: bi('name 不能为空', 'name must not be empty') })
      .max(100, { error: bi('name 过长（最多 100 个字符）', 'name is too long (at most 100 characters)') }),
    date: z
      .string({ error: typeError('date', '字符串', 'a string') })
      .refine(isCalendarDate, { error: bi('date 必须是有效日期 YYYY-MM-DD', 'date must be a valid YYYY-MM-DD date') }),
    isOffDay: z.boolean({ error: typeError('isOffDay', '布尔值', 'a boolean') }),
  },
  { error: bi('每一天必须是对象 {name, date, isOffDay}', 'each day must be an object {name, date, isOffDay}') },
);

const HolidayFileSchema = z
  .object(
    {
      year: z
        .int({ error: typeError('year', '整数', 'an integer') })
        .min(1000, { error: bi('year 必须是四位数年份', 'year must be a four-digit year') })
        .max(9999, { error: bi('year 必须是四位数年份', 'year must be a four-digit year') }),
      days: z
        .array(HolidayDaySchema, { error: typeError('days', '数组', 'an array') })
        .min(1, { error: bi('days 不能为空', 'days must not be empty') }),
    },
    { error: bi('文件内容必须是 JSON 对象 {year, days}', 'the file must be a JSON object {year, days}') },
  )
  .superRefine((file, ctx) => {
    // A notice may start the New Year's Day break in the last days of the previous December
    // (the 2023 notice lists 2022-12-31), so those are accepted too; nothing else outside the year.
    const first = dayFromCivil(file.year - 1, 12, 25);
    const last = dayFromCivil(file.year, 12, 31);
    const seen = new Map<number, number>();
    file.days.forEach((day, i) => {
      // Zod 4 runs this refinement even when an element's own check failed; such dates are reported.
      const dn = tryParseDay(day.date);
      if (dn === null) return;
      if (dn < first || dn > last) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          message: bi(
            `${day.date} 不在 ${file.year} 年内（只允许上一年 12 月 25 日之后的元旦假期）`,
            `${day.date} is outside year ${file.year} (only a New Year break from ${file.year - 1}-12-25 on may precede it)`,
          ),
        });
      }
      const earlier = seen.get(dn);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          message: bi(`${day.date} 与 days[${earlier}] 重复`, `${day.date} repeats days[${earlier}]`),
        });
      } else {
        seen.set(dn, i);
      }
      if (!day.isOffDay && !isWeekendDay(dn)) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          message: bi(
            `调休上班日必须是周六或周日，${day.date} 是${WEEKDAY_ZH[weekdayOfDay(dn)] ?? ''}`,
            `a make-up workday (isOffDay false) must fall on a Saturday or Sunday; ${day.date} is a ${WEEKDAY_EN[weekdayOfDay(dn)] ?? ''}`,
          ),
        });
      }
    });
  });

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || bi('文件', 'file');
}

/**
 * Validates one holiday-cn file (`{year, days: [{name, date, isOffDay}]}`, extra keys such as
 * `$schema` and `papers` ignored) and returns its entries sorted by date. Throws
 * {@link HolidayFileError} naming every bad element. Rules: every date is a real `YYYY-MM-DD` in
 * the declared year (or in the previous 25–31 December, for a New Year break that begins there);
 * no date twice; a make-up workday (`isOffDay: false`) falls on a Saturday or Sunday.
 */
export function parseHolidayFile(json: unknown): { year: number; entries: CalendarEntry[] } {
  const result = HolidayFileSchema.safeParse(json);
  if (!result.success) {
    throw new HolidayFileError(result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  const entries = result.data.days
    .map((d): CalendarEntry => ({ date: d.date, type: d.isOffDay ? 'holiday' : 'makeup_workday', name: d.name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year: result.data.year, entries };
}

// ---------------------------------------------------------------------------------------------
// The calendar

interface Special {
  type: 'holiday' | 'makeup_workday';
  name: string;
}

/**
 * Day types and business time over a set of {@link CalendarEntry}s. Immutable once built.
 *
 * Every query is O(log S) or O(log S · log span) for S listed days: the number of working days
 * before any date is an ordinary Monday–Friday count (closed form) plus a prefix sum of the listed
 * days' corrections, so long spans are never walked day by day.
 */
export class BusinessCalendar {
  readonly #special = new Map<number, Special>();
  /** Listed day numbers, ascending. */
  readonly #days: number[];
  /** #prefix[i] = sum of the working-day corrections of #days[0..i-1]. */
  readonly #prefix: number[];
  /** Number of listed days that remove a Monday–Friday working day (bounds the searches). */
  readonly #removed: number;

  constructor(entries: readonly CalendarEntry[]) {
    for (const e of entries) {
      const dn = toDay(e.date);
      if (e.type !== 'holiday' && e.type !== 'makeup_workday') {
        throw new RangeError(bi(`${e.date} 的类型无效：${String(e.type)}`, `${e.date} has an invalid type: ${String(e.type)}`));
      }
      const prev = this.#special.get(dn);
      if (prev && (prev.type !== e.type || prev.name !== e.name)) {
        throw new RangeError(
          bi(
            `${e.date} 出现两次且内容不同（${prev.type} ${prev.name} / ${e.type} ${e.name}）`,
            `${e.date} is given twice with different contents (${prev.type} ${prev.name} vs ${e.type} ${e.name})`,
          ),
        );
      }
      this.#special.set(dn, { type: e.type, name: e.name });
    }
    this.#days = [...this.#special.keys()].sort((a, b) => a - b);
    this.#prefix = [0];
    let sum = 0;
    let removed = 0;
    for (const dn of this.#days) {
      const ordinary = isWeekendDay(dn) ? 0 : 1;
      const working = this.#special.get(dn)?.type === 'makeup_workday' ? 1 : 0;
      sum += working - ordinary;
      if (working < ordinary) removed++;
      this.#prefix.push(sum);
    }
    this.#removed = removed;
  }

  /** Builds a calendar from raw holiday-cn files (each validated by {@link parseHolidayFile}). */
  static fromHolidayFiles(files: readonly unknown[]): BusinessCalendar {
    return new BusinessCalendar(files.flatMap((f) => parseHolidayFile(f).entries));
  }

  /** The listed days, sorted by date. */
  get entries(): CalendarEntry[] {
    return this.#days.map((dn) => {
      const s = this.#special.get(dn) as Special;
      return { date: formatDay(dn), type: s.type, name: s.name };
    });
  }

  // --- days ----------------------------------------------------------------------------------

  dayType(date: string): DayInfo {
    return this.#info(toDay(date), date);
  }

  /** Workday or make-up workday. */
  isWorkingDay(date: string): boolean {
    return this.#isWorking(toDay(date));
  }

  /**
   * The n-th working day after `date` (n >= 0). The start day itself never counts (期间开始之日
   * 不计入): n = 1 from Thursday 2021-09-30 is 2021-10-08, n = 1 from a Saturday is the following
   * Monday (if working). n = 0 normalises: `date` itself if it is a working day, else the next one.
   * For n >= 1, {@link workingDaysBetween}(date, result) === n.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(bi('n 必须是非负整数', 'n must be a non-negative integer'));
    }
    const start = toDay(date);
    if (n === 0 && this.#isWorking(start)) return formatDay(start);
    return formatDay(this.#nthWorkingDayAfter(start, Math.max(n, 1)));
  }

  /** The first working day strictly after `date` (= addWorkingDays(date, 1)). */
  nextWorkingDay(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /** Working days d with from < d <= to (0 if to <= from). */
  workingDaysBetween(from: string, to: string): number {
    const a = toDay(from);
    const b = toDay(to);
    return b <= a ? 0 : this.#workingBefore(b + 1) - this.#workingBefore(a + 1);
  }

  /** Every date from `from` to `to` inclusive with its type; at most {@link MAX_DAYS_RANGE} days. */
  days(from: string, to: string): DayInfo[] {
    const a = toDay(from);
    const b = toDay(to);
    if (b < a) throw new RangeError(bi(`结束日期 ${to} 早于开始日期 ${from}`, `to (${to}) is before from (${from})`));
    if (b - a + 1 > MAX_DAYS_RANGE) {
      throw new RangeError(bi(`日期范围超过 ${MAX_DAYS_RANGE} 天`, `the range exceeds ${MAX_DAYS_RANGE} days`));
    }
    const out: DayInfo[] = [];
    for (let dn = a; dn <= b; dn++) out.push(this.#info(dn, formatDay(dn)));
    return out;
  }

  // --- business time -------------------------------------------------------------------------

  /**
   * The deadline `ms` of business time after `start`: the earliest instant T >= start with
   * businessTimeBetween(start, T, profile) === ms.
   *
   * `7x24`: plain addition. `5x9`: only 09:00–18:00 Asia/Shanghai on working days (workday or
   * make-up workday) counts; from a start outside those hours the clock starts at the next
   * opening. Choice at the edge: because T is the *earliest* such instant, a duration that runs
   * out exactly at closing ends at that day's 18:00 (not at 09:00 of the next working day), and a
   * result never lands on 18:00 while time remains — 1 ms more gives 09:00:00.001 of the next
   * working day. So 9 h from Friday 09:00 is Friday 18:00. Likewise ms = 0 returns `start` itself
   * even outside hours (nothing has to elapse).
   */
  addBusinessDuration(start: Date, ms: number, profile: HoursProfile): Date {
    const t = checkInstant(start, 'start');
    if (!Number.isSafeInteger(ms) || ms < 0) {
      throw new RangeError(bi('时长必须是非负整数毫秒', 'ms must be a non-negative integer number of milliseconds'));
    }
    if (profile === '7x24') return checkedDate(t + ms);
    checkProfile(profile);
    if (ms === 0) return new Date(t);
    const [startDay] = splitInstant(t);
    const target = this.#businessOffset(t) + ms;
    // The working day with (0-based, epoch-relative) index k holds business offsets (k·9h, (k+1)·9h].
    const k = Math.ceil(target / BUSINESS_DAY_MS) - 1;
    const day = this.#dayWithWorkingIndex(k, startDay);
    return joinInstant(day, OPEN_MS + (target - k * BUSINESS_DAY_MS));
  }

  /**
   * Business time in ms from `a` to `b` under `profile` (0 if b <= a). Inverse of
   * {@link addBusinessDuration}; additive: t(a,c) = t(a,b) + t(b,c) for a <= b <= c.
   */
  businessTimeBetween(a: Date, b: Date, profile: HoursProfile): number {
    const ta = checkInstant(a, 'a');
    const tb = checkInstant(b, 'b');
    if (tb <= ta) return 0;
    if (profile === '7x24') return tb - ta;
    checkProfile(profile);
    return this.#businessOffset(tb) - this.#businessOffset(ta);
  }

  /** `n` working days of SLA time under `5x9`: addBusinessDuration(start, n × 9 h, '5x9'). */
  addWorkingDaysDuration(start: Date, n: number): Date {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(bi('n 必须是非负整数', 'n must be a non-negative integer'));
    }
    return this.addBusinessDuration(start, n * BUSINESS_DAY_MS, '5x9');
  }

  // --- internals -----------------------------------------------------------------------------

  #info(dn: number, date: string): DayInfo {
    const s = this.#special.get(dn);
    if (s) return { date, type: s.type, name: s.name };
    return { date, type: isWeekendDay(dn) ? 'weekend' : 'workday', name: null };
  }

  #isWorking(dn: number): boolean {
    const s = this.#special.get(dn);
    return s ? s.type === 'makeup_workday' : !isWeekendDay(dn);
  }

  /** Working days in [MONDAY_ANCHOR, dn) (negative before the anchor); non-decreasing in dn. */
  #workingBefore(dn: number): number {
    // index of the first listed day >= dn
    let lo = 0;
    let hi = this.#days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#days[mid] as number) < dn) lo = mid + 1;
      else hi = mid;
    }
    return mondayToFridayBefore(dn) + (this.#prefix[lo] as number);
  }

  /** The working day X with #workingBefore(X) === k, searching from `from` (#workingBefore(from) <= k). */
  #dayWithWorkingIndex(k: number, from: number): number {
    // Smallest Y with #workingBefore(Y) > k; then X = Y - 1 is a working day. Gallop, then bisect.
    let lo = from;
    let step = Math.ceil(((k - this.#workingBefore(from) + 1 + this.#removed) * 7) / 5) + 7;
    let hi = lo + step;
    while (this.#workingBefore(hi) <= k) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.#workingBefore(mid) > k) hi = mid;
      else lo = mid;
    }
    return hi - 1;
  }

  #nthWorkingDayAfter(start: number, n: number): number {
    return this.#dayWithWorkingIndex(this.#workingBefore(start + 1) + n - 1, start + 1);
  }

  /** Business ms (5x9) from the anchor to instant t; non-decreasing, flat outside hours. */
  #businessOffset(t: number): number {
    const [dn, tod] = splitInstant(t);
    const inDay = this.#isWorking(dn) ? Math.min(Math.max(tod - OPEN_MS, 0), BUSINESS_DAY_MS) : 0;
    return this.#workingBefore(dn) * BUSINESS_DAY_MS + inDay;
  }
}

function checkProfile(profile: string): void {
  if (profile !== '5x9' && profile !== '7x24') {
    throw new RangeError(bi(`未知的服务时间：${JSON.stringify(profile)}`, `unknown hours profile ${JSON.stringify(profile)}`));
  }
}
