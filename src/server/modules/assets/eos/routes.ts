// Routes of end-of-support handling (R-AST-06): due assets, cases and their stages.
import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../../common/api.ts';
import {
  ZEosAdvance,
  ZEosCase,
  ZEosCaseList,
  ZEosCaseQuery,
  ZEosDueList,
  ZEosOpen,
  ZEosQuery,
} from '../../../../common/asset-movements.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { advanceCase, dueAssets, getCase, listCases, openCase } from './service.ts';

const READ = 'asset.read';
const WRITE = 'asset.write';

export async function eosRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['assets: end of support'];
  defineRoute(app, {
    method: 'GET',
    url: '/assets/eos',
    summary: '临近（within 天内）或已过保修期/终止支持的资产',
    tags,
    access: READ,
    query: ZEosQuery,
    response: ZEosDueList,
    handler: async (ctx, { query }) => ({ items: await dueAssets(ctx, query.within), within: query.within }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/assets/:id/eos',
    summary: '报告甲方：开启终止支持处置',
    tags,
    access: WRITE,
    params: ZIdParams,
    body: ZEosOpen,
    response: ZEosCase,
    status: 201,
    handler: (ctx, { params, body }) => openCase(ctx, params.id, body.reason),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/asset-eos',
    summary: '终止支持处置列表',
    tags,
    access: READ,
    query: ZEosCaseQuery,
    response: ZEosCaseList,
    handler: (ctx, { query }) => listCases(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/asset-eos/:id',
    summary: '终止支持处置详情',
    tags,
    access: READ,
    params: ZIdParams,
    response: ZEosCase,
    handler: (ctx, { params }) => getCase(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/asset-eos/:id/advance',
    summary: '推进处置阶段：批准（信息化部门）→ 更换（指定替代设备）→ 安装联调 → 关闭（信息化部门），只能依次推进',
    tags,
    access: 'asset.write|asset.approve',
    params: ZIdParams,
    body: ZEosAdvance,
    response: ZEosCase,
    handler: (ctx, { params, body }) => advanceCase(ctx, params.id, body),
  });
}
