// R-RPT-03 (附件一 6, 重要甲方（领导）支持): the agency asks for a data table, a network report or reporting
// material by a due date; the project manager assigns it (or does it); the files are uploaded and
// delivered with a note; the agency accepts or asks again (the request goes back to work). Overdue
// requests are told once (jobs.ts) and show on the project manager's home page.
import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { z } from 'zod';
import {
  LEADER_KIND_NAMES,
  LEADER_STATE_NAMES,
  type TLeaderRequest,
  type ZLeaderDecision,
  type ZLeaderInput,
  type ZLeaderQuery,
} from '../../../common/deliverables.ts';
import { dateOf } from '../../../common/dates.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { userNames, usersWithPermission } from '../../kernel/directory.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.ts';
import { listFiles, storeFile } from '../../kernel/files/storage.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { actorName, AGENCY_ROLES, PM_ROLES, type Upload } from './quarterly.ts';
import { dlvRequests, type DeliveryRecord } from './tables.ts';

export const LEADER = 'leader_request';
export const OPEN_STATES = ['open', 'assigned'];
type Row = typeof dlvRequests.$inferSelect;

export const numberOf = (seq: number) => `LS-${String(seq).padStart(4, '0')}`;

async function view(ctx: Ctx, r: Row): Promise<TLeaderRequest> {
  const files = await listFiles(ctx, LEADER, r.id);
  const ref = (f: (typeof files)[number]) => ({ id: f.id, name: f.name, size: f.size });
  const delivered = new Set(r.deliveries.flatMap((d) => d.fileIds));
  return {
    id: r.id,
    number: numberOf(r.seq),
    title: r.title,
    kind: r.kind as TLeaderRequest['kind'],
    detail: r.detail,
    dueDate: r.dueDate,
    requester: r.requester,
    state: r.state as TLeaderRequest['state'],
    overdue: OPEN_STATES.includes(r.state) && r.dueDate < dateOf(ctx.now()),
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    pendingFiles: files.filter((f) => !delivered.has(f.id)).map(ref),
    deliveries: r.deliveries.map((d) => ({
      ...d,
      files: files.filter((f) => d.fileIds.includes(f.id)).map(ref),
    })),
  };
}

