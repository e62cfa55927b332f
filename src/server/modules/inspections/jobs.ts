// Scheduled work of inspections: the sheets due today are generated on the business calendar (the job
// runs hourly, so a node that was down catches up the same day), and overdue sheets are escalated to
// the project manager once.
import { and, eq, isNull, lt } from 'drizzle-orm';
import { inTx, type Ctx } from '../../kernel/context.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { audit } from '../../kernel/audit.ts';
import { shanghaiDate } from './evaluate.ts';
import { generateSheets, sheetNumber } from './sheets.ts';
import { insSheets } from './tables.ts';

/** Tells the project managers of the open sheets past their deadline, once per sheet; answers how many. */
export async function escalateOverdue(ctx: Ctx): Promise<number> {
  const late = await ctx.db
    .select()
    .from(insSheets)
    .where(and(eq(insSheets.state, 'open'), lt(insSheets.dueAt, ctx.now()), isNull(insSheets.escalatedAt)));
  for (const s of late)
    await inTx(ctx, async (tx) => {
      await tx.db.update(insSheets).set({ escalatedAt: tx.now() }).where(eq(insSheets.id, s.id));
      await notifyUsers(tx, {
        userIds: await usersWithRoles(tx, ['contractor_pm']),
        event: 'inspection.overdue',
        severity: 'warning',
        title: `巡检单逾期未提交：${sheetNumber(s.seq)} ${s.templateName}`,
        body: `截止 ${s.dueAt.toISOString()}，执行人 ${s.assigneeName}。`,
        link: `/inspections/sheets/${s.id}`,
        objectType: 'inspection_sheet',
        objectId: s.id,
      });
      await audit(tx, {
        action: 'inspection.escalate',
        objectType: 'inspection_sheet',
        objectId: s.id,
        detail: { dueAt: s.dueAt.toISOString() },
      });
    });
  return late.length;
}

export const inspectionJobs: GlobalJob[] = [
  {
    name: 'inspections-generate',
    scope: 'global',
    cron: '5 * * * *',
    handler: async (ctx) => void (await generateSheets(ctx, shanghaiDate(ctx.now()))),
  },
  { name: 'inspections-overdue', scope: 'global', cron: '*/10 * * * *', handler: async (ctx) => void (await escalateOverdue(ctx)) },
];
