// Improvement request routes (R-SD-12): read, submit, and one route for each step of their life (the
// service checks the step's own permission: the PM's steps, the agency's evaluation).
import type { FastifyInstance } from 'fastify';
import { improveApi } from '../../../common/improve.api.ts';
import { IMPROVEMENT_RESULT_NAMES, IMPROVEMENT_STATE_NAMES, type TImprovement } from '../../../common/improve.ts';
import { SERVICE_LINE_NAMES } from '../../../common/service-lines.ts';
import { defineRoute } from '../../kernel/http.ts';
import { listXlsx, shanghaiTime } from '../../kernel/office/list-export.ts';
import { actOnImprovement, createImprovement, getImprovement, listImprovements } from './service.ts';

const EXPORT_COLUMNS = [
  { header: '编号', width: 14, value: (r: TImprovement) => r.number },
  { header: '服务项目', width: 12, value: (r: TImprovement) => SERVICE_LINE_NAMES[r.serviceLine].zh },
  { header: '建议', width: 40, value: (r: TImprovement) => r.title },
  { header: '理由', width: 40, value: (r: TImprovement) => r.reason },
  { header: '状态', width: 10, value: (r: TImprovement) => IMPROVEMENT_STATE_NAMES[r.status].zh },
  { header: '提出人', width: 12, value: (r: TImprovement) => r.submittedByName },
  { header: '提出时间', width: 18, value: (r: TImprovement) => shanghaiTime(r.createdAt) },
  { header: '评估意见', width: 30, value: (r: TImprovement) => r.decisionNote },
  { header: '实施情况', width: 30, value: (r: TImprovement) => r.implementationNote },
  { header: '实施时间', width: 18, value: (r: TImprovement) => shanghaiTime(r.implementedAt) },
  { header: '甲方评价', width: 10, value: (r: TImprovement) => (r.result ? IMPROVEMENT_RESULT_NAMES[r.result].zh : '') },
  { header: '评价说明', width: 30, value: (r: TImprovement) => r.evaluationNote },
];

export async function improveRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['improvements'];
  defineRoute(app, {
    ...improveApi.list,
    summary: '改进建议列表（按状态、服务项目、关键字、本人提出筛选）',
    tags,
    access: 'improve.read',
    handler: async (ctx, { query }) => listImprovements(ctx, query),
  });
  defineRoute(app, {
    ...improveApi.exportList,
    summary: '导出改进建议列表（Excel）',
    tags,
    access: 'improve.read',
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '改进建议',
        objectType: 'improvement',
        query,
        list: (page, pageSize) => listImprovements(ctx, { ...query, page, pageSize }),
        columns: EXPORT_COLUMNS,
      }),
  });
  defineRoute(app, {
    ...improveApi.get,
    summary: '改进建议详情',
    tags,
    access: 'improve.read',
    handler: async (ctx, { params }) => getImprovement(ctx, params.id),
  });
  defineRoute(app, {
    ...improveApi.create,
    summary: '提出改进建议',
    tags,
    access: 'improve.submit',
    handler: async (ctx, { body }) => createImprovement(ctx, body),
  });
  defineRoute(app, {
    ...improveApi.act,
    summary: '改进建议：开始评估、采纳/不采纳、实施完成（乙方项目经理）；评价结果（甲方）',
    tags,
    access: 'improve.manage|improve.evaluate',
    handler: async (ctx, { params, body }) => actOnImprovement(ctx, params.id, body),
  });
}
