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
 * The plain date helpers (dateOf, addCalendarDays, …) are in dates.ts; the holiday files are read
 * by holiday-file.ts.
 *
 * Data: the holiday-cn format (`{year, days: [{name, date, isOffDay}]}`), one file per year,
 * compiled from the State Council General Office's yearly notices. Dates not listed follow the
 * ordinary week (Monday–Friday work); a year without a file is therefore an ordinary year.
 */
import {
  HOUR_MS,
  bi,
  toDay,
  formatDay,
  isWeekendDay,
  mondayToFridayBefore,
  checkInstant,
  splitInstant,
  joinInstant,
  checkedDate,
} from './dates.ts';
import { parseHolidayFile } from './holiday-file.ts';

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

/** Opening and closing of the `5x9` profile, as milliseconds after local midnight. */
const OPEN_MS = 9 * HOUR_MS;
const CLOSE_MS = 18 * HOUR_MS;
/** Length of one `5x9` business day (09:00–18:00): 9 hours. "1 working day" of an SLA. */
export const BUSINESS_DAY_MS = CLOSE_MS - OPEN_MS;
/** Longest range {@link BusinessCalendar.days} answers (about ten years). */
export const MAX_DAYS_RANGE = 3660;

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
