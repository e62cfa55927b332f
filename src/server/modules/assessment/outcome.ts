// Signing a month and what follows from it (第六条, 第十二条2). The contract sets no pass mark and no
// deduction amount; this module's choices, shown with every result:
// - a month fails when any service line scores below 80% of its points (LINE_PASS_RATE);
// - a failed month opens one remedy (整改) per criterion of a failed line scored below 80% of its
//   points, owned by the contractor's project manager, due 10 working days after signing;
// - the deduction proposal is, per failed line, a quarter of the contract's total (the fee of one of
//   the four lines) ÷ 12 months × the points it lost, summed exactly in fen and rounded half up once;
// - a second failed month in a row asks the agency for its written notice, from which the 30-day cure
//   clock runs (cure.ts).
import { eq } from 'drizzle-orm';
import { CRITERION_POINTS, LINE_PASS_RATE, REMEDY_WORKING_DAYS, type TAssessmentDetail } from '../../../common/assessment.ts';
import { dateOf } from '../../../common/dates.ts';
import { lineLabel, SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { userNames } from '../../kernel/directory.ts';
import { Conflict, Invalid } from '../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { contractTerms } from '../contract/api.ts';
import { criterionLabel } from './criteria.ts';
import { getAssessment, monthRow, previousMonth } from './service.ts';
import { qaCriteria, qaMonths, qaRemedies, qaScores } from './tables.ts';

type LineRates = Record<string, { points: number; max: number; rate: number }>;

/** "1550000.00" from fen, and a sum of fractions of fen rounded half up once (exact, no floats). */
const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
const fenOf = (n: number): bigint => {
  const [i, f = ''] = n.toFixed(2).split('.');
  return BigInt(i!) * 100n + BigInt(f.padEnd(2, '0'));
};

/** The deduction proposal: per failed line, fee share ÷ 12 × lost share of points. */
export function deductionOf(totalFee: number, rates: LineRates): { amount: string; basis: string } | null {
  const failed = Object.entries(rates).filter(([, r]) => r.rate < LINE_PASS_RATE);
  if (!failed.length) return null;
  const total = fenOf(totalFee);
  let num = 0n;
  let den = 1n;
  for (const [, r] of failed) {
    // total / 4 / 12 × (max − points) / max, added to num/den exactly.
    const n = total * BigInt(r.max - r.points);
    const d = 48n * BigInt(r.max);
    num = num * d + n * den;
    den = den * d;
  }
  const fen = (2n * num + den) / (2n * den);
  const lines = failed.map(([code, r]) => `${lineLabel(code)} 得分率 ${(r.rate * 100).toFixed(1)}%（${r.points}/${r.max}）`).join('；');
  return {
    amount: yuan(fen),
    basis:
      `第六条2：未达标服务项目的月服务费（合同总价 ${yuan(total)} 元 ÷ 4 个服务项目 ÷ 12 个月）× 失分比例，` +
      `合计后四舍五入到分。未达标：${lines}。`,
  };
}

function ratesOf(rows: { line: string; score: number | null; maxPoints: number }[]): LineRates {
  const out: LineRates = {};
  for (const code of SERVICE_LINE_CODES) {
    const mine = rows.filter((r) => r.line === code);
    if (!mine.length) continue;
    const points = mine.reduce((n, r) => n + (r.score ?? 0), 0);
    const max = mine.reduce((n, r) => n + r.maxPoints, 0);
    out[code] = { points, max, rate: points / max };
  }
  return out;
}

/** The agency signs the month: once (a second time is 409, nothing changed); every criterion scored. */
export async function signAssessment(ctx: Ctx, id: string): Promise<TAssessmentDetail> {
  await inTx(ctx, async (tx) => {
    const m = await monthRow(tx, id, true);
    if (m.state === 'signed') throw new Conflict('assessment.signed', `${m.month} 的考核已由${m.signedByName}签署，不能重复签署`);
    const rows = await tx.db
      .select({
        id: qaCriteria.id,
        line: qaCriteria.line,
        item: qaCriteria.item,
        itemTitle: qaCriteria.itemTitle,
        no: qaCriteria.no,
        text: qaCriteria.text,
      })
      .from(qaScores)
      .innerJoin(qaCriteria, eq(qaCriteria.id, qaScores.criterionId))
      .where(eq(qaScores.monthId, id));
    const scores = await tx.db.select().from(qaScores).where(eq(qaScores.monthId, id));
    const open = scores.filter((s) => s.score === null).length;
    if (open) throw new Invalid('assessment.unscored', `尚有 ${open} 项未评分，全部评分后才能签署`);
    const byId = new Map(scores.map((s) => [s.criterionId, s]));
    const scored = rows.map((r) => ({ ...r, score: byId.get(r.id)!.score, maxPoints: CRITERION_POINTS }));
    const rates = ratesOf(scored);
    const failed = Object.values(rates).some((r) => r.rate < LINE_PASS_RATE);
    const now = tx.now();
    const today = dateOf(now);
    const terms = failed ? await contractTerms(tx) : null;
    const deduction = failed && terms ? deductionOf(terms.totalFee, rates) : null;
    const [prev] = failed
      ? await tx.db
          .select()
          .from(qaMonths)
          .where(eq(qaMonths.month, previousMonth(m.month)))
      : [];
    const cureRequired = failed && prev?.state === 'signed' && prev.result === 'fail';
    const [after] = await tx.db
      .update(qaMonths)
      .set({
        state: 'signed',
        result: failed ? 'fail' : 'pass',
        lineRates: rates,
        signedBy: tx.actor?.id ?? null,
        signedByName: tx.actor?.displayName ?? '',
        signedAt: now,
        deductionAmount: deduction?.amount ?? null,
        deductionBasis: deduction?.basis ?? (failed ? '无合同金额，未计算扣款建议' : ''),
        cureRequired,
        updatedAt: now,
      })
      .where(eq(qaMonths.id, id))
      .returning();
    if (failed) {
      const pms = await usersWithRoles(tx, ['contractor_pm']);
      const owner = [...(await userNames(tx, pms.slice(0, 1))).values()][0] ?? '乙方项目经理';
      const due = (await getCalendar(tx)).addWorkingDays(today, REMEDY_WORKING_DAYS);
      const low = scored.filter((s) => rates[s.line]!.rate < LINE_PASS_RATE && s.score! < s.maxPoints * LINE_PASS_RATE);
      if (low.length)
        await tx.db
          .insert(qaRemedies)
          .values(low.map((s) => ({ monthId: id, criterionId: s.id, item: criterionLabel(s), owner, dueDate: due, createdAt: now })));
      const agency = await usersWithRoles(tx, ['agency_manager']);
      await notifyUsers(tx, {
        userIds: [...new Set([...pms, ...(cureRequired ? agency : [])])],
        event: 'assessment.failed',
        severity: 'warning',
        title: `${m.month} 月度考核不合格${cureRequired ? '（连续第二个月）' : ''}`,
        body:
          `整改 ${low.length} 项，须于 ${due} 前完成；扣款建议 ${deduction?.amount ?? '—'} 元。` +
          (cureRequired ? '连续两个月不合格：甲方发出书面通知后，乙方须在 30 日内纠正。' : ''),
        link: `/assessments/${id}`,
        objectType: 'assessment',
        objectId: id,
      });
    }
    await resolveNotices(tx, { entity: { type: 'assessment', id }, action: 'score' });
    await audit(tx, { action: 'assessment.sign', objectType: 'assessment', objectId: id, before: m, after });
  });
  return getAssessment(ctx, id);
}
