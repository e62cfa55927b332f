// Improvement request routes (R-SD-12): read, submit, and one route for each step of their life (the
// service checks the step's own permission: the PM's steps, the agency's evaluation).
import type { FastifyInstance } from 'fastify';
import { improveApi } from '../../../common/improve.api.ts';
import { defineRoute } from '../../kernel/http.ts';
import { actOnImprovement, createImprovement, getImprovement, listImprovements } from './service.ts';

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
