// Emergency changes are approved afterwards within a deadline in working days (issue 12): once it has
// passed with a step still undecided, the project manager and the agency contact are told, once.
import { and, eq, isNull, lt } from 'drizzle-orm';
import { inTx, type Ctx } from '../../kernel/context.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { allApproved, awaitingRole, numberOf, record } from './service.ts';
import { chgChanges } from './tables.ts';
import { APPROVER_ROLE_NAMES } from '../../../common/changes.ts';

const LIVE = ['submitted', 'implementing', 'implemented'];

/** Notices for the emergency changes whose approval is overdue; answers how many. */
export async function checkOverdue(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .select()
    .from(chgChanges)
    .where(and(eq(chgChanges.type, 'emergency'), lt(chgChanges.approvalDueAt, ctx.now()), isNull(chgChanges.overdueNotifiedAt)));
  let told = 0;
  for (const r of due.filter((x) => LIVE.includes(x.state) && !allApproved(x))) {
    await inTx(ctx, async (tx) => {
      await tx.db.update(chgChanges).set({ overdueNotifiedAt: tx.now() }).where(eq(chgChanges.id, r.id));
      const role = awaitingRole(r);
      await notifyUsers(tx, {
        userIds: await usersWithRoles(tx, ['contractor_pm', 'agency_contact']),
        event: 'change.approval_overdue',
        severity: 'warning',
        title: `紧急变更补办审批已逾期：${numberOf(r.seq)} ${r.title}`,
        body: `应于 ${r.approvalDueAt!.toISOString()} 前完成审批${role ? `，尚待${APPROVER_ROLE_NAMES[role] ?? role}审批` : ''}。`,
        link: `/changes/${r.id}`,
        objectType: 'change',
        objectId: r.id,
      });
      await record(tx, r, { kind: 'overdue', detail: { approvalDueAt: r.approvalDueAt!.toISOString() } });
    });
    told++;
  }
  return told;
}

export const overdueJob: GlobalJob = {
  name: 'changes-approval-overdue',
  scope: 'global',
  cron: '*/10 * * * *',
  handler: async (ctx) => void (await checkOverdue(ctx)),
};
