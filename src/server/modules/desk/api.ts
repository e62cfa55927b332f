// What other modules may use of the desk (ARCHITECTURE.md: a module uses another only through its
// api.ts): a ticket's summary for whoever links to it (spare parts, asset history), and tickets that
// a module opens for what it detects and resolves when the condition clears (monitoring alerts,
// unexplained configuration changes: issue 12).
import { and, desc, ilike, inArray, min, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { inTx } from '../../kernel/context.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { applyTicketEvent, createTicket, readTicket } from './service.ts';
import { ticketDocuments, ticketEvents, tickets } from './tables.ts';

export interface TicketSummary {
  id: string;
  number: string;
  title: string;
  status: string;
  serviceLine: string;
  reportedAt: Date;
}

/** One ticket in the actor's scope (404 ticket.not_found otherwise, as the desk itself answers). */
export async function ticketSummary(ctx: Ctx, id: string): Promise<TicketSummary> {
  const t = await readTicket(ctx, id);
  return { id: t.id, number: t.number, title: t.title, status: t.status, serviceLine: t.serviceLine, reportedAt: t.reportedAt };
}

/**
 * Tickets whose assets text names `text` (an asset number), and those of `ids` (tickets an asset's
 * history links), newest first: the asset's history shows them. No scope: only number, title and
 * status leave the desk.
 */
export async function ticketsMentioning(
  ctx: Ctx,
  text: string,
  limit: number,
  ids: string[] = [],
): Promise<Omit<TicketSummary, 'serviceLine'>[]> {
  const c: SQL[] = [];
  if (text.trim()) c.push(ilike(tickets.assetsText, likeContains(text)));
  if (ids.length) c.push(inArray(tickets.id, ids));
  if (!c.length) return [];
  return ctx.db
    .select({ id: tickets.id, number: tickets.number, title: tickets.title, status: tickets.status, reportedAt: tickets.reportedAt })
    .from(tickets)
    .where(or(...c))
    .orderBy(desc(tickets.reportedAt))
    .limit(limit + ids.length);
}

export interface DetectedTicket {
  serviceLine: string;
  severity: 'critical' | 'high' | 'medium' | 'low';
  title: string;
  description: string;
  /** Asset numbers or device names, so the asset's history finds the ticket (ticketsMentioning). */
  assetsText?: string;
  /**
   * Where it came from: `monitoring` (default), `security` (the event centre's correlation, issue 13)
   * or `onsite` (an engineer on site: an inspection round's anomaly, a video conference's problem; issue 14).
   */
  channel?: 'monitoring' | 'security' | 'onsite';
}

/**
 * Opens a fault ticket for something a module detected, through the desk's own path (SLA clocks from
 * the line's policy, the engineers' notice, timeline, audit), with channel `monitoring` or `security`.
 */
export async function openDetectedTicket(ctx: Ctx, t: DetectedTicket): Promise<TicketSummary> {
  const row = await createTicket(ctx, {
    serviceLine: t.serviceLine,
    category: 'fault',
    severity: t.severity,
    title: t.title.slice(0, 200),
    description: t.description.slice(0, 8000),
    channel: t.channel ?? 'monitoring',
    requesterName: '',
    requesterPhone: '',
    requesterDepartment: '',
    siteId: null,
    roomId: null,
    assetsText: (t.assetsText ?? '').slice(0, 2000),
  });
  return { id: row.id, number: row.number, title: row.title, status: row.status, serviceLine: row.serviceLine, reportedAt: row.reportedAt };
}

/**
 * Records that the condition behind a detected ticket cleared: the ticket is resolved with the note
 * (the agency still confirms it, as for any fault). Answers false, changing nothing, when the ticket
 * is already resolved, closed or merged (someone got there first).
 */
export async function resolveDetectedTicket(ctx: Ctx, id: string, note: string): Promise<boolean> {
  const cal = await getCalendar(ctx);
  return inTx(ctx, async (tx) => {
    const t = await readTicket(tx, id);
    if (t.status === 'resolved' || t.status === 'closed' || t.status === 'merged') return false;
    await applyTicketEvent(tx, t, { kind: 'resolve', reason: note.slice(0, 500) }, tx.now(), cal);
    return true;
  });
}

/**
 * The fault cause each ticket records (its latest report's 故障原因, else the diagnosis's preliminary
 * cause, else ''), with its number and status: monitoring's written reports of faults (R-MON-09).
 * No scope: only number, status and cause leave the desk.
 */
export async function ticketCauses(
  ctx: Ctx,
  ids: readonly string[],
): Promise<Map<string, { number: string; status: string; cause: string }>> {
  const out = new Map<string, { number: string; status: string; cause: string }>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .select({ id: tickets.id, number: tickets.number, status: tickets.status })
    .from(tickets)
    .where(inArray(tickets.id, [...ids]));
  const docs = await ctx.db
    .select({ ticketId: ticketDocuments.ticketId, kind: ticketDocuments.kind, content: ticketDocuments.content })
    .from(ticketDocuments)
    .where(and(inArray(ticketDocuments.ticketId, [...ids]), inArray(ticketDocuments.kind, ['report', 'diagnosis'])))
    .orderBy(desc(ticketDocuments.version));
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  for (const r of rows) {
    const mine = docs.filter((d) => d.ticketId === r.id);
    const report = text(mine.find((d) => d.kind === 'report')?.content.cause);
    const diagnosis = text(mine.find((d) => d.kind === 'diagnosis')?.content.preliminaryCause);
    out.set(r.id, { number: r.number, status: r.status, cause: report || diagnosis });
  }
  return out;
}

/** When a ticket's own records say each step of its handling happened (null: not yet). */
export interface TicketMilestones {
  number: string;
  serviceLine: string;
  /** Created: the call or the alert reported. */
  reportedAt: Date;
  /** First response: the first call-back recorded. */
  respondedAt: Date | null;
  /** Dispatched: first assigned to an engineer. */
  dispatchedAt: Date | null;
  /** First arrival on site. */
  arrivedAt: Date | null;
  resolvedAt: Date | null;
}

/**
 * The milestones of these tickets from their timelines, in two statements (the duty module measures
 * emergency response from them, R-DUT-03). No scope: only times and numbers leave the desk.
 */
export async function ticketMilestones(ctx: Ctx, ids: readonly string[]): Promise<Map<string, TicketMilestones>> {
  const out = new Map<string, TicketMilestones>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .select({
      id: tickets.id,
      number: tickets.number,
      serviceLine: tickets.serviceLine,
      reportedAt: tickets.reportedAt,
      resolvedAt: tickets.resolvedAt,
    })
    .from(tickets)
    .where(inArray(tickets.id, [...ids]));
  const firsts = await ctx.db
    .select({ ticketId: ticketEvents.ticketId, kind: ticketEvents.kind, at: min(ticketEvents.at) })
    .from(ticketEvents)
    .where(and(inArray(ticketEvents.ticketId, [...ids]), inArray(ticketEvents.kind, ['callback', 'assigned', 'arrive', 'resolve'])))
    .groupBy(ticketEvents.ticketId, ticketEvents.kind);
  const first = (id: string, kind: string) => firsts.find((f) => f.ticketId === id && f.kind === kind)?.at ?? null;
  for (const r of rows)
    out.set(r.id, {
      number: r.number,
      serviceLine: r.serviceLine,
      reportedAt: r.reportedAt,
      respondedAt: first(r.id, 'callback'),
      dispatchedAt: first(r.id, 'assigned'),
      arrivedAt: first(r.id, 'arrive'),
      resolvedAt: r.resolvedAt ?? first(r.id, 'resolve'),
    });
  return out;
}
