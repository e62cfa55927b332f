// The demo's past unexplained configuration changes (issue 15) fall in the previous calendar month and
// the previous week of whatever day the demo is loaded, between two revisions of their device: every
// day of two years, at 00:10, 02:29, 02:31 and 23:59 China time (the nightly backup runs at 02:30).
import { describe, expect, it } from 'vitest';
import { addCalendarDays, dateOf, instantOf, weekdayOf } from '../../../common/dates.ts';
import { LAB_LATEST_REVISION } from '../../demo/lab/config.ts';
import { DEMO_PAST_UNEXPLAINED, pastUnexplainedNights, revisionNight } from './demo.ts';

const DAY = 86_400_000;

describe('the demo history of configuration backup', () => {
  it('has an unexplained change in the previous month and the previous week of any day', () => {
    for (let day = '2026-01-01'; day <= '2027-12-31'; day = addCalendarDays(day, 1)) {
      for (const hhmm of ['00:10', '02:29', '02:31', '23:59']) {
        const now = instantOf(day, hhmm);
        const nights = pastUnexplainedNights(now);
        // The last nightly backup (02:30 China time) at or before now, then `k` nights before it.
        const last = instantOf(hhmm < '02:30' ? addCalendarDays(day, -1) : day, '02:30').getTime();
        const dateAt = (k: number) => dateOf(new Date(last - k * DAY));
        const month = dateAt(nights.month);
        const prevMonthEnd = addCalendarDays(`${day.slice(0, 8)}01`, -1);
        expect([month >= `${prevMonthEnd.slice(0, 8)}01` && month <= prevMonthEnd, `${day} ${hhmm}`]).toEqual([true, `${day} ${hhmm}`]);
        const monday = addCalendarDays(day, -((weekdayOf(day) + 6) % 7));
        const week = dateAt(nights.week);
        expect([week >= addCalendarDays(monday, -7) && week < monday, `${day} ${hhmm}`]).toEqual([true, `${day} ${hhmm}`]);
        for (const [period, key] of Object.entries(DEMO_PAST_UNEXPLAINED) as ['month' | 'week', string][]) {
          const k = nights[period];
          const revs = Array.from({ length: LAB_LATEST_REVISION + 1 }, (_, r) => revisionNight(key, r));
          expect(revs.includes(k) || k <= Math.min(...revs) || k >= Math.max(...revs), `${day} ${hhmm} ${period}`).toBe(false);
        }
      }
    }
  });
});
