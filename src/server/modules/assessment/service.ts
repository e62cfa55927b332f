// The monthly assessment (R-QA-01/02): a draft per month prefilled with evidence, the agency's scores,
// and signing — after which the month is read-only. Signing a failed month opens the remedies and the
// deduction proposal (outcome.ts); every write is audited.
import { and, asc, count, desc, eq, like, type SQL } from 'drizzle-orm';
import {
  CRITERION_POINTS,
  type TAssessment,
  type TAssessmentDetail,
  type TAssessmentQuery,
  type TRemedy,
  type TScoreRow,
  type TScoresInput,
} from '../../../common/assessment.ts';
import type { ServiceLineCode } from '../../../common/service-lines.ts';
import { dateOf } from '../../../common/dates.ts';
import { audit } from '../../kernel/audit.ts';
import { catalogue } from '../../kernel/catalogue.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import type { Registry } from '../../kernel/registry.ts';
import { hasEvidence, prefill } from './evidence.ts';
export { nextMonth, previousMonth } from './months.ts';
import { qaCriteria, qaMonths, qaRemedies, qaScores } from './tables.ts';

export type MonthRow = typeof qaMonths.$inferSelect;

export function monthView(r: MonthRow, scored: number, criteria: number): TAssessment {
  return {
    id: r.id,
    month: r.month,
    state: r.state as TAssessment['state'],
    result: (r.result as TAssessment['result']) ?? null,
    lineRates: r.lineRates ?? null,
    scored,
    criteria,
    signedByName: r.signedByName,
    signedAt: r.signedAt?.toISOString() ?? null,
    deductionAmount: r.deductionAmount,
    deductionBasis: r.deductionBasis,
    cureRequired: r.cureRequired,
    noticeDate: r.noticeDate,
    cureDue: r.cureDue,
    curedOn: r.curedOn,
    cureNote: r.cureNote,
    incidentDate: r.incidentDate,
    incidentNote: r.incidentNote,
    terminationRight: (r.terminationRight as TAssessment['terminationRight']) ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export function remedyView(r: typeof qaRemedies.$inferSelect, month: string): TRemedy {
  return { ...r, month, doneAt: r.doneAt?.toISOString() ?? null };
}

async function counts(ctx: Ctx, monthId: string): Promise<[number, number]> {
  const rows = await ctx.db.select({ score: qaScores.score }).from(qaScores).where(eq(qaScores.monthId, monthId));
  return [rows.filter((r) => r.score !== null).length, rows.length];
}

export async function listAssessments(ctx: Ctx, q: TAssessmentQuery) {
  const c: SQL[] = [];
  if (q.state) c.push(eq(qaMonths.state, q.state));
  if (q.result) c.push(eq(qaMonths.result, q.result));
  if (q.year) c.push(like(qaMonths.month, `${q.year}-%`));
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(qaMonths).where(where);
  const rows = await ctx.db
    .select()
    .from(qaMonths)
    .where(where)
    .orderBy(desc(qaMonths.month))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items: TAssessment[] = [];
  for (const r of rows) items.push(monthView(r, ...(await counts(ctx, r.id))));
  return { items, total: Number(n?.n ?? 0) };
}

export async function monthRow(ctx: Ctx, id: string, lock = false): Promise<MonthRow> {
  const q = ctx.db.select().from(qaMonths).where(eq(qaMonths.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('assessment.not_found', '月度考核不存在');
  return r;
}

export async function getAssessment(ctx: Ctx, id: string): Promise<TAssessmentDetail> {
  const r = await monthRow(ctx, id);
  // Whether a criterion's provider is in this site's list: a catalogue read (kernel/catalogue.ts), data only.
  const reg = catalogue();
  const rows = await ctx.db
    .select()
    .from(qaScores)
    .innerJoin(qaCriteria, eq(qaCriteria.id, qaScores.criterionId))
    .where(eq(qaScores.monthId, id))
    .orderBy(asc(qaCriteria.sort));
  const view: TScoreRow[] = rows.map(({ qa_scores: s, qa_criteria: c }) => ({
    ...c,
    line: c.line as ServiceLineCode,
    evidenceAvailable: !!reg && hasEvidence(reg, c.evidenceId),
    measured: s.measured ?? null,
    suggested: (s.suggested as TScoreRow['suggested']) ?? null,
    score: s.score,
    comment: s.comment,
    scoredByName: s.scoredByName,
  }));
  const remedies = (
    await ctx.db
      .select({ r: qaRemedies })
      .from(qaRemedies)
      .leftJoin(qaCriteria, eq(qaCriteria.id, qaRemedies.criterionId))
      .where(eq(qaRemedies.monthId, id))
      .orderBy(asc(qaCriteria.sort))
  ).map((x) => x.r);
  return {
    ...monthView(r, view.filter((x) => x.score !== null).length, view.length),
    rows: view,
    remedies: remedies.map((x) => remedyView(x, r.month)),
  };
}

/**
 * A month's draft prefilled with evidence. `month` must have ended (China time); one per month, so a
 * second is a 409. Returns the new row. The registry is the site's, whose providers give the evidence.
 */
export async function createDraft(ctx: Ctx, reg: Registry, month: string): Promise<TAssessment> {
  const thisMonth = dateOf(ctx.now()).slice(0, 7);
  if (month >= thisMonth) throw new Invalid('assessment.future', `${month} 尚未结束，不能考核（只能考核已结束的月份）`);
  const [dup] = await ctx.db.select({ id: qaMonths.id }).from(qaMonths).where(eq(qaMonths.month, month));
  if (dup) throw new Conflict('assessment.exists', `${month} 的月度考核已存在`);
  const criteria = await ctx.db.select().from(qaCriteria).orderBy(asc(qaCriteria.sort));
  const filled = await prefill(ctx, reg, month, criteria);
  return inTx(ctx, async (tx) => {
    const now = tx.now();
    const [row] = await tx.db
      .insert(qaMonths)
      .values({ month, createdByName: tx.actor?.displayName ?? '系统', createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: qaMonths.month })
      .returning();
    if (!row) throw new Conflict('assessment.exists', `${month} 的月度考核已存在`);
    if (criteria.length)
      await tx.db.insert(qaScores).values(
        criteria.map((c) => ({
          monthId: row.id,
          criterionId: c.id,
          measured: filled.get(c.id)?.measured ?? null,
          suggested: filled.get(c.id)?.suggested ?? null,
        })),
      );
    await audit(tx, { action: 'assessment.create', objectType: 'assessment', objectId: row.id, after: { month } });
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, ['agency_manager', 'agency_contact']),
      event: 'assessment.to_score',
      title: `${month} 月度考核待评分`,
      body: '考核表已按各模块的记录预填测量结果与建议，请逐项评分后签署。',
      link: `/assessments/${row.id}`,
      objectType: 'assessment',
      objectId: row.id,
      action: 'score',
    });
    return monthView(row, 0, criteria.length);
  });
}

/** The agency scores some criteria of a draft; a signed month is read-only (409). */
export async function scoreCriteria(ctx: Ctx, id: string, input: TScoresInput): Promise<TAssessmentDetail> {
  await inTx(ctx, async (tx) => {
    const m = await monthRow(tx, id, true);
    if (m.state !== 'draft') throw new Conflict('assessment.signed', `${m.month} 的考核已签署，不能再修改评分`);
    const known = new Set(
      (await tx.db.select({ id: qaScores.criterionId }).from(qaScores).where(eq(qaScores.monthId, id))).map((r) => r.id),
    );
    const unknown = input.scores.filter((s) => !known.has(s.criterionId)).map((s) => s.criterionId);
    if (unknown.length) throw new Invalid('assessment.criterion', `考核项不存在：${unknown.join('、')}`);
    const now = tx.now();
    for (const s of input.scores) {
      if (s.score > CRITERION_POINTS) throw new Invalid('assessment.score', `分数不能超过 ${CRITERION_POINTS} 分`);
      await tx.db
        .update(qaScores)
        .set({ score: s.score, comment: s.comment ?? '', scoredByName: tx.actor?.displayName ?? '', scoredAt: now })
        .where(and(eq(qaScores.monthId, id), eq(qaScores.criterionId, s.criterionId)));
    }
    await tx.db.update(qaMonths).set({ updatedAt: now }).where(eq(qaMonths.id, id));
    await audit(tx, {
      action: 'assessment.score',
      objectType: 'assessment',
      objectId: id,
      detail: { month: m.month, scores: input.scores },
    });
  });
  return getAssessment(ctx, id);
}
