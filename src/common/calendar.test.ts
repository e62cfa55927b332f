import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  BUSINESS_DAY_MS,
  BusinessCalendar,
  HolidayFileError,
  MAX_DAYS_RANGE,
  addCalendarDays,
  calendarDaysBetween,
  dateOf,
  instantOf,
  isCalendarDate,
  parseHolidayFile,
  weekdayOf,
  type CalendarEntry,
  type DayType,
} from './calendar.ts';

// --- the shipped data ----------------------------------------------------------------------------

const DATA_DIR = new URL('../server/kernel/calendar/data/', import.meta.url);
const FILES = readdirSync(DATA_DIR)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .sort()
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(new URL(f, DATA_DIR), 'utf8')) as unknown }));
const cal = BusinessCalendar.fromHolidayFiles(FILES.map((f) => f.json));

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** An instant written in Shanghai local time, parsed by the platform (an oracle independent of calendar.ts). */
const sh = (local: string): Date => new Date(`${local}+08:00`);
const iso = (d: Date): string => new Date(d.getTime() + 8 * HOUR).toISOString().replace('Z', '+08:00');

// --- independent, slow oracles -------------------------------------------------------------------

const working = (date: string): boolean => {
  const t = cal.dayType(date).type;
  return t === 'workday' || t === 'makeup_workday';
};

/** Working days d with from < d <= to, walking day by day. */
function naiveWorkingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (working(d)) n++;
  return n;
}

/** 5x9 business ms in [a, b), walking day by day and intersecting with 09:00–18:00. */
function naiveBusinessBetween(a: Date, b: Date): number {
  if (b <= a) return 0;
  const last = new Date(b.getTime() + 8 * HOUR).toISOString().slice(0, 10);
  let total = 0;
  for (let d = new Date(a.getTime() + 8 * HOUR).toISOString().slice(0, 10); d <= last; d = addCalendarDays(d, 1)) {
    if (!working(d)) continue;
    const open = sh(`${d}T09:00:00`).getTime();
    const close = sh(`${d}T18:00:00`).getTime();
    total += Math.max(0, Math.min(close, b.getTime()) - Math.max(open, a.getTime()));
  }
  return total;
}

// --- arbitraries ---------------------------------------------------------------------------------

// 2020-07-01 .. 2027-06-30: the shipped years plus ordinary years on both sides.
const FIRST = '2020-07-01';
const SPAN_DAYS = calendarDaysBetween(FIRST, '2027-06-30');
const T0 = sh(`${FIRST}T00:00:00`).getTime();
const T1 = T0 + SPAN_DAYS * 24 * HOUR;

const arbDate = fc.integer({ min: 0, max: SPAN_DAYS }).map((i) => addCalendarDays(FIRST, i));
/** Instants: arbitrary milliseconds, or on a half-hour grid so that 09:00 / 18:00 edges come up often. */
const arbInstant = fc
  .oneof(
    fc.integer({ min: T0, max: T1 }),
    fc.integer({ min: 0, max: (T1 - T0) / (30 * MINUTE) }).map((i) => T0 + i * 30 * MINUTE),
  )
  .map((t) => new Date(t));
/** An instant inside 5x9 hours: a working day at [09:00, 18:00). */
const arbInsideHours = fc
  .tuple(
    arbDate,
    fc.oneof(
      fc.integer({ min: 0, max: BUSINESS_DAY_MS - 1 }),
      fc.integer({ min: 0, max: 17 }).map((i) => i * 30 * MINUTE),
    ),
  )
  .map(([d, off]) => new Date(sh(`${cal.addWorkingDays(d, 0)}T09:00:00`).getTime() + off));
const arbDuration = fc.oneof(
  fc.integer({ min: 0, max: 300 * BUSINESS_DAY_MS }),
  fc.integer({ min: 0, max: 600 }).map((i) => i * 30 * MINUTE),
  fc.constantFrom(0, 1, BUSINESS_DAY_MS - 1, BUSINESS_DAY_MS, BUSINESS_DAY_MS + 1, 2 * BUSINESS_DAY_MS),
);

// =================================================================================================

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

describe('Shanghai dates and instants', () => {
  it('dateOf / instantOf use UTC+8', () => {
    expect(dateOf(new Date('2021-09-30T15:59:59.999Z'))).toBe('2021-09-30');
    expect(dateOf(new Date('2021-09-30T16:00:00Z'))).toBe('2021-10-01');
    expect(instantOf('2021-10-01', '00:00').toISOString()).toBe('2021-09-30T16:00:00.000Z');
    expect(instantOf('2021-10-01', '09:30')).toEqual(sh('2021-10-01T09:30:00'));
    expect(() => instantOf('2021-10-01', '24:00')).toThrow(RangeError);
    expect(() => instantOf('2021-10-01', '9:30')).toThrow(RangeError);
  });

  it('dateOf agrees with the platform (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e12, max: 4e12 }), (t) => {
        expect(dateOf(new Date(t))).toBe(new Date(t + 8 * HOUR).toISOString().slice(0, 10));
      }),
    );
  });

  it('instantOf round-trips and addCalendarDays agrees with the platform (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), fc.integer({ min: 0, max: 1439 }), (day, minute) => {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(addCalendarDays('1970-01-01', day)).toBe(date);
        expect(calendarDaysBetween('1970-01-01', date)).toBe(day);
        expect(weekdayOf(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
        const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const t = instantOf(date, hhmm);
        expect(t).toEqual(sh(`${date}T${hhmm}:00`));
        expect(dateOf(t)).toBe(date);
      }),
    );
  });
});

