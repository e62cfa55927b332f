// The ticket fault flow (R-SD-05..08): the flow summary, assignment, emergency mode, the agency's
// confirmation, merging duplicates and the knowledge-base draft. Documents, work log and follow-up
// live in documents.ts, worklog.ts and followup.ts; the timeline in timeline.ts.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TConfirm, TKbDraft, TTicketFlow } from '../../../common/desk-flow.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { userNames } from '../../kernel/directory.ts';
import { AppError, Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { reopenResolveClock } from './clocks.ts';
import { getTicket, readTicket, scope } from './service.ts';
import { ticketClocks, ticketDocuments, ticketEvents, ticketFollowups, tickets, ticketWorkLogs } from './tables.ts';
import { appendEvent, confirmBlocker, docVersions, missingDocs, TICKET_ACTIONS, ticketAsksDone } from './timeline.ts';

export type TicketRow = typeof tickets.$inferSelect;

const WORKING_DAY_FOLLOWUP = 2;

/** The ticket in the actor's scope, locked for the rest of the transaction; 404 like readTicket otherwise. */
export async function lockTicket(tx: Ctx, id: string): Promise<TicketRow> {
  const s = scope(tx);
  const [t] = await tx.db
    .select()
    .from(tickets)
    .where(s ? and(eq(tickets.id, id), s) : eq(tickets.id, id))
    .for('update')
    .limit(1);
  if (!t) throw new NotFound('ticket.not_found', '运维单不存在');
  return t;
}

/** Closed and merged tickets are read-only. */
export function assertOpen(t: TicketRow): void {
  if (t.status === 'closed') throw new Conflict('ticket.closed', '运维单已关闭，不能再修改');
  if (t.status === 'merged') throw new Conflict('ticket.merged', '运维单已合并到其他运维单，不能再修改');
}

/** GET /api/tickets/:id/flow: the ticket with what the flow needs to show (R-SD-05 docsMissing). */
export async function ticketFlow(ctx: Ctx, id: string): Promise<TTicketFlow> {
  const ticket = await getTicket(ctx, id);
  const v = await docVersions(ctx, id);
  const [followup] = await ctx.db.select().from(ticketFollowups).where(eq(ticketFollowups.ticketId, id));
  const [conf] = await ctx.db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, id), inArray(ticketEvents.kind, ['confirmed', 'rejected'])))
    .orderBy(sql`${ticketEvents.at} DESC, ${ticketEvents.id} DESC`)
    .limit(1);
  const work = await ctx.db
    .select({
      mode: ticketWorkLogs.mode,
      ms: sql<number>`COALESCE(SUM(EXTRACT(EPOCH FROM (${ticketWorkLogs.endAt} - ${ticketWorkLogs.startAt}))), 0)`.mapWith(Number),
    })
    .from(ticketWorkLogs)
    .where(eq(ticketWorkLogs.ticketId, id))
    .groupBy(ticketWorkLogs.mode);
  const minutes = (m: string) => Math.round((work.find((w) => w.mode === m)?.ms ?? 0) / 60);
  const names = await userNames(ctx, [ticket.assigneeId]);
  const now = ctx.now();
  return {
    ticket,
    assigneeName: ticket.assigneeId ? (names.get(ticket.assigneeId) ?? null) : null,
    docsMissing: missingDocs(v),
    docsOverdue: ticket.emergency && !!ticket.docsDueAt && ticket.docsDueAt.getTime() < now.getTime() && missingDocs(v).length > 0,
    docVersions: v,
    confirmable: confirmBlocker(ticket, v) === null,
    confirmation: conf
      ? {
          outcome: conf.kind as 'confirmed',
          comment: String((conf.data as { comment?: string } | null)?.comment ?? ''),
          byId: conf.actorId,
          byName: conf.actorName,
          at: conf.at,
        }
      : null,
    followup: followup ?? null,
    workMinutes: { onsite: minutes('onsite'), remote: minutes('remote') },
  } as unknown as TTicketFlow;
}

// --- assignment ------------------------------------------------------------------------------

