// Home-page to-dos of the changes module: changes awaiting the user's role's approval step, and
// implemented changes awaiting the agency's confirmation.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { APPROVER_ROLES } from '../../../common/changes.ts';
import type { Ctx } from '../../kernel/context.ts';
import type { TodoProvider, TodoSection } from '../../kernel/module.ts';
import { numberOf } from './service.ts';
import { chgChanges } from './tables.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

/**
 * The awaited role of a change, in SQL: the role of the first pending step when none was refused
 * (mirrors awaitingRole in service.ts).
 */
const awaitedRole = sql<string | null>`(SELECT s->>'role' FROM jsonb_array_elements(${chgChanges.approvals}) WITH ORDINALITY AS e(s, n)
  WHERE s->>'status' = 'pending' ORDER BY n LIMIT 1)`;
const refused = sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${chgChanges.approvals}) AS e(s) WHERE s->>'status' IN ('rejected', 'returned'))`;

async function section(ctx: Ctx, where: SQL, limit: number, tag: (r: typeof chgChanges.$inferSelect) => string): Promise<TodoSection> {
  const rows = await ctx.db
    .select({ r: chgChanges, total: totalOver() })
    .from(chgChanges)
    .where(where)
    .orderBy(desc(chgChanges.updatedAt))
    .limit(limit);
  return countedSection(rows, ({ r }) => ({
    title: `${numberOf(r.seq)} ${r.title}`,
    subtitle: r.createdByName,
    tag: tag(r),
    ...(r.approvalDueAt
      ? { due: r.approvalDueAt.toISOString(), ...(r.approvalDueAt < ctx.now() ? { risk: 'breached' as const } : {}) }
      : { at: r.updatedAt.toISOString() }),
    url: `/changes/${r.id}`,
  }));
}

const toApprove: TodoProvider = {
  id: 'changes.to_approve',
  title: { zh: '待我审批的变更', en: 'Changes awaiting my approval' },
  access: 'changes.approve',
  roles: APPROVER_ROLES,
  order: 35,
  url: '/changes?awaiting=me',
  empty: { zh: '没有待审批的变更', en: 'No change awaits your approval' },
  read: (ctx, limit) => {
    const mine = (ctx.actor?.roles ?? []).filter((r) => (APPROVER_ROLES as readonly string[]).includes(r));
    const where = and(
      inArray(chgChanges.state, ['submitted', 'implementing', 'implemented']),
      sql`NOT ${refused}`,
      mine.length ? inArray(awaitedRole, mine) : sql`false`,
      // Nobody approves their own change.
      sql`${chgChanges.createdBy} IS DISTINCT FROM ${ctx.actor?.id ?? null}::uuid`,
    )!;
    return section(ctx, where, limit, (r) => (r.type === 'emergency' ? '紧急·补审批' : '待审批'));
  },
};

const toConfirm: TodoProvider = {
  id: 'changes.to_confirm',
  title: { zh: '待确认的变更', en: 'Changes to confirm' },
  access: 'changes.confirm',
  roles: ['agency_contact', 'agency_manager'],
  order: 36,
  url: '/changes?state=implemented',
  empty: { zh: '没有待确认的变更', en: 'No change to confirm' },
  read: (ctx, limit) => section(ctx, eq(chgChanges.state, 'implemented'), limit, () => '待确认'),
};

export const CHANGE_TODOS = [toApprove, toConfirm];
