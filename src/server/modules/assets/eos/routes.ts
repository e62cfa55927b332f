// Routes of end-of-support handling (R-AST-06): due assets, cases and their stages.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../../kernel/http.ts';
import { listXlsx, shanghaiTime } from '../../../kernel/office/list-export.ts';
import { EOS_STAGE_ZH, type TEosCase } from '../../../../common/asset-movements.ts';
import type { Column } from '../../../kernel/office/xlsx.ts';
import { advanceCase, dueAssets, getCase, listCases, openCase } from './service.ts';
import { eosApi } from '../../../../common/asset-movements.api.ts';

const READ = 'asset.read';

const EOS_COLUMNS: Column<TEosCase>[] = [
  { header: '资产编号', width: 18, value: (r) => r.assetNumber },
  { header: '资产名称', width: 28, value: (r) => r.assetName },
  { header: '阶段', width: 10, value: (r) => EOS_STAGE_ZH[r.stage] },
  { header: '原因', width: 40, value: (r) => r.reason },
  { header: '替代资产', width: 28, value: (r) => [r.successorNumber, r.successorName].filter(Boolean).join(' ') },
  { header: '登记时间', width: 17, value: (r) => shanghaiTime(r.createdAt) },
  { header: '更新时间', width: 17, value: (r) => shanghaiTime(r.updatedAt) },
];
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
    ...eosApi.export,
    summary: '导出终止支持处置列表（Excel，与列表相同的筛选）',
    tags,
    access: READ,
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '终止支持处置',
        objectType: 'asset_eos',
        query,
        list: (page, pageSize) => listCases(ctx, { ...query, page, pageSize }),
        columns: EOS_COLUMNS,
      }),
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
