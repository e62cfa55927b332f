// The desk module's tickets (运维单): logging, the queue, one ticket, and the events that move its
// SLA clocks (R-SD-01..04). The clocks themselves: clocks.ts; the policies: policy.ts.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, getTableColumns, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { dateOf } from '../../../common/dates.ts';
import { policyFor, type SlaTarget } from '../../../common/sla.ts';
import type { TTicketEvent, TTicketQuery } from '../../../common/desk.ts';
import { audit, auditAppend } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { actorId, type Ctx, inTx } from '../../kernel/context.ts';
import { queryRowsPrepared } from '../../kernel/db/client.ts';
import { listTotal } from '../../kernel/db/paged-total.ts';
import { insertFromJson } from '../../kernel/db/json-insert.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import type { BusinessCalendar } from '../../../common/calendar.ts';
import { clockMet, clockView, evaluate, type ClockRow, type StoredEvent } from './clocks.ts';
import { activePolicies } from './policy.ts';
import { hasReportPeriod, reportFilters } from './filter.ts';
import { ticketClocks, ticketEvents, tickets } from './tables.ts';
import {
  appendEvent,
  confirmBlocker,
  docVersions,
  eventValues,
  notifyToConfirm,
  slaAction,
  TICKET_ACTIONS,
  ticketAsksDone,
} from './timeline.ts';
import { ticketCreatedNotice } from './escalate.ts';

const CHANNEL_NAMES = { hotline: '热线', web: '网页', onsite: '现场', monitoring: '监控/API' } as const;

type TicketRow = typeof tickets.$inferSelect;

/**
 * Who sees which tickets: desk.read_all every line; engineers (desk.read) the service lines they
 * are assigned to; agency staff (desk.self) the tickets they filed themselves.
 */
export function scope(ctx: Ctx): SQL | undefined {
  const a = ctx.actor;
  if (!a || a.permissions.has('desk.read_all') || a.via === 'system') return undefined;
  const own = eq(tickets.createdBy, a.id);
  if (!a.permissions.has('desk.read')) return own;
  return a.serviceLines.length ? or(inArray(tickets.serviceLine, a.serviceLines), own) : own;
}

function view(t: TicketRow, clocks: ClockRow[], cal: BusinessCalendar, now: Date) {
  return {
    ...t,
    slas: clocks
      .filter((c) => c.ticketId === t.id)
      .sort((a, b) => ORDER.indexOf(a.target) - ORDER.indexOf(b.target))
      .map((c) => clockView(cal, c, now)),
  };
}
const ORDER = ['callback', 'onsite', 'resolve', 'report'];

export interface TicketInput {
  serviceLine: string;
  category: string;
  severity: string;
  title: string;
  description: string;
  reportedAt?: string | undefined;
  channel: string;
  requesterName: string;
  requesterPhone: string;
  requesterDepartment: string;
  siteId: string | null;
  roomId: string | null;
  assetsText: string;
}

/**
 * Logs a ticket in one statement (the hotline's path, docs/performance.md): a data-modifying CTE
 * inserts the ticket, its SLA clocks, the first timeline event, the line engineers' notice of a
 * critical or high fault, and the audit record, atomically and in a single round trip; the number
 * comes from the sequence inside the insert. Everything else is decided here first.
 */
