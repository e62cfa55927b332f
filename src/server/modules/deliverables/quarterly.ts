// R-RPT-02 (第六条3): the project manager submits the written quarterly summary; the agency approves it
// or objects within 15 days (deadline.ts). An objection opens a thread (both sides comment) and the
// project manager resubmits: a new version, kept, and a new 15-day period from its receipt. Silence
// to the end of the period is approval, recorded by the job (silence.ts) with the system as actor.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  QUARTERLY_STATE_NAMES,
  SILENCE_TEXT,
  quarterLabel,
  quarterRange,
  type TQuarterly,
  type ZQuarterlyDecision,
  type ZQuarterlyQuery,
  type ZResubmitFields,
} from '../../../common/deliverables.ts';
import { dateOf, isoOrNull as iso } from '../../../common/dates.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { actorId, type Ctx, inTx } from '../../kernel/context.ts';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../../kernel/errors.ts';
import { storeFile } from '../../kernel/files/storage.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { daysLeft, reviewDeadline } from './deadline.ts';
import { dlvComments, dlvQuarterlies, dlvQuarterlyVersions } from './tables.ts';

export const OBJECT = 'quarterly';
export const AGENCY_ROLES = ['agency_manager', 'agency_contact'];
export const PM_ROLES = ['contractor_pm'];

type Row = typeof dlvQuarterlies.$inferSelect;
type VersionRow = typeof dlvQuarterlyVersions.$inferSelect;
export interface Upload {
  filename: string;
  bytes: Buffer;
}

export const actorName = (ctx: Ctx) => ctx.actor?.displayName ?? '系统';

/** Which side the actor speaks for: the agency reviews, the contractor submits. */
export function sideOf(ctx: Ctx): 'agency' | 'contractor' {
  const p = ctx.actor?.permissions;
  if (p?.has('deliverables.review')) return 'agency';
  if (p?.has('deliverables.submit') || p?.has('deliverables.deliver')) return 'contractor';
  throw new Forbidden();
}

export async function commentsOf(ctx: Ctx, type: string, id: string) {
  const rows = await ctx.db
    .select()
    .from(dlvComments)
    .where(and(eq(dlvComments.objectType, type), eq(dlvComments.objectId, id)))
    .orderBy(asc(dlvComments.at), asc(dlvComments.seq));
  return rows.map((c) => ({
    id: c.id,
    version: c.version,
    side: c.side as 'agency' | 'contractor',
    authorName: c.authorName,
    body: c.body,
    at: c.at.toISOString(),
  }));
}

export async function addComment(tx: Ctx, type: string, id: string, version: number, body: string) {
  await tx.db.insert(dlvComments).values({
    objectType: type,
    objectId: id,
    version,
    side: sideOf(tx),
    authorId: actorId(tx),
    authorName: actorName(tx),
    body,
    at: tx.now(),
  });
}

