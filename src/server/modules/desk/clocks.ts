// SLA clocks of tickets (R-SD-02..04): evaluated against the business calendar, shown, reopened when
// the agency rejects a fix, and re-evaluated every minute so queues can filter and sort in SQL.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { BusinessCalendar } from '../../../common/calendar.ts';
import { evaluateClock, type ClockEvent, type SlaPolicyTarget, type SlaTarget } from '../../../common/sla.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import type { Ctx } from '../../kernel/context.ts';
import { ticketClocks } from './tables.ts';

export type ClockRow = typeof ticketClocks.$inferSelect;
export type StoredEvent = { at: string; kind: string; reason?: string };

const toEvents = (stored: StoredEvent[]): ClockEvent[] => stored.map((e) => ({ ...e, at: new Date(e.at) }) as ClockEvent);

export function evaluate(cal: BusinessCalendar, c: Pick<ClockRow, 'target' | 'durationMs' | 'profile' | 'events'>, now: Date) {
  const p: SlaPolicyTarget = { target: c.target as SlaTarget, durationMs: c.durationMs, profile: c.profile as '5x9' | '7x24' };
  const s = evaluateClock(cal, p, toEvents(c.events), now);
  return { ...s, profile: p.profile };
}

/** One clock as the API shows it, evaluated at `now`. */
export function clockView(cal: BusinessCalendar, c: ClockRow, now: Date) {
  const s = evaluate(cal, c, now);
  const last = c.events.at(-1);
  const paused = last?.kind === 'pause';
  return {
    target: s.target,
    dueAt: s.dueAt,
    metAt: s.metAt,
    state: s.state,
    pausedMs: s.pausedMs,
    remainingMs: s.remainingMs,
    percent: s.percent,
    profile: s.profile,
    durationMs: c.durationMs,
    paused,
    pauseReason: paused ? (last.reason ?? null) : null,
  };
}

/** Met and not reopened since (R-SD-05: a rejected fix reopens the resolve clock). */
export const clockMet = (c: Pick<ClockRow, 'events'>) => c.events.findLast((e) => e.kind === 'met' || e.kind === 'reopen')?.kind === 'met';

/**
 * The agency rejected the fix (R-SD-05): the resolve clock, if met, is reopened at `at` and runs
 * again (common/sla.ts 'reopen'). Returns the targets reopened.
 */
export async function reopenResolveClock(tx: Ctx, ticketId: string, at: Date, cal: BusinessCalendar): Promise<string[]> {
  const clocks = await tx.db
    .select()
    .from(ticketClocks)
    .where(and(eq(ticketClocks.ticketId, ticketId), eq(ticketClocks.target, 'resolve')));
  const out: string[] = [];
  for (const c of clocks.filter(clockMet)) {
    const events: StoredEvent[] = [...c.events, { at: at.toISOString(), kind: 'reopen' }];
    const s = evaluate(cal, { ...c, events }, tx.now());
    await tx.db
      .update(ticketClocks)
      .set({ events, dueAt: s.dueAt, metAt: s.metAt, state: s.state, pausedMs: s.pausedMs })
      .where(and(eq(ticketClocks.ticketId, ticketId), eq(ticketClocks.target, c.target)));
    out.push(c.target);
  }
  return out;
}

/**
 * Re-evaluates every clock not yet met and stores its state and due time, so the queue and the SLA
 * risk board can filter and sort in SQL. Run every minute by the desk-sla-watch job.
 *
 * Walks the open clocks in key order on their partial index (ticket_clocks_open_idx), `batch` at a
 * time, and writes each batch's changes in one UPDATE; a clock whose state and due time did not move
 * is not written (docs/performance.md).
 */
export async function reevaluateOpenClocks(ctx: Ctx, batch = 2000): Promise<{ checked: number; changed: number; breached: number }> {
  const cal = await getCalendar(ctx);
  const now = ctx.now();
  let checked = 0;
  let changed = 0;
  let breached = 0;
  let after: { ticketId: string; target: string } | null = null;
  // Literal, so that the planner proves the partial index's predicate on either driver.
  const open = sql`${ticketClocks.state} IN ('running', 'paused', 'warning', 'breached')`;
  for (;;) {
    const page: OpenClock[] = await ctx.db
      .select({
        ticketId: ticketClocks.ticketId,
        target: ticketClocks.target,
        durationMs: ticketClocks.durationMs,
        profile: ticketClocks.profile,
        events: ticketClocks.events,
        state: ticketClocks.state,
        dueAt: ticketClocks.dueAt,
      })
      .from(ticketClocks)
      .where(after ? and(open, sql`(${ticketClocks.ticketId}, ${ticketClocks.target}) > (${after.ticketId}, ${after.target})`) : open)
      .orderBy(asc(ticketClocks.ticketId), asc(ticketClocks.target))
      .limit(batch);
    if (!page.length) break;
    const updates: ClockUpdate[] = [];
    for (const c of page) {
      checked++;
      const s = evaluate(cal, c, now);
      if (s.state === 'breached') breached++;
      if (s.state !== c.state || s.dueAt?.getTime() !== c.dueAt?.getTime())
        updates.push({ t: c.ticketId, g: c.target, s: s.state, d: s.dueAt?.toISOString() ?? null, p: s.pausedMs, o: c.state });
    }
    changed += updates.length;
    await storeClockStates(ctx, updates);
    const last = page.at(-1)!;
    after = { ticketId: last.ticketId, target: last.target };
  }
  return { checked, changed, breached };
}

type OpenClock = Pick<ClockRow, 'ticketId' | 'target' | 'durationMs' | 'profile' | 'events' | 'state' | 'dueAt'>;

/** One re-evaluated clock: ticket, target, new state, due time and paused ms, and the state it was read in. */
interface ClockUpdate {
  t: string;
  g: string;
  s: string;
  d: string | null;
  p: number;
  o: string;
}

/**
 * Writes a batch of re-evaluated clocks in one statement (the rows travel as one JSON parameter,
 * which both drivers pass alike). A clock whose state changed since it was read (an event recorded
 * meanwhile) is left as that event left it.
 */
async function storeClockStates(ctx: Ctx, updates: ClockUpdate[]): Promise<void> {
  if (!updates.length) return;
  await ctx.db.execute(sql`
    UPDATE ${ticketClocks} SET state = v.s, due_at = v.d, paused_ms = v.p
    FROM json_to_recordset(${JSON.stringify(updates)}::json) AS v(t uuid, g text, s text, d timestamptz, p bigint, o text)
    WHERE ${ticketClocks.ticketId} = v.t AND ${ticketClocks.target} = v.g AND ${ticketClocks.state} = v.o`);
}
