// Home-page to-do of the duty module: overrides awaiting the project manager's approval.
import { asc, eq } from 'drizzle-orm';
import { lineLabel } from '../../../common/service-lines.ts';
import type { TodoProvider } from '../../kernel/module.ts';
import { docsToConfirm } from './docs.ts';
import { dutyOverrides } from './tables.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

const toApprove: TodoProvider = {
  id: 'duty.overrides_to_approve',
  title: { zh: '待审批的调班', en: 'Duty overrides to approve' },
  access: 'duty.approve',
  roles: ['contractor_pm'],
  order: 40,
  url: '/duty?tab=overrides',
  empty: { zh: '没有待审批的调班', en: 'No override awaits approval' },
  read: async (ctx, limit) => {
    const where = eq(dutyOverrides.state, 'pending');
    const rows = await ctx.db
      .select({ r: dutyOverrides, total: totalOver() })
      .from(dutyOverrides)
      .where(where)
      .orderBy(asc(dutyOverrides.start))
      .limit(limit);
    return countedSection(rows, ({ r }) => ({
      title: `${lineLabel(r.line)} ${r.toName} 代 ${r.fromName ?? '整个班次层'}`,
      subtitle: `${r.requestedByName}：${r.reason}`,
      tag: '待审批',
      at: r.start.toISOString(),
      url: '/duty?tab=overrides',
    }));
  },
};

export const DUTY_TODOS = [toApprove, docsToConfirm];
