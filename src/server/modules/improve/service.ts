// Improvement requests (R-SD-12): recorded by users, assessed, accepted or declined and implemented by
// the contractor's project manager, and evaluated by the agency against what was asked. Every step is
// audited and tells the people who act next (kernel notify).
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import {
  IMPROVEMENT_RESULT_NAMES,
  IMPROVEMENT_STATE_NAMES,
  type ImprovementState,
  type TImprovement,
  type TImprovementAction,
  type TImprovementQuery,
} from '../../../common/improve.ts';
import { SERVICE_LINE_SHORT, type ServiceLineCode } from '../../../common/service-lines.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { usersWithPermission } from '../../kernel/directory.ts';
import { Conflict, Forbidden, NotFound } from '../../kernel/errors.ts';
import { notifyUsers } from '../../kernel/notify/inbox.ts';
import { improvementRequests } from './tables.ts';

type Row = typeof improvementRequests.$inferSelect;

export const numberOf = (seq: number | null) => `GJ-${String(seq ?? 0).padStart(4, '0')}`;

function view(r: Row): TImprovement {
  return {
    ...r,
    number: numberOf(r.seq),
    serviceLine: r.serviceLine as ServiceLineCode,
    status: r.status as ImprovementState,
    result: (r.result as TImprovement['result']) ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    implementedAt: r.implementedAt?.toISOString() ?? null,
    evaluatedAt: r.evaluatedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listImprovements(ctx: Ctx, q: TImprovementQuery) {
  const t = improvementRequests;
  const c: SQL[] = [];
  if (q.status) c.push(eq(t.status, q.status));
  if (q.serviceLine) c.push(eq(t.serviceLine, q.serviceLine));
  if (q.mine === 'true') c.push(eq(t.submittedBy, ctx.actor!.id));
  if (q.q) c.push(or(ilike(t.title, likeContains(q.q)), ilike(t.reason, likeContains(q.q)))!);
  const where = c.length ? and(...c) : undefined;
  const { page, pageSize: size } = q;
  const [n] = await ctx.db.select({ n: count() }).from(t).where(where);
  const rows = await ctx.db
    .select()
    .from(t)
    .where(where)
    .orderBy(desc(t.createdAt), desc(t.seq))
    .limit(size)
    .offset((page - 1) * size);
  return { items: rows.map(view), total: Number(n?.n ?? 0) };
}

export async function getImprovement(ctx: Ctx, id: string): Promise<TImprovement> {
  const [r] = await ctx.db.select().from(improvementRequests).where(eq(improvementRequests.id, id)).limit(1);
  if (!r) throw new NotFound('improvement.not_found', '改进建议不存在');
  return view(r);
}

const lineName = (code: string) => SERVICE_LINE_SHORT[code as ServiceLineCode]?.zh ?? code;

/** Tells the holders of `permission` (and `also`), not the actor, that the request moved on. */
async function tell(tx: Ctx, r: Row, permission: string | null, also: (string | null)[], title: string, body: string) {
  const ids = new Set<string>(also.filter((x): x is string => !!x));
  if (permission) for (const u of await usersWithPermission(tx, permission)) ids.add(u);
  await notifyUsers(tx, {
    userIds: [...ids],
    event: 'improvement.changed',
    title: `${numberOf(r.seq)} ${title}：${r.title}`,
    body,
    link: `/improvements?open=${r.id}`,
    objectType: 'improvement',
    objectId: r.id,
  });
}

export async function createImprovement(ctx: Ctx, input: { serviceLine: string; title: string; reason: string }): Promise<TImprovement> {
  return inTx(ctx, async (tx) => {
    const now = tx.now();
    const [row] = await tx.db
      .insert(improvementRequests)
      .values({
        ...input,
        status: 'proposed',
        submittedBy: tx.actor?.id ?? null,
        submittedByName: tx.actor?.displayName ?? '',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await audit(tx, { action: 'improvement.create', objectType: 'improvement', objectId: row.id, after: row });
    await tell(tx, row, 'improve.manage', [], '新的改进建议', `${row.submittedByName} 提出（${lineName(row.serviceLine)}）：${row.reason}`);
    return view(row);
  });
}

/** Which state each action leaves from, where it goes, and who may take it. */
const STEPS: Record<TImprovementAction['action'], { from: ImprovementState[]; to: ImprovementState; permission: string }> = {
  assess: { from: ['proposed'], to: 'assessing', permission: 'improve.manage' },
  accept: { from: ['proposed', 'assessing'], to: 'accepted', permission: 'improve.manage' },
  reject: { from: ['proposed', 'assessing'], to: 'rejected', permission: 'improve.manage' },
  implement: { from: ['accepted'], to: 'implemented', permission: 'improve.manage' },
  evaluate: { from: ['implemented'], to: 'evaluated', permission: 'improve.evaluate' },
};

export async function actOnImprovement(ctx: Ctx, id: string, a: TImprovementAction): Promise<TImprovement> {
  const step = STEPS[a.action];
  if (!ctx.actor?.permissions.has(step.permission))
    throw new Forbidden('auth.forbidden', '没有执行此操作的权限', { permission: step.permission });
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(improvementRequests).where(eq(improvementRequests.id, id)).for('update');
    if (!before) throw new NotFound('improvement.not_found', '改进建议不存在');
    if (!step.from.includes(before.status as ImprovementState))
      throw new Conflict(
        'improvement.state',
        `当前状态为“${IMPROVEMENT_STATE_NAMES[before.status as ImprovementState]?.zh ?? before.status}”，不能执行此操作`,
      );
    const now = tx.now();
    const who = tx.actor!.displayName;
    const note = (a.note ?? '').trim();
    const patch: Partial<typeof improvementRequests.$inferInsert> = { status: step.to, updatedAt: now };
    if (a.action === 'assess' || a.action === 'accept' || a.action === 'reject') {
      patch.decidedByName = who;
      if (note) patch.decisionNote = note;
      if (a.action !== 'assess') patch.decidedAt = now;
    } else if (a.action === 'implement') {
      patch.implementationNote = note;
      patch.implementedAt = now;
    } else {
      patch.result = a.result;
      patch.evaluationNote = note;
      patch.evaluatedByName = who;
      patch.evaluatedAt = now;
    }
    const [after] = await tx.db.update(improvementRequests).set(patch).where(eq(improvementRequests.id, id)).returning();
    if (!after) throw new Error('update failed');
    await audit(tx, { action: `improvement.${a.action}`, objectType: 'improvement', objectId: id, before, after });
    const state = IMPROVEMENT_STATE_NAMES[step.to].zh;
    const text =
      a.action === 'evaluate'
        ? `${who}：${IMPROVEMENT_RESULT_NAMES[a.result].zh}${note ? `。${note}` : ''}`
        : `${who}${note ? `：${note}` : ''}`;
    // The submitter hears of every step; the agency's evaluators when there is a result to evaluate;
    // the PM when the agency has evaluated.
    const next = step.to === 'implemented' ? 'improve.evaluate' : step.to === 'evaluated' ? 'improve.manage' : null;
    await tell(tx, after, next, [after.submittedBy], `改进建议${state}`, text);
    return view(after);
  });
}