export async function createTicket(ctx: Ctx, input: TicketInput) {
  const now = ctx.now();
  const reportedAt = input.reportedAt ? new Date(input.reportedAt) : now;
  if (reportedAt.getTime() > now.getTime() + 60_000)
    throw new Invalid('ticket.reported_in_future', '来电时间不能晚于当前时间', [{ path: 'body.reportedAt', message: '晚于当前时间' }]);
  const cal = await getCalendar(ctx);
  const policy = policyFor(await activePolicies(ctx), {
    serviceLine: input.serviceLine as 'SM',
    severity: input.severity as 'low',
    category: input.category as 'fault',
  });
  // Every column spelled out (no database defaults), so the row is known here without reading it back.
  const row: Omit<TicketRow, 'number'> = {
    id: randomUUID(),
    serviceLine: input.serviceLine,
    category: input.category,
    severity: input.severity,
    title: input.title,
    description: input.description,
    reportedAt,
    channel: input.channel,
    status: 'new',
    requesterName: input.requesterName,
    requesterPhone: input.requesterPhone,
    requesterDepartment: input.requesterDepartment,
    siteId: input.siteId,
    roomId: input.roomId,
    assetsText: input.assetsText,
    assigneeId: null,
    emergency: false,
    docsDueAt: null,
    reopenCount: 0,
    resolvedAt: null,
    closedAt: null,
    mergedIntoId: null,
    createdBy: actorId(ctx),
    createdAt: now,
    updatedAt: now,
  };
  const clocks: ClockRow[] = (policy?.targets ?? []).map((target) => {
    const events: StoredEvent[] = [{ at: reportedAt.toISOString(), kind: 'start' }];
    const s = evaluate(cal, { ...target, events }, now);
    return {
      ticketId: row.id,
      target: target.target,
      durationMs: target.durationMs,
      profile: target.profile,
      events,
      dueAt: s.dueAt,
      metAt: s.metAt,
      state: s.state,
      pausedMs: s.pausedMs,
      escalation: 0,
    };
  });
  // YW-<year of the call>-<6-digit sequence>. (lpad alone would cut a 7-digit sequence to 6 digits:
  // pad only up to the number's own length.)
  const number = sql`${`YW-${dateOf(reportedAt).slice(0, 4)}-`} || (SELECT lpad(n::text, greatest(6, length(n::text)), '0') FROM (SELECT nextval('ticket_number_seq') AS n) s)`;
  const t = sql.raw('t');
  const notice = ticketCreatedNotice(ctx, row, t, 'n'); // critical/high faults: the line's engineers hear at once
  const event = eventValues(
    ctx,
    row.id,
    'created',
    `登记运维单（${CHANNEL_NAMES[row.channel as 'web'] ?? row.channel}）`,
    { channel: row.channel, loggedAt: now.toISOString() },
    reportedAt,
  );
  // The audit record names the number the insert assigns; reportedAt earlier than the entry time is
  // part of what is audited (a call logged afterwards).
  const audited = auditAppend(
    ctx,
    { action: 'ticket.create', objectType: 'ticket', objectId: row.id, after: { ...row, number: null, loggedAt: now.toISOString() } },
    (d) => sql`jsonb_set(${d}, '{after,number}', to_jsonb(t.number))`,
  );
  const parts: SQL[] = [sql`t AS (${insertFromJson(tickets, [{ ...row, number: '' }], { computed: { number }, returning: sql`number` })})`];
  if (clocks.length) parts.push(sql`c AS (${insertFromJson(ticketClocks, clocks)})`);
  parts.push(sql`e AS (${insertFromJson(ticketEvents, [event], { defaults: ['id'] })})`);
  if (notice) parts.push(sql`n AS (${notice.insert})`);
  const [r] = await queryRowsPrepared<{ number: string }>(
    ctx.db,
    sql`WITH ${sql.join(parts, sql`, `)} SELECT t.number, ${audited} AS audit_seq${notice ? sql`, ${notice.publish} AS told` : sql``} FROM t`,
  );
  if (!r) throw new Error('insert failed');
  return view({ ...row, number: r.number }, clocks, cal, now);
}

/** Still being worked: neither closed nor merged (the predicate of the partial index tickets_open_idx). */
export const OPEN_TICKET = sql`${tickets.status} NOT IN ('closed', 'merged')`;

const SLA_FILTER_STATES = {
  warning: sql`${ticketClocks.state} = 'warning'`,
  breached: sql`${ticketClocks.state} = 'breached'`,
  at_risk: sql`${ticketClocks.state} IN ('warning', 'breached')`,
} as const;

/** The WHERE of the queue, its Excel export and "my work": scope first, then the user's filters. */
export function ticketFilter(ctx: Ctx, q: Omit<TTicketQuery, 'page' | 'pageSize'>, forCount = false): SQL | undefined {
  const c: SQL[] = [];
  const s = scope(ctx);
  if (s) c.push(s);
  if (q.serviceLine) c.push(eq(tickets.serviceLine, q.serviceLine));
  if (q.status) c.push(eq(tickets.status, q.status));
  if (q.severity) c.push(eq(tickets.severity, q.severity));
  if (q.category) c.push(eq(tickets.category, q.category));
  if (q.q) {
    // A term with no letter that has a case (Chinese, digits: 交换机, a phone) means the same under LIKE,
    // which compares bytes; ILIKE folds the case of every character of every row it reads, 6× slower
    // on Chinese titles at a million tickets (docs/performance.md).
    const match = q.q.toLowerCase() === q.q.toUpperCase() ? like : ilike;
    c.push(
      or(
        match(tickets.title, likeContains(q.q)),
        match(tickets.number, likeContains(q.q)),
        match(tickets.requesterPhone, likeContains(q.q)),
      )!,
    );
  }
  const me = ctx.actor?.id ?? '00000000-0000-0000-0000-000000000000';
  if (q.assignee) c.push(eq(tickets.assigneeId, q.assignee === 'me' ? me : q.assignee));
  if (q.mine) c.push(or(eq(tickets.assigneeId, me), eq(tickets.createdBy, me))!);
  // Literal, not parameters: the planner matches it to the partial index tickets_open_idx.
  if (q.open) c.push(OPEN_TICKET);
  if (q.sla) {
    // A semi-join the planner can walk newest first and stop after a page: each ticket probes the
    // partial index ticket_clocks_at_risk_idx (matched by these literals). An IN over the distinct
    // clocks at risk read and hashed all of them (60,000 at a million tickets) before the first row.
    // The capped count (forCount) instead hashes the distinct tickets at risk, read from that index alone
    // (OFFSET 0 keeps them distinct first): half the time of the semi-join at a million tickets, and
    // bounded by the clocks at risk when they are few (docs/performance.md).
    const states = SLA_FILTER_STATES[q.sla];
    c.push(
      forCount
        ? sql`${tickets.id} IN (SELECT DISTINCT ${ticketClocks.ticketId} FROM ${ticketClocks} WHERE ${states} OFFSET 0)`
        : sql`EXISTS (SELECT 1 FROM ${ticketClocks} WHERE ${ticketClocks.ticketId} = ${tickets}.id AND ${states})`,
    );
  }
  c.push(...reportFilters(q));
  return c.length ? and(...c) : undefined;
}

