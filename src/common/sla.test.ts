import { shippedCalendar } from '../server/test/holiday-files.ts';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BUSINESS_DAY_MS, type HoursProfile } from './calendar.ts';
import {
  SEVERITIES,
  SlaPolicySchema,
  TICKET_CATEGORIES,
  defaultPolicies,
  evaluateClock,
  policyFor,
  type ClockEvent,
  type SlaPolicy,
  type SlaPolicyTarget,
  type SlaTarget,
} from './sla.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

// --- the shipped holiday data --------------------------------------------------------------------

const cal = shippedCalendar();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** An instant written in Shanghai local time. */
const sh = (local: string): Date => new Date(`${local}+08:00`);
const iso = (d: Date | null): string | null => (d === null ? null : new Date(d.getTime() + 8 * HOUR).toISOString().replace('Z', '+08:00'));

const start = (at: Date): ClockEvent => ({ at, kind: 'start' });
const pause = (at: Date, reason = 'waiting for a spare part'): ClockEvent => ({ at, kind: 'pause', reason });
const resume = (at: Date): ClockEvent => ({ at, kind: 'resume' });
const met = (at: Date): ClockEvent => ({ at, kind: 'met' });
const reopen = (at: Date): ClockEvent => ({ at, kind: 'reopen' });

function targetOf(policy: SlaPolicy | null, target: SlaTarget): SlaPolicyTarget {
  const t = policy?.targets.find((x) => x.target === target);
  if (!t) throw new Error(`no ${target} target`);
  return t;
}

const ONSITE_5X9: SlaPolicyTarget = { target: 'onsite', durationMs: BUSINESS_DAY_MS, profile: '5x9' };
const RESOLVE_24H: SlaPolicyTarget = { target: 'resolve', durationMs: 24 * HOUR, profile: '7x24' };

// =================================================================================================

describe('the acceptance cases (known dates, real holiday data)', () => {
  it('SM fault reported Thu 2021-09-30 17:30: on site due 2021-10-08 17:30 (National Day in between)', () => {
    const p = targetOf(policyFor(defaultPolicies, { serviceLine: 'SM', severity: 'medium', category: 'fault' }), 'onsite');
    expect(p).toEqual(ONSITE_5X9);
    const reported = sh('2021-09-30T17:30:00');
    const s = evaluateClock(cal, p, [start(reported)], reported);
    expect(iso(s.dueAt)).toBe('2021-10-08T17:30:00.000+08:00');
    expect(s).toMatchObject({ state: 'running', metAt: null, pausedMs: 0, elapsedMs: 0, remainingMs: BUSINESS_DAY_MS, percent: 0 });
  });

  it('NET critical fault reported 2021-10-02 03:00: on site due 05:00, resolved due 2021-10-03 03:00', () => {
    const policy = policyFor(defaultPolicies, { serviceLine: 'NET', severity: 'critical', category: 'fault' });
    const reported = sh('2021-10-02T03:00:00');
    const onsite = evaluateClock(cal, targetOf(policy, 'onsite'), [start(reported)], reported);
    const resolve = evaluateClock(cal, targetOf(policy, 'resolve'), [start(reported)], reported);
    const report = evaluateClock(cal, targetOf(policy, 'report'), [start(reported)], reported);
    expect(iso(onsite.dueAt)).toBe('2021-10-02T05:00:00.000+08:00');
    expect(iso(resolve.dueAt)).toBe('2021-10-03T03:00:00.000+08:00');
    expect(iso(report.dueAt)).toBe('2021-10-03T03:00:00.000+08:00');
  });

  // A pause of 2 hours moves the due time by 2 business hours of its profile.
  it.each([
    {
      name: '5x9, pause 10:00–12:00 on a workday',
      p: ONSITE_5X9,
      events: [start(sh('2021-09-13T09:00:00')), pause(sh('2021-09-13T10:00:00')), resume(sh('2021-09-13T12:00:00'))],
      now: sh('2021-09-13T12:00:00'),
      before: '2021-09-13T18:00:00.000+08:00', // 9 h from 09:00 ends at that day's closing
      after: '2021-09-14T11:00:00.000+08:00',
      moved: 2 * HOUR,
      pausedMs: 2 * HOUR,
    },
    {
      name: '7x24, pause 03:30–05:30 on a holiday night',
      p: RESOLVE_24H,
      events: [start(sh('2021-10-02T03:00:00')), pause(sh('2021-10-02T03:30:00')), resume(sh('2021-10-02T05:30:00'))],
      now: sh('2021-10-02T06:00:00'),
      before: '2021-10-03T03:00:00.000+08:00',
      after: '2021-10-03T05:00:00.000+08:00',
      moved: 2 * HOUR,
      pausedMs: 2 * HOUR,
    },
    {
      name: '5x9, pause 17:45 Thu 09-30 – 10:00 Fri 10-08 across National Day: only 17:45–18:00 and 09:00–10:00 count',
      p: ONSITE_5X9,
      events: [start(sh('2021-09-30T17:30:00')), pause(sh('2021-09-30T17:45:00')), resume(sh('2021-10-08T10:00:00'))],
      now: sh('2021-10-08T11:00:00'),
      before: '2021-10-08T17:30:00.000+08:00',
      after: '2021-10-09T09:45:00.000+08:00', // Saturday 10-09 is a make-up workday
      moved: HOUR + 15 * MINUTE,
      pausedMs: 8 * 24 * HOUR - (7 * HOUR + 45 * MINUTE),
    },
  ])('$name', ({ p, events, now, before, after, moved, pausedMs }) => {
    const first = events[0]!;
    const unpaused = evaluateClock(cal, p, [first], now);
    const s = evaluateClock(cal, p, events, now);
    expect(iso(unpaused.dueAt)).toBe(before);
    expect(iso(s.dueAt)).toBe(after);
    expect(cal.businessTimeBetween(unpaused.dueAt!, s.dueAt!, p.profile)).toBe(moved);
    expect(s.pausedMs).toBe(pausedMs);
    expect(s.elapsedMs).toBe(cal.businessTimeBetween(first.at, now, p.profile) - moved);
    expect(s.state).toBe('running');
  });
});

