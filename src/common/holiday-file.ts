// Holiday files in the holiday-cn format (`{year, days: [{name, date, isOffDay}]}`), one per year,
// compiled from the State Council General Office's yearly notices: read and checked here, then
// turned into a BusinessCalendar's entries (calendar.ts) by kernel/calendar.
import { z } from 'zod';
import type { CalendarEntry } from './calendar.ts';
import { bi, dayFromCivil, tryParseDay, isWeekendDay, weekdayOfDay, isCalendarDate } from './dates.ts';

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
