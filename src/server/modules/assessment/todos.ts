// Home-page to-dos of the assessment: the agency's months to score and sign, the PM's open remedies.
import { asc, eq, isNull } from 'drizzle-orm';
import type { TodoProvider } from '../../kernel/module.ts';
import { instantOf } from '../../../common/dates.ts';
import { qaMonths, qaRemedies } from './tables.ts';
import { countedSection, totalOver } from '../../kernel/todos.ts';

const toScore: TodoProvider = {
  id: 'assessment.to_score',
  title: { zh: '待评分的月度考核', en: 'Monthly assessments to score' },
  access: 'assessment.score',
  roles: ['agency_manager', 'agency_contact'],
  order: 60,
  url: '/assessments?state=draft',
  empty: { zh: '没有待评分的月度考核', en: 'No assessment to score' },
  read: async (ctx, limit) => {
    const where = eq(qaMonths.state, 'draft');
    const rows = await ctx.db
      .select({ r: qaMonths, total: totalOver() })
      .from(qaMonths)
      .where(where)
      .orderBy(asc(qaMonths.month))
      .limit(limit);
    return countedSection(rows, ({ r }) => ({
      title: `${r.month} 月度考核`,
      subtitle: '逐项评分后签署',
      tag: '待评分',
      at: r.createdAt.toISOString(),
      url: `/assessments/${r.id}`,
    }));
  },
};

const remediesDue: TodoProvider = {
  id: 'assessment.remedies_due',
  title: { zh: '待完成的考核整改', en: 'Assessment remedies due' },
  access: 'assessment.remedy',
  roles: ['contractor_pm'],
  order: 61,
  url: '/assessments?tab=remedies',
  empty: { zh: '没有待完成的整改', en: 'No remedy due' },
  read: async (ctx, limit) => {
    const where = isNull(qaRemedies.doneAt);
    const rows = await ctx.db
      .select({ r: qaRemedies, month: qaMonths.month, total: totalOver() })
      .from(qaRemedies)
      .innerJoin(qaMonths, eq(qaMonths.id, qaRemedies.monthId))
      .where(where)
      .orderBy(asc(qaRemedies.dueDate))
      .limit(limit);
    return countedSection(rows, ({ r, month }) => {
      const due = instantOf(r.dueDate, '17:30');
      return {
        title: r.item,
        subtitle: `${month} 考核 · ${r.owner}`,
        tag: '整改',
        due: due.toISOString(),
        ...(due < ctx.now() ? { risk: 'breached' as const } : {}),
        url: `/assessments/${r.monthId}`,
      };
    });
  },
};

export const ASSESSMENT_TODOS = [toScore, remediesDue];
