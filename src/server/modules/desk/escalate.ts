// SLA escalation (R-SD-02..04; "warnings at 80 %, breach at 100 %, escalation to the project manager
// then the agency contact"), run by the desk-sla-watch job after the clocks are re-evaluated. Each
// clock climbs its own ladder once, in order, recorded in ticket_clocks.escalation:
//   1  warning (80 %)  → the assignee and whoever is on duty for the line now (the duty roster:
//                         on post, mobile, on call at night and on holidays), else the line's engineers
//                                                                     ticket.sla_warning
//   2  breached (100 %) → the contractor's project managers and the line's people on duty
//                                                                     ticket.sla_breached
//   3  still breached, overdue by half the target's duration, at least 1 h of business time
//      (the 5-minute call-back escalates 1 h after its breach)        → the agency contacts  ticket.escalated
// Overdue time is business time under the clock's profile, so a paused clock (waiting for the
// agency, a vendor…) does not climb. A clock found already breached skips the warning.
// Each step is one transaction: the clock row is locked, re-checked, notified, moved and audited.
import { and, eq, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { evaluateClock, type ClockEvent, type SlaTarget } from '../../../common/sla.ts';
import type { BusinessCalendar } from '../../../common/calendar.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { noticeInStatement, notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { onDutyUserIds } from '../duty/api.ts';
import { ticketClocks, tickets } from './tables.ts';
import { TICKET_ACTIONS, slaAction } from './timeline.ts';

const HOUR_MS = 3_600_000;
export const TARGET_NAMES: Record<string, string> = { callback: '回电', onsite: '到场', resolve: '解决', report: '报告甲方' };
const SEVERITY_NAMES: Record<string, string> = { critical: '紧急', high: '高', medium: '中', low: '低' };

/** Business time a breached clock must be overdue by before the agency contacts are told. */
export const escalateAfterMs = (durationMs: number): number => Math.max(durationMs / 2, HOUR_MS);

type ClockRow = typeof ticketClocks.$inferSelect;
type TicketRow = typeof tickets.$inferSelect;

function elapsed(cal: BusinessCalendar, c: ClockRow, now: Date) {
  const events = c.events.map((e) => ({ ...e, at: new Date(e.at) }) as ClockEvent);
  return evaluateClock(cal, { target: c.target as SlaTarget, durationMs: c.durationMs, profile: c.profile as '5x9' | '7x24' }, events, now);
}

function shanghai(d: Date | null): string {
  return d ? d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16) : '—';
}

/** The step a clock is due for now (0: none). */
function dueStep(cal: BusinessCalendar, c: ClockRow, now: Date): 0 | 1 | 2 | 3 {
  if (c.state === 'warning' && c.escalation < 1) return 1;
  if (c.state !== 'breached') return 0;
  if (c.escalation < 2) return 2;
  if (c.escalation < 3) {
    const s = elapsed(cal, c, now);
    if (s.state === 'breached' && s.elapsedMs - c.durationMs >= escalateAfterMs(c.durationMs)) return 3;
  }
  return 0;
}

async function recipients(tx: Ctx, step: 1 | 2 | 3, t: TicketRow): Promise<string[]> {
  if (step === 3) return usersWithRoles(tx, ['agency_contact']);
  const onDuty = await onDutyUserIds(tx, t.serviceLine);
  if (step === 2) return [...new Set([...(await usersWithRoles(tx, ['contractor_pm'])), ...onDuty])];
  const first = [...new Set([...(t.assigneeId ? [t.assigneeId] : []), ...onDuty])];
  return first.length ? first : usersWithRoles(tx, ['engineer'], { serviceLine: t.serviceLine });
}

const EVENTS = { 1: 'ticket.sla_warning', 2: 'ticket.sla_breached', 3: 'ticket.escalated' } as const;

