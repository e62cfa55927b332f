// 第六条3: "15 日内未提出质疑的，视为甲方通过评审". Once a version's review period has ended with no
// answer, this job records the approval with the system as actor, audited, and tells both sides.
import { and, eq, lte } from 'drizzle-orm';
import { dateOf } from '../../../common/dates.ts';
import { quarterLabel, SILENCE_TEXT } from '../../../common/deliverables.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, SYSTEM_ACTOR, type Ctx } from '../../kernel/context.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { AGENCY_ROLES, OBJECT, PM_ROLES } from './quarterly.ts';
import { dlvQuarterlies, dlvQuarterlyVersions } from './tables.ts';

/** Approves every summary whose review period has ended unanswered; answers how many. */
export async function approveSilent(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .select({ id: dlvQuarterlies.id })
    .from(dlvQuarterlies)
    .where(and(eq(dlvQuarterlies.state, 'submitted'), lte(dlvQuarterlies.dueAt, ctx.now())));
  let done = 0;
  for (const { id } of due) {
    const sys: Ctx = { ...ctx, actor: SYSTEM_ACTOR };
    done += await inTx(sys, async (tx) => {
      // Checked again under the row lock: an answer given a moment ago wins.
      const [r] = await tx.db.select().from(dlvQuarterlies).where(eq(dlvQuarterlies.id, id)).for('update');
      if (!r || r.state !== 'submitted' || r.dueAt > tx.now()) return 0;
      const [v] = await tx.db
        .update(dlvQuarterlyVersions)
        .set({ decision: 'silence', decidedByName: '系统', decidedAt: tx.now(), comment: SILENCE_TEXT })
        .where(and(eq(dlvQuarterlyVersions.quarterlyId, id), eq(dlvQuarterlyVersions.version, r.version)))
        .returning();
      await tx.db
        .update(dlvQuarterlies)
        .set({ state: 'approved', approvedHow: 'silence', updatedAt: tx.now() })
        .where(eq(dlvQuarterlies.id, id));
      await resolveNotices(tx, { entity: { type: OBJECT, id }, action: 'review' });
      await notifyUsers(tx, {
        userIds: await usersWithRoles(tx, [...AGENCY_ROLES, ...PM_ROLES]),
        event: 'quarterly.approved_silently',
        title: `${quarterLabel(r.quarter)}服务工作总结：${SILENCE_TEXT}`,
        body: `第 ${r.version} 版于 ${dateOf(v!.submittedAt)} 提交，评审期至 ${v!.dueDate} 届满，甲方未提出质疑（合同第六条第 3 款）。`,
        link: `/deliverables/quarterly/${id}`,
        objectType: OBJECT,
        objectId: id,
      });
      await audit(tx, {
        action: 'quarterly.approve_silently',
        objectType: OBJECT,
        objectId: id,
        detail: { quarter: r.quarter, version: r.version, dueDate: v!.dueDate, reason: SILENCE_TEXT },
      });
      return 1;
    });
  }
  return done;
}

export const silenceJob: GlobalJob = {
  name: 'deliverables-quarterly-silence',
  scope: 'global',
  cron: '* * * * *',
  handler: async (ctx) => void (await approveSilent(ctx)),
};
