// Home-page to-dos of inspections: the engineer's open sheets, and for the project manager the
// sheets past their deadline.
import { and, asc, eq, lt, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { TodoProvider, TodoSection } from '../../kernel/module.ts';
import { sheetNumber } from './sheets.ts';
import { insSheets } from './tables.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

async function section(ctx: Ctx, where: SQL, limit: number): Promise<TodoSection> {
  const rows = await ctx.db
    .select({ s: insSheets, total: totalOver() })
    .from(insSheets)
    .where(where)
    .orderBy(asc(insSheets.dueAt))
    .limit(limit);
  return countedSection(rows, ({ s }) => ({
    title: `${sheetNumber(s.seq)} ${s.templateName}`,
    subtitle: s.assigneeName,
    tag: s.dueAt < ctx.now() ? '逾期' : '待填写',
    due: s.dueAt.toISOString(),
    ...(s.dueAt < ctx.now() ? { risk: 'breached' as const } : {}),
    url: `/inspections/sheets/${s.id}`,
  }));
}

const mine: TodoProvider = {
  id: 'inspections.mine',
  title: { zh: '我的巡检单', en: 'My inspection sheets' },
  access: 'inspections.fill',
  roles: ['engineer'],
  order: 40,
  url: '/inspections?mine=1',
  empty: { zh: '没有待填写的巡检单', en: 'No inspection sheet to fill' },
  read: (ctx, limit) =>
    section(
      ctx,
      and(eq(insSheets.state, 'open'), eq(insSheets.assigneeId, ctx.actor?.id ?? '00000000-0000-0000-0000-000000000000'))!,
      limit,
    ),
};

const overdue: TodoProvider = {
  id: 'inspections.overdue',
  title: { zh: '逾期的巡检单', en: 'Overdue inspection sheets' },
  access: 'inspections.manage',
  roles: ['contractor_pm'],
  order: 41,
  url: '/inspections?state=overdue',
  empty: { zh: '没有逾期的巡检单', en: 'No overdue inspection sheet' },
  read: (ctx, limit) => section(ctx, and(eq(insSheets.state, 'open'), lt(insSheets.dueAt, ctx.now()))!, limit),
};

export const INSPECTION_TODOS = [mine, overdue];