async function climb(ctx: Ctx, cal: BusinessCalendar, key: { ticketId: string; target: string }): Promise<0 | 1 | 2 | 3> {
  return inTx(ctx, async (tx) => {
    // Locked and read again: a second node (or a second run) finds the step already taken.
    const [c] = await tx.db
      .select()
      .from(ticketClocks)
      .where(and(eq(ticketClocks.ticketId, key.ticketId), eq(ticketClocks.target, key.target)))
      .for('update');
    if (!c) return 0;
    const now = tx.now();
    const step = dueStep(cal, c, now);
    if (!step) return 0;
    const [t] = await tx.db.select().from(tickets).where(eq(tickets.id, c.ticketId)).limit(1);
    if (!t || t.status === 'closed' || t.status === 'merged') return 0;
    const s = elapsed(cal, c, now);
    const what = TARGET_NAMES[c.target] ?? c.target;
    const title =
      step === 1
        ? `运维单 ${t.number} ${what}即将超时`
        : step === 2
          ? `运维单 ${t.number} ${what}已超时`
          : `运维单 ${t.number} ${what}严重超时，已升级至甲方`;
    const body = [
      t.title,
      `服务项目：${t.serviceLine}  严重程度：${SEVERITY_NAMES[t.severity] ?? t.severity}`,
      `${what}时限：${shanghai(c.dueAt)}（已用 ${Math.floor(s.percent)}%）`,
    ].join('\n');
    const userIds = await recipients(tx, step, t);
    const told = await notifyUsers(tx, {
      userIds,
      event: EVENTS[step],
      title,
      body,
      link: `/desk/${t.id}`,
      severity: step === 1 ? 'warning' : 'critical',
      objectType: 'ticket',
      objectId: t.id,
      // Answered when the clock is met (or the ticket closed): the bell then clears it (issue 11 point 10).
      action: slaAction(c.target),
    });
    await tx.db
      .update(ticketClocks)
      .set({ escalation: step })
      .where(and(eq(ticketClocks.ticketId, c.ticketId), eq(ticketClocks.target, c.target)));
    await audit(tx, {
      action: 'ticket.escalate',
      objectType: 'ticket',
      objectId: t.id,
      detail: {
        target: c.target,
        step,
        from: c.escalation,
        event: EVENTS[step],
        state: c.state,
        percent: Math.floor(s.percent),
        notified: told,
      },
    });
    return step;
  });
}

export interface EscalationRun {
  warned: number;
  breached: number;
  escalated: number;
}

/** Takes every due escalation step (at most one per clock per run, in order). */
export async function escalateClocks(ctx: Ctx, batch = 500): Promise<EscalationRun> {
  const cal = await getCalendar(ctx);
  const run: EscalationRun = { warned: 0, breached: 0, escalated: 0 };
  let after: { ticketId: string; target: string } | null = null;
  for (;;) {
    const due = and(
      inArray(ticketClocks.state, ['warning', 'breached']),
      lt(ticketClocks.escalation, 3),
      notInArray(tickets.status, ['closed', 'merged']),
    );
    const page: ClockRow[] = (
      await ctx.db
        .select({ clock: ticketClocks })
        .from(ticketClocks)
        .innerJoin(tickets, eq(tickets.id, ticketClocks.ticketId))
        .where(after ? and(due, sql`(${ticketClocks.ticketId}, ${ticketClocks.target}) > (${after.ticketId}, ${after.target})`) : due)
        .orderBy(ticketClocks.ticketId, ticketClocks.target)
        .limit(batch)
    ).map((r) => r.clock);
    if (!page.length) break;
    const now = ctx.now();
    for (const c of page) {
      if (!dueStep(cal, c, now)) continue;
      const step = await climb(ctx, cal, c);
      if (step === 1) run.warned++;
      else if (step === 2) run.breached++;
      else if (step === 3) run.escalated++;
    }
    const last = page.at(-1)!;
    after = { ticketId: last.ticketId, target: last.target };
  }
  return run;
}

/**
 * A new critical or high fault is announced to its line's engineers at once, inside the statement
 * that creates the ticket (createTicket): recipients and their channels are chosen by that statement,
 * and the title takes the number the database assigns in it (`number` of the CTE named by `from`).
 * Null when the ticket is not such a fault.
 */
export function ticketCreatedNotice(
  ctx: Ctx,
  t: Pick<TicketRow, 'id' | 'category' | 'severity' | 'serviceLine' | 'title' | 'requesterName' | 'requesterDepartment'>,
  from: SQL,
  name: string,
): { insert: SQL; publish: SQL } | null {
  if (t.category !== 'fault' || (t.severity !== 'critical' && t.severity !== 'high')) return null;
  const body = [t.title, `服务项目：${t.serviceLine}  报修人：${t.requesterName || '—'}  ${t.requesterDepartment}`.trim()].join('\n');
  return noticeInStatement(
    ctx,
    { roles: ['engineer'], serviceLine: t.serviceLine },
    {
      event: 'ticket.created',
      title: sql`${`新${SEVERITY_NAMES[t.severity]}级故障：运维单 `}::text || ${from}.number`,
      body: sql`${body}::text`,
      link: `/desk/${t.id}`,
      severity: t.severity === 'critical' ? 'critical' : 'warning',
      objectType: 'ticket',
      objectId: t.id,
      action: TICKET_ACTIONS.take,
      from,
      name,
    },
  );
}
