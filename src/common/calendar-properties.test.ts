// Properties of the business calendar (calendar.ts) checked with fast-check against slow oracles
// that walk day by day, over 2020-07 .. 2027-06 of the shipped holiday data.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BUSINESS_DAY_MS } from './calendar.ts';
import { addCalendarDays, calendarDaysBetween, dateOf, instantOf } from './dates.ts';
import { sh, shippedCalendar } from '../server/test/holiday-files.ts';

const cal = shippedCalendar();
const HOUR = 3_600_000;
const MINUTE = 60_000;

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
