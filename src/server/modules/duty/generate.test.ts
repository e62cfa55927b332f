// Roster generation on the shipped official calendar 2021–2026 (issue 14 point 4): make-up workdays
// have the resident on post, holidays (a Monday one included) are on call, the four special holidays
// have special duty and the others not; rotations hand over at their time; gaps list uncovered hours.
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../common/calendar.ts';
import { dateOf, weekdayOf } from '../../../common/dates.ts';
import type { TLayerSpec } from '../../../common/duty.ts';
import { shippedEntries } from '../../kernel/calendar/service.ts';
import { applyOverrides, findGaps, generateShifts, spanOf } from './generate.ts';

const cal = new BusinessCalendar(shippedEntries().flatMap((y) => y.entries));
const LAYERS: TLayerSpec[] = [
  { layer: 'resident', members: ['res'], rotation: 'all', handoff: '09:00', restriction: 'working-hours' },
  { layer: 'mobile', members: ['mob'], rotation: 'all', handoff: '09:00', restriction: 'working-hours' },
  { layer: 'on-call', members: ['a', 'b'], rotation: 'weekly', handoff: '09:00', restriction: 'outside-working-hours' },
  { layer: 'holiday-special', members: ['x', 'y'], rotation: 'daily', handoff: '09:00', restriction: 'special-holidays' },
];

/** The layers on duty at a local Shanghai time, from a roster over that whole year. */
function on(local: string, layers = LAYERS): { layer: string; member: string }[] {
  const t = new Date(`${local}+08:00`);
  const day = dateOf(t);
  const period = { from: `${day.slice(0, 4)}-01-01`, to: `${day.slice(0, 4)}-12-31` };
  return generateShifts(cal, period, layers, { from: day, to: day })
    .filter((s) => s.start <= t.getTime() && s.end > t.getTime())
    .map((s) => ({ layer: s.layer, member: s.member }));
}
const layersAt = (local: string) => new Set(on(local).map((p) => p.layer));

