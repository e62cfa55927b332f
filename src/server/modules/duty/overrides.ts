// Overrides and swaps (issue 14 point 4): an engineer asks for someone to take over a layer (or one
// person's time on it) for a span; the project manager approves. Two live requests for the same time
// of the same person (or a whole layer) on a line are refused.
import { and, count, desc, eq, gt, gte, inArray, lt, or, isNull, type SQL } from 'drizzle-orm';
import type { TOverride, TOverrideInput } from '../../../common/duty.ts';
import { ZOverrideInput } from '../../../common/duty.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { userCards } from '../../kernel/directory.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.ts';
import { dutyOverrides } from './tables.ts';

type Row = typeof dutyOverrides.$inferSelect;

const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function toOverride(r: Row): TOverride {
  return {
    id: r.id,
    line: r.line,
    layer: r.layer as TOverride['layer'],
    fromUserId: r.fromUserId,
    fromName: r.fromName,
    toUserId: r.toUserId,
    toName: r.toName,
    start: r.start.toISOString(),
    end: r.end.toISOString(),
    reason: r.reason,
    state: r.state as TOverride['state'],
    requestedByName: r.requestedByName,
    decidedByName: r.decidedByName,
    comment: r.comment,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Live overrides (pending or approved) that clash with this one: same line, layer and time, same person or a whole layer. */
async function clashes(
  ctx: Ctx,
  o: { line: string; layer: string; fromUserId: string | null; start: Date; end: Date; id?: string },
): Promise<Row[]> {
  const who: SQL | undefined = o.fromUserId ? or(isNull(dutyOverrides.fromUserId), eq(dutyOverrides.fromUserId, o.fromUserId)) : undefined;
  const rows = await ctx.db
    .select()
    .from(dutyOverrides)
    .where(
      and(
        eq(dutyOverrides.line, o.line),
        eq(dutyOverrides.layer, o.layer),
        inArray(dutyOverrides.state, ['pending', 'approved']),
        lt(dutyOverrides.start, o.end),
        gt(dutyOverrides.end, o.start),
        who,
      ),
    );
  return rows.filter((r) => r.id !== o.id);
}

function clashError(c: Row): Conflict {
  return new Conflict(
    'duty.override_overlap',
    `与已有的调班申请重叠：${c.toName} 代 ${c.fromName ?? '整个班次层'}，${fmt(c.start)} 至 ${fmt(c.end)}（${c.state === 'approved' ? '已批准' : '待审批'}）`,
  );
}

export async function requestOverride(ctx: Ctx, raw: TOverrideInput): Promise<TOverride> {
  const input = ZOverrideInput.parse(raw);
  const actor = ctx.actor!;
  const pm = actor.permissions.has('duty.approve');
  if (!pm && !actor.serviceLines.includes(input.line))
    throw new Forbidden('duty.line', `你未被分配到${lineLabel(input.line)}，不能为其申请调班`);
  if (!pm && input.fromUserId !== actor.id && input.toUserId !== actor.id)
    throw new Forbidden('duty.override_self', '工程师只能为本人的班次申请调班或顶班');
  if (input.fromUserId === input.toUserId)
    throw new Invalid('duty.override_same', '替班人与被替人不能是同一人', [{ path: 'toUserId', message: '同一人' }]);
  const cards = await userCards(ctx, [input.fromUserId, input.toUserId]);
  const to = cards.get(input.toUserId);
  if (!to || to.disabled) throw new Invalid('duty.member', '替班人不是有效的用户账号', [{ path: 'toUserId', message: '无效账号' }]);
  if (input.fromUserId && !cards.get(input.fromUserId))
    throw new Invalid('duty.member', '被替人不是有效的用户账号', [{ path: 'fromUserId', message: '无效账号' }]);
  const span = {
    line: input.line,
    layer: input.layer,
    fromUserId: input.fromUserId,
    start: new Date(input.start),
    end: new Date(input.end),
  };
  return inTx(ctx, async (tx) => {
    const [c] = await clashes(tx, span);
    if (c) throw clashError(c);
    const [r] = await tx.db
      .insert(dutyOverrides)
      .values({
        ...span,
        fromName: input.fromUserId ? cards.get(input.fromUserId)!.displayName : null,
        toUserId: input.toUserId,
        toName: to.displayName,
        reason: input.reason,
        state: 'pending',
        requestedBy: actor.id,
        requestedByName: actor.displayName,
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'duty.override.request', objectType: 'duty_override', objectId: r!.id, after: r });
    return toOverride(r!);
  });
}

export async function decideOverride(ctx: Ctx, id: string, d: { approve: boolean; comment: string }): Promise<TOverride> {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(dutyOverrides).where(eq(dutyOverrides.id, id)).for('update');
    if (!before) throw new NotFound('duty.override_not_found', '调班申请不存在');
    if (before.state !== 'pending') throw new Conflict('duty.override_decided', '该调班申请已处理');
    if (d.approve) {
      const [c] = (await clashes(tx, before)).filter((x) => x.state === 'approved');
      if (c) throw clashError(c);
    }
    const [after] = await tx.db
      .update(dutyOverrides)
      .set({
        state: d.approve ? 'approved' : 'rejected',
        decidedBy: tx.actor?.id ?? null,
        decidedByName: tx.actor?.displayName ?? '系统',
        decidedAt: tx.now(),
        comment: d.comment || null,
      })
      .where(eq(dutyOverrides.id, id))
      .returning();
    await audit(tx, {
      action: d.approve ? 'duty.override.approve' : 'duty.override.reject',
      objectType: 'duty_override',
      objectId: id,
      before,
      after,
    });
    return toOverride(after!);
  });
}

export async function listOverrides(
  ctx: Ctx,
  q: {
    page: number;
    pageSize: number;
    line?: string | undefined;
    state?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
) {
  const where = and(
    q.line ? eq(dutyOverrides.line, q.line) : undefined,
    q.state ? eq(dutyOverrides.state, q.state) : undefined,
    q.from ? gte(dutyOverrides.start, new Date(q.from)) : undefined,
    q.to ? lt(dutyOverrides.start, new Date(q.to)) : undefined,
  );
  const [n] = await ctx.db.select({ n: count() }).from(dutyOverrides).where(where);
  const rows = await ctx.db
    .select()
    .from(dutyOverrides)
    .where(where)
    .orderBy(desc(dutyOverrides.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(toOverride), total: Number(n?.n ?? 0) };
}
