// Routes of asset movements (R-AST-01): requests approved at the levels they touch.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../../kernel/http.ts';
import { loadAsset } from '../register/records.ts';
import { getRequest, listRequests, movementOptions } from './reads.ts';
import { cancelRequest, createRequest, decideRequest } from './service.ts';
import { movementsApi } from '../../../../common/asset-movements.api.ts';

const READ = 'asset.read';
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
