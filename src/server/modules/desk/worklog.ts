// R-SD-06 work log: each on-site visit or remote session once, by engineer; a merge moves the rows.
import { and, asc, eq } from 'drizzle-orm';
import { WORK_MODE_NAMES, type TWorkLogInput } from '../../../common/desk-flow.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { AppError, Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.ts';
import { usersWithRoles } from '../../kernel/notify/inbox.ts';
import { tickets, ticketWorkLogs } from './tables.ts';
import { appendEvent } from './timeline.ts';
import { userNames } from '../../kernel/directory.ts';
import { assertOpen, lockTicket } from './flow.ts';
import { readTicket } from './service.ts';

const DAY_MS = 24 * 3600_000;
const SLACK_MS = 60_000;

export async function addWorkLog(ctx: Ctx, id: string, w: TWorkLogInput) {
  const now = ctx.now();
  const startAt = new Date(w.startAt);
  const endAt = new Date(w.endAt);
  if (endAt.getTime() > now.getTime() + SLACK_MS)
    throw new Invalid('worklog.in_future', '结束时间不能晚于当前时间', [{ path: 'body.endAt', message: '晚于当前时间' }]);
  const actorId = ctx.actor?.id ?? null;
  const engineerId = w.engineerId ?? actorId;
  return inTx(ctx, async (tx) => {
    const t = await lockTicket(tx, id);
    assertOpen(t);
    if (startAt < t.reportedAt)
      throw new Invalid('worklog.before_report', '开始时间不能早于报修时间', [{ path: 'body.startAt', message: '早于报修时间' }]);
    // Someone else's work: only an engineer or PM of the ticket's line.
    if (engineerId !== actorId) {
      const eligible = await usersWithRoles(tx, ['engineer', 'contractor_pm'], { serviceLine: t.serviceLine });
      if (!engineerId || !eligible.includes(engineerId))
        throw new AppError(
          422,
          'worklog.engineer_ineligible',
          `工作人员须为负责 ${t.serviceLine} 服务项目、账号有效的乙方工程师或项目经理`,
          {
            errors: [{ path: 'body.engineerId', message: '不是该服务项目的工程师' }],
          },
        );
    }
    const engineerName =
      engineerId === actorId ? (tx.actor?.displayName ?? '') : ((await userNames(tx, [engineerId])).get(engineerId!) ?? '');
    const [row] = await tx.db
      .insert(ticketWorkLogs)
      .values({
        ticketId: id,
        mode: w.mode,
        engineerId,
        engineerName,
        startAt,
        endAt,
        summary: w.summary,
        createdBy: actorId,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    // Work on a new ticket means it is being handled.
    if (t.status === 'new') await tx.db.update(tickets).set({ status: 'in_progress', updatedAt: now }).where(eq(tickets.id, id));
    await audit(tx, { action: 'ticket.worklog', objectType: 'ticket', objectId: id, after: row });
    const minutes = Math.round((endAt.getTime() - startAt.getTime()) / 60_000);
    await appendEvent(tx, id, 'worklog', `${engineerName} ${WORK_MODE_NAMES[w.mode]}处理 ${minutes} 分钟：${w.summary}`, {
      logId: row.id,
      mode: w.mode,
      engineerId,
      minutes,
    });
    return row;
  });
}

export async function listWorkLogs(ctx: Ctx, id: string) {
  await readTicket(ctx, id);
  return ctx.db
    .select()
    .from(ticketWorkLogs)
    .where(eq(ticketWorkLogs.ticketId, id))
    .orderBy(asc(ticketWorkLogs.startAt), asc(ticketWorkLogs.createdAt));
}

/** One's own log, within 24 hours of logging it (a typo fixed by deleting and logging again). */
export async function deleteWorkLog(ctx: Ctx, id: string, logId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const t = await lockTicket(tx, id);
    assertOpen(t);
    const [row] = await tx.db
      .select()
      .from(ticketWorkLogs)
      .where(and(eq(ticketWorkLogs.id, logId), eq(ticketWorkLogs.ticketId, id)));
    if (!row) throw new NotFound('worklog.not_found', '工作记录不存在');
    if (row.createdBy !== tx.actor?.id) throw new Forbidden('worklog.not_own', '只能删除本人登记的工作记录');
    if (tx.now().getTime() - row.createdAt.getTime() > DAY_MS) throw new Conflict('worklog.too_old', '登记超过 24 小时的工作记录不能删除');
    await tx.db.delete(ticketWorkLogs).where(eq(ticketWorkLogs.id, logId));
    await audit(tx, { action: 'ticket.worklog_delete', objectType: 'ticket', objectId: id, before: row });
    await appendEvent(tx, id, 'worklog_deleted', `删除工作记录：${row.engineerName} ${WORK_MODE_NAMES[row.mode as 'onsite']}`, {
      logId,
      mode: row.mode,
      engineerId: row.engineerId,
    });
  });
}
