// Duty roster generation at the scale (issue 14, Speed): a year of rosters for 40 people and
// 4 lines (10 per line: 4 resident, 2 mobile, 3 rotating weekly on call, the project manager and two
// more daily over the special holidays), generated on the shipped business calendar with the gap
// check publishing runs. Pure computation: no database. Target < 1 s. Not part of `npm run bench`.
//   node bench/duty.ts [year]
import { BusinessCalendar } from '../src/common/calendar.ts';
import { addCalendarDays } from '../src/common/dates.ts';
import type { TLayerSpec } from '../src/common/duty.ts';
import { shippedEntries } from '../src/server/kernel/calendar/service.ts';
import { findGaps, generateShifts, spanOf } from '../src/server/modules/duty/generate.ts';

const year = Number(process.argv[2] ?? 2025);
const cal = new BusinessCalendar(shippedEntries().flatMap((y) => y.entries));
const lines = ['SM', 'NET', 'SEC', 'VC'].map((line, i) => {
  const p = (k: number) => `${line}-person-${i * 10 + k}`;
  const layers: TLayerSpec[] = [
    { layer: 'resident', members: [p(0), p(1), p(2), p(3)], rotation: 'all', handoff: '09:00', restriction: 'working-hours' },
    { layer: 'mobile', members: [p(4), p(5)], rotation: 'daily', handoff: '09:00', restriction: 'working-hours' },
    { layer: 'on-call', members: [p(6), p(7), p(8)], rotation: 'weekly', handoff: '09:00', restriction: 'outside-working-hours' },
    { layer: 'holiday-special', members: [p(9), p(0), p(6)], rotation: 'daily', handoff: '09:00', restriction: 'special-holidays' },
  ];
  return { line, layers };
});
const period = { from: `${year}-01-01`, to: `${year}-12-31` };
const [from, to] = spanOf(period);

let best = Infinity;
let shifts = 0;
let gaps = 0;
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  shifts = 0;
  gaps = 0;
  for (const l of lines) {
    const s = generateShifts(cal, period, l.layers);
    shifts += s.length;
    gaps += findGaps(s, from, to).length;
  }
  best = Math.min(best, performance.now() - t0);
}
// Baseline in the same run (the shared machine's noise): the least any generator must do, asking the
// calendar whether each day of the year is a working day, for each line and layer.
let base = Infinity;
let working = 0;
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  working = 0;
  for (const l of lines)
    for (const _layer of l.layers) for (let d = period.from; d <= period.to; d = addCalendarDays(d, 1)) if (cal.isWorkingDay(d)) working++;
  base = Math.min(base, performance.now() - t0);
}
console.log(`duty ${year}: 4 lines × 40 people, ${shifts} shifts, ${gaps} gaps, best of 5: ${best.toFixed(1)} ms (target < 1000 ms)`);
console.log(`baseline: ${working} working-day lookups, best of 5: ${base.toFixed(1)} ms; ratio ${(best / base).toFixed(1)}×`);
