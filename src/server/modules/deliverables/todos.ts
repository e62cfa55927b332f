// Home-page to-dos: the agency's quarterly summaries to review (with the days left of the 15), and
// the project manager's leader support requests not yet delivered, by due date.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { LEADER_STATE_NAMES, quarterLabel, type LeaderState } from '../../../common/deliverables.ts';
import { dateOf, instantOf } from '../../../common/dates.ts';
import type { TodoProvider } from '../../kernel/module.ts';
import { daysLeft } from './deadline.ts';
import { numberOf, OPEN_STATES } from './leader.ts';
import { dlvQuarterlies, dlvQuarterlyVersions, dlvRequests } from './tables.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

const toReview: TodoProvider = {
  id: 'deliverables.quarterly_to_review',
  title: { zh: '待评审的季度总结', en: 'Quarterly summaries to review' },
  access: 'deliverables.review',
  roles: ['agency_manager', 'agency_contact'],
  order: 44,
  url: '/deliverables?state=submitted',
  empty: { zh: '没有待评审的季度总结', en: 'No quarterly summary to review' },
  read: async (ctx, limit) => {
    const where = eq(dlvQuarterlies.state, 'submitted');
    const rows = await ctx.db
      .select({
        total: totalOver(),
        id: dlvQuarterlies.id,
        quarter: dlvQuarterlies.quarter,
        version: dlvQuarterlies.version,
        dueDate: dlvQuarterlyVersions.dueDate,
        submittedAt: dlvQuarterlyVersions.submittedAt,
      })
      .from(dlvQuarterlies)
      .innerJoin(
        dlvQuarterlyVersions,
        and(eq(dlvQuarterlyVersions.quarterlyId, dlvQuarterlies.id), eq(dlvQuarterlyVersions.version, dlvQuarterlies.version)),
      )
      .where(where)
      .orderBy(asc(dlvQuarterlies.dueAt))
      .limit(limit);
    return countedSection(rows, (r) => {
      const left = Math.max(0, daysLeft(r.dueDate, ctx.now()));
      return {
        title: `${quarterLabel(r.quarter)}服务工作总结（第 ${r.version} 版）`,
        // Days left in calendar days to the last review day, as the summary's page counts them.
        subtitle: `剩余 ${left} 天（至 ${r.dueDate}），逾期未提出质疑视为通过`,
        tag: '待评审',
        at: r.submittedAt.toISOString(),
        ...(left <= 3 ? { risk: 'warning' as const } : {}),
        url: `/deliverables/quarterly/${r.id}`,
      };
    });
  },
};

const leaderDue: TodoProvider = {
  id: 'deliverables.leader_due',
  title: { zh: '待完成的领导支持需求', en: 'Leader support requests due' },
  access: 'deliverables.assign',
  roles: ['contractor_pm'],
  order: 45,
  url: '/deliverables/leader',
  empty: { zh: '没有待完成的领导支持需求', en: 'No leader support request due' },
  read: async (ctx, limit) => {
    const where = inArray(dlvRequests.state, OPEN_STATES);
    const rows = await ctx.db
      .select({ r: dlvRequests, total: totalOver() })
      .from(dlvRequests)
      .where(where)
      .orderBy(asc(dlvRequests.dueDate))
      .limit(limit);
    const today = dateOf(ctx.now());
    return countedSection(rows, ({ r }) => ({
      title: `${numberOf(r.seq)} ${r.title}`,
      subtitle: `${r.requester}${r.assigneeName ? ` · 承办：${r.assigneeName}` : ''}`,
      tag: r.dueDate < today ? '已逾期' : LEADER_STATE_NAMES[r.state as LeaderState],
      due: instantOf(r.dueDate, '23:59').toISOString(),
      ...(r.dueDate < today ? { risk: 'breached' as const } : r.dueDate === today ? { risk: 'warning' as const } : {}),
      url: `/deliverables/leader/${r.id}`,
    }));
  },
};

export const DELIVERABLE_TODOS = [toReview, leaderDue];