/** Assigns the ticket to an engineer or PM of its service line (desk.manage) and tells them. */
export async function assignTicket(ctx: Ctx, id: string, assigneeId: string) {
  await inTx(ctx, async (tx) => {
    const t = await lockTicket(tx, id);
    assertOpen(t);
    const eligible = await usersWithRoles(tx, ['engineer', 'contractor_pm'], { serviceLine: t.serviceLine });
    if (!eligible.includes(assigneeId))
      throw new AppError(422, 'ticket.assignee_ineligible', `只能派给负责 ${t.serviceLine} 服务项目、账号有效的乙方工程师或项目经理`, {
        errors: [{ path: 'body.assigneeId', message: '不是该服务项目的工程师' }],
      });
    const name = (await userNames(tx, [assigneeId])).get(assigneeId) ?? '';
    await tx.db.update(tickets).set({ assigneeId, updatedAt: tx.now() }).where(eq(tickets.id, id));
    await audit(tx, { action: 'ticket.assign', objectType: 'ticket', objectId: id, detail: { from: t.assigneeId, to: assigneeId } });
    await appendEvent(tx, id, 'assigned', `派单给 ${name}`, { from: t.assigneeId, to: assigneeId, toName: name });
    // Whoever was asked to take it before (the line's engineers, an earlier assignee) no longer is.
    await ticketAsksDone(tx, id, TICKET_ACTIONS.take);
    await notifyUsers(tx, {
      userIds: [assigneeId],
      event: 'ticket.assigned',
      title: `运维单 ${t.number} 已派给您`,
      body: t.title,
      link: `/desk/${id}`,
      objectType: 'ticket',
      objectId: id,
      action: TICKET_ACTIONS.take,
    });
  });
  return ticketFlow(ctx, id);
}

// --- emergency mode (R-SD-05, 附件二 2 说明: fix first, back-fill the documents) ---------------

export async function declareEmergency(ctx: Ctx, id: string, reason: string) {
  const cal = await getCalendar(ctx);
  await inTx(ctx, async (tx) => {
    const t = await lockTicket(tx, id);
    assertOpen(t);
    if (t.emergency) throw new Conflict('ticket.already_emergency', '运维单已处于紧急处理模式');
    // Already resolved: the documents are due 2 working days after that resolution.
    const docsDueAt = t.resolvedAt ? cal.addWorkingDaysDuration(t.resolvedAt, WORKING_DAY_FOLLOWUP) : null;
    await tx.db.update(tickets).set({ emergency: true, docsDueAt, updatedAt: tx.now() }).where(eq(tickets.id, id));
    await audit(tx, {
      action: 'ticket.emergency',
      objectType: 'ticket',
      objectId: id,
      detail: { reason, docsDueAt: docsDueAt?.toISOString() ?? null },
    });
    await appendEvent(tx, id, 'emergency', `紧急处理：${reason}`, { reason });
  });
  return ticketFlow(ctx, id);
}

// --- the agency's confirmation (R-SD-05 附件二 2(3)) -------------------------------------------

export async function confirmTicket(ctx: Ctx, id: string, c: TConfirm) {
  const cal = await getCalendar(ctx);
  await inTx(ctx, async (tx) => {
    const t = await lockTicket(tx, id);
    assertOpen(t);
    const blocker = confirmBlocker(t, await docVersions(tx, id));
    if (blocker) throw new Conflict(blocker.code, blocker.message);
    const now = tx.now();
    // Confirmed or rejected, the agency's "please confirm" is answered for every contact.
    await ticketAsksDone(tx, id, TICKET_ACTIONS.confirm);
    if (c.outcome === 'confirmed') {
      await ticketAsksDone(tx, id); // closed: nothing about it is asked of anyone any more
      await tx.db.update(tickets).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(tickets.id, id));
      // R-SD-07: the follow-up call is due 2 working days after closing.
      const dueAt = cal.addWorkingDaysDuration(now, WORKING_DAY_FOLLOWUP);
      await tx.db.insert(ticketFollowups).values({ ticketId: id, dueAt, status: 'pending', createdAt: now }).onConflictDoNothing();
      await audit(tx, {
        action: 'ticket.confirm',
        objectType: 'ticket',
        objectId: id,
        detail: { outcome: 'confirmed', comment: c.comment, followupDueAt: dueAt.toISOString() },
      });
      await appendEvent(tx, id, 'confirmed', c.comment ? `甲方确认：${c.comment}` : '甲方测试确认，运维单关闭', { comment: c.comment });
      return;
    }
    const reopened = await reopenResolveClock(tx, id, now, cal);
    await tx.db
      .update(tickets)
      .set({ status: 'in_progress', reopenCount: t.reopenCount + 1, resolvedAt: null, docsDueAt: null, updatedAt: now })
      .where(eq(tickets.id, id));
    await audit(tx, {
      action: 'ticket.reject',
      objectType: 'ticket',
      objectId: id,
      detail: { outcome: 'rejected', comment: c.comment, reopenCount: t.reopenCount + 1, clocks: reopened },
    });
    await appendEvent(tx, id, 'rejected', `甲方驳回：${c.comment}`, { comment: c.comment, reopenCount: t.reopenCount + 1 });
    // The assignee, or while nobody owns it the line's engineers.
    const to = t.assigneeId ? [t.assigneeId] : await usersWithRoles(tx, ['engineer'], { serviceLine: t.serviceLine });
    await notifyUsers(tx, {
      userIds: to,
      event: 'ticket.rejected',
      title: `运维单 ${t.number} 被甲方驳回，请继续处理`,
      body: c.comment,
      link: `/desk/${id}`,
      severity: 'warning',
      objectType: 'ticket',
      objectId: id,
      action: TICKET_ACTIONS.rework,
    });
  });
  return ticketFlow(ctx, id);
}

