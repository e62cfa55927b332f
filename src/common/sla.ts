/**
 * SLA clocks: the contract's service-level targets as data, and a pure engine that evaluates one
 * clock from its events on the {@link BusinessCalendar}. Shared by the server (the desk module and
 * the SLA job) and the web app (live countdowns), so it is pure TypeScript: no Node or DOM imports.
 *
 * A clock is a list of {@link ClockEvent}s: `start`, then any number of `pause` (with a reason:
 * waiting for the agency, a vendor, a spare part, force majeure — R-CON-09) / `resume` pairs, and
 * finally `met` when the event that satisfies the target happens (call-back logged, arrival checked
 * in, resolved, reported). Only the running intervals count, and only their business time under the
 * target's hours profile: a pause at night in `5x9` costs nothing, a pause at night in `7x24` gives
 * the hours back.
 *
 * Sources: R-SD-01 (hotline hours per line), R-SD-02 (call back within 5 minutes), R-SD-03 (on site
 * within 1 working day; NET and SEC faults on site within 2 hours at any hour and resolved within
 * 24 hours), R-SD-04 (every fault reported to the agency within 24 hours), R-CON-09 (force majeure
 * extends the affected deadlines).
 */
import { z } from 'zod';
import { BUSINESS_DAY_MS, type BusinessCalendar, type HoursProfile } from './calendar.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from './service-lines.ts';

// ---------------------------------------------------------------------------------------------
// Types

export const SLA_TARGETS = ['callback', 'onsite', 'resolve', 'report'] as const;
/** What a clock measures: call back the requester, arrive on site, resolve, report to the agency. */
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** The four service lines (one list for the whole product: common/permissions.ts). */
export type ServiceLine = ServiceLineCode;

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
/** 紧急 / 高 / 中 / 低 */
export type Severity = (typeof SEVERITIES)[number];