describe('states', () => {
  const t0 = sh('2021-10-02T03:00:00');
  const at = (ms: number): Date => new Date(t0.getTime() + ms);
  const D = RESOLVE_24H.durationMs;

  it.each([
    { name: 'at 0', events: [start(t0)], now: at(0), state: 'running', percent: 0 },
    { name: 'just under 80 %', events: [start(t0)], now: at(0.8 * D - 1), state: 'running', percent: ((0.8 * D - 1) / D) * 100 },
    { name: 'at 80 %: warning', events: [start(t0)], now: at(0.8 * D), state: 'warning', percent: 80 },
    { name: 'just under 100 %: warning', events: [start(t0)], now: at(D - 1), state: 'warning', percent: ((D - 1) / D) * 100 },
    { name: 'at 100 %: breached', events: [start(t0)], now: at(D), state: 'breached', percent: 100 },
    { name: 'past 100 %: breached', events: [start(t0)], now: at(1.5 * D), state: 'breached', percent: 150 },
    { name: 'paused at 85 %: paused', events: [start(t0), pause(at(0.85 * D))], now: at(2 * D), state: 'paused', percent: 85 },
    {
      name: 'paused after 100 %: still breached',
      events: [start(t0), pause(at(1.1 * D))],
      now: at(2 * D),
      state: 'breached',
      percent: 110,
    },
    { name: 'met early', events: [start(t0), met(at(0.5 * D))], now: at(3 * D), state: 'met', percent: 50 },
    { name: 'met exactly at due: on time', events: [start(t0), met(at(D))], now: at(3 * D), state: 'met', percent: 100 },
    { name: 'met 1 ms late', events: [start(t0), met(at(D + 1))], now: at(3 * D), state: 'met_late', percent: ((D + 1) / D) * 100 },
    {
      name: 'met in time thanks to a pause',
      events: [start(t0), pause(at(HOUR), '等待用户 / waiting for the agency'), resume(at(3 * HOUR)), met(at(D + HOUR))],
      now: at(3 * D),
      state: 'met',
      percent: ((D - HOUR) / D) * 100,
    },
    {
      name: 'met while paused',
      events: [start(t0), pause(at(HOUR)), met(at(5 * HOUR))],
      now: at(3 * D),
      state: 'met',
      percent: (HOUR / D) * 100,
    },
  ])('$name', ({ events, now, state, percent }) => {
    const s = evaluateClock(cal, RESOLVE_24H, events, now);
    expect(s.state).toBe(state);
    expect(s.percent).toBeCloseTo(percent, 9);
    expect(s.remainingMs).toBe(D - s.elapsedMs);
    expect(s.target).toBe('resolve');
  });

  it('breached and met_late clocks keep the instant the time ran out as dueAt', () => {
    expect(evaluateClock(cal, RESOLVE_24H, [start(t0)], at(2 * D)).dueAt).toEqual(at(D));
    const late = evaluateClock(cal, RESOLVE_24H, [start(t0), pause(at(HOUR)), resume(at(4 * HOUR)), met(at(D + 5 * HOUR))], at(3 * D));
    expect(late).toMatchObject({
      state: 'met_late',
      dueAt: at(D + 3 * HOUR),
      metAt: at(D + 5 * HOUR),
      pausedMs: 3 * HOUR,
      remainingMs: -2 * HOUR,
    });
  });

  it('a paused clock: dueAt as if resumed now (moves with now), pausedMs grows with wall-clock time', () => {
    const events = [start(t0), pause(at(2 * HOUR), '不可抗力 / force majeure')];
    const a = evaluateClock(cal, RESOLVE_24H, events, at(5 * HOUR));
    const b = evaluateClock(cal, RESOLVE_24H, events, at(9 * HOUR));
    expect(a).toMatchObject({ state: 'paused', elapsedMs: 2 * HOUR, pausedMs: 3 * HOUR, dueAt: at(D + 3 * HOUR) });
    expect(b).toMatchObject({ state: 'paused', elapsedMs: 2 * HOUR, pausedMs: 7 * HOUR, dueAt: at(D + 7 * HOUR) });
  });

  it('5x9: a paused clock over a weekend does not move its dueAt (no business hours pass)', () => {
    // Fri 2021-09-10 17:00 start, paused at 17:30; now Sat and Sun: remaining 8.5 h from Mon 09:00.
    const events = [start(sh('2021-09-10T17:00:00')), pause(sh('2021-09-10T17:30:00'))];
    for (const now of ['2021-09-11T10:00:00', '2021-09-12T23:00:00', '2021-09-13T09:00:00']) {
      expect(iso(evaluateClock(cal, ONSITE_5X9, events, sh(now)).dueAt)).toBe('2021-09-13T17:30:00.000+08:00');
    }
  });

  it('5x9 callback for SM: a call at 17:58 on Friday is due Monday 09:03', () => {
    const p = targetOf(policyFor(defaultPolicies, { serviceLine: 'SM', severity: 'low', category: 'request' }), 'callback');
    const s = evaluateClock(cal, p, [start(sh('2021-09-10T17:58:00'))], sh('2021-09-11T12:00:00'));
    expect(iso(s.dueAt)).toBe('2021-09-13T09:03:00.000+08:00');
    expect(s).toMatchObject({ state: 'running', elapsedMs: 2 * MINUTE });
  });
});

