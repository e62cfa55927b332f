// Roster generation on the business calendar (issue 14 point 4): a pure function of the layers, the
// calendar and a window. Working hours are 09:00–18:00 Asia/Shanghai of working days (make-up
// Saturdays included, holidays excluded); `outside-working-hours` is the rest of the week; the
// special holidays are 元旦, 春节, 劳动节 and 国庆节 as the calendar names them. A rotation hands over
// at its `handoff` time: daily, or weekly counted from the roster's first day.
import type { BusinessCalendar } from '../../../common/calendar.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, formatDay, splitInstant, toDay } from '../../../common/dates.ts';
import { SPECIAL_HOLIDAYS, type TDutyLayer, type TGap, type TLayerSpec } from '../../../common/duty.ts';

const OPEN = 9 * HOUR_MS;
const CLOSE = 18 * HOUR_MS;
const OFFSET = 8 * HOUR_MS;

/** One person on one layer over [start, end) (epoch ms). */
export interface Shift {
  layer: TDutyLayer;
  member: string;
  start: number;
  end: number;
}

export interface Window {
  from: string;
  to: string;
}

const hhmm = (s: string) => Number(s.slice(0, 2)) * HOUR_MS + Number(s.slice(3, 5)) * MINUTE_MS;
/** Epoch ms of local time `ms` after midnight of day number `dn`. */
const at = (dn: number, ms: number) => dn * DAY_MS + ms - OFFSET;

export function isSpecialHoliday(cal: BusinessCalendar, date: string): boolean {
  const d = cal.dayType(date);
  return d.type === 'holiday' && SPECIAL_HOLIDAYS.some((h) => (d.name ?? '').includes(h));
}

/** The local-time windows of a day during which a restriction lets a layer be on. */
function windows(cal: BusinessCalendar, restriction: TLayerSpec['restriction'], date: string): [number, number][] {
  switch (restriction) {
    case 'working-hours':
      return cal.isWorkingDay(date) ? [[OPEN, CLOSE]] : [];
    case 'outside-working-hours':
      return cal.isWorkingDay(date)
        ? [
            [0, OPEN],
            [CLOSE, DAY_MS],
          ]
        : [[0, DAY_MS]];
    case 'special-holidays':
      return isSpecialHoliday(cal, date) ? [[0, DAY_MS]] : [];
    case 'always':
      return [[0, DAY_MS]];
  }
}

/** Who of a layer is on at instant t, by its rotation counted from the roster's first day. */
export function membersAt(spec: TLayerSpec, anchor: number, t: number): string[] {
  if (spec.rotation === 'all') return spec.members;
  const [slotDay] = splitInstant(t - hhmm(spec.handoff));
  const k = spec.rotation === 'daily' ? slotDay - anchor : Math.floor((slotDay - anchor) / 7);
  const n = spec.members.length;
  return [spec.members[((k % n) + n) % n]!];
}

/**
 * The shifts of a roster's layers on the dates of `window` (clipped to the roster's period), each
 * person's continuous time on one layer as one shift, ordered by start.
 */
export function generateShifts(cal: BusinessCalendar, period: Window, layers: readonly TLayerSpec[], window: Window = period): Shift[] {
  const anchor = toDay(period.from);
  const a = Math.max(anchor, toDay(window.from));
  const b = Math.min(toDay(period.to), toDay(window.to));
  const out: Shift[] = [];
  for (const spec of layers) {
    const open = new Map<string, Shift>();
    const h = hhmm(spec.handoff);
    for (let dn = a; dn <= b; dn++) {
      for (const [lo, hi] of windows(cal, spec.restriction, formatDay(dn))) {
        const cuts = h > lo && h < hi ? [lo, h, hi] : [lo, hi];
        for (let i = 0; i + 1 < cuts.length; i++) {
          const s = at(dn, cuts[i]!);
          const e = at(dn, cuts[i + 1]!);
          for (const m of membersAt(spec, anchor, s)) {
            const prev = open.get(m);
            if (prev && prev.end === s) prev.end = e;
            else {
              const sh: Shift = { layer: spec.layer, member: m, start: s, end: e };
              open.set(m, sh);
              out.push(sh);
            }
          }
        }
      }
    }
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

export interface OverrideSpan {
  layer: TDutyLayer;
  fromUserId: string | null;
  toUserId: string;
  start: number;
  end: number;
}

/** Approved overrides applied: inside its span, the replaced person's time goes to the substitute. */
export function applyOverrides(shifts: readonly Shift[], overrides: readonly OverrideSpan[]): Shift[] {
  let cur: Shift[] = [...shifts];
  for (const o of overrides) {
    const next: Shift[] = [];
    for (const s of cur) {
      const hit = s.layer === o.layer && (o.fromUserId === null || s.member === o.fromUserId) && s.start < o.end && s.end > o.start;
      if (!hit) {
        next.push(s);
        continue;
      }
      if (s.start < o.start) next.push({ ...s, end: o.start });
      next.push({ ...s, member: o.toUserId, start: Math.max(s.start, o.start), end: Math.min(s.end, o.end) });
      if (s.end > o.end) next.push({ ...s, start: o.end });
    }
    cur = next;
  }
  // Replacing a whole layer leaves one shift per replaced person: keep one per (layer, member, span).
  const seen = new Set<string>();
  return cur
    .filter((s) => {
      const k = `${s.layer}|${s.member}|${s.start}|${s.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => x.start - y.start || x.end - y.end);
}

/** The spans of [from, to) that no shift covers. */
export function findGaps(shifts: readonly Shift[], from: number, to: number): TGap[] {
  const sorted = [...shifts].sort((x, y) => x.start - y.start);
  const gaps: TGap[] = [];
  let covered = from;
  const gap = (s: number, e: number) =>
    gaps.push({ start: new Date(s).toISOString(), end: new Date(e).toISOString(), hours: Math.round(((e - s) / HOUR_MS) * 100) / 100 });
  for (const s of sorted) {
    if (s.end <= covered) continue;
    if (s.start > covered) gap(covered, Math.min(s.start, to));
    covered = Math.max(covered, s.end);
    if (covered >= to) break;
  }
  if (covered < to) gap(covered, to);
  return gaps.filter((g) => g.hours > 0);
}

/** The instants a window of dates spans: from its first midnight to the midnight after its last day. */
export function spanOf(w: Window): [number, number] {
  return [at(toDay(w.from), 0), at(toDay(w.to) + 1, 0)];
}
