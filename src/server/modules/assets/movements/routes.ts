// Routes of asset movements (R-AST-01): requests approved at the levels they touch.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../../kernel/http.ts';
import { listXlsx, shanghaiTime } from '../../../kernel/office/list-export.ts';
import { MOVEMENT_KIND_ZH, type TAssetRequest } from '../../../../common/asset-movements.ts';
import type { Column } from '../../../kernel/office/xlsx.ts';
import { loadAsset } from '../register/records.ts';
import { getRequest, listRequests, movementOptions } from './reads.ts';
import { cancelRequest, createRequest, decideRequest } from './service.ts';
import { movementsApi } from '../../../../common/asset-movements.api.ts';

const READ = 'asset.read';

const REQUEST_STATUS_ZH = { pending: '审批中', approved: '已批准', rejected: '已驳回', cancelled: '已撤回' } as const;
const REQUEST_COLUMNS: Column<TAssetRequest>[] = [
  { header: '资产编号', width: 18, value: (r) => r.assetNumber },
  { header: '资产名称', width: 28, value: (r) => r.assetName },
  { header: '变动类型', width: 10, value: (r) => MOVEMENT_KIND_ZH[r.kind] },
  { header: '事由', width: 40, value: (r) => r.reason },
  { header: '状态', width: 10, value: (r) => REQUEST_STATUS_ZH[r.status] },
  { header: '申请人', width: 12, value: (r) => r.requestedByName },
  { header: '申请时间', width: 17, value: (r) => shanghaiTime(r.createdAt) },
  { header: '审批完成时间', width: 17, value: (r) => shanghaiTime(r.decidedAt) },
];
const WRITE = 'asset.write';
const APPROVERS = 'asset.approve|asset.finance|asset.business';

export async function movementRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['assets: movements'];
  defineRoute(app, {
    ...movementsApi.create,
    summary: '提出资产变动申请（入库、领用、调拨、送修、报废），按涉及的层级审批',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => createRequest(ctx, params.id, body),
  });
  defineRoute(app, {
    ...movementsApi.ofAsset,
    summary: '资产的变动申请',
    tags,
    access: READ,
    handler: async (ctx, { params, query }) => {
      await loadAsset(ctx, params.id);
      return listRequests(ctx, { ...query, assetId: params.id });
    },
  });
  defineRoute(app, {
    ...movementsApi.list,
    summary: '资产变动申请列表（status、level 待该层级审批、mine 本人提出、todo 待我审批）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listRequests(ctx, query),
  });
  defineRoute(app, {
    ...movementsApi.export,
    summary: '导出资产变动申请（Excel，与列表相同的筛选）',
    tags,
    access: READ,
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '资产变动申请',
        objectType: 'asset_request',
        query,
        list: (page, pageSize) => listRequests(ctx, { ...query, page, pageSize }),
        columns: REQUEST_COLUMNS,
      }),
  });
  defineRoute(app, {
    ...movementsApi.options,
    summary: '变动申请表单可选的部门、人员、地点和房间',
    tags,
    access: READ,
    handler: (ctx) => movementOptions(ctx),
  });
  defineRoute(app, {
    ...movementsApi.get,
    summary: '资产变动申请详情',
    tags,
    access: READ,
    handler: (ctx, { params }) => getRequest(ctx, params.id),
  });
  defineRoute(app, {
    ...movementsApi.decide,
    summary: '在一个层级审批（同意或驳回）；各层级均同意后变动生效',
    tags,
    access: APPROVERS,
    handler: (ctx, { params, body }) => decideRequest(ctx, params.id, body),
  });
  defineRoute(app, {
    ...movementsApi.cancel,
    summary: '申请人撤回待审批的申请',
    tags,
    access: WRITE,
    handler: (ctx, { params }) => cancelRequest(ctx, params.id),
  });
}