async function rowOf(ctx: Ctx, id: string, lock = false): Promise<Row> {
  const q = ctx.db.select().from(dlvRequests).where(eq(dlvRequests.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('leader.not_found', '领导支持需求不存在');
  return r;
}

export const getLeaderRequest = async (ctx: Ctx, id: string) => view(ctx, await rowOf(ctx, id));

export async function listLeaderRequests(ctx: Ctx, q: z.output<typeof ZLeaderQuery>) {
  const where = q.state ? eq(dlvRequests.state, q.state) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(dlvRequests).where(where);
  const rows = await ctx.db
    .select()
    .from(dlvRequests)
    .where(where)
    .orderBy(desc(dlvRequests.createdAt), desc(dlvRequests.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items = [];
  for (const r of rows) items.push(await view(ctx, r));
  return { items, total: Number(n?.n ?? 0) };
}

const notice = (r: Row, title: string) => ({
  title: `${title}：${numberOf(r.seq)} ${r.title}`,
  link: `/deliverables/leader/${r.id}`,
  objectType: LEADER,
  objectId: r.id,
});

export async function createLeaderRequest(ctx: Ctx, input: z.output<typeof ZLeaderInput>): Promise<TLeaderRequest> {
  if (input.dueDate < dateOf(ctx.now()))
    throw new Invalid('leader.due_past', '完成期限不能早于今天', [{ path: 'body.dueDate', message: '不能早于今天' }]);
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(dlvRequests)
      .values({
        ...input,
        state: 'open',
        deliveries: [],
        createdBy: tx.actor?.id ?? null,
        createdByName: actorName(tx),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, PM_ROLES),
      event: 'leader.requested',
      ...notice(r!, `甲方领导支持需求（${LEADER_KIND_NAMES[input.kind]}，${input.dueDate} 前）`),
      body: input.detail,
      action: 'assign',
    });
    await audit(tx, { action: 'leader.create', objectType: LEADER, objectId: r!.id, after: r });
    return view(tx, r!);
  });
}

/** Who may be given a request: holders of deliverables.deliver. */
export async function assignees(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  const ids = await usersWithPermission(ctx, 'deliverables.deliver');
  const names = await userNames(ctx, ids);
  return ids.map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

function assertOpen(r: Row, what: string): void {
  if (!OPEN_STATES.includes(r.state))
    throw new Conflict('leader.state', `该需求${LEADER_STATE_NAMES[r.state as TLeaderRequest['state']]}，不能再${what}`);
}

export async function assignLeaderRequest(ctx: Ctx, id: string, assigneeId: string): Promise<TLeaderRequest> {
  const people = await assignees(ctx);
  const who = people.find((p) => p.id === assigneeId);
  if (!who)
    throw new Invalid('leader.assignee', '只能分派给乙方项目经理或工程师', [{ path: 'body.assigneeId', message: '不是可分派的人员' }]);
  return inTx(ctx, async (tx) => {
    const r = await rowOf(tx, id, true);
    assertOpen(r, '分派');
    const [next] = await tx.db
      .update(dlvRequests)
      .set({ state: 'assigned', assigneeId: who.id, assigneeName: who.name, updatedAt: tx.now() })
      .where(eq(dlvRequests.id, id))
      .returning();
    await resolveNotices(tx, { entity: { type: LEADER, id }, action: 'assign' });
    await notifyUsers(tx, { userIds: [who.id], event: 'leader.assigned', ...notice(r, `请于 ${r.dueDate} 前完成`), action: 'deliver' });
    await audit(tx, { action: 'leader.assign', objectType: LEADER, objectId: id, detail: { assigneeId: who.id, assignee: who.name } });
    return view(tx, next!);
  });
}

/** The project manager delivers any request; an engineer only the ones given to them. */
function assertMayDeliver(ctx: Ctx, r: Row): void {
  const a = ctx.actor;
  if (a?.permissions.has('deliverables.assign')) return;
  if (a && r.assigneeId === a.id) return;
  throw new Forbidden('leader.not_assignee', '只能处理分派给本人的需求');
}

export async function uploadLeaderFile(ctx: Ctx, id: string, up: Upload) {
  return inTx(ctx, async (tx) => {
    const r = await rowOf(tx, id, true);
    assertMayDeliver(tx, r);
    assertOpen(r, '上传材料');
    const f = await storeFile(tx, { objectType: LEADER, objectId: id, kind: 'document', name: up.filename, bytes: up.bytes });
    return { id: f.id, name: f.name, size: f.size };
  });
}

export async function deliverLeaderRequest(ctx: Ctx, id: string, note: string): Promise<TLeaderRequest> {
  return inTx(ctx, async (tx) => {
    const r = await rowOf(tx, id, true);
    assertMayDeliver(tx, r);
    assertOpen(r, '交付');
    const delivered = new Set(r.deliveries.flatMap((d) => d.fileIds));
    const fileIds = (await listFiles(tx, LEADER, id)).map((f) => f.id).filter((f) => !delivered.has(f));
    if (!fileIds.length) throw new Invalid('leader.no_files', '请先上传要交付的报表或材料');
    const d: DeliveryRecord = {
      round: r.deliveries.length + 1,
      note,
      fileIds,
      deliveredByName: actorName(tx),
      deliveredAt: tx.now().toISOString(),
      decision: null,
      comment: null,
      decidedByName: null,
      decidedAt: null,
    };
    const [next] = await tx.db
      .update(dlvRequests)
      .set({ state: 'delivered', deliveries: [...r.deliveries, d], updatedAt: tx.now() })
      .where(eq(dlvRequests.id, id))
      .returning();
    await resolveNotices(tx, { entity: { type: LEADER, id }, action: ['assign', 'deliver'] });
    await notifyUsers(tx, {
      userIds: [...(await usersWithRoles(tx, AGENCY_ROLES)), ...(r.createdBy ? [r.createdBy] : [])],
      event: 'leader.delivered',
      ...notice(r, '领导支持材料已交付，请验收'),
      body: note,
      action: 'accept',
    });
    await audit(tx, { action: 'leader.deliver', objectType: LEADER, objectId: id, detail: { round: d.round, note, fileIds } });
    return view(tx, next!);
  });
}

export async function decideLeaderRequest(ctx: Ctx, id: string, input: z.output<typeof ZLeaderDecision>): Promise<TLeaderRequest> {
  return inTx(ctx, async (tx) => {
    const r = await rowOf(tx, id, true);
    if (r.state !== 'delivered')
      throw new Conflict('leader.state', `该需求${LEADER_STATE_NAMES[r.state as TLeaderRequest['state']]}，没有待验收的交付`);
    const deliveries = r.deliveries.map((d, i) =>
      i === r.deliveries.length - 1
        ? {
            ...d,
            decision: input.decision,
            comment: input.comment || null,
            decidedByName: actorName(tx),
            decidedAt: tx.now().toISOString(),
          }
        : d,
    );
    const state = input.decision === 'accepted' ? 'accepted' : r.assigneeId ? 'assigned' : 'open';
    const [next] = await tx.db
      .update(dlvRequests)
      .set({ state, deliveries, updatedAt: tx.now(), overdueNotifiedAt: null })
      .where(eq(dlvRequests.id, id))
      .returning();
    await resolveNotices(tx, { entity: { type: LEADER, id }, action: 'accept' });
    await notifyUsers(tx, {
      userIds: [...(await usersWithRoles(tx, PM_ROLES)), ...(r.assigneeId ? [r.assigneeId] : [])],
      event: input.decision === 'accepted' ? 'leader.accepted' : 'leader.again',
      ...notice(r, input.decision === 'accepted' ? '甲方已验收' : '甲方要求补充'),
      ...(input.comment ? { body: input.comment } : {}),
      ...(input.decision === 'again' ? { action: 'deliver', severity: 'warning' as const } : {}),
    });
    await audit(tx, {
      action: input.decision === 'accepted' ? 'leader.accept' : 'leader.again',
      objectType: LEADER,
      objectId: id,
      detail: { round: deliveries.length, comment: input.comment || null },
    });
    return view(tx, next!);
  });
}

/** Requests past their due day and not delivered, told once to the project manager, the assignee and the requester. */
export async function notifyOverdue(ctx: Ctx): Promise<number> {
  const today = dateOf(ctx.now());
  const rows = await ctx.db
    .select()
    .from(dlvRequests)
    .where(and(inArray(dlvRequests.state, OPEN_STATES), lt(dlvRequests.dueDate, today), isNull(dlvRequests.overdueNotifiedAt)));
  let told = 0;
  for (const r of rows) {
    await inTx(ctx, async (tx) => {
      await tx.db.update(dlvRequests).set({ overdueNotifiedAt: tx.now() }).where(eq(dlvRequests.id, r.id));
      await notifyUsers(tx, {
        userIds: [...(await usersWithRoles(tx, PM_ROLES)), ...(r.assigneeId ? [r.assigneeId] : []), ...(r.createdBy ? [r.createdBy] : [])],
        event: 'leader.overdue',
        severity: 'warning',
        ...notice(r, `领导支持需求已逾期（应于 ${r.dueDate} 完成）`),
      });
      await audit(tx, { action: 'leader.overdue', objectType: LEADER, objectId: r.id, detail: { dueDate: r.dueDate } });
    });
    told++;
  }
  return told;
}