export async function listTickets(ctx: Ctx, q: TTicketQuery) {
  const where = ticketFilter(ctx, q);
  const offset = (q.page - 1) * q.pageSize;
  // The page and its total in one statement (kernel/db/paged-total.ts, as kernel/crud.ts lists do); a
  // report's link (a period of days) is counted in full: the list shows the report's number. A page
  // past the end has no row to carry the total, so it is counted on its own.
  const count = { where: q.sla ? ticketFilter(ctx, q, true) : where, offset, pageSize: q.pageSize, exact: hasReportPeriod(q) };
  const total = listTotal(ctx.db, tickets, count);
  const rows = await ctx.db
    .select({ t: getTableColumns(tickets), n: total.column })
    .from(tickets)
    .where(where)
    .orderBy(desc(tickets.reportedAt))
    .limit(q.pageSize)
    .offset(offset);
  const t = await total.of(rows[0]?.n, rows.length);
  const clocks = rows.length
    ? await ctx.db
        .select()
        .from(ticketClocks)
        .where(
          inArray(
            ticketClocks.ticketId,
            rows.map((r) => r.t.id),
          ),
        )
    : [];
  const cal = await getCalendar(ctx);
  const now = ctx.now();
  return { items: rows.map((r) => view(r.t, clocks, cal, now)), total: t.total, totalCapped: t.totalCapped ?? false };
}

/** The ticket in the actor's scope (no lock), or 404: the reads of the desk and its flow. */
export async function readTicket(ctx: Ctx, id: string): Promise<TicketRow> {
  const s = scope(ctx);
  const [t] = await ctx.db
    .select()
    .from(tickets)
    .where(s ? and(eq(tickets.id, id), s) : eq(tickets.id, id))
    .limit(1);
  if (!t) throw new NotFound('ticket.not_found', '运维单不存在');
  return t;
}

export async function getTicket(ctx: Ctx, id: string) {
  const t = await readTicket(ctx, id);
  const clocks = await ctx.db.select().from(ticketClocks).where(eq(ticketClocks.ticketId, id));
  return view(t, clocks, await getCalendar(ctx), ctx.now());
}

const MEETS: Partial<Record<TTicketEvent['kind'], SlaTarget>> = {
  callback: 'callback',
  arrive: 'onsite',
  resolve: 'resolve',
  report: 'report',
};
const STATUS_AFTER: Partial<Record<TTicketEvent['kind'], string>> = { arrive: 'in_progress', resolve: 'resolved' };
const KIND_NAMES: Record<TTicketEvent['kind'], string> = {
  callback: '回电',
  arrive: '到场',
  resolve: '解决',
  report: '报告甲方',
  pause: '暂停计时',
  resume: '恢复计时',
};

/** Records what happened (call-back, arrival, resolution, report, pause, resume) and moves the clocks. */
export async function recordEvent(ctx: Ctx, id: string, ev: TTicketEvent) {
  const now = ctx.now();
  const at = ev.at ? new Date(ev.at) : now;
  if (at.getTime() > now.getTime() + 60_000)
    throw new Invalid('ticket.event_in_future', '时间不能晚于当前时间', [{ path: 'body.at', message: '晚于当前时间' }]);
  if (ev.kind === 'pause' && !ev.reason)
    throw new Invalid('ticket.pause_reason', '暂停计时须说明原因（等待甲方、厂商、备件或不可抗力）', [
      { path: 'body.reason', message: '必填' },
    ]);
  const cal = await getCalendar(ctx);
  return inTx(ctx, async (tx) => {
    const t = await readTicket(tx, id);
    if (at < t.reportedAt)
      throw new Invalid('ticket.event_before_report', '时间不能早于来电时间', [{ path: 'body.at', message: '早于来电时间' }]);
    await applyTicketEvent(tx, t, ev, at, cal);
    return getTicket(tx, id);
  });
}