describe('duty roster generation on the business calendar', () => {
  it('2025-10-01 03:00 (国庆节) is on call and special holiday duty, nobody resident', () => {
    expect(layersAt('2025-10-01T03:00:00')).toEqual(new Set(['on-call', 'holiday-special']));
    // 10:00 on the holiday: still no resident on post.
    expect(layersAt('2025-10-01T10:00:00')).toEqual(new Set(['on-call', 'holiday-special']));
  });

  it('a 2025 make-up Saturday is a working day: resident and mobile on post 09:00–18:00, on call after', () => {
    for (const d of ['2025-02-08', '2025-10-11']) {
      expect(weekdayOf(d)).toBe(6);
      expect(on(`${d}T10:00:00`)).toEqual(
        expect.arrayContaining([
          { layer: 'resident', member: 'res' },
          { layer: 'mobile', member: 'mob' },
        ]),
      );
      expect(layersAt(`${d}T10:00:00`).has('on-call')).toBe(false);
      expect(layersAt(`${d}T08:59:00`)).toEqual(new Set(['on-call']));
      expect(layersAt(`${d}T18:00:00`)).toEqual(new Set(['on-call']));
    }
    // The ordinary Saturday after has nobody on post.
    expect(layersAt('2025-10-18T10:00:00')).toEqual(new Set(['on-call']));
  });

  it('a Monday holiday is on call (2025-05-05 劳动节, 2023-01-02 元旦, 2024-10-07 国庆节)', () => {
    for (const d of ['2025-05-05', '2023-01-02', '2024-10-07']) {
      expect(weekdayOf(d)).toBe(1);
      expect(layersAt(`${d}T10:00:00`)).toEqual(new Set(['on-call', 'holiday-special']));
    }
    // 清明节 (2025-04-04) is a holiday without special duty.
    expect(layersAt('2025-04-04T10:00:00')).toEqual(new Set(['on-call']));
  });

  it('every holiday and make-up workday of the shipped 2021–2026 calendars', () => {
    const entries = shippedEntries().flatMap((y) => y.entries);
    expect(new Set(entries.map((e) => e.date.slice(0, 4)))).toEqual(new Set(['2021', '2022', '2023', '2024', '2025', '2026']));
    for (const e of entries) {
      const noon = layersAt(`${e.date}T12:00:00`);
      if (e.type === 'makeup_workday') {
        expect(noon, e.date).toEqual(new Set(['resident', 'mobile']));
        expect(layersAt(`${e.date}T22:00:00`), e.date).toEqual(new Set(['on-call']));
      } else {
        const special = /元旦|春节|劳动节|国庆节/.test(e.name);
        expect(noon, `${e.date} ${e.name}`).toEqual(new Set(special ? ['on-call', 'holiday-special'] : ['on-call']));
      }
    }
  });

  it('weekly on call hands over at 09:00, counted from the roster’s first day; daily special duty too', () => {
    // 2025-01-01 is the anchor: a's week runs to 2025-01-08 09:00, then b's.
    expect(on('2025-01-08T08:59:00')).toEqual([{ layer: 'on-call', member: 'a' }]);
    expect(on('2025-01-08T18:30:00')).toEqual([{ layer: 'on-call', member: 'b' }]);
    expect(on('2025-01-15T20:00:00')).toEqual([{ layer: 'on-call', member: 'a' }]);
    // 2025 春节 holidays 01-28..02-04: special duty alternates every day at 09:00.
    const sp = (t: string) => on(t).find((p) => p.layer === 'holiday-special')?.member;
    expect(sp('2025-01-29T10:00:00')).not.toBe(sp('2025-01-30T10:00:00'));
    expect(sp('2025-01-30T08:00:00')).toBe(sp('2025-01-29T10:00:00'));
  });

  it('a continuous on-call stretch over a weekend is one shift (Friday 18:00 to Monday 09:00)', () => {
    const shifts = generateShifts(cal, { from: '2025-03-05', to: '2025-03-31' }, [LAYERS[2]!], { from: '2025-03-07', to: '2025-03-10' });
    const weekend = shifts.find((s) => s.start === Date.parse('2025-03-07T18:00:00+08:00'));
    expect(weekend?.end).toBe(Date.parse('2025-03-10T09:00:00+08:00'));
  });

  it('finds the hours nobody covers', () => {
    const w = { from: '2025-10-09', to: '2025-10-10' };
    const [a, b] = spanOf(w);
    const gaps = findGaps(generateShifts(cal, w, [LAYERS[0]!]), a, b);
    expect(gaps.map((g) => [g.start, g.end, g.hours])).toEqual([
      ['2025-10-08T16:00:00.000Z', '2025-10-09T01:00:00.000Z', 9],
      ['2025-10-09T10:00:00.000Z', '2025-10-10T01:00:00.000Z', 15],
      ['2025-10-10T10:00:00.000Z', '2025-10-10T16:00:00.000Z', 6],
    ]);
    expect(findGaps(generateShifts(cal, w, LAYERS), a, b)).toEqual([]);
  });

  it('an approved override hands the replaced person’s time to the substitute, only inside its span', () => {
    const w = { from: '2025-10-09', to: '2025-10-09' };
    const shifts = generateShifts(cal, w, [LAYERS[0]!]);
    const s = Date.parse('2025-10-09T12:00:00+08:00');
    const e = Date.parse('2025-10-09T14:00:00+08:00');
    const out = applyOverrides(shifts, [{ layer: 'resident', fromUserId: 'res', toUserId: 'sub', start: s, end: e }]);
    expect(out.map((x) => [x.member, x.start, x.end])).toEqual([
      ['res', Date.parse('2025-10-09T09:00:00+08:00'), s],
      ['sub', s, e],
      ['res', e, Date.parse('2025-10-09T18:00:00+08:00')],
    ]);
  });
});
