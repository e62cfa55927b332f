// The cure clock and the termination right (第十二条2, R-QA-03/04): after two failed months in a row
// the agency records the date of its written notice, and the contractor has 30 days from it to cure;
// uncured at the end of the clock — or a major security incident recorded on a month — the agency has
// the right to terminate, flagged on the assessment and told to the PM and the agency manager.
// Remedies (整改) are the PM's: owner, due date, and the evidence that they are done.
import { and, asc, count, eq, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import { CURE_DAYS, TERMINATION_NAMES, type TAssessmentDetail, type TRemedy } from '../../../common/assessment.ts';
import { addCalendarDays, dateOf } from '../../../common/dates.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { getAssessment, monthRow, remedyView, type MonthRow } from './service.ts';
import { qaCriteria, qaMonths, qaRemedies } from './tables.ts';

const notFuture = (ctx: Ctx, date: string, what: string) => {
  if (date > dateOf(ctx.now())) throw new Invalid('assessment.date', `${what}不能晚于今天`);
};

async function flagTermination(tx: Ctx, m: MonthRow, right: keyof typeof TERMINATION_NAMES, why: string): Promise<void> {
  await tx.db.update(qaMonths).set({ terminationRight: right, terminationFlaggedAt: tx.now() }).where(eq(qaMonths.id, m.id));
  await notifyUsers(tx, {
    userIds: await usersWithRoles(tx, ['contractor_pm', 'agency_manager']),
    event: 'assessment.termination_right',
    severity: 'critical',
    title: `甲方取得合同解除权：${TERMINATION_NAMES[right].zh}`,
    body: `${m.month} 月度考核：${why}（合同第十二条2）。`,
    link: `/assessments/${m.id}`,
    objectType: 'assessment',
    objectId: m.id,
  });
  await audit(tx, { action: 'assessment.termination_right', objectType: 'assessment', objectId: m.id, detail: { right, why } });
}

/** The agency's written notice after the second failed month: the cure clock runs 30 days from it. */
export async function recordNotice(ctx: Ctx, id: string, noticeDate: string): Promise<TAssessmentDetail> {
  notFuture(ctx, noticeDate, '书面通知日期');
  await inTx(ctx, async (tx) => {
    const m = await monthRow(tx, id, true);
    if (!m.cureRequired) throw new Conflict('assessment.no_cure', `${m.month} 不是连续第二个不合格月份，无须发出纠正通知`);
    if (m.noticeDate) throw new Conflict('assessment.notice_recorded', `书面通知已于 ${m.noticeDate} 登记`);
    if (noticeDate < dateOf(m.signedAt!)) throw new Invalid('assessment.date', '书面通知日期不能早于考核签署日期');
    const cureDue = addCalendarDays(noticeDate, CURE_DAYS);
    await tx.db.update(qaMonths).set({ noticeDate, cureDue, updatedAt: tx.now() }).where(eq(qaMonths.id, id));
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, ['contractor_pm']),
      event: 'assessment.failed',
      severity: 'warning',
      title: `甲方书面通知纠正违约：须于 ${cureDue} 前纠正`,
      body: `连续两个月考核不合格（${m.month}）。${CURE_DAYS} 日内未纠正的，甲方有权解除合同（第十二条2）。`,
      link: `/assessments/${id}`,
      objectType: 'assessment',
      objectId: id,
    });
    await audit(tx, { action: 'assessment.notice', objectType: 'assessment', objectId: id, detail: { noticeDate, cureDue } });
  });
  return getAssessment(ctx, id);
}

/** The agency records that the breach was cured within the clock. */
export async function recordCure(ctx: Ctx, id: string, curedOn: string, note: string): Promise<TAssessmentDetail> {
  notFuture(ctx, curedOn, '纠正日期');
  await inTx(ctx, async (tx) => {
    const m = await monthRow(tx, id, true);
    if (!m.noticeDate || !m.cureDue) throw new Conflict('assessment.no_notice', '尚未登记书面通知，纠正期限未开始');
    if (m.curedOn) throw new Conflict('assessment.cured', `已于 ${m.curedOn} 登记纠正`);
    if (m.terminationRight === 'uncured_breach') throw new Conflict('assessment.too_late', `纠正期限 ${m.cureDue} 已过，甲方已取得解除权`);
    if (curedOn < m.noticeDate || curedOn > m.cureDue)
      throw new Invalid('assessment.date', `纠正日期应在 ${m.noticeDate} 至 ${m.cureDue} 之间`);
    await tx.db.update(qaMonths).set({ curedOn, cureNote: note, updatedAt: tx.now() }).where(eq(qaMonths.id, id));
    await audit(tx, { action: 'assessment.cure', objectType: 'assessment', objectId: id, detail: { curedOn, note } });
  });
  return getAssessment(ctx, id);
}