describe('invalid input', () => {
  const t = (h: number): Date => new Date(sh('2021-09-13T09:00:00').getTime() + h * HOUR);
  it.each([
    { name: 'no events', events: [] as ClockEvent[], msg: /begins with start/ },
    { name: 'not starting with start', events: [pause(t(0))], msg: /events\[0\].*must be start/ },
    { name: 'start twice', events: [start(t(0)), start(t(1))], msg: /events\[1\].*starts once/ },
    { name: 'resume without pause', events: [start(t(0)), resume(t(1))], msg: /events\[1\].*not paused/ },
    { name: 'resume twice', events: [start(t(0)), pause(t(1)), resume(t(2)), resume(t(3))], msg: /events\[3\].*not paused/ },
    { name: 'pause twice', events: [start(t(0)), pause(t(1)), pause(t(2))], msg: /events\[2\].*already paused/ },
    { name: 'pause without a reason', events: [start(t(0)), pause(t(1), '  ')], msg: /events\[1\].*reason/ },
    { name: 'anything after met', events: [start(t(0)), met(t(1)), pause(t(2))], msg: /events\[2\].*follows met/ },
    { name: 'met twice', events: [start(t(0)), met(t(1)), met(t(2))], msg: /events\[2\].*follows met/ },
    { name: 'out of order', events: [start(t(0)), pause(t(2)), resume(t(1))], msg: /events\[2\].*earlier/ },
    { name: 'after now', events: [start(t(0)), pause(t(20))], msg: /events\[1\].*later than now/ },
    { name: 'invalid date', events: [start(new Date(Number.NaN))], msg: /events\[0\]\.at.*not a valid instant/ },
    { name: 'unknown kind', events: [start(t(0)), { at: t(1), kind: 'stop' } as unknown as ClockEvent], msg: /unknown kind/ },
    { name: 'reopen of a clock not met', events: [start(t(0)), reopen(t(1))], msg: /events\[1\].*not met/ },
    { name: 'reopen twice', events: [start(t(0)), met(t(1)), reopen(t(2)), reopen(t(3))], msg: /events\[3\].*not met/ },
  ])('$name throws a RangeError', ({ events, msg }) => {
    expect(() => evaluateClock(cal, ONSITE_5X9, events, t(10))).toThrow(RangeError);
    expect(() => evaluateClock(cal, ONSITE_5X9, events, t(10))).toThrow(msg);
  });

  it('rejects an invalid policy target and an invalid now', () => {
    const events = [start(t(0))];
    expect(() => evaluateClock(cal, { ...ONSITE_5X9, durationMs: -1 }, events, t(1))).toThrow(RangeError);
    expect(() => evaluateClock(cal, { ...ONSITE_5X9, profile: '24x7' as HoursProfile }, events, t(1))).toThrow(RangeError);
    expect(() => evaluateClock(cal, ONSITE_5X9, events, new Date(Number.NaN))).toThrow(/now is not a valid instant/);
  });

  it('allows events at the same instant (applied in order)', () => {
    const s = evaluateClock(cal, ONSITE_5X9, [start(t(1)), pause(t(1)), resume(t(1)), met(t(1))], t(1));
    expect(s).toMatchObject({ state: 'met', elapsedMs: 0, pausedMs: 0 });
  });
});