/**
 * The body of recordEvent, inside the caller's transaction on a ticket it has loaded (in scope):
 * moves the clocks, the status, resolvedAt and docsDueAt, and writes the audit and timeline rows.
 * Saving the maintenance report resolves a ticket through here too (R-SD-05).
 */
export async function applyTicketEvent(tx: Ctx, t: TicketRow, ev: TTicketEvent, at: Date, cal: BusinessCalendar): Promise<void> {
  const now = tx.now();
  const id = t.id;
  if (t.status === 'closed' || t.status === 'merged') throw new Conflict('ticket.closed', '运维单已关闭或已合并，不能再修改');
  if (ev.kind === 'resolve' && t.status === 'resolved') throw new Conflict('ticket.already_resolved', '运维单已解决，正等待甲方确认');
  const clocks = await tx.db.select().from(ticketClocks).where(eq(ticketClocks.ticketId, id));
  const isPaused = (c: ClockRow) => c.events.at(-1)?.kind === 'pause';
  const meets = MEETS[ev.kind];
  let touched: ClockRow[];
  if (meets) {
    touched = clocks.filter((c) => c.target === meets);
    if (touched.some(clockMet)) throw new Conflict('ticket.already_met', `已记录过${KIND_NAMES[ev.kind]}`);
  } else if (ev.kind === 'pause') {
    touched = clocks.filter((c) => !clockMet(c) && !isPaused(c));
    if (!touched.length) throw new Conflict('ticket.nothing_running', '没有正在计时的 SLA');
  } else {
    touched = clocks.filter((c) => !clockMet(c) && isPaused(c));
    if (!touched.length) throw new Conflict('ticket.nothing_paused', '没有已暂停的 SLA');
  }
  const kind = meets ? 'met' : ev.kind;
  for (const c of touched) {
    const events: StoredEvent[] = [...c.events, { at: at.toISOString(), kind, ...(ev.reason ? { reason: ev.reason } : {}) }];
    let s;
    try {
      s = evaluate(cal, { ...c, events }, now);
    } catch (e) {
      if (e instanceof RangeError)
        throw new Invalid('ticket.event_order', `时间顺序有误：${e.message}`, [{ path: 'body.at', message: e.message }]);
      throw e;
    }
    await tx.db
      .update(ticketClocks)
      .set({ events, dueAt: s.dueAt, metAt: s.metAt, state: s.state, pausedMs: s.pausedMs })
      .where(and(eq(ticketClocks.ticketId, id), eq(ticketClocks.target, c.target)));
  }
  // Arrival moves only a new ticket on; a resolution records when, and in emergency mode the
  // documents are due 2 working days (5x9) later (R-SD-05).
  let status = STATUS_AFTER[ev.kind];
  if (ev.kind === 'arrive' && t.status !== 'new') status = undefined;
  const resolved = ev.kind === 'resolve' ? { resolvedAt: at, docsDueAt: t.emergency ? cal.addWorkingDaysDuration(at, 2) : null } : {};
  await tx.db
    .update(tickets)
    .set({ ...(status ? { status } : {}), ...resolved, updatedAt: now })
    .where(eq(tickets.id, id));
  await audit(tx, {
    action: `ticket.${ev.kind}`,
    objectType: 'ticket',
    objectId: id,
    detail: { at: at.toISOString(), reason: ev.reason ?? null, clocks: touched.map((c) => c.target) },
  });
  const note = ev.reason ? `${KIND_NAMES[ev.kind]}：${ev.reason}` : KIND_NAMES[ev.kind];
  await appendEvent(
    tx,
    id,
    ev.kind,
    note,
    { clocks: touched.map((c) => c.target), ...(at.getTime() !== now.getTime() ? { loggedAt: now.toISOString() } : {}) },
    at,
  );
  // Someone has taken the ticket on (or fixed it): the asks to take it, or to rework it, are answered.
  if (ev.kind === 'callback' || ev.kind === 'arrive' || ev.kind === 'resolve')
    await ticketAsksDone(tx, id, ev.kind === 'resolve' ? [TICKET_ACTIONS.take, TICKET_ACTIONS.rework] : TICKET_ACTIONS.take);
  // A clock met answers its SLA warnings and breaches: they leave the bell.
  if (meets) await ticketAsksDone(tx, id, slaAction(meets));
  if (ev.kind === 'resolve' && !confirmBlocker({ status: 'resolved', emergency: t.emergency }, await docVersions(tx, id)))
    await notifyToConfirm(tx, t);
}
