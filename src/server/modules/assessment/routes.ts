// Monthly assessment routes (issue 15 point 4): read and export for the parties, the PM's draft, the
// agency's scores, signature, notice, cure and incident, the PM's remedies, the trend.
import type { FastifyInstance } from 'fastify';
import { assessmentApi } from '../../../common/assessment.api.ts';
import { ASSESSMENT_RESULT_NAMES, ASSESSMENT_STATE_NAMES, TERMINATION_NAMES, type TAssessment } from '../../../common/assessment.ts';
import { SERVICE_LINE_CODES, lineLabel } from '../../../common/service-lines.ts';
import { defineRoute } from '../../kernel/http.ts';
import type { ModuleDeps } from '../../kernel/module.ts';
import { listXlsx, shanghaiTime } from '../../kernel/office/list-export.ts';
import { qaCriteria } from './tables.ts';
import { asc } from 'drizzle-orm';
import { listRemedies, recordCure, recordIncident, recordNotice, updateRemedy } from './cure.ts';
import { hasEvidence } from './evidence.ts';
import { signAssessment } from './outcome.ts';
import { createDraft, getAssessment, listAssessments, scoreCriteria } from './service.ts';
import { trend } from './trend.ts';

const rate = (r: TAssessment, code: string) => {
  const x = r.lineRates?.[code];
  return x ? `${(x.rate * 100).toFixed(1)}%` : '';
};

const EXPORT_COLUMNS = [
  { header: '月份', width: 10, value: (r: TAssessment) => r.month },
  { header: '状态', width: 8, value: (r: TAssessment) => ASSESSMENT_STATE_NAMES[r.state].zh },
  { header: '结果', width: 8, value: (r: TAssessment) => (r.result ? ASSESSMENT_RESULT_NAMES[r.result].zh : '') },
  ...SERVICE_LINE_CODES.map((code) => ({ header: `${lineLabel(code)}得分率`, width: 12, value: (r: TAssessment) => rate(r, code) })),
  { header: '已评/总项', width: 10, value: (r: TAssessment) => `${r.scored}/${r.criteria}` },
  { header: '签署人', width: 10, value: (r: TAssessment) => r.signedByName },
  { header: '签署时间', width: 18, value: (r: TAssessment) => shanghaiTime(r.signedAt) },
  { header: '扣款建议（元）', width: 14, value: (r: TAssessment) => r.deductionAmount ?? '' },
  { header: '纠正期限', width: 12, value: (r: TAssessment) => r.cureDue ?? '' },
  { header: '解除权', width: 30, value: (r: TAssessment) => (r.terminationRight ? TERMINATION_NAMES[r.terminationRight].zh : '') },
];

export async function assessmentRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const tags = ['assessments'];
  defineRoute(app, {
    ...assessmentApi.list,
    summary: '月度考核列表（按状态、结果、年份筛选）',
    tags,
    access: 'assessment.read',
    handler: (ctx, { query }) => listAssessments(ctx, query),
  });
  defineRoute(app, {
    ...assessmentApi.exportList,
    summary: '导出月度考核列表（Excel）',
    tags,
    access: 'assessment.read',
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '月度考核',
        objectType: 'assessment',
        query,
        list: (page, pageSize) => listAssessments(ctx, { ...query, page, pageSize }),
        columns: EXPORT_COLUMNS,
      }),
  });
  defineRoute(app, {
    ...assessmentApi.criteria,
    summary: '考核标准（合同附件一各服务项目“服务质量考核标准”）',
    tags,
    access: 'assessment.read',
    handler: async (ctx) => {
      const rows = await ctx.db.select().from(qaCriteria).orderBy(asc(qaCriteria.sort));
      return {
        items: rows.map((c) => ({
          ...c,
          line: c.line as (typeof SERVICE_LINE_CODES)[number],
          evidenceAvailable: hasEvidence(deps.registry, c.evidenceId),
        })),
      };
    },
  });
  defineRoute(app, {
    ...assessmentApi.trend,
    summary: '近 12 个月得分率趋势（按服务项目、考核项）',
    tags,
    access: 'assessment.read',
    handler: (ctx, { query }) => trend(ctx, query),
  });
  defineRoute(app, {
    ...assessmentApi.remedies,
    summary: '考核整改项列表',
    tags,
    access: 'assessment.read',
    handler: (ctx, { query }) => listRemedies(ctx, query),
  });
  defineRoute(app, {
    ...assessmentApi.create,
    summary: '生成某月的考核表（按证据预填）',
    tags,
    access: 'assessment.prepare',
    handler: (ctx, { body }) => createDraft(ctx, deps.registry, body.month),
  });
  defineRoute(app, {
    ...assessmentApi.get,
    summary: '月度考核详情：各考核项、证据、评分、整改、扣款与纠正期限',
    tags,
    access: 'assessment.read',
    handler: (ctx, { params }) => getAssessment(ctx, params.id),
  });
  defineRoute(app, {
    ...assessmentApi.score,
    summary: '甲方评分（可分次保存）',
    tags,
    access: 'assessment.score',
    handler: (ctx, { params, body }) => scoreCriteria(ctx, params.id, body),
  });
  defineRoute(app, {
    ...assessmentApi.sign,
    summary: '甲方签署月度考核（签署后只读）',
    tags,
    access: 'assessment.score',
    handler: (ctx, { params }) => signAssessment(ctx, params.id),
  });
  defineRoute(app, {
    ...assessmentApi.notice,
    summary: '登记甲方要求纠正违约的书面通知（开始 30 日纠正期限）',
    tags,
    access: 'assessment.score',
    handler: (ctx, { params, body }) => recordNotice(ctx, params.id, body.noticeDate),
  });
  defineRoute(app, {
    ...assessmentApi.cure,
    summary: '登记乙方已在期限内纠正违约',
    tags,
    access: 'assessment.score',
    handler: (ctx, { params, body }) => recordCure(ctx, params.id, body.curedOn, body.note),
  });
  defineRoute(app, {
    ...assessmentApi.incident,
    summary: '登记重大安全事件（甲方取得解除权）',
    tags,
    access: 'assessment.score',
    handler: (ctx, { params, body }) => recordIncident(ctx, params.id, body.date, body.note),
  });
  defineRoute(app, {
    ...assessmentApi.updateRemedy,
    summary: '整改项：责任人、期限、完成证据（乙方项目经理）',
    tags,
    access: 'assessment.remedy',
    handler: (ctx, { params, body }) => updateRemedy(ctx, params.id, body),
  });
}