// R-SD-05: the agency rejects a fix and the ticket reopens; the resolve clock runs again.
describe('reopen (a rejected fix)', () => {
  const t = (h: number): Date => new Date(sh('2021-10-12T09:00:00').getTime() + h * HOUR);

  it('removes the met: the clock counts on as if it had never been met', () => {
    const reopened = evaluateClock(cal, RESOLVE_24H, [start(t(0)), met(t(5)), reopen(t(8))], t(10));
    const never = evaluateClock(cal, RESOLVE_24H, [start(t(0))], t(10));
    expect(reopened).toEqual(never);
    expect(reopened).toMatchObject({ state: 'running', metAt: null, elapsedMs: 10 * HOUR });
    expect(iso(reopened.dueAt)).toBe('2021-10-13T09:00:00.000+08:00');
  });

  it('can be met again, and breaches when the time since the rejected fix runs out', () => {
    const again = evaluateClock(cal, RESOLVE_24H, [start(t(0)), met(t(5)), reopen(t(8)), met(t(12))], t(30));
    expect(again).toMatchObject({ state: 'met', metAt: t(12), elapsedMs: 12 * HOUR });
    const late = evaluateClock(cal, RESOLVE_24H, [start(t(0)), met(t(20)), reopen(t(23))], t(26));
    expect(late).toMatchObject({ state: 'breached', metAt: null, dueAt: t(24) });
  });

  it('a clock met while paused reopens paused (the pause goes on until resumed)', () => {
    const s = evaluateClock(cal, RESOLVE_24H, [start(t(0)), pause(t(1)), met(t(2)), reopen(t(3))], t(4));
    expect(s).toMatchObject({ state: 'paused', metAt: null, elapsedMs: HOUR, pausedMs: 3 * HOUR });
    const resumed = evaluateClock(cal, RESOLVE_24H, [start(t(0)), pause(t(1)), met(t(2)), reopen(t(3)), resume(t(4))], t(6));
    expect(resumed).toMatchObject({ state: 'running', elapsedMs: 3 * HOUR, pausedMs: 3 * HOUR });
  });
});