/** A major security incident in the month: the termination right at once. */
export async function recordIncident(ctx: Ctx, id: string, date: string, note: string): Promise<TAssessmentDetail> {
  notFuture(ctx, date, '事件日期');
  await inTx(ctx, async (tx) => {
    const m = await monthRow(tx, id, true);
    if (m.incidentDate) throw new Conflict('assessment.incident_recorded', `重大安全事件已于 ${m.incidentDate} 登记`);
    await tx.db.update(qaMonths).set({ incidentDate: date, incidentNote: note, updatedAt: tx.now() }).where(eq(qaMonths.id, id));
    await audit(tx, { action: 'assessment.incident', objectType: 'assessment', objectId: id, detail: { date, note } });
    if (m.terminationRight !== 'security_incident') await flagTermination(tx, m, 'security_incident', `${date} 发生重大安全事件：${note}`);
  });
  return getAssessment(ctx, id);
}

/** Clocks run out: months whose cure date has passed uncured get the termination right; answers how many. */
export async function checkCureClocks(ctx: Ctx): Promise<number> {
  const today = dateOf(ctx.now());
  const due = await ctx.db
    .select()
    .from(qaMonths)
    .where(and(isNotNull(qaMonths.cureDue), lt(qaMonths.cureDue, today), isNull(qaMonths.curedOn), isNull(qaMonths.terminationRight)));
  for (const m of due)
    await inTx(ctx, (tx) =>
      flagTermination(tx, m, 'uncured_breach', `书面通知 ${m.noticeDate} 后 ${CURE_DAYS} 日（至 ${m.cureDue}）内未纠正`),
    );
  return due.length;
}

export const cureJob: GlobalJob = {
  name: 'assessment-cure-clock',
  scope: 'global',
  cron: '5 0 * * *',
  handler: async (ctx) => void (await checkCureClocks(ctx)),
};

export async function listRemedies(ctx: Ctx, q: { open?: 'true' | 'false'; page: number; pageSize: number }) {
  const c: SQL[] = [];
  if (q.open === 'true') c.push(isNull(qaRemedies.doneAt));
  if (q.open === 'false') c.push(isNotNull(qaRemedies.doneAt));
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(qaRemedies).where(where);
  const rows = await ctx.db
    .select({ r: qaRemedies, month: qaMonths.month })
    .from(qaRemedies)
    .innerJoin(qaMonths, eq(qaMonths.id, qaRemedies.monthId))
    .leftJoin(qaCriteria, eq(qaCriteria.id, qaRemedies.criterionId))
    .where(where)
    .orderBy(asc(qaRemedies.dueDate), asc(qaCriteria.sort))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map((x) => remedyView(x.r, x.month)), total: Number(n?.n ?? 0) };
}

/** The PM moves a remedy on: owner, due date, evidence; done only with evidence, once. */
export async function updateRemedy(
  ctx: Ctx,
  id: string,
  p: { owner?: string; dueDate?: string; evidence?: string; done?: boolean },
): Promise<TRemedy> {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(qaRemedies).where(eq(qaRemedies.id, id)).for('update');
    if (!before) throw new NotFound('assessment.remedy_not_found', '整改项不存在');
    if (before.doneAt) throw new Conflict('assessment.remedy_done', '整改已完成，不能再修改');
    const evidence = p.evidence ?? before.evidence;
    if (p.done && !evidence.trim()) throw new Invalid('assessment.remedy_evidence', '完成整改须填写完成证据（做了什么、记录在哪里）');
    const [after] = await tx.db
      .update(qaRemedies)
      .set({
        ...(p.owner !== undefined ? { owner: p.owner } : {}),
        ...(p.dueDate !== undefined ? { dueDate: p.dueDate } : {}),
        evidence,
        ...(p.done ? { doneAt: tx.now(), doneByName: tx.actor?.displayName ?? '' } : {}),
      })
      .where(eq(qaRemedies.id, id))
      .returning();
    await audit(tx, {
      action: p.done ? 'assessment.remedy_done' : 'assessment.remedy_update',
      objectType: 'assessment',
      objectId: before.monthId,
      before,
      after,
    });
    const [m] = await tx.db.select({ month: qaMonths.month }).from(qaMonths).where(eq(qaMonths.id, before.monthId));
    return remedyView(after!, m?.month ?? '');
  });
}
