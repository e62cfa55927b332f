// Between shifts (issue 14 point 4): the handover log (written by the outgoing, acknowledged by the
// incoming) and attendance on post (check-in and check-out, noted against the resident layer).
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { TAttendance, THandover } from '../../../common/duty.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { userCards } from '../../kernel/directory.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.ts';
import { onDutyAt } from './schedule.ts';
import { dutyAttendance, dutyHandovers } from './tables.ts';

type HRow = typeof dutyHandovers.$inferSelect;
type ARow = typeof dutyAttendance.$inferSelect;

const toHandover = (r: HRow): THandover => ({
  id: r.id,
  line: r.line,
  fromName: r.fromName,
  toUserId: r.toUserId,
  toName: r.toName,
  notes: r.notes,
  createdAt: r.createdAt.toISOString(),
  ackAt: r.ackAt?.toISOString() ?? null,
});

const toAttendance = (r: ARow): TAttendance => ({
  id: r.id,
  line: r.line,
  userName: r.userName,
  checkInAt: r.checkInAt.toISOString(),
  checkOutAt: r.checkOutAt?.toISOString() ?? null,
  onRoster: r.onRoster,
});

type Page = { page: number; pageSize: number; line?: string | undefined };

async function paged(ctx: Ctx, table: typeof dutyHandovers | typeof dutyAttendance, q: Page, order: Parameters<typeof desc>[0]) {
  // Both tables have a `line`; drizzle's types do not follow a union of tables.
  const t = table as unknown as typeof dutyHandovers;
  const where = q.line ? eq(t.line, q.line) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(t).where(where);
  const rows = await ctx.db
    .select()
    .from(t)
    .where(where)
    .orderBy(desc(order))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { rows: rows as unknown[], total: Number(n?.n ?? 0) };
}

export async function writeHandover(ctx: Ctx, input: { line: string; toUserId: string; notes: string }): Promise<THandover> {
  const actor = ctx.actor!;
  if (input.toUserId === actor.id) throw new Invalid('duty.handover_self', '不能交班给自己', [{ path: 'toUserId', message: '本人' }]);
  const to = (await userCards(ctx, [input.toUserId])).get(input.toUserId);
  if (!to || to.disabled) throw new Invalid('duty.member', '接班人不是有效的用户账号', [{ path: 'toUserId', message: '无效账号' }]);
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(dutyHandovers)
      .values({ ...input, fromUserId: actor.id, fromName: actor.displayName, toName: to.displayName, createdAt: tx.now() })
      .returning();
    await audit(tx, { action: 'duty.handover.write', objectType: 'duty_handover', objectId: r!.id, after: r });
    return toHandover(r!);
  });
}

export async function ackHandover(ctx: Ctx, id: string): Promise<THandover> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db.select().from(dutyHandovers).where(eq(dutyHandovers.id, id)).for('update');
    if (!r) throw new NotFound('duty.handover_not_found', '交接记录不存在');
    if (r.toUserId !== tx.actor?.id) throw new Forbidden('duty.handover_not_yours', '只有接班人本人可以确认接班');
    if (r.ackAt) throw new Conflict('duty.handover_acked', '该交接已确认');
    const [after] = await tx.db.update(dutyHandovers).set({ ackAt: tx.now() }).where(eq(dutyHandovers.id, id)).returning();
    await audit(tx, { action: 'duty.handover.ack', objectType: 'duty_handover', objectId: id, before: r, after });
    return toHandover(after!);
  });
}

export async function listHandovers(ctx: Ctx, q: Page) {
  const { rows, total } = await paged(ctx, dutyHandovers, q, dutyHandovers.createdAt);
  return { items: (rows as HRow[]).map(toHandover), total };
}

export async function listAttendance(ctx: Ctx, q: Page) {
  const { rows, total } = await paged(ctx, dutyAttendance, q, dutyAttendance.checkInAt);
  return { items: (rows as ARow[]).map(toAttendance), total };
}

/** Checks the signed-in user in on post (noting whether the roster has them resident now) or out. */
export async function checkInOut(ctx: Ctx, input: { line: string; action: 'in' | 'out' }): Promise<TAttendance> {
  const actor = ctx.actor!;
  const onPost =
    input.action === 'in'
      ? (await onDutyAt(ctx, input.line, ctx.now())).some((p) => p.layer === 'resident' && p.username === actor.username)
      : false;
  return inTx(ctx, async (tx) => {
    const [open] = await tx.db
      .select()
      .from(dutyAttendance)
      .where(and(eq(dutyAttendance.userId, actor.id), isNull(dutyAttendance.checkOutAt)))
      .for('update');
    let r: ARow | undefined;
    if (input.action === 'in') {
      if (open) throw new Conflict('duty.checked_in', `已于 ${open.checkInAt.toISOString()} 签到，请先签退`);
      [r] = await tx.db
        .insert(dutyAttendance)
        .values({ line: input.line, userId: actor.id, userName: actor.displayName, checkInAt: tx.now(), onRoster: onPost })
        .returning();
    } else {
      if (!open) throw new Conflict('duty.not_checked_in', '尚未签到，不能签退');
      [r] = await tx.db.update(dutyAttendance).set({ checkOutAt: tx.now() }).where(eq(dutyAttendance.id, open.id)).returning();
    }
    await audit(tx, { action: `duty.attendance.${input.action}`, objectType: 'duty_attendance', objectId: r!.id, after: r });
    return toAttendance(r!);
  });
}