describe('policies', () => {
  it('the seed validates and covers every line × severity, general and fault', () => {
    for (const p of defaultPolicies) expect(SlaPolicySchema.safeParse(p).success).toBe(true);
    expect(defaultPolicies).toHaveLength(SERVICE_LINE_CODES.length * SEVERITIES.length * 2);
  });

  it.each(
    SERVICE_LINE_CODES.flatMap((serviceLine) =>
      SEVERITIES.flatMap((severity) => TICKET_CATEGORIES.map((category) => ({ serviceLine, severity, category }))),
    ),
  )('$serviceLine $severity $category', (ticket) => {
    const policy = policyFor(defaultPolicies, ticket);
    const byTarget = Object.fromEntries((policy?.targets ?? []).map((t) => [t.target, `${t.durationMs / MINUTE}min ${t.profile}`]));
    const hotline = ticket.serviceLine === 'SM' ? '5x9' : '7x24';
    const urgent = ['NET', 'SEC'].includes(ticket.serviceLine) && ['critical', 'high'].includes(ticket.severity);
    if (ticket.category !== 'fault') {
      expect(byTarget).toEqual({ callback: `5min ${hotline}` });
    } else if (urgent) {
      expect(byTarget).toEqual({ callback: `5min ${hotline}`, onsite: '120min 7x24', resolve: '1440min 7x24', report: '1440min 7x24' });
    } else {
      expect(byTarget).toEqual({ callback: `5min ${hotline}`, onsite: '540min 5x9', report: '1440min 7x24' });
    }
  });

  it('policyFor picks the most specific match regardless of order, the first among equals, or null', () => {
    const general: SlaPolicy = { serviceLine: 'VC', severity: 'low', targets: [] };
    const fault: SlaPolicy = { serviceLine: 'VC', severity: 'low', category: 'fault', targets: [ONSITE_5X9] };
    const fault2: SlaPolicy = { ...fault, targets: [RESOLVE_24H] };
    expect(policyFor([fault, general], { serviceLine: 'VC', severity: 'low', category: 'fault' })).toBe(fault);
    expect(policyFor([general, fault, fault2], { serviceLine: 'VC', severity: 'low', category: 'fault' })).toBe(fault);
    expect(policyFor([fault, general], { serviceLine: 'VC', severity: 'low', category: 'complaint' })).toBe(general);
    expect(policyFor([fault, general], { serviceLine: 'VC', severity: 'low' })).toBe(general);
    expect(policyFor([fault], { serviceLine: 'VC', severity: 'low', category: 'request' })).toBeNull();
    expect(policyFor([general], { serviceLine: 'SM', severity: 'low' })).toBeNull();
  });

  it('the schema rejects a target named twice and an unknown profile', () => {
    expect(SlaPolicySchema.safeParse({ serviceLine: 'SM', severity: 'low', targets: [ONSITE_5X9, ONSITE_5X9] }).success).toBe(false);
    expect(SlaPolicySchema.safeParse({ serviceLine: 'SM', severity: 'low', targets: [{ ...ONSITE_5X9, profile: '6x12' }] }).success).toBe(
      false,
    );
  });
});

// --- properties ----------------------------------------------------------------------------------

