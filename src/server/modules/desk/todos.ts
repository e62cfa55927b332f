// The desk's sections of the home page's to-do list (issue 11 point 10): what waits for each role —
// the engineer's tickets and SLA risks, the duty operator's calls to return or assign and today's
// calls, the agency's fixes to confirm (待我确认), the staff's own requests, the follow-ups due. Each is
// one statement (the total comes with the first rows, `count(*) OVER ()`), scoped as the queue is.
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { dateOf, instantOf } from '../../../common/dates.ts';
import { STATUS_NAMES } from '../../../common/desk.ts';
import { SERVICE_LINE_SHORT, isServiceLineCode } from '../../../common/service-lines.ts';
import type { Ctx } from '../../kernel/context.ts';
import type { TodoItem, TodoProvider, TodoSection } from '../../kernel/module.ts';
import { OPEN_TICKET, scope } from './service.ts';
import { ticketClocks, ticketDocuments, ticketFollowups, tickets } from './tables.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

const NOBODY = '00000000-0000-0000-0000-000000000000';
const me = (ctx: Ctx) => (ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.id : NOBODY);
const and0 = (...c: (SQL | undefined)[]) => and(...c.filter((x): x is SQL => !!x));

const UNMET = sql`${ticketClocks.state} IN ('running', 'paused', 'warning', 'breached')`;
/** The nearest deadline of the ticket's clocks not yet met (epoch ms), and how bad the worst is (2 breached, 1 warning). */
const DUE_MS = sql<
  number | null
>`(SELECT extract(epoch FROM min(${ticketClocks.dueAt})) * 1000 FROM ${ticketClocks} WHERE ${ticketClocks.ticketId} = ${tickets}.id AND ${UNMET})`;
const RISK = sql<number>`(SELECT coalesce(max(CASE ${ticketClocks.state} WHEN 'breached' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END), 0) FROM ${ticketClocks} WHERE ${ticketClocks.ticketId} = ${tickets}.id AND ${UNMET})`;
// Literal states: the planner matches the partial index ticket_clocks_at_risk_idx (as the queue's sla= filter).
const AT_RISK = sql`${tickets.id} IN (SELECT ${ticketClocks.ticketId} FROM ${ticketClocks} WHERE ${ticketClocks.state} IN ('warning', 'breached'))`;

type Order = 'due' | 'risk' | 'newest';
const ORDERS: Record<Order, SQL[]> = {
  due: [sql`${DUE_MS} ASC NULLS LAST`, asc(tickets.reportedAt)],
  risk: [sql`${RISK} DESC`, sql`${DUE_MS} ASC NULLS LAST`],
  newest: [desc(tickets.reportedAt)],
};

function lineShort(code: string): string {
  return isServiceLineCode(code) ? SERVICE_LINE_SHORT[code].zh : code;
}

/** The tickets matching `where` (within the user's scope), the first `limit` in `order`, and how many in all. */
async function ticketSection(ctx: Ctx, where: SQL | undefined, order: Order, limit: number): Promise<TodoSection> {
  const rows = await ctx.db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      serviceLine: tickets.serviceLine,
      status: tickets.status,
      requester: tickets.requesterName,
      reportedAt: tickets.reportedAt,
      due: DUE_MS.mapWith((v) => (v === null ? null : Number(v))),
      risk: RISK.mapWith(Number),
      total: totalOver(),
    })
    .from(tickets)
    .where(and0(scope(ctx), where))
    .orderBy(...ORDERS[order])
    .limit(limit);
  const now = ctx.now().getTime();
  return countedSection(rows, (r): TodoItem => ({
    title: `${r.number} ${r.title}`,
    subtitle: [lineShort(r.serviceLine), r.requester].filter(Boolean).join(' · '),
    tag: STATUS_NAMES[r.status as keyof typeof STATUS_NAMES] ?? r.status,
    at: r.reportedAt.toISOString(),
    ...(r.due !== null && r.status !== 'resolved' ? { due: new Date(r.due).toISOString() } : {}),
    // Past its deadline is breached even before the SLA job has stored the clock's new state.
    ...(r.risk === 2 || (r.due !== null && r.due < now) ? { risk: 'breached' as const } : r.risk === 1 ? { risk: 'warning' as const } : {}),
    url: `/desk/${r.id}`,
  }));
}

const BEING_WORKED = inArray(tickets.status, ['new', 'in_progress']);

/** Engineer, PM: the open tickets assigned to me, the nearest deadline first. */
const assigned: TodoProvider = {
  id: 'desk.assigned',
  title: { zh: '待我处理的运维单', en: 'Tickets assigned to me' },
  access: 'desk.work',
  roles: ['engineer', 'contractor_pm'],
  order: 10,
  url: '/desk/mine',
  empty: { zh: '没有派给您的待处理运维单', en: 'No open ticket is assigned to you' },
  read: (ctx, limit) => ticketSection(ctx, and(eq(tickets.assigneeId, me(ctx)), BEING_WORKED), 'due', limit),
};

/**
 * Engineer, PM: open tickets whose SLA is close to or past due — an engineer's own and the unassigned
 * ones of their lines (scope), the PM's on every line.
 */
