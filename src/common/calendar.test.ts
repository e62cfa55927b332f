// The business calendar (calendar.ts) on the shipped holiday data: known dates of 2021 (National
// Day and its make-up workdays), the day-type table, days(), and the input it refuses. Properties
// against slow oracles: calendar-properties.test.ts.
import { describe, it, expect } from 'vitest';
import { BusinessCalendar, MAX_DAYS_RANGE, type CalendarEntry, type DayType } from './calendar.ts';
import { addCalendarDays, isCalendarDate } from './dates.ts';
import { sh, shippedCalendar } from '../server/test/holiday-files.ts';

const cal = shippedCalendar();
const HOUR = 3_600_000;
const iso = (d: Date): string => new Date(d.getTime() + 8 * HOUR).toISOString().replace('Z', '+08:00');

describe('known dates', () => {
  it('2021 National Day: make-up workdays 09-26 and 10-09, holidays 10-01..07', () => {
    expect(cal.dayType('2021-09-26')).toEqual({ date: '2021-09-26', type: 'makeup_workday', name: '国庆节' });
    expect(cal.dayType('2021-10-09')).toEqual({ date: '2021-10-09', type: 'makeup_workday', name: '国庆节' });
    for (let d = 1; d <= 7; d++) {
      expect(cal.dayType(`2021-10-0${d}`)).toEqual({ date: `2021-10-0${d}`, type: 'holiday', name: '国庆节' });
    }
    expect(cal.isWorkingDay('2021-09-26')).toBe(true);
    expect(cal.isWorkingDay('2021-10-04')).toBe(false);
  });

  it('the first working day after 2021-09-30 is 2021-10-08', () => {
    expect(cal.addWorkingDays('2021-09-30', 1)).toBe('2021-10-08');
    expect(cal.nextWorkingDay('2021-09-30')).toBe('2021-10-08');
    expect(cal.addWorkingDays('2021-09-30', 2)).toBe('2021-10-09'); // the make-up Saturday
    expect(cal.addWorkingDays('2021-09-30', 3)).toBe('2021-10-11');
    expect(cal.addWorkingDays('2021-09-30', 0)).toBe('2021-09-30');
    expect(cal.addWorkingDays('2021-10-02', 0)).toBe('2021-10-08');
    expect(cal.addWorkingDays('2021-10-02', 1)).toBe('2021-10-08'); // the start day never counts
    expect(cal.workingDaysBetween('2021-09-30', '2021-10-08')).toBe(1);
  });

  it('5x9: 9 hours from Thursday 2021-09-30 17:30 end on 2021-10-08 17:30', () => {
    const start = sh('2021-09-30T17:30:00');
    const end = cal.addBusinessDuration(start, 9 * HOUR, '5x9');
    expect(iso(end)).toBe('2021-10-08T17:30:00.000+08:00');
    expect(cal.businessTimeBetween(start, end, '5x9')).toBe(9 * HOUR);
    expect(cal.addWorkingDaysDuration(start, 1)).toEqual(end);
  });

  it('7x24: 2 hours from 2021-10-02 03:00 is 05:00', () => {
    expect(iso(cal.addBusinessDuration(sh('2021-10-02T03:00:00'), 2 * HOUR, '7x24'))).toBe('2021-10-02T05:00:00.000+08:00');
    expect(cal.businessTimeBetween(sh('2021-10-02T03:00:00'), sh('2021-10-02T05:00:00'), '7x24')).toBe(2 * HOUR);
  });

  it('5x9 edges: closing, opening, outside hours, make-up weekends', () => {
    const add = (local: string, ms: number): string => iso(cal.addBusinessDuration(sh(local), ms, '5x9'));
    // A duration that runs out exactly at closing ends at closing …
    expect(add('2021-09-24T09:00:00', 9 * HOUR)).toBe('2021-09-24T18:00:00.000+08:00');
    // … one more millisecond goes on at the next opening (Sunday 09-26 is a make-up workday).
    expect(add('2021-09-24T09:00:00', 9 * HOUR + 1)).toBe('2021-09-26T09:00:00.001+08:00');
    expect(add('2021-09-24T18:00:00', HOUR)).toBe('2021-09-26T10:00:00.000+08:00');
    expect(add('2021-09-27T07:15:00', HOUR)).toBe('2021-09-27T10:00:00.000+08:00');
    expect(add('2021-10-02T10:00:00', HOUR)).toBe('2021-10-08T10:00:00.000+08:00'); // holiday start
    expect(add('2021-10-09T10:00:00', HOUR)).toBe('2021-10-09T11:00:00.000+08:00'); // make-up Saturday
    expect(add('2021-10-02T10:00:00', 0)).toBe('2021-10-02T10:00:00.000+08:00'); // nothing to elapse
    expect(cal.businessTimeBetween(sh('2021-09-30T08:00:00'), sh('2021-10-09T12:00:00'), '5x9')).toBe(
      9 * HOUR + 9 * HOUR + 3 * HOUR, // 09-30 all day, 10-08 all day, 10-09 09:00-12:00
    );
    expect(cal.businessTimeBetween(sh('2021-10-09T12:00:00'), sh('2021-09-30T08:00:00'), '5x9')).toBe(0);
  });

  it('crosses the year boundary of the 2023 notice', () => {
    expect(cal.dayType('2022-12-31')).toEqual({ date: '2022-12-31', type: 'holiday', name: '元旦' });
    expect(cal.nextWorkingDay('2022-12-30')).toBe('2023-01-03');
  });

  it('2024: 除夕 (02-09) is an ordinary Friday; Spring Festival 02-10..17; make-up Sundays 02-04 and 02-18', () => {
    expect(cal.dayType('2024-02-09')).toEqual({ date: '2024-02-09', type: 'workday', name: null });
    for (const d of cal.days('2024-02-10', '2024-02-17')) expect(d).toMatchObject({ type: 'holiday', name: '春节' });
    expect(cal.dayType('2024-02-04').type).toBe('makeup_workday');
    expect(cal.dayType('2024-02-18').type).toBe('makeup_workday');
    expect(cal.nextWorkingDay('2024-02-09')).toBe('2024-02-18');
  });

  it('2025: 除夕 and 5 May are statutory; National Day and Mid-Autumn share 10-01..08', () => {
    expect(cal.dayType('2025-01-28')).toEqual({ date: '2025-01-28', type: 'holiday', name: '春节' });
    expect(cal.dayType('2025-05-02').type).toBe('holiday');
    for (const d of cal.days('2025-10-01', '2025-10-08')) expect(d).toMatchObject({ type: 'holiday', name: '国庆节、中秋节' });
    expect(cal.dayType('2025-09-28')).toEqual({ date: '2025-09-28', type: 'makeup_workday', name: '国庆节、中秋节' });
    expect(cal.dayType('2025-10-11').type).toBe('makeup_workday');
  });

  it('2026: Spring Festival is nine days, 02-15..23, with make-up Saturdays 02-14 and 02-28', () => {
    const spring = cal.days('2026-02-14', '2026-02-28');
    expect(spring.filter((d) => d.type === 'holiday').map((d) => d.date)).toEqual(
      ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`),
    );
    expect(spring[0]).toEqual({ date: '2026-02-14', type: 'makeup_workday', name: '春节' });
    expect(spring.at(-1)).toEqual({ date: '2026-02-28', type: 'makeup_workday', name: '春节' });
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(cal.dayType('2026-01-04')).toEqual({ date: '2026-01-04', type: 'makeup_workday', name: '元旦' });
    expect(cal.dayType('2026-09-25')).toEqual({ date: '2026-09-25', type: 'holiday', name: '中秋节' });
  });

  it('years without data are ordinary weeks', () => {
    expect(cal.dayType('2030-10-01')).toEqual({ date: '2030-10-01', type: 'workday', name: null });
    expect(cal.dayType('2030-10-05')).toEqual({ date: '2030-10-05', type: 'weekend', name: null });
    expect(new BusinessCalendar([]).addWorkingDays('2021-09-30', 1)).toBe('2021-10-01');
  });
});

describe('dayType table', () => {
  it.each<[string, DayType, string | null]>([
    ['2021-01-01', 'holiday', '元旦'],
    ['2021-01-02', 'holiday', '元旦'], // a Saturday inside a break is still the holiday
    ['2021-02-07', 'makeup_workday', '春节'],
    ['2021-02-10', 'workday', null],
    ['2021-02-11', 'holiday', '春节'],
    ['2021-09-18', 'makeup_workday', '中秋节'],
    ['2021-09-25', 'weekend', null],
    ['2021-09-27', 'workday', null],
    ['2022-01-29', 'makeup_workday', '春节'],
    ['2022-10-08', 'makeup_workday', '国庆节'],
    ['2023-04-05', 'holiday', '清明节'],
    ['2023-06-25', 'makeup_workday', '端午节'],
    ['2023-10-07', 'makeup_workday', '中秋节、国庆节'],
    ['2024-06-10', 'holiday', '端午节'],
    ['2024-10-12', 'makeup_workday', '国庆节'],
    ['2025-04-27', 'makeup_workday', '劳动节'],
    ['2025-05-31', 'holiday', '端午节'],
    ['2026-05-09', 'makeup_workday', '劳动节'],
    ['2026-10-10', 'makeup_workday', '国庆节'],
    ['2026-12-25', 'workday', null],
    ['2027-01-01', 'workday', null], // no 2027 data yet: an ordinary Friday
  ])('%s is %s (%s)', (date, type, name) => {
    expect(cal.dayType(date)).toEqual({ date, type, name });
    expect(cal.isWorkingDay(date)).toBe(type === 'workday' || type === 'makeup_workday');
  });

  it.each(['2021-02-29', '2021-13-01', '2021-9-1', '20210901', '', '2021-09-01T00:00'])('rejects the date %j', (d) => {
    expect(isCalendarDate(d)).toBe(false);
    expect(() => cal.dayType(d)).toThrow(RangeError);
  });
});

describe('days()', () => {
  it('is inclusive and agrees with dayType', () => {
    const days = cal.days('2021-09-25', '2021-10-10');
    expect(days).toHaveLength(16);
    for (const d of days) expect(d).toEqual(cal.dayType(d.date));
    expect(cal.days('2021-10-01', '2021-10-01')).toEqual([cal.dayType('2021-10-01')]);
  });

  it(`answers at most ${MAX_DAYS_RANGE} days and refuses a reversed range`, () => {
    expect(cal.days('2021-01-01', addCalendarDays('2021-01-01', MAX_DAYS_RANGE - 1))).toHaveLength(MAX_DAYS_RANGE);
    expect(() => cal.days('2021-01-01', addCalendarDays('2021-01-01', MAX_DAYS_RANGE))).toThrow(RangeError);
    expect(() => cal.days('2021-01-02', '2021-01-01')).toThrow(RangeError);
  });
});

describe('bad input', () => {
  it('refuses negative or fractional counts and durations, invalid instants and unknown profiles', () => {
    expect(() => cal.addWorkingDays('2021-09-30', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2021-09-30', 1.5)).toThrow(RangeError);
    expect(() => cal.addBusinessDuration(sh('2021-09-30T10:00:00'), -1, '5x9')).toThrow(RangeError);
    expect(() => cal.addBusinessDuration(new Date(Number.NaN), 1, '5x9')).toThrow(RangeError);
    expect(() => cal.businessTimeBetween(sh('2021-09-30T10:00:00'), sh('2021-10-30T10:00:00'), '8x5' as '5x9')).toThrow(RangeError);
  });

  it('refuses an entry given twice with different contents, tolerates an identical repeat', () => {
    const e: CalendarEntry = { date: '2021-10-01', type: 'holiday', name: '国庆节' };
    expect(new BusinessCalendar([e, { ...e }]).entries).toEqual([e]);
    expect(() => new BusinessCalendar([e, { ...e, name: '中秋节' }])).toThrow(/2021-10-01/);
  });
});