const T0 = sh('2021-01-01T00:00:00').getTime();
const T1 = sh('2026-12-01T00:00:00').getTime();
const arbStart = fc.oneof(
  fc.integer({ min: T0, max: T1 }),
  fc.integer({ min: 0, max: (T1 - T0) / (30 * MINUTE) }).map((i) => T0 + i * 30 * MINUTE),
);
const arbPolicy: fc.Arbitrary<SlaPolicyTarget> = fc.record({
  target: fc.constantFrom<SlaTarget>('callback', 'onsite', 'resolve', 'report'),
  durationMs: fc.oneof(
    fc.integer({ min: 0, max: 10 * BUSINESS_DAY_MS }),
    fc.constantFrom(5 * MINUTE, 2 * HOUR, BUSINESS_DAY_MS, 24 * HOUR),
  ),
  profile: fc.constantFrom<HoursProfile>('5x9', '7x24'),
});
/** Gaps between consecutive events: zero, minutes, hours or days, so pauses cross nights and holidays. */
const arbGap = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * HOUR }), fc.integer({ min: 1, max: 10 * 24 * HOUR }));

/** A valid event list: start, then alternating pause/resume, optionally met; and a `now` after it. */
const arbClock = fc
  .record({ t0: arbStart, gaps: fc.array(arbGap, { maxLength: 8 }), withMet: fc.boolean(), tail: arbGap })
  .map(({ t0, gaps, withMet, tail }) => {
    const events: ClockEvent[] = [start(new Date(t0))];
    let t = t0;
    gaps.forEach((g, i) => {
      t += g;
      events.push(i % 2 === 0 ? pause(new Date(t)) : resume(new Date(t)));
    });
    if (withMet) events.push(met(new Date((t += tail))));
    return { events, now: new Date(t + tail) };
  });

describe('properties', () => {
  it('with no pauses, dueAt = addBusinessDuration(start, duration, profile), whatever now is', () => {
    fc.assert(
      fc.property(arbPolicy, arbStart, arbGap, arbGap, fc.boolean(), (p, t0, g1, g2, withMet) => {
        const s0 = new Date(t0);
        const events = withMet ? [start(s0), met(new Date(t0 + g1))] : [start(s0)];
        const s = evaluateClock(cal, p, events, new Date(t0 + g1 + g2));
        expect(s.dueAt).toEqual(cal.addBusinessDuration(s0, p.durationMs, p.profile));
        expect(s.pausedMs).toBe(0);
      }),
    );
  });

  it('pausing never makes dueAt earlier, and elapsed + paused business time = the whole span', () => {
    fc.assert(
      fc.property(arbPolicy, arbClock, (p, { events, now }) => {
        const first = events[0]!;
        const last = events.at(-1)!;
        const withPauses = evaluateClock(cal, p, events, now);
        const noPauses = evaluateClock(cal, p, last.kind === 'met' ? [first, met(last.at)] : [first], now);
        expect(withPauses.dueAt!.getTime()).toBeGreaterThanOrEqual(noPauses.dueAt!.getTime());
        expect(withPauses.elapsedMs).toBeLessThanOrEqual(noPauses.elapsedMs);
        expect(withPauses.pausedMs).toBeLessThanOrEqual((last.kind === 'met' ? last.at : now).getTime() - first.at.getTime());
        expect(withPauses.remainingMs).toBe(p.durationMs - withPauses.elapsedMs);
      }),
    );
  });

  it('a single pause moves dueAt by exactly the business time inside it (while not yet due)', () => {
    fc.assert(
      fc.property(arbPolicy, arbStart, arbGap, arbGap, (p, t0, g1, g2) => {
        const [s0, p0, r0] = [new Date(t0), new Date(t0 + g1), new Date(t0 + g1 + g2)];
        const before = evaluateClock(cal, p, [start(s0)], s0);
        fc.pre(before.dueAt!.getTime() > p0.getTime()); // the pause begins before the clock ran out
        const after = evaluateClock(cal, p, [start(s0), pause(p0), resume(r0)], r0);
        const inside = cal.businessTimeBetween(p0, r0, p.profile);
        expect(cal.businessTimeBetween(before.dueAt!, after.dueAt!, p.profile)).toBe(inside);
        expect(after.pausedMs).toBe(g2);
      }),
    );
  });
});
