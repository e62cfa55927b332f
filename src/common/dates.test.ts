// Plain Shanghai dates and instants (dates.ts), against the platform's own date arithmetic.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays, calendarDaysBetween, dateOf, instantOf, weekdayOf } from './dates.ts';
import { sh } from '../server/test/holiday-files.ts';

const HOUR = 3_600_000;

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
