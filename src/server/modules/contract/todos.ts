// Home-page to-dos of the contract module for the agency: the staff list awaiting its review, and the
// staff changes it has not acknowledged yet (R-STF-01/02).
import { desc, eq, isNull } from 'drizzle-orm';
import { STAFF_CHANGE_NAMES } from '../../../common/contract-staff.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import type { TodoProvider } from '../../kernel/module.ts';
import { staffChanges, staffLists } from './tables.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

const listsToReview: TodoProvider = {
  id: 'contract.staff_lists_to_review',
  title: { zh: '待审人员名单', en: 'Staff lists to review' },
  access: 'contract.staff_review',
  roles: ['agency_manager', 'agency_contact'],
  order: 42,
  url: '/contract/staff',
  empty: { zh: '没有待审核的人员名单', en: 'No staff list awaits review' },
  read: async (ctx, limit) => {
    const where = eq(staffLists.state, 'submitted');
    const rows = await ctx.db
      .select({ r: staffLists, total: totalOver() })
      .from(staffLists)
      .where(where)
      .orderBy(desc(staffLists.submittedAt))
      .limit(limit);
    return countedSection(rows, ({ r }) => ({
      title: `人员名单第 ${r.version} 版（${r.lines.length} 人）`,
      subtitle: r.submittedByName,
      tag: '待审核',
      at: r.submittedAt.toISOString(),
      url: '/contract/staff',
    }));
  },
};

const changesToAcknowledge: TodoProvider = {
  id: 'contract.staff_changes',
  title: { zh: '人员变更通知', en: 'Staff changes' },
  access: 'contract.staff_review',
  roles: ['agency_manager', 'agency_contact'],
  order: 43,
  url: '/contract/staff',
  empty: { zh: '没有未确认的人员变更', en: 'No staff change to acknowledge' },
  read: async (ctx, limit) => {
    const where = isNull(staffChanges.acknowledgedAt);
    const rows = await ctx.db
      .select({ r: staffChanges, total: totalOver() })
      .from(staffChanges)
      .where(where)
      .orderBy(desc(staffChanges.at))
      .limit(limit);
    return countedSection(rows, ({ r }) => ({
      title: `${r.personName} ${STAFF_CHANGE_NAMES[r.kind as 'join']}`,
      subtitle: `${lineLabel(r.lineCode)} ${r.role}`,
      tag: STAFF_CHANGE_NAMES[r.kind as 'join'],
      at: r.at.toISOString(),
      url: '/contract/staff',
    }));
  },
};

export const CONTRACT_TODOS = [listsToReview, changesToAcknowledge];
