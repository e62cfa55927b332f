// R-CHG-06: the contractor's annual maintenance plan, management rules and work specifications are
// submitted for the agency's review; the agency approves or returns each version with comments, and
// a returned document comes back as a new version. Every version is kept.
import { count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { REVIEW_KIND_NAMES, type TReviewDoc, type ZReviewDecision, type ZReviewInput } from '../../../common/changes.ts';
import type { TPage } from '../../../common/api.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, NotFound } from '../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { chgReviews } from './tables.ts';

type Row = typeof chgReviews.$inferSelect;
const view = (r: Row): TReviewDoc => ({
  id: r.id,
  kind: r.kind as TReviewDoc['kind'],
  title: r.title,
  state: r.state as TReviewDoc['state'],
  version: r.versions.length,
  versions: r.versions,
  updatedAt: r.updatedAt.toISOString(),
});

async function askAgency(tx: Ctx, r: Row): Promise<void> {
  await notifyUsers(tx, {
    userIds: await usersWithRoles(tx, ['agency_contact', 'agency_manager']),
    event: 'review.to_review',
    title: `待审阅：${REVIEW_KIND_NAMES[r.kind as TReviewDoc['kind']]}《${r.title}》第 ${r.versions.length} 版`,
    link: '/changes/reviews',
    objectType: 'change_review',
    objectId: r.id,
    action: 'review',
  });
}

const newVersion = (tx: Ctx, version: number, body: string) => ({
  version,
  body,
  submittedByName: actorName(tx),
  submittedAt: tx.now().toISOString(),
  decision: null,
  comment: null,
  decidedByName: null,
  decidedAt: null,
});

export async function listReviews(ctx: Ctx, q: TPage) {
  const [n] = await ctx.db.select({ n: count() }).from(chgReviews);
  const rows = await ctx.db
    .select()
    .from(chgReviews)
    .orderBy(desc(chgReviews.updatedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(view), total: Number(n?.n ?? 0) };
}

export async function submitReview(ctx: Ctx, input: z.output<typeof ZReviewInput>): Promise<TReviewDoc> {
  return inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .insert(chgReviews)
      .values({ kind: input.kind, title: input.title, state: 'submitted', versions: [newVersion(tx, 1, input.body)], updatedAt: tx.now() })
      .returning();
    await audit(tx, {
      action: 'review.submit',
      objectType: 'change_review',
      objectId: r!.id,
      detail: { kind: r!.kind, title: r!.title, version: 1 },
    });
    await askAgency(tx, r!);
    return view(r!);
  });
}

async function lockRow(tx: Ctx, id: string): Promise<Row> {
  const [r] = await tx.db.select().from(chgReviews).where(eq(chgReviews.id, id)).for('update');
  if (!r) throw new NotFound('review.not_found', '文档不存在');
  return r;
}

/** A returned document comes back as its next version. */
export async function resubmitReview(ctx: Ctx, id: string, body: string): Promise<TReviewDoc> {
  return inTx(ctx, async (tx) => {
    const r = await lockRow(tx, id);
    if (r.state !== 'returned') throw new Conflict('review.state', '只有被退回的文档可以重新提交');
    const versions = [...r.versions, newVersion(tx, r.versions.length + 1, body)];
    const [next] = await tx.db
      .update(chgReviews)
      .set({ state: 'submitted', versions, updatedAt: tx.now() })
      .where(eq(chgReviews.id, id))
      .returning();
    await audit(tx, { action: 'review.submit', objectType: 'change_review', objectId: id, detail: { version: versions.length } });
    await askAgency(tx, next!);
    return view(next!);
  });
}

export async function decideReview(ctx: Ctx, id: string, input: z.output<typeof ZReviewDecision>): Promise<TReviewDoc> {
  return inTx(ctx, async (tx) => {
    const r = await lockRow(tx, id);
    if (r.state !== 'submitted') throw new Conflict('review.state', '该文档不在待审阅状态');
    if (input.decision === 'returned' && !input.comment) throw new Conflict('review.comment', '退回修改须写明意见');
    const versions = r.versions.map((v, i) =>
      i === r.versions.length - 1
        ? {
            ...v,
            decision: input.decision,
            comment: input.comment || null,
            decidedByName: actorName(tx),
            decidedAt: tx.now().toISOString(),
          }
        : v,
    );
    const [next] = await tx.db
      .update(chgReviews)
      .set({ state: input.decision, versions, updatedAt: tx.now() })
      .where(eq(chgReviews.id, id))
      .returning();
    await resolveNotices(tx, { entity: { type: 'change_review', id }, action: 'review' });
    await audit(tx, {
      action: `review.${input.decision}`,
      objectType: 'change_review',
      objectId: id,
      detail: { version: versions.length, comment: input.comment },
    });
    return view(next!);
  });
}
