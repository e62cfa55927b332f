// R-STF-01/02 (附件一 10.2; 第二条 4): the contractor submits the staff list of a contract (who fills
// each post, their qualifications, since when) as a numbered snapshot for the agency's review; the
// agency approves it or returns it with a reason, and a returned list is followed by a new version.
// Every version is kept. Once a list is approved, each change of an assignment (a person joins or
// leaves a post; a move is both) is a notice to the agency, which acknowledges it, and marks the
// approved list outdated until the next version is approved.
import { isoOrNull as iso } from '../../../common/dates.ts';
import { and, count, desc, eq, isNotNull, isNull, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TStaffChange, TStaffList, TStaffListStatus, ZStaffChangeQuery, ZStaffListQuery } from '../../../common/contract-staff.ts';
import { STAFF_CHANGE_NAMES } from '../../../common/contract-staff.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import { audit } from '../../kernel/audit.ts';
import { actorId, actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { usersWithPermission } from '../../kernel/directory.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { notifyUsers } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { peopleByIds } from '../org/api.ts';
// service.ts calls staffChanged from here; both only call each other's functions, never at load.
import { currentContractId } from './service.ts';
import { serviceLines, staffAssignments, staffChanges, staffLists, staffingRequirements, type StaffListLine } from './tables.ts';

type ListRow = typeof staffLists.$inferSelect;
type ChangeRow = typeof staffChanges.$inferSelect;
export const REVIEW_PERMISSION = 'contract.staff_review';
const LINE_ORDER = ['SM', 'NET', 'SEC', 'VC'];

export const listView = (r: ListRow): TStaffList => ({
  id: r.id,
  contractId: r.contractId,
  version: r.version,
  state: r.state as TStaffList['state'],
  lines: r.lines,
  note: r.note,
  submittedByName: r.submittedByName,
  submittedAt: r.submittedAt.toISOString(),
  reviewedByName: r.reviewedByName,
  reviewedAt: iso(r.reviewedAt),
  comment: r.comment,
  outdatedAt: iso(r.outdatedAt),
});

export const changeView = (r: ChangeRow): TStaffChange => ({
  id: r.id,
  contractId: r.contractId,
  kind: r.kind as TStaffChange['kind'],
  personName: r.personName,
  lineCode: r.lineCode,
  role: r.role,
  at: r.at.toISOString(),
  byName: r.byName,
  acknowledgedByName: r.acknowledgedByName,
  acknowledgedAt: iso(r.acknowledgedAt),
});

/** The staff list of a contract as its assignments stand now: one line per person and post. */
export async function snapshotOf(ctx: Ctx, contractId: string): Promise<StaffListLine[]> {
  const rows = await ctx.db
    .select({
      lineCode: serviceLines.code,
      lineName: serviceLines.name,
      staffingId: staffingRequirements.id,
      role: staffingRequirements.role,
      required: staffingRequirements.qualifications,
      sort: staffingRequirements.sort,
      personId: staffAssignments.personId,
      since: staffAssignments.since,
      until: staffAssignments.until,
    })
    .from(staffAssignments)
    .innerJoin(staffingRequirements, eq(staffingRequirements.id, staffAssignments.staffingRequirementId))
    .innerJoin(serviceLines, eq(serviceLines.id, staffingRequirements.serviceLineId))
    .where(eq(serviceLines.contractId, contractId));
  const persons = new Map((await peopleByIds(ctx, [...new Set(rows.map((r) => r.personId))])).map((p) => [p.id, p]));
  return rows
    .map(({ sort: _sort, ...r }) => {
      const p = persons.get(r.personId);
      return { ...r, personName: p?.name ?? '', personTitle: p?.title ?? '', qualifications: p?.qualifications ?? [] };
    })
    .sort(
      (a, b) =>
        LINE_ORDER.indexOf(a.lineCode) - LINE_ORDER.indexOf(b.lineCode) ||
        a.role.localeCompare(b.role, 'zh') ||
        a.personName.localeCompare(b.personName, 'zh'),
    );
}

async function contractOrCurrent(ctx: Ctx, contractId: string | undefined): Promise<string | null> {
  return contractId ?? currentContractId(ctx);
}

export async function submitStaffList(ctx: Ctx, input: { contractId?: string | undefined; note: string }): Promise<TStaffList> {
  const contractId = await contractOrCurrent(ctx, input.contractId);
  if (!contractId) throw new NotFound('contract.not_found', '没有合同，无法提交人员名单');
  return inTx(ctx, async (tx) => {
    await tx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`staff_lists:${contractId}`}))`);
    const [pending] = await tx.db
      .select({ version: staffLists.version })
      .from(staffLists)
      .where(and(eq(staffLists.contractId, contractId), eq(staffLists.state, 'submitted')));
    if (pending) throw new Conflict('staff_list.pending', `第 ${pending.version} 版人员名单正在甲方审核中，审核后再提交`);
    const lines = await snapshotOf(tx, contractId);
    if (!lines.length) throw new Invalid('staff_list.empty', '该合同尚未安排任何人员，不能提交空名单');
    const [m] = await tx.db
      .select({ v: max(staffLists.version) })
      .from(staffLists)
      .where(eq(staffLists.contractId, contractId));
    const [r] = await tx.db
      .insert(staffLists)
      .values({
        contractId,
        version: (m?.v ?? 0) + 1,
        state: 'submitted',
        lines,
        note: input.note,
        submittedBy: actorId(tx),
        submittedByName: actorName(tx),
        submittedAt: tx.now(),
      })
      .returning();
    await audit(tx, {
      action: 'staff_list.submit',
      objectType: 'staff_list',
      objectId: r!.id,
      detail: { version: r!.version, people: lines.length },
    });
    await notifyUsers(tx, {
      userIds: await usersWithPermission(tx, REVIEW_PERMISSION),
      event: 'contract.staff_list_to_review',
      title: `人员名单待审核（第 ${r!.version} 版，${lines.length} 人）`,
      body: input.note || `${actorName(tx)} 提交了驻场服务人员名单，请审核。`,
      link: '/contract/staff',
      objectType: 'staff_list',
      objectId: r!.id,
      action: 'review',
    });
    return listView(r!);
  });
}

/** The agency approves the version under review, or returns it with the reason (then a new version follows). */
export async function reviewStaffList(ctx: Ctx, id: string, d: { approve: boolean; comment: string }): Promise<TStaffList> {
  if (!d.approve && !d.comment)
    throw new Invalid('staff_list.reason', '退回人员名单须说明理由', [{ path: 'body.comment', message: '必填' }]);
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(staffLists).where(eq(staffLists.id, id)).for('update');
    if (!before) throw new NotFound('staff_list.not_found', '人员名单不存在');
    if (before.state !== 'submitted') throw new Conflict('staff_list.reviewed', `第 ${before.version} 版人员名单已审核`);
    const [after] = await tx.db
      .update(staffLists)
      .set({
        state: d.approve ? 'approved' : 'returned',
        reviewedBy: actorId(tx),
        reviewedByName: actorName(tx),
        reviewedAt: tx.now(),
        comment: d.comment || null,
      })
      .where(eq(staffLists.id, id))
      .returning();
    await audit(tx, {
      action: d.approve ? 'staff_list.approve' : 'staff_list.return',
      objectType: 'staff_list',
      objectId: id,
      before: { state: before.state },
      after: { state: after!.state, comment: after!.comment },
    });
    await resolveNotices(tx, { entity: { type: 'staff_list', id }, action: 'review' });
    if (before.submittedBy)
      await notifyUsers(tx, {
        userIds: [before.submittedBy],
        event: 'contract.staff_list_reviewed',
        title: d.approve ? `人员名单第 ${before.version} 版已认可` : `人员名单第 ${before.version} 版被退回`,
        body: d.comment,
        link: '/contract/staff',
        objectType: 'staff_list',
        objectId: id,
      });
    return listView(after!);
  });
}

async function latestApproved(ctx: Ctx, contractId: string): Promise<ListRow | null> {
  const [r] = await ctx.db
    .select()
    .from(staffLists)
    .where(and(eq(staffLists.contractId, contractId), eq(staffLists.state, 'approved')))
    .orderBy(desc(staffLists.version))
    .limit(1);
  return r ?? null;
}

/**
 * Inside the assignment's transaction: a person joined or left a post. Once the contract has an
 * approved staff list, this is a notice to the agency and the approved list is outdated.
 */
export async function staffChanged(tx: Ctx, staffingId: string, kind: 'join' | 'leave', personId: string): Promise<void> {
  const [post] = await tx.db
    .select({ contractId: serviceLines.contractId, lineCode: serviceLines.code, role: staffingRequirements.role })
    .from(staffingRequirements)
    .innerJoin(serviceLines, eq(serviceLines.id, staffingRequirements.serviceLineId))
    .where(eq(staffingRequirements.id, staffingId));
  if (!post) return;
  const approved = await latestApproved(tx, post.contractId);
  if (!approved) return;
  const [person] = await peopleByIds(tx, [personId]);
  const [row] = await tx.db
    .insert(staffChanges)
    .values({ ...post, kind, personId, personName: person?.name ?? '', at: tx.now(), byName: actorName(tx) })
    .returning();
  if (!approved.outdatedAt) await tx.db.update(staffLists).set({ outdatedAt: tx.now() }).where(eq(staffLists.id, approved.id));
  await audit(tx, { action: 'staff_change.notify', objectType: 'staff_change', objectId: row!.id, after: row });
  await notifyUsers(tx, {
    userIds: await usersWithPermission(tx, REVIEW_PERMISSION),
    event: 'contract.staff_changed',
    title: `人员变更：${row!.personName}${STAFF_CHANGE_NAMES[kind]}（${lineLabel(post.lineCode)} ${post.role}）`,
    body: `已认可的人员名单（第 ${approved.version} 版）不再反映现状，待乙方提交新版本。`,
    link: '/contract/staff',
    objectType: 'staff_change',
    objectId: row!.id,
    action: 'acknowledge',
  });
}

export async function acknowledgeChange(ctx: Ctx, id: string): Promise<TStaffChange> {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(staffChanges).where(eq(staffChanges.id, id)).for('update');
    if (!before) throw new NotFound('staff_change.not_found', '人员变更记录不存在');
    if (before.acknowledgedAt) throw new Conflict('staff_change.acknowledged', '该人员变更已确认知悉');
    const [after] = await tx.db
      .update(staffChanges)
      .set({ acknowledgedBy: actorId(tx), acknowledgedByName: actorName(tx), acknowledgedAt: tx.now() })
      .where(eq(staffChanges.id, id))
      .returning();
    await audit(tx, { action: 'staff_change.acknowledge', objectType: 'staff_change', objectId: id });
    await resolveNotices(tx, { entity: { type: 'staff_change', id }, action: 'acknowledge' });
    return changeView(after!);
  });
}

export async function staffListStatus(ctx: Ctx, contractId?: string): Promise<TStaffListStatus> {
  const id = await contractOrCurrent(ctx, contractId);
  if (!id) return { contractId: null, approved: null, pending: null, outdated: false, openChanges: 0 };
  const approved = await latestApproved(ctx, id);
  const [pending] = await ctx.db
    .select()
    .from(staffLists)
    .where(and(eq(staffLists.contractId, id), eq(staffLists.state, 'submitted')));
  const [n] = await ctx.db
    .select({ n: count() })
    .from(staffChanges)
    .where(and(eq(staffChanges.contractId, id), isNull(staffChanges.acknowledgedAt)));
  return {
    contractId: id,
    approved: approved ? listView(approved) : null,
    pending: pending ? listView(pending) : null,
    outdated: !!approved?.outdatedAt,
    openChanges: Number(n?.n ?? 0),
  };
}

export async function listStaffLists(ctx: Ctx, q: z.output<typeof ZStaffListQuery>) {
  const id = await contractOrCurrent(ctx, q.contractId);
  if (!id) return { items: [], total: 0 };
  const where = eq(staffLists.contractId, id);
  const [n] = await ctx.db.select({ n: count() }).from(staffLists).where(where);
  const rows = await ctx.db
    .select()
    .from(staffLists)
    .where(where)
    .orderBy(desc(staffLists.version))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(listView), total: Number(n?.n ?? 0) };
}

export async function listStaffChanges(ctx: Ctx, q: z.output<typeof ZStaffChangeQuery>) {
  const id = await contractOrCurrent(ctx, q.contractId);
  if (!id) return { items: [], total: 0 };
  const c = [eq(staffChanges.contractId, id)];
  if (q.open !== undefined) c.push(q.open ? isNull(staffChanges.acknowledgedAt) : isNotNull(staffChanges.acknowledgedAt));
  const where = and(...c);
  const [n] = await ctx.db.select({ n: count() }).from(staffChanges).where(where);
  const rows = await ctx.db
    .select()
    .from(staffChanges)
    .where(where)
    .orderBy(desc(staffChanges.at))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(changeView), total: Number(n?.n ?? 0) };
}
