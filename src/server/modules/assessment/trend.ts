// Trend (issue 15 point 4): the last 12 months' score rate per line, and one criterion's scores, from the
// signed months; and the job that opens each month's draft on the first working day of the next.
import { and, eq, gte, inArray } from 'drizzle-orm';
import type { TTrend } from '../../../common/assessment.ts';
import { dateOf } from '../../../common/dates.ts';
import { SERVICE_LINE_CODES } from '../../../common/service-lines.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import type { Ctx } from '../../kernel/context.ts';
import { Invalid } from '../../kernel/errors.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import type { Registry } from '../../kernel/registry.ts';
import { createDraft, previousMonth } from './service.ts';
import { qaCriteria, qaMonths, qaScores } from './tables.ts';

/** The 12 months before the current one, oldest first. */
function last12(today: string): string[] {
  const out: string[] = [];
  let m = previousMonth(today.slice(0, 7));
  for (let i = 0; i < 12; i++) {
    out.unshift(m);
    m = previousMonth(m);
  }
  return out;
}

export async function trend(ctx: Ctx, q: { line?: string; criterion?: string }): Promise<TTrend> {
  const months = last12(dateOf(ctx.now()));
  const signed = await ctx.db
    .select()
    .from(qaMonths)
    .where(and(eq(qaMonths.state, 'signed'), gte(qaMonths.month, months[0]!)));
  const byMonth = new Map(signed.map((m) => [m.month, m]));
  const lines: TTrend['lines'] = {};
  for (const code of SERVICE_LINE_CODES.filter((c) => !q.line || c === q.line))
    lines[code] = months.map((m) => {
      const r = byMonth.get(m)?.lineRates?.[code];
      return r ? Math.round(r.rate * 1000) / 10 : null;
    });
  let criterion: TTrend['criterion'] = null;
  if (q.criterion) {
    const [c] = await ctx.db.select().from(qaCriteria).where(eq(qaCriteria.id, q.criterion));
    if (!c) throw new Invalid('assessment.criterion', `考核项不存在：${q.criterion}`);
    const ids = signed.map((m) => m.id);
    const scores = ids.length
      ? await ctx.db
          .select({ monthId: qaScores.monthId, score: qaScores.score })
          .from(qaScores)
          .where(and(eq(qaScores.criterionId, c.id), inArray(qaScores.monthId, ids)))
      : [];
    const byId = new Map(scores.map((s) => [s.monthId, s.score]));
    criterion = { id: c.id, text: c.text, scores: months.map((m) => byId.get(byMonth.get(m)?.id ?? '') ?? null) };
  }
  return { months, lines, criterion };
}

/**
 * On or after the first working day of a month (kernel calendar: holidays and make-up days), the draft
 * of the month before, once (createDraft tells the agency's scorers). Answers the month created, if any.
 */
export async function openMonthlyDraft(ctx: Ctx, reg: Registry): Promise<string | null> {
  const today = dateOf(ctx.now());
  const first = (await getCalendar(ctx)).addWorkingDays(`${today.slice(0, 7)}-01`, 0);
  if (today < first) return null;
  const month = previousMonth(today.slice(0, 7));
  const [exists] = await ctx.db.select({ id: qaMonths.id }).from(qaMonths).where(eq(qaMonths.month, month));
  if (exists) return null;
  await createDraft(ctx, reg, month);
  return month;
}

export const draftJob: GlobalJob = {
  name: 'assessment-monthly-draft',
  scope: 'global',
  cron: '0 1 * * *',
  handler: async (ctx, _data, env) => void (await openMonthlyDraft(ctx, env.registry)),
};
