// Holiday files (holiday-file.ts): the shipped ones parse and agree with each other; a bad file is
// refused naming every bad element, in Chinese and English.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays, weekdayOf } from './dates.ts';
import { HolidayFileError, parseHolidayFile } from './holiday-file.ts';
import { HOLIDAY_FILES as FILES, shippedCalendar } from '../server/test/holiday-files.ts';

const cal = shippedCalendar();

describe('shipped holiday data', () => {
  it('holds 2021 through 2026', () => {
    expect(FILES.map((f) => f.file)).toEqual(['2021.json', '2022.json', '2023.json', '2024.json', '2025.json', '2026.json']);
  });

  it.each(FILES)('$file parses, declares its own year and is sorted', ({ file, json }) => {
    const { year, entries } = parseHolidayFile(json);
    expect(`${year}.json`).toBe(file);
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.map((e) => e.date)).toEqual(entries.map((e) => e.date).sort());
    for (const e of entries) if (e.type === 'makeup_workday') expect([0, 6]).toContain(weekdayOf(e.date));
  });

  it('the 2023 notice starts the New Year break on 2022-12-31, which the 2022 file does not list', () => {
    const y2023 = parseHolidayFile(FILES.find((f) => f.file === '2023.json')?.json);
    expect(y2023.entries[0]).toEqual({ date: '2022-12-31', type: 'holiday', name: '元旦' });
    const y2022 = parseHolidayFile(FILES.find((f) => f.file === '2022.json')?.json);
    expect(y2022.entries.some((e) => e.date === '2022-12-31')).toBe(false);
  });

  it('working days per year, computed from the data (regression)', () => {
    const perYear = (y: number): number => cal.workingDaysBetween(`${y - 1}-12-31`, `${y}-12-31`);
    expect([2021, 2022, 2023, 2024, 2025, 2026, 2027].map(perYear)).toEqual([250, 249, 249, 251, 248, 248, 261]);
  });
});

describe('parseHolidayFile errors', () => {
  const valid = (): { year: number; days: Array<{ name: string; date: string; isOffDay: boolean }> } => ({
    year: 2021,
    days: [
      { name: '国庆节', date: '2021-09-26', isOffDay: false },
      { name: '国庆节', date: '2021-10-01', isOffDay: true },
      { name: '国庆节', date: '2021-10-09', isOffDay: false },
    ],
  });
  const issuesOf = (json: unknown): Array<{ path: string; message: string }> => {
    try {
      parseHolidayFile(json);
    } catch (e) {
      expect(e).toBeInstanceOf(HolidayFileError);
      expect((e as Error).message).toMatch(/节假日数据文件无效 \/ invalid holiday file/);
      return [...(e as HolidayFileError).issues];
    }
    throw new Error('expected parseHolidayFile to throw');
  };

  it('accepts the minimal valid file', () => {
    expect(parseHolidayFile(valid()).entries).toHaveLength(3);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['not an object', 42, '文件 / file', /JSON object/],
    ['missing year', { days: valid().days }, 'year', /year is missing/],
    ['fractional year', { ...valid(), year: 2021.5 }, 'year', /integer/],
    ['year as a string', { ...valid(), year: '2021' }, 'year', /integer/],
    ['missing days', { year: 2021 }, 'days', /days is missing/],
    ['empty days', { year: 2021, days: [] }, 'days', /must not be empty/],
    ['a day that is not an object', { year: 2021, days: [...valid().days, 'x'] }, 'days[3]', /object/],
    ['missing isOffDay', { year: 2021, days: [{ name: 'x', date: '2021-10-01' }] }, 'days[0].isOffDay', /isOffDay is missing/],
    ['empty name', { year: 2021, days: [{ name: ' ', date: '2021-10-01', isOffDay: true }] }, 'days[0].name', /must not be empty/],
    ['impossible date', { year: 2021, days: [{ name: 'x', date: '2021-02-29', isOffDay: true }] }, 'days[0].date', /valid YYYY-MM-DD/],
    [
      'date in another format',
      { year: 2021, days: [{ name: 'x', date: '2021/10/01', isOffDay: true }] },
      'days[0].date',
      /valid YYYY-MM-DD/,
    ],
    [
      'date outside the year',
      { year: 2021, days: [{ name: 'x', date: '2022-01-01', isOffDay: true }] },
      'days[0].date',
      /outside year 2021/,
    ],
    ['date too early', { year: 2021, days: [{ name: 'x', date: '2020-12-24', isOffDay: true }] }, 'days[0].date', /outside year 2021/],
    [
      'make-up day on a weekday',
      { year: 2021, days: [{ name: 'x', date: '2021-09-28', isOffDay: false }] },
      'days[0].date',
      /Saturday or Sunday; 2021-09-28 is a Tuesday/,
    ],
    [
      'duplicate date',
      { year: 2021, days: [...valid().days, { name: 'y', date: '2021-10-01', isOffDay: true }] },
      'days[3].date',
      /repeats days\[1\]/,
    ],
  ])('%s', (_label, json, path, message) => {
    const issues = issuesOf(json);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)?.message).toMatch(message);
    expect(() => parseHolidayFile(json)).toThrow(path === '文件 / file' ? /JSON object/ : path);
  });

  it('accepts a New Year break that begins in the previous December (as the 2023 notice does)', () => {
    expect(parseHolidayFile({ year: 2023, days: [{ name: '元旦', date: '2022-12-31', isOffDay: true }] }).entries).toHaveLength(1);
  });

  // Mutations of the real files, at random elements.
  const arbRealFile = fc.constantFrom(...FILES.map((f) => f.json as { year: number; days: Array<Record<string, unknown>> }));
  const clone = <T>(x: T): T => structuredClone(x);

  it('names the element when any day of a real file gets a bad or out-of-year date', () => {
    fc.assert(
      fc.property(
        arbRealFile,
        fc.nat(),
        fc.constantFrom('2021-02-30', '2021-1-01', 'tomorrow', '', '1999-06-01', '2030-06-01'),
        (file, k, bad) => {
          const json = clone(file);
          const i = k % json.days.length;
          (json.days[i] as Record<string, unknown>).date = bad;
          const issue = issuesOf(json).find((x) => x.path === `days[${i}].date`);
          expect(issue?.message).toMatch(/valid YYYY-MM-DD|outside year/);
        },
      ),
    );
  });

  it('refuses a make-up workday placed on any weekday of a real file', () => {
    fc.assert(
      fc.property(arbRealFile, fc.nat(), fc.integer({ min: 0, max: 364 }), (file, k, dayOfYear) => {
        const json = clone(file);
        const date = addCalendarDays(`${json.year}-01-01`, dayOfYear);
        fc.pre(weekdayOf(date) >= 1 && weekdayOf(date) <= 5);
        const i = k % json.days.length;
        json.days[i] = { name: '测试', date, isOffDay: false };
        const issue = issuesOf(json).find((x) => x.path === `days[${i}].date` && /Saturday or Sunday/.test(x.message));
        expect(issue).toBeDefined();
      }),
    );
  });

  it('refuses a real file without its year', () => {
    fc.assert(
      fc.property(arbRealFile, (file) => {
        const json: Record<string, unknown> = clone(file);
        delete json.year;
        expect(issuesOf(json).map((i) => i.path)).toEqual(['year']);
      }),
      { numRuns: 6 },
    );
  });
});