const slaRisk: TodoProvider = {
  id: 'desk.sla_risk',
  title: { zh: 'SLA 风险', en: 'SLA at risk' },
  access: 'desk.work',
  roles: ['engineer', 'contractor_pm'],
  order: 11,
  url: '/desk/risk',
  empty: { zh: '没有即将超时或已超时的运维单', en: 'No ticket is close to or past its SLA' },
  read: (ctx, limit) =>
    ticketSection(
      ctx,
      and0(
        sql`${OPEN_TICKET}`,
        AT_RISK,
        ctx.actor?.permissions.has('desk.read_all') ? undefined : or(eq(tickets.assigneeId, me(ctx)), isNull(tickets.assigneeId)),
      ),
      'risk',
      limit,
    ),
};

/** Duty operator, PM: new tickets nobody has called back yet or nobody has been assigned to. */
const unhandled: TodoProvider = {
  id: 'desk.unhandled',
  title: { zh: '待回电 / 待派单', en: 'To call back or assign' },
  access: 'desk.manage',
  roles: ['duty_operator', 'contractor_pm'],
  order: 12,
  url: '/desk',
  empty: { zh: '所有新运维单均已回电并派单', en: 'Every new ticket has been called back and assigned' },
  read: (ctx, limit) =>
    ticketSection(
      ctx,
      and(
        eq(tickets.status, 'new'),
        or(
          isNull(tickets.assigneeId),
          sql`EXISTS (SELECT 1 FROM ${ticketClocks} WHERE ${ticketClocks.ticketId} = ${tickets}.id AND ${ticketClocks.target} = 'callback' AND ${UNMET})`,
        ),
      ),
      'due',
      limit,
    ),
};

/** Duty operator: the calls logged today (Beijing time), newest first. */
const today: TodoProvider = {
  id: 'desk.today',
  title: { zh: '今日来电', en: "Today's calls" },
  access: 'desk.create',
  roles: ['duty_operator'],
  order: 13,
  url: '/desk',
  empty: { zh: '今天还没有来电', en: 'No call yet today' },
  read: (ctx, limit) =>
    ticketSection(ctx, sql`${tickets.reportedAt} >= ${instantOf(dateOf(ctx.now()), '00:00').toISOString()}::timestamptz`, 'newest', limit),
};

const hasDoc = (kind: string) =>
  sql`EXISTS (SELECT 1 FROM ${ticketDocuments} WHERE ${ticketDocuments.ticketId} = ${tickets}.id AND ${ticketDocuments.kind} = ${kind})`;

/**
 * Agency contact and manager: fixes waiting for the agency's test and confirmation (待我确认) — the
 * resolved tickets the agency can confirm now (confirmBlocker: a report, and in emergency mode all three documents).
 */
const toConfirm: TodoProvider = {
  id: 'desk.to_confirm',
  title: { zh: '待我确认', en: 'Fixes to confirm' },
  access: 'desk.confirm',
  roles: ['agency_contact', 'agency_manager'],
  order: 20,
  url: '/desk',
  empty: { zh: '没有等待确认的维护结果', en: 'No fix waits for your confirmation' },
  read: (ctx, limit) =>
    ticketSection(
      ctx,
      and(eq(tickets.status, 'resolved'), hasDoc('report'), or(eq(tickets.emergency, false), and(hasDoc('diagnosis'), hasDoc('plan')))),
      'newest',
      limit,
    ),
};

/** Agency staff: my own requests (self-service), open ones counted, the latest first. */
const myRequests: TodoProvider = {
  id: 'desk.my_requests',
  title: { zh: '我的报修', en: 'My requests' },
  access: 'desk.self',
  roles: ['agency_staff', 'agency_dept'],
  order: 30,
  url: '/desk/mine',
  empty: { zh: '您没有进行中的报修', en: 'You have no open request' },
  async read(ctx, limit) {
    const mine = eq(tickets.createdBy, me(ctx));
    const s = await ticketSection(ctx, mine, 'newest', limit);
    const [n] = await ctx.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(tickets)
      .where(and(mine, OPEN_TICKET));
    return { count: n?.n ?? 0, items: s.items };
  },
};

/** PM, duty operator: follow-up calls due on closed tickets (R-SD-07), the most urgent first. */
const followups: TodoProvider = {
  id: 'desk.followups',
  title: { zh: '待回访', en: 'Follow-ups due' },
  access: 'desk.manage',
  roles: ['contractor_pm', 'duty_operator'],
  order: 14,
  url: '/desk/followups',
  empty: { zh: '没有待回访的运维单', en: 'No follow-up is due' },
  async read(ctx, limit) {
    const now = ctx.now();
    const rows = await ctx.db
      .select({
        id: tickets.id,
        number: tickets.number,
        title: tickets.title,
        requester: tickets.requesterName,
        phone: tickets.requesterPhone,
        dueAt: ticketFollowups.dueAt,
        total: totalOver(),
      })
      .from(ticketFollowups)
      .innerJoin(tickets, eq(tickets.id, ticketFollowups.ticketId))
      .where(and0(eq(ticketFollowups.status, 'pending'), scope(ctx)))
      .orderBy(asc(ticketFollowups.dueAt), asc(tickets.number))
      .limit(limit);
    return countedSection(rows, (r) => ({
      title: `${r.number} ${r.title}`,
      subtitle: [r.requester, r.phone].filter(Boolean).join(' · '),
      due: r.dueAt.toISOString(),
      ...(r.dueAt < now ? { risk: 'breached' as const, tag: '已逾期' } : { tag: '待回访' }),
      url: '/desk/followups',
    }));
  },
};

export const DESK_TODOS: readonly TodoProvider[] = [assigned, slaRisk, unhandled, today, followups, toConfirm, myRequests];