async function view(ctx: Ctx, r: Row): Promise<TQuarterly> {
  const versions = await ctx.db
    .select()
    .from(dlvQuarterlyVersions)
    .where(eq(dlvQuarterlyVersions.quarterlyId, r.id))
    .orderBy(asc(dlvQuarterlyVersions.version));
  const last = versions.at(-1)!;
  return {
    id: r.id,
    quarter: r.quarter,
    state: r.state as TQuarterly['state'],
    approvedHow: r.approvedHow as TQuarterly['approvedHow'],
    version: r.version,
    dueDate: last.dueDate,
    daysLeft: r.state === 'submitted' ? daysLeft(last.dueDate, ctx.now()) : null,
    versions: versions.map((v) => ({
      version: v.version,
      fileId: v.fileId,
      fileName: v.fileName,
      fileSize: v.fileSize,
      reportRef: v.reportRef,
      note: v.note,
      submittedByName: v.submittedByName,
      submittedAt: v.submittedAt.toISOString(),
      dueDate: v.dueDate,
      decision: v.decision as TQuarterly['versions'][number]['decision'],
      decidedByName: v.decidedByName,
      decidedAt: iso(v.decidedAt),
      comment: v.comment,
    })),
    comments: await commentsOf(ctx, OBJECT, r.id),
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function rowOf(ctx: Ctx, id: string, lock = false): Promise<Row> {
  const q = ctx.db.select().from(dlvQuarterlies).where(eq(dlvQuarterlies.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('quarterly.not_found', '季度总结不存在');
  return r;
}

export async function getQuarterly(ctx: Ctx, id: string): Promise<TQuarterly> {
  return view(ctx, await rowOf(ctx, id));
}

export async function listQuarterlies(ctx: Ctx, q: z.output<typeof ZQuarterlyQuery>) {
  const where = q.state ? eq(dlvQuarterlies.state, q.state) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(dlvQuarterlies).where(where);
  const rows = await ctx.db
    .select()
    .from(dlvQuarterlies)
    .where(where)
    .orderBy(desc(dlvQuarterlies.quarter))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items = [];
  for (const r of rows) items.push(await view(ctx, r));
  return { items, total: Number(n?.n ?? 0) };
}

/** Stores the file and the version; the review period starts at its receipt (now). */
async function addVersion(tx: Ctx, r: { id: string; quarter: string }, version: number, up: Upload, f: z.output<typeof ZResubmitFields>) {
  const file = await storeFile(tx, { objectType: OBJECT, objectId: r.id, kind: 'document', name: up.filename, bytes: up.bytes });
  const due = reviewDeadline(await getCalendar(tx), tx.now());
  await tx.db.insert(dlvQuarterlyVersions).values({
    quarterlyId: r.id,
    version,
    fileId: file.id,
    fileName: file.name,
    fileSize: file.size,
    reportRef: f.reportRef || null,
    note: f.note || null,
    submittedBy: tx.actor?.id ?? null,
    submittedByName: actorName(tx),
    submittedAt: tx.now(),
    dueDate: due.dueDate,
    dueAt: due.dueAt,
  });
  await notifyUsers(tx, {
    userIds: await usersWithRoles(tx, AGENCY_ROLES),
    event: 'quarterly.to_review',
    title: `待评审：${quarterLabel(r.quarter)}服务工作总结（第 ${version} 版）`,
    body: `请于 ${due.dueDate} 前评审或提出质疑；逾期未提出质疑的，视为通过评审（合同第六条第 3 款）。`,
    link: `/deliverables/quarterly/${r.id}`,
    objectType: OBJECT,
    objectId: r.id,
    action: 'review',
  });
  return due;
}

export async function submitQuarterly(ctx: Ctx, f: { quarter: string; reportRef: string; note: string }, up: Upload): Promise<TQuarterly> {
  if (quarterRange(f.quarter).from > dateOf(ctx.now()))
    throw new Unprocessable('quarterly.future', `${quarterLabel(f.quarter)}尚未开始，不能提交该季度的总结`);
  return inTx(ctx, async (tx) => {
    // One summary per quarter: two submissions at once meet here, not at the unique index.
    await tx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`dlv_quarterly:${f.quarter}`}))`);
    const [exists] = await tx.db.select({ id: dlvQuarterlies.id }).from(dlvQuarterlies).where(eq(dlvQuarterlies.quarter, f.quarter));
    if (exists) throw new Conflict('quarterly.exists', `${quarterLabel(f.quarter)}的总结已提交；被质疑后请在原总结上重新提交新版本`);
    const [r] = await tx.db
      .insert(dlvQuarterlies)
      .values({ quarter: f.quarter, state: 'submitted', version: 1, dueAt: tx.now(), updatedAt: tx.now() })
      .returning();
    const due = await addVersion(tx, r!, 1, up, f);
    const [next] = await tx.db.update(dlvQuarterlies).set({ dueAt: due.dueAt }).where(eq(dlvQuarterlies.id, r!.id)).returning();
    await audit(tx, {
      action: 'quarterly.submit',
      objectType: OBJECT,
      objectId: r!.id,
      detail: { quarter: f.quarter, version: 1, dueDate: due.dueDate, reportRef: f.reportRef || null },
    });
    return view(tx, next!);
  });
}

export async function resubmitQuarterly(ctx: Ctx, id: string, f: z.output<typeof ZResubmitFields>, up: Upload): Promise<TQuarterly> {
  return inTx(ctx, async (tx) => {
    const r = await rowOf(tx, id, true);
    if (r.state !== 'objected')
      throw new Conflict(
        'quarterly.state',
        `该季度总结${QUARTERLY_STATE_NAMES[r.state as TQuarterly['state']]}，只有被质疑的总结可以重新提交`,
      );
    const version = r.version + 1;
    const due = await addVersion(tx, r, version, up, f);
    const [next] = await tx.db
      .update(dlvQuarterlies)
      .set({ state: 'submitted', version, dueAt: due.dueAt, updatedAt: tx.now() })
      .where(eq(dlvQuarterlies.id, id))
      .returning();
    await resolveNotices(tx, { entity: { type: OBJECT, id }, action: 'resubmit' });
    await audit(tx, { action: 'quarterly.resubmit', objectType: OBJECT, objectId: id, detail: { version, dueDate: due.dueDate } });
    return view(tx, next!);
  });
}

async function latestVersion(tx: Ctx, r: Row): Promise<VersionRow> {
  const [v] = await tx.db
    .select()
    .from(dlvQuarterlyVersions)
    .where(and(eq(dlvQuarterlyVersions.quarterlyId, r.id), eq(dlvQuarterlyVersions.version, r.version)));
  return v!;
}

export async function decideQuarterly(ctx: Ctx, id: string, d: z.output<typeof ZQuarterlyDecision>): Promise<TQuarterly> {
  return inTx(ctx, async (tx) => {
    const r = await rowOf(tx, id, true);
    const v = await latestVersion(tx, r);
    if (r.state === 'approved')
      throw new Conflict(
        'quarterly.decided',
        r.approvedHow === 'silence' ? `评审期已于 ${v.dueDate} 届满，${SILENCE_TEXT}` : '该季度总结已通过评审，不能再次评审',
      );
    if (r.state !== 'submitted') throw new Conflict('quarterly.decided', '已对该版本提出质疑，请等待乙方重新提交');
    if (tx.now() >= v.dueAt)
      throw new Conflict('quarterly.deadline_passed', `评审期已于 ${v.dueDate} 届满，${SILENCE_TEXT}，不能再评审或质疑`);
    await tx.db
      .update(dlvQuarterlyVersions)
      .set({ decision: d.decision, decidedByName: actorName(tx), decidedAt: tx.now(), comment: d.comment || null })
      .where(eq(dlvQuarterlyVersions.id, v.id));
    const [next] = await tx.db
      .update(dlvQuarterlies)
      .set({ state: d.decision, approvedHow: d.decision === 'approved' ? 'agency' : null, updatedAt: tx.now() })
      .where(eq(dlvQuarterlies.id, id))
      .returning();
    if (d.decision === 'objected') await addComment(tx, OBJECT, id, v.version, d.comment);
    await resolveNotices(tx, { entity: { type: OBJECT, id }, action: 'review' });
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, PM_ROLES),
      event: d.decision === 'approved' ? 'quarterly.approved' : 'quarterly.objected',
      severity: d.decision === 'approved' ? 'info' : 'warning',
      title: `${quarterLabel(r.quarter)}服务工作总结${d.decision === 'approved' ? '已通过甲方评审' : '被甲方提出质疑'}`,
      ...(d.comment ? { body: d.comment } : {}),
      link: `/deliverables/quarterly/${id}`,
      objectType: OBJECT,
      objectId: id,
      ...(d.decision === 'objected' ? { action: 'resubmit' } : {}),
    });
    await audit(tx, {
      action: `quarterly.${d.decision === 'approved' ? 'approve' : 'object'}`,
      objectType: OBJECT,
      objectId: id,
      detail: { version: v.version, comment: d.comment || null },
    });
    return view(tx, next!);
  });
}

export async function commentQuarterly(ctx: Ctx, id: string, body: string): Promise<TQuarterly> {
  return inTx(ctx, async (tx) => {
    const r = await rowOf(tx, id, true);
    const side = sideOf(tx);
    await addComment(tx, OBJECT, id, r.version, body);
    await tx.db.update(dlvQuarterlies).set({ updatedAt: tx.now() }).where(eq(dlvQuarterlies.id, id));
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, side === 'agency' ? PM_ROLES : AGENCY_ROLES),
      event: 'quarterly.comment',
      title: `${quarterLabel(r.quarter)}服务工作总结有新意见：${actorName(tx)}`,
      body,
      link: `/deliverables/quarterly/${id}`,
      objectType: OBJECT,
      objectId: id,
    });
    await audit(tx, { action: 'quarterly.comment', objectType: OBJECT, objectId: id, detail: { version: r.version, side, body } });
    return view(tx, await rowOf(tx, id));
  });
}