describe('properties', () => {
  it('addWorkingDays lands on a working day n working days later', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 300 }), (start, n) => {
        const end = cal.addWorkingDays(start, n);
        expect(cal.isWorkingDay(end)).toBe(true);
        if (n === 0) {
          expect(end >= start).toBe(true);
          for (let d = start; d < end; d = addCalendarDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
        } else {
          expect(end > start).toBe(true);
          expect(naiveWorkingDaysBetween(start, end)).toBe(n);
          expect(cal.workingDaysBetween(start, end)).toBe(n);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween agrees with counting day by day', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -10, max: 800 }), (from, span) => {
        const to = addCalendarDays(from, span);
        expect(cal.workingDaysBetween(from, to)).toBe(span <= 0 ? 0 : naiveWorkingDaysBetween(from, to));
      }),
    );
  });

  it('businessTimeBetween (5x9) agrees with intersecting each day with 09:00–18:00', () => {
    fc.assert(
      fc.property(arbInstant, fc.integer({ min: -HOUR, max: 60 * 24 * HOUR }), (a, span) => {
        const b = new Date(a.getTime() + span);
        expect(cal.businessTimeBetween(a, b, '5x9')).toBe(naiveBusinessBetween(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('businessTimeBetween(s, addBusinessDuration(s, d)) === d, from inside hours and from anywhere', () => {
    fc.assert(
      fc.property(fc.oneof(arbInsideHours, arbInstant), arbDuration, (s, d) => {
        const end = cal.addBusinessDuration(s, d, '5x9');
        expect(end.getTime()).toBeGreaterThanOrEqual(s.getTime());
        expect(cal.businessTimeBetween(s, end, '5x9')).toBe(d);
      }),
      { numRuns: 500 },
    );
  });

  it('addBusinessDuration (5x9) gives the earliest such instant, inside hours on a working day', () => {
    fc.assert(
      fc.property(
        arbInstant,
        arbDuration.filter((d) => d > 0),
        (s, d) => {
          const end = cal.addBusinessDuration(s, d, '5x9');
          const date = dateOf(end);
          expect(cal.isWorkingDay(date)).toBe(true);
          expect(end > instantOf(date, '09:00')).toBe(true);
          expect(end <= sh(`${date}T18:00:00`)).toBe(true); // 18:00 only when the time runs out exactly there
          expect(cal.businessTimeBetween(s, new Date(end.getTime() - 1), '5x9')).toBe(d - 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('addBusinessDuration is monotonic in the duration', () => {
    fc.assert(
      fc.property(arbInstant, arbDuration, arbDuration, (s, d1, d2) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        for (const p of ['5x9', '7x24'] as const) {
          expect(cal.addBusinessDuration(s, lo, p).getTime()).toBeLessThanOrEqual(cal.addBusinessDuration(s, hi, p).getTime());
        }
      }),
    );
  });

  it('7x24 is plain addition and plain subtraction', () => {
    fc.assert(
      fc.property(arbInstant, fc.integer({ min: 0, max: 400 * 24 * HOUR }), (s, d) => {
        const end = cal.addBusinessDuration(s, d, '7x24');
        expect(end.getTime()).toBe(s.getTime() + d);
        expect(cal.businessTimeBetween(s, end, '7x24')).toBe(d);
        expect(cal.businessTimeBetween(end, s, '7x24')).toBe(0);
      }),
    );
  });

  it('businessTimeBetween is additive', () => {
    fc.assert(
      fc.property(arbInstant, arbInstant, arbInstant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        for (const p of ['5x9', '7x24'] as const) {
          expect(cal.businessTimeBetween(a, c, p)).toBe(cal.businessTimeBetween(a, b, p) + cal.businessTimeBetween(b, c, p));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('long spans are computed without walking (and still agree with the walk)', () => {
    expect(naiveWorkingDaysBetween('2021-01-01', cal.addWorkingDays('2021-01-01', 20_000))).toBe(20_000);
    const s = sh('2021-03-01T10:00:00');
    const end = cal.addBusinessDuration(s, 5_000 * BUSINESS_DAY_MS + 5 * MINUTE, '5x9');
    expect(cal.businessTimeBetween(s, end, '5x9')).toBe(5_000 * BUSINESS_DAY_MS + 5 * MINUTE);
    expect(naiveBusinessBetween(s, end)).toBe(5_000 * BUSINESS_DAY_MS + 5 * MINUTE);
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
