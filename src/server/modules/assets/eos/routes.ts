// Routes of end-of-support handling (R-AST-06): due assets, cases and their stages.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../../kernel/http.ts';
import { advanceCase, dueAssets, getCase, listCases, openCase } from './service.ts';
import { eosApi } from '../../../../common/asset-movements.api.ts';

const READ = 'asset.read';
const WRITE = 'asset.write';

export async function eosRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['assets: end of support'];
  defineRoute(app, {
    ...eosApi.due,
    summary: '临近（within 天内）或已过保修期/终止支持的资产',
    tags,
    access: READ,
    handler: async (ctx, { query }) => ({ items: await dueAssets(ctx, query.within), within: query.within }),
  });
  defineRoute(app, {
    ...eosApi.open,
    summary: '报告甲方：开启终止支持处置',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => openCase(ctx, params.id, body.reason),
  });
  defineRoute(app, {
    ...eosApi.list,
    summary: '终止支持处置列表',
    tags,
    access: READ,
    handler: (ctx, { query }) => listCases(ctx, query),
  });
  defineRoute(app, {
    ...eosApi.get,
    summary: '终止支持处置详情',
    tags,
    access: READ,
    handler: (ctx, { params }) => getCase(ctx, params.id),
  });
  defineRoute(app, {
    ...eosApi.advance,
    summary: '推进处置阶段：批准（信息化部门）→ 更换（指定替代设备）→ 安装联调 → 关闭（信息化部门），只能依次推进',
    tags,
    access: 'asset.write|asset.approve',
    handler: (ctx, { params, body }) => advanceCase(ctx, params.id, body),
  });
}