export const TICKET_CATEGORIES = ['fault', 'request', 'consultation', 'complaint'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

/** One target of a policy: `durationMs` of business time under `profile`. */
export interface SlaPolicyTarget {
  target: SlaTarget;
  durationMs: number;
  profile: HoursProfile;
}

/**
 * The targets that apply to tickets of one service line and severity; with `category` only to that
 * category (more specific), without it to every category. See {@link policyFor}.
 */
export interface SlaPolicy {
  serviceLine: ServiceLine;
  severity: Severity;
  category?: TicketCategory;
  targets: SlaPolicyTarget[];
}

export type ClockEvent =
  | { at: Date; kind: 'start' }
  | { at: Date; kind: 'pause'; reason: string }
  | { at: Date; kind: 'resume' }
  | { at: Date; kind: 'met' }
  | { at: Date; kind: 'reopen' };

/**
 * - `running`: counting, below 80 %;
 * - `warning`: counting (or about to), at or above 80 %, below 100 %;
 * - `paused`: not counting, below 100 %;
 * - `breached`: 100 % or more used and not met (whether running or paused);
 * - `met` / `met_late`: stopped by `met`, with at most / more than the target's business time used.
 */
export type ClockState = 'running' | 'paused' | 'warning' | 'breached' | 'met' | 'met_late';

export interface ClockStatus {
  target: SlaTarget;
  /** See {@link evaluateClock}. Always set by this engine; nullable for clocks the desk has not started. */
  dueAt: Date | null;
  metAt: Date | null;
  state: ClockState;
  /** Wall-clock ms spent paused (up to `met`, or up to `now`). */
  pausedMs: number;
  /** Business ms (under the profile) counted while running (up to `met`, or up to `now`). */
  elapsedMs: number;
  /** `durationMs - elapsedMs`, in business ms. Negative when overdue (by that much business time). */
  remainingMs: number;
  /** `elapsedMs / durationMs × 100`, not clamped (above 100 when overdue); 100 for a zero duration. */
  percent: number;
}

/** The state turns `warning` at this percentage of the target's business time. */
export const WARNING_PERCENT = 80;

// ---------------------------------------------------------------------------------------------
// Schemas (policies are data the agency may edit; validate them when they come from storage)

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const bi = (zh: string, en: string): string => `${zh} / ${en}`;

export const SlaPolicyTargetSchema = z.object({
  target: z.enum(SLA_TARGETS),
  durationMs: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  profile: z.enum(['5x9', '7x24']),
});

export const SlaPolicySchema = z
  .object({
    serviceLine: z.enum(SERVICE_LINE_CODES),
    severity: z.enum(SEVERITIES),
    category: z.enum(TICKET_CATEGORIES).optional(),
    targets: z.array(SlaPolicyTargetSchema),
  })
  .refine((p) => new Set(p.targets.map((t) => t.target)).size === p.targets.length, {
    error: bi('同一策略中的目标不能重复', 'a policy names each target at most once'),
    path: ['targets'],
  });

// ---------------------------------------------------------------------------------------------
// The contract's policies

/** Hotline hours per line (R-SD-01): SM is staffed 5x9 by a dedicated person, the others 7x24. */
export const HOTLINE_PROFILE: Readonly<Record<ServiceLine, HoursProfile>> = { SM: '5x9', NET: '7x24', SEC: '7x24', VC: '7x24' };

function buildDefaultPolicies(): SlaPolicy[] {
  const out: SlaPolicy[] = [];
  for (const serviceLine of SERVICE_LINE_CODES) {
    const callback: SlaPolicyTarget = { target: 'callback', durationMs: 5 * MINUTE_MS, profile: HOTLINE_PROFILE[serviceLine] };
    for (const severity of SEVERITIES) {
      // Any ticket: someone phones the requester back within 5 minutes of hotline hours (R-SD-02).
      out.push({ serviceLine, severity, targets: [callback] });
      // Faults (R-SD-03, R-SD-04).
      const urgent = (serviceLine === 'NET' || serviceLine === 'SEC') && (severity === 'critical' || severity === 'high');
      const targets: SlaPolicyTarget[] = [callback];
      if (urgent) {
        targets.push(
          { target: 'onsite', durationMs: 2 * HOUR_MS, profile: '7x24' },
          { target: 'resolve', durationMs: 24 * HOUR_MS, profile: '7x24' },
        );
      } else {
        targets.push({ target: 'onsite', durationMs: BUSINESS_DAY_MS, profile: '5x9' });
      }
      targets.push({ target: 'report', durationMs: 24 * HOUR_MS, profile: '7x24' });
      out.push({ serviceLine, severity, category: 'fault', targets });
    }
  }
  return out;
}

/**
 * The seed from the contract, per service line × severity: a general policy (call back within
 * 5 minutes in the line's hotline hours) and a `fault` policy that adds on site within 1 working day
 * (9 h of 5x9) — or, for NET and SEC faults of severity critical or high, on site within 2 h and
 * resolved within 24 h, 7x24 — and reported to the agency within 24 h, 7x24.
 */
export const defaultPolicies: readonly SlaPolicy[] = buildDefaultPolicies();

/**
 * The policy for a ticket: among those for its service line and severity whose category is the
 * ticket's or unset, the most specific (category set beats unset); among equals, the first listed.
 * Null when none applies.
 */
export function policyFor(
  policies: readonly SlaPolicy[],
  ticket: { serviceLine: ServiceLine; severity: Severity; category?: TicketCategory | null },
): SlaPolicy | null {
  let best: SlaPolicy | null = null;
  for (const p of policies) {
    if (p.serviceLine !== ticket.serviceLine || p.severity !== ticket.severity) continue;
    if (p.category !== undefined && p.category !== ticket.category) continue;
    if (best === null || (best.category === undefined && p.category !== undefined)) best = p;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The clock

function instantMs(d: unknown, what: string): number {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(bi(`${what} 不是有效时刻`, `${what} is not a valid instant`));
  return t;
}

function checkPolicyTarget(p: SlaPolicyTarget): void {
  const r = SlaPolicyTargetSchema.safeParse(p);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || 'policy'}: ${i.message}`).join('; ');
    throw new RangeError(bi(`无效的 SLA 目标：${msg}`, `invalid SLA target: ${msg}`));
  }
}

/**
 * Evaluates one clock at `now`.
 *
 * Events must be chronological (equal instants allowed, applied in list order), begin with one
 * `start`, `pause` only a running clock (with a non-empty reason), `resume` only a paused one,
 * `met` (from running or paused) may be followed only by `reopen`, and none may be after `now`.
 * Anything else throws a `RangeError` naming the event.
 *
 * `reopen` (R-SD-05: the agency rejected the fix) removes the `met` before it: the clock carries on
 * as if that `met` had never been recorded — running (or paused) since the `met`, so the time from
 * the rejected fix to the reopening counts — and may be met again later.
 *
 * Business time counts only while running: `elapsedMs` sums `businessTimeBetween` over the running
 * intervals up to `met` (or `now`). `pausedMs` is the wall-clock time spent paused.
 *
 * `dueAt`:
 * - once the target's business time has been used up (breached, met late, or met exactly on time),
 *   the instant it ran out — fixed in the past;
 * - otherwise the instant the remaining business time runs out if the clock runs on without another
 *   pause from `now` (or, for a met clock, from its `met` instant). For a running clock this does not
 *   move as `now` advances. For a paused clock it is computed **as if resumed now**, so it is
 *   provisional and moves later as the pause goes on (in `7x24` by the wall-clock time, in `5x9` by the
 *   business hours that pass).
 * With no pauses, `dueAt` = `addBusinessDuration(start, durationMs, profile)`.
 *
 * State: met / met_late (met, compared by elapsed business time: exactly the duration is on time);
 * otherwise breached at >= 100 %, else paused, else warning at >= 80 %, else running.
 */
export function evaluateClock(cal: BusinessCalendar, p: SlaPolicyTarget, events: readonly ClockEvent[], now: Date): ClockStatus {
  checkPolicyTarget(p);
  const nowMs = instantMs(now, 'now');
  if (!Array.isArray(events) || events.length === 0) {
    throw new RangeError(bi('时钟事件为空：必须以 start 开始', 'no clock events: a clock begins with start'));
  }
  const { durationMs: duration, profile } = p;

  let mode: 'running' | 'paused' | 'met' = 'running';
  let since = 0; // start of the current running or paused interval
  let elapsed = 0;
  let paused = 0;
  let crossing: Date | null = null;
  let metAt: Date | null = null;
  let beforeMet: 'running' | 'paused' = 'running';
  let prev = Number.NEGATIVE_INFINITY;

  /** Counts the running interval [since, end); notes the instant the duration ran out. */
  const runUntil = (end: number): void => {
    const bt = cal.businessTimeBetween(new Date(since), new Date(end), profile);
    if (crossing === null && elapsed + bt >= duration) {
      crossing = cal.addBusinessDuration(new Date(since), duration - elapsed, profile);
    }
    elapsed += bt;
  };

  for (const [i, e] of events.entries()) {
    const where = `events[${i}]`;
    const kind = (e as { kind?: unknown } | null)?.kind;
    const at = instantMs((e as { at?: unknown } | null)?.at, `${where}.at`);
    const fail = (zh: string, en: string): never => {
      throw new RangeError(bi(`${where}（${String(kind)}）${zh}`, `${where} (${String(kind)}) ${en}`));
    };
    if (at < prev) fail('早于前一个事件', 'is earlier than the event before it');
    if (at > nowMs) fail('晚于当前时刻 now', 'is later than now');
    prev = at;
    if (i === 0) {
      if (kind !== 'start') fail('：时钟必须以 start 开始', 'must be start: a clock begins with start');
      since = at;
      continue;
    }
    if (mode === 'met' && kind !== 'reopen') fail('位于 met 之后：达成后只能 reopen', 'follows met: only reopen may follow met');
    if (kind === 'start') {
      fail('：时钟只能开始一次', 'repeats start: a clock starts once');
    } else if (kind === 'pause') {
      if (mode === 'paused') fail('：时钟已暂停', 'pauses a clock that is already paused');
      const reason = (e as { reason?: unknown }).reason;
      if (typeof reason !== 'string' || reason.trim() === '') fail('缺少暂停原因', 'needs a non-empty reason');
      runUntil(at);
      mode = 'paused';
      since = at;
    } else if (kind === 'resume') {
      if (mode !== 'paused') fail('：没有暂停就不能恢复', 'resumes a clock that is not paused');
      paused += at - since;
      mode = 'running';
      since = at;
    } else if (kind === 'met') {
      if (mode === 'running') runUntil(at);
      else paused += at - since;
      beforeMet = mode === 'paused' ? 'paused' : 'running';
      mode = 'met';
      metAt = new Date(at);
      since = at;
    } else if (kind === 'reopen') {
      if (mode !== 'met') fail('：未达成的时钟不能 reopen', 'reopens a clock that is not met');
      // Undo the met: the interval since it is counted as it would have been without it.
      mode = beforeMet;
      metAt = null;
    } else {
      fail('：未知的事件类型', 'is of an unknown kind');
    }
  }

  // Close the open interval at `now` (a met clock is already closed at its met instant).
  const ref = metAt === null ? nowMs : metAt.getTime();
  if (mode === 'running') runUntil(nowMs);
  else if (mode === 'paused') paused += nowMs - since;

  const dueAt: Date = crossing ?? cal.addBusinessDuration(new Date(ref), duration - elapsed, profile);
  const percent = duration === 0 ? 100 : (elapsed / duration) * 100;
  let state: ClockState;
  if (mode === 'met') state = elapsed <= duration ? 'met' : 'met_late';
  else if (elapsed >= duration) state = 'breached';
  else if (mode === 'paused') state = 'paused';
  else if (elapsed * 100 >= duration * WARNING_PERCENT) state = 'warning';
  else state = 'running';

  return { target: p.target, dueAt, metAt, state, pausedMs: paused, elapsedMs: elapsed, remainingMs: duration - elapsed, percent };
}
