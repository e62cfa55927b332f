// R-CHG-04 third-party access: a vendor engineer's visit or remote session is requested (who, company,
// purpose, devices, time box), approved by the project manager or the agency, and its work logged;
// an approved one past its time box and not closed is flagged as expired.
import { count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TAccess, ZAccessAction, ZAccessInput, ZAccessQuery } from '../../../common/changes.ts';
import { audit } from '../../kernel/audit.ts';
import { actorId, actorName, type Ctx, inTx } from '../../kernel/context.ts';
import { usersWithPermission } from '../../kernel/directory.ts';
import { Conflict, Forbidden, NotFound } from '../../kernel/errors.ts';
import { notifyUsers } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { chgAccess } from './tables.ts';

type Row = typeof chgAccess.$inferSelect;
const numberOf = (seq: number | null) => `FW-${String(seq ?? 0).padStart(4, '0')}`;

function view(ctx: Ctx, r: Row): TAccess {
  return {
    ...r,
    number: numberOf(r.seq),
    mode: r.mode as TAccess['mode'],
    state: r.state as TAccess['state'],
    startAt: r.startAt.toISOString(),
    endAt: r.endAt.toISOString(),
    expired: r.state === 'approved' && r.endAt < ctx.now(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

async function row(ctx: Ctx, id: string, lock = false): Promise<Row> {
  const q = ctx.db.select().from(chgAccess).where(eq(chgAccess.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('access.not_found', '第三方访问记录不存在');
  return r;
}

export async function listAccess(ctx: Ctx, q: z.output<typeof ZAccessQuery>) {
  const where = q.state ? eq(chgAccess.state, q.state) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(chgAccess).where(where);
  const rows = await ctx.db
    .select()
    .from(chgAccess)
    .where(where)
    .orderBy(desc(chgAccess.startAt), desc(chgAccess.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((r) => view(ctx, r)), total: Number(n?.n ?? 0) };
}

export async function requestAccess(ctx: Ctx, input: z.output<typeof ZAccessInput>): Promise<TAccess> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(chgAccess)
      .values({
        ...input,
        startAt: new Date(input.startAt),
        endAt: new Date(input.endAt),
        state: 'requested',
        requestedBy: actorId(tx),
        requestedByName: actorName(tx),
        logs: [],
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'access.request', objectType: 'third_party_access', objectId: r!.id, after: r });
    await notifyUsers(tx, {
      userIds: (await usersWithPermission(tx, 'changes.approve')).filter((u) => u !== r!.requestedBy),
      event: 'access.to_approve',
      title: `第三方人员访问待审批：${r!.company} ${r!.person}`,
      body: r!.purpose,
      link: '/changes/access',
      objectType: 'third_party_access',
      objectId: r!.id,
      action: 'approve',
    });
    return view(tx, r!);
  });
}

export async function actOnAccess(ctx: Ctx, id: string, input: z.output<typeof ZAccessAction>): Promise<TAccess> {
  const need = input.action === 'close' ? 'changes.write' : 'changes.approve';
  if (!ctx.actor?.permissions.has(need)) throw new Forbidden();
  return inTx(ctx, async (tx) => {
    const r = await row(tx, id, true);
    const from = input.action === 'close' ? 'approved' : 'requested';
    if (r.state !== from) throw new Conflict('access.state', input.action === 'close' ? '只有已批准的访问可以结束' : '该申请已处理');
    if (input.action !== 'close' && r.requestedBy === tx.actor?.id) throw new Forbidden('access.own', '不能审批本人登记的申请');
    const state = { approve: 'approved', reject: 'rejected', close: 'closed' }[input.action];
    const decided = input.action === 'close' ? {} : { decidedByName: actorName(tx), decidedAt: tx.now(), comment: input.comment || null };
    const [next] = await tx.db
      .update(chgAccess)
      .set({ state, ...decided })
      .where(eq(chgAccess.id, id))
      .returning();
    await resolveNotices(tx, { entity: { type: 'third_party_access', id }, action: 'approve' });
    await audit(tx, {
      action: `access.${input.action}`,
      objectType: 'third_party_access',
      objectId: id,
      before: { state: r.state },
      after: { state },
      detail: input.comment ? { comment: input.comment } : {},
    });
    return view(tx, next!);
  });
}

/** A work-log entry, while the access is approved (R-CHG-04: their work is recorded). */
export async function logAccess(ctx: Ctx, id: string, text: string): Promise<TAccess> {
  return inTx(ctx, async (tx) => {
    const r = await row(tx, id, true);
    if (r.state !== 'approved') throw new Conflict('access.not_open', '只有已批准、未结束的访问可以登记工作记录');
    const logs = [...r.logs, { at: tx.now().toISOString(), byName: actorName(tx), text }];
    const [next] = await tx.db.update(chgAccess).set({ logs }).where(eq(chgAccess.id, id)).returning();
    await audit(tx, { action: 'access.log', objectType: 'third_party_access', objectId: id, detail: { text } });
    return view(tx, next!);
  });
}