// --- merging duplicates (R-SD-06: each piece of work counted once) -----------------------------

export async function mergeTicket(ctx: Ctx, id: string, intoId: string) {
  if (id === intoId) throw new Invalid('ticket.merge_self', '不能合并到自身', [{ path: 'body.intoId', message: '与当前运维单相同' }]);
  await inTx(ctx, async (tx) => {
    // Lock both in a fixed order so two opposite merges cannot deadlock.
    const [a, b] = id < intoId ? [id, intoId] : [intoId, id];
    const first = await lockTicket(tx, a);
    const second = await lockTicket(tx, b);
    const src = first.id === id ? first : second;
    const dst = first.id === id ? second : first;
    assertOpen(src);
    assertOpen(dst);
    const now = tx.now();
    const moved = await tx.db
      .update(ticketWorkLogs)
      .set({ ticketId: dst.id })
      .where(eq(ticketWorkLogs.ticketId, src.id))
      .returning({ id: ticketWorkLogs.id });
    // The surviving ticket carries the SLAs.
    await tx.db.delete(ticketClocks).where(eq(ticketClocks.ticketId, src.id));
    await tx.db.update(tickets).set({ status: 'merged', mergedIntoId: dst.id, updatedAt: now }).where(eq(tickets.id, src.id));
    await ticketAsksDone(tx, src.id); // a duplicate asks nothing of anyone any more
    await tx.db.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, dst.id));
    await audit(tx, {
      action: 'ticket.merge',
      objectType: 'ticket',
      objectId: src.id,
      detail: { into: dst.id, workLogsMoved: moved.map((m) => m.id) },
    });
    await appendEvent(tx, src.id, 'merged', `作为重复单合并到 ${dst.number}`, {
      intoId: dst.id,
      intoNumber: dst.number,
      workLogsMoved: moved.length,
    });
    await appendEvent(tx, dst.id, 'merged_from', `合并了重复单 ${src.number}`, {
      fromId: src.id,
      fromNumber: src.number,
      workLogsMoved: moved.length,
    });
  });
  return ticketFlow(ctx, id);
}

// --- knowledge base in one step (R-SD-08) ------------------------------------------------------

export async function kbDraft(ctx: Ctx, id: string): Promise<TKbDraft> {
  const t = await readTicket(ctx, id);
  if (t.status !== 'resolved' && t.status !== 'closed') throw new Conflict('ticket.not_resolved', '运维单解决后才能生成知识库草稿');
  const latest = async (kind: string) => {
    const [d] = await ctx.db
      .select()
      .from(ticketDocuments)
      .where(and(eq(ticketDocuments.ticketId, id), eq(ticketDocuments.kind, kind)))
      .orderBy(sql`${ticketDocuments.version} DESC`)
      .limit(1);
    return (d?.content ?? {}) as Record<string, string | undefined>;
  };
  const [diag, plan, report] = [await latest('diagnosis'), await latest('plan'), await latest('report')];
  const first = (...xs: (string | undefined)[]) => xs.find((x) => typeof x === 'string' && x.trim() !== '')?.trim() ?? '';
  return {
    title: t.title,
    serviceLine: t.serviceLine as 'NET',
    problem: first(t.description, report.faultDescription, diag.sceneRecord, t.title),
    cause: first(report.cause, diag.preliminaryCause),
    solution: first(report.actions, plan.steps),
    sourceTicketId: t.id,
  };
}
