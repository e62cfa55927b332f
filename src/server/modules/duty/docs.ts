// R-DUT-02 (issue 14 point 5): the duty rules and the emergency procedure, written by the contractor
// and confirmed by the agency. Each submission is a new numbered version of its kind, kept; the agency
// confirms or returns the latest one only, and a returned one is followed by a new submission.
import { count, desc, eq, max, sql } from 'drizzle-orm';
import { DUTY_DOC_NAMES, type TDutyDoc } from '../../../common/duty.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, NotFound } from '../../kernel/errors.ts';
import type { TodoProvider } from '../../kernel/module.ts';
import { dutyDocs } from './tables.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

type Row = typeof dutyDocs.$inferSelect;

const toDoc = (r: Row): TDutyDoc => ({
  id: r.id,
  kind: r.kind as TDutyDoc['kind'],
  version: r.version,
  title: r.title,
  body: r.body,
  state: r.state as TDutyDoc['state'],
  submittedByName: r.submittedByName,
  submittedAt: r.submittedAt.toISOString(),
  reviewedByName: r.reviewedByName,
  reviewedAt: r.reviewedAt?.toISOString() ?? null,
  comment: r.comment,
});

export async function submitDoc(ctx: Ctx, input: { kind: TDutyDoc['kind']; title: string; body: string }): Promise<TDutyDoc> {
  return inTx(ctx, async (tx) => {
    // One submission at a time per kind: the version number is taken under the kind's lock.
    await tx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`duty_docs:${input.kind}`}))`);
    const [m] = await tx.db
      .select({ v: max(dutyDocs.version) })
      .from(dutyDocs)
      .where(eq(dutyDocs.kind, input.kind));
    const [r] = await tx.db
      .insert(dutyDocs)
      .values({
        ...input,
        version: (m?.v ?? 0) + 1,
        state: 'submitted',
        submittedBy: tx.actor?.id ?? null,
        submittedByName: tx.actor?.displayName ?? '系统',
        submittedAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'duty.doc.submit', objectType: 'duty_doc', objectId: r!.id, detail: { kind: r!.kind, version: r!.version } });
    return toDoc(r!);
  });
}

export async function reviewDoc(ctx: Ctx, id: string, d: { confirm: boolean; comment: string }): Promise<TDutyDoc> {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(dutyDocs).where(eq(dutyDocs.id, id)).for('update');
    if (!before) throw new NotFound('duty.doc_not_found', '文档不存在');
    if (before.state !== 'submitted') throw new Conflict('duty.doc_reviewed', `该${DUTY_DOC_NAMES[before.kind as TDutyDoc['kind']]}已审阅`);
    const [latest] = await tx.db
      .select({ v: max(dutyDocs.version) })
      .from(dutyDocs)
      .where(eq(dutyDocs.kind, before.kind));
    if ((latest?.v ?? 0) > before.version)
      throw new Conflict('duty.doc_superseded', `第 ${before.version} 版已被第 ${latest!.v} 版取代，请审阅最新版本`);
    const [after] = await tx.db
      .update(dutyDocs)
      .set({
        state: d.confirm ? 'confirmed' : 'returned',
        reviewedBy: tx.actor?.id ?? null,
        reviewedByName: tx.actor?.displayName ?? '系统',
        reviewedAt: tx.now(),
        comment: d.comment || null,
      })
      .where(eq(dutyDocs.id, id))
      .returning();
    await audit(tx, { action: d.confirm ? 'duty.doc.confirm' : 'duty.doc.return', objectType: 'duty_doc', objectId: id, before, after });
    return toDoc(after!);
  });
}

export async function listDocs(ctx: Ctx, q: { page: number; pageSize: number; kind?: string | undefined }) {
  const where = q.kind ? eq(dutyDocs.kind, q.kind) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(dutyDocs).where(where);
  const rows = await ctx.db
    .select()
    .from(dutyDocs)
    .where(where)
    .orderBy(desc(dutyDocs.submittedAt), desc(dutyDocs.version))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(toDoc), total: Number(n?.n ?? 0) };
}

/** The agency's to-do: duty rules and emergency procedures awaiting confirmation. */
export const docsToConfirm: TodoProvider = {
  id: 'duty.docs_to_confirm',
  title: { zh: '待确认的值班制度与应急预案', en: 'Duty rules and emergency procedures to confirm' },
  access: 'duty.confirm',
  roles: ['agency_manager', 'agency_contact'],
  order: 41,
  url: '/duty?tab=docs',
  empty: { zh: '没有待确认的制度或预案', en: 'Nothing to confirm' },
  read: async (ctx, limit) => {
    const where = eq(dutyDocs.state, 'submitted');
    const rows = await ctx.db
      .select({ r: dutyDocs, total: totalOver() })
      .from(dutyDocs)
      .where(where)
      .orderBy(desc(dutyDocs.submittedAt))
      .limit(limit);
    return countedSection(rows, ({ r }) => ({
      title: `${r.title}（第 ${r.version} 版）`,
      subtitle: r.submittedByName,
      tag: DUTY_DOC_NAMES[r.kind as TDutyDoc['kind']],
      at: r.submittedAt.toISOString(),
      url: '/duty?tab=docs',
    }));
  },
};
