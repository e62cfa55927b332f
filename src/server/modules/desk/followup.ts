// R-SD-07 follow-up (回访): one call per closed ticket, due 2 working days after closing; whether
// the user was reached and how satisfied they were, and the rates per service line and engineer.
import { and, asc, count, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { addCalendarDays, instantOf } from '../../../common/dates.ts';
import type { TFollowupInput, TFollowupStats } from '../../../common/desk-flow.ts';
import { SERVICE_LINE_CODES, type ServiceLineCode } from '../../../common/service-lines.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict } from '../../kernel/errors.ts';
import { ticketFollowups, tickets, ticketWorkLogs } from './tables.ts';
import { appendEvent } from './timeline.ts';
import { userNames } from '../../kernel/directory.ts';
import { lockTicket } from './flow.ts';

export async function recordFollowup(ctx: Ctx, id: string, f: TFollowupInput) {
  return inTx(ctx, async (tx) => {
    const t = await lockTicket(tx, id);
    const now = tx.now();
    const values = {
      status: 'done',
      doneAt: now,
      doneBy: tx.actor?.id ?? null,
      doneByName: tx.actor?.displayName ?? '',
      reachable: f.reachable,
      satisfaction: f.reachable ? (f.satisfaction ?? null) : null,
      comment: f.comment,
    };
    // Conditional on pending: two calls at once record one follow-up.
    const [row] = await tx.db
      .update(ticketFollowups)
      .set(values)
      .where(and(eq(ticketFollowups.ticketId, id), eq(ticketFollowups.status, 'pending')))
      .returning();
    if (!row) {
      const [existing] = await tx.db
        .select({ status: ticketFollowups.status })
        .from(ticketFollowups)
        .where(eq(ticketFollowups.ticketId, id));
      if (existing) throw new Conflict('followup.done', '该运维单已回访过');
      throw new Conflict('followup.not_due', t.status === 'closed' ? '该运维单没有待回访记录' : '运维单经甲方确认关闭后才能回访');
    }
    await audit(tx, { action: 'ticket.followup', objectType: 'ticket', objectId: id, after: row });
    const note = f.reachable
      ? `回访：满意度 ${f.satisfaction}/5${f.comment ? `，${f.comment}` : ''}`
      : `回访：未联系上用户${f.comment ? `，${f.comment}` : ''}`;
    await appendEvent(tx, id, 'followup', note, { reachable: f.reachable, satisfaction: row.satisfaction });
    return row;
  });
}

export async function listFollowups(ctx: Ctx, q: { status?: 'pending' | 'done' | undefined; page: number; pageSize: number }) {
  const where = q.status ? eq(ticketFollowups.status, q.status) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(ticketFollowups).where(where);
  const rows = await ctx.db
    .select({
      f: ticketFollowups,
      number: tickets.number,
      title: tickets.title,
      serviceLine: tickets.serviceLine,
      requesterName: tickets.requesterName,
      requesterPhone: tickets.requesterPhone,
      requesterDepartment: tickets.requesterDepartment,
      closedAt: tickets.closedAt,
    })
    .from(ticketFollowups)
    .innerJoin(tickets, eq(tickets.id, ticketFollowups.ticketId))
    .where(where)
    // Pending: the most urgent first; done: the latest first.
    .orderBy(q.status === 'done' ? desc(ticketFollowups.doneAt) : asc(ticketFollowups.dueAt), asc(tickets.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(({ f, ...t }) => ({ ...f, ...t })), total: Number(n?.n ?? 0) };
}

interface Acc {
  closed: number;
  followedUp: number;
  reachable: number;
  satSum: number;
  satN: number;
}
const acc = (): Acc => ({ closed: 0, followedUp: 0, reachable: 0, satSum: 0, satN: 0 });
const out = (a: Acc) => ({
  closed: a.closed,
  followedUp: a.followedUp,
  followupRate: a.closed ? a.followedUp / a.closed : 0,
  reachable: a.reachable,
  avgSatisfaction: a.satN ? Math.round((a.satSum / a.satN) * 100) / 100 : null,
});

/**
 * Tickets closed from `from` to `to` (dates, Asia/Shanghai, inclusive): closed, followed up, rate,
 * reached, average satisfaction — in total, per service line, and per engineer (the ticket's
 * assignee, else each engineer of its work log, each counting the ticket once).
 */
export async function followupStats(ctx: Ctx, q: { from: string; to: string }): Promise<TFollowupStats> {
  const range = and(
    eq(tickets.status, 'closed'),
    gte(tickets.closedAt, instantOf(q.from, '00:00')),
    lt(tickets.closedAt, instantOf(addCalendarDays(q.to, 1), '00:00')),
  );
  const rows = await ctx.db
    .select({
      id: tickets.id,
      serviceLine: tickets.serviceLine,
      assigneeId: tickets.assigneeId,
      status: ticketFollowups.status,
      reachable: ticketFollowups.reachable,
      satisfaction: ticketFollowups.satisfaction,
    })
    .from(tickets)
    .leftJoin(ticketFollowups, eq(ticketFollowups.ticketId, tickets.id))
    .where(range);
  const logged = await ctx.db
    .selectDistinct({ ticketId: ticketWorkLogs.ticketId, engineerId: ticketWorkLogs.engineerId, engineerName: ticketWorkLogs.engineerName })
    .from(ticketWorkLogs)
    .innerJoin(tickets, eq(tickets.id, ticketWorkLogs.ticketId))
    .where(and(range, isNull(tickets.assigneeId), sql`${ticketWorkLogs.engineerId} IS NOT NULL`));
  const names = await userNames(
    ctx,
    rows.map((r) => r.assigneeId),
  );
  for (const l of logged) if (l.engineerId && !names.has(l.engineerId)) names.set(l.engineerId, l.engineerName);

  const total = acc();
  const lines = new Map<string, Acc>();
  const engineers = new Map<string, Acc>();
  const add = (a: Acc, r: (typeof rows)[number]) => {
    a.closed++;
    if (r.status === 'done') a.followedUp++;
    if (r.status === 'done' && r.reachable) {
      a.reachable++;
      if (r.satisfaction !== null) {
        a.satSum += r.satisfaction;
        a.satN++;
      }
    }
  };
  for (const r of rows) {
    add(total, r);
    if (!lines.has(r.serviceLine)) lines.set(r.serviceLine, acc());
    add(lines.get(r.serviceLine)!, r);
    const who = r.assigneeId ? [r.assigneeId] : [...new Set(logged.filter((l) => l.ticketId === r.id).map((l) => l.engineerId!))];
    for (const e of who) {
      if (!engineers.has(e)) engineers.set(e, acc());
      add(engineers.get(e)!, r);
    }
  }
  return {
    from: q.from,
    to: q.to,
    total: out(total),
    byServiceLine: [...lines]
      .sort(([a], [b]) => SERVICE_LINE_CODES.indexOf(a as ServiceLineCode) - SERVICE_LINE_CODES.indexOf(b as ServiceLineCode))
      .map(([serviceLine, a]) => ({ serviceLine: serviceLine as 'NET', ...out(a) })),
    byEngineer: [...engineers]
      .map(([engineerId, a]) => ({ engineerId, engineerName: names.get(engineerId) ?? '', ...out(a) }))
      .sort((a, b) => b.closed - a.closed || a.engineerName.localeCompare(b.engineerName, 'zh')),
  };
}
