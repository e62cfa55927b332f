// Routes of the asset movements (requests approved per level), relations, lines and end-of-support cases.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParams } from '../../../common/api.ts';
import {
  ZAssetRequest,
  ZAssetRequestList,
  ZAssetRequestQuery,
  ZDecideInput,
  ZEosAdvance,
  ZEosCase,
  ZEosCaseList,
  ZEosCaseQuery,
  ZEosDueList,
  ZEosOpen,
  ZEosQuery,
  ZLine,
  ZLineFilter,
  ZLineInput,
  ZLineList,
  ZLinePatch,
  ZLineQuery,
  ZMovementInput,
  ZMovementOptions,
  ZNeighbours,
  ZRelationInput,
  ZTopoEdge,
} from '../../../common/asset-movements.ts';
import { sendXlsx } from '../../kernel/excel.ts';
import { defineRoute } from '../../kernel/http.ts';
import { advanceCase, dueAssets, getCase, listCases, openCase } from './eos.ts';
import { allLines, createLine, deleteLine, getLine, lineColumns, listLines, updateLine } from './lines.ts';
import { cancelRequest, createRequest, decideRequest, getRequest, listRequests, loadAsset, movementOptions } from './movements.ts';
import { addRelation, neighbours, removeRelation } from './relations.ts';

const READ = 'asset.read';
const WRITE = 'asset.write';
const APPROVERS = 'asset.approve|asset.finance|asset.business';

export async function movementRoutes(app: FastifyInstance): Promise<void> {
  // ---- movements (R-AST-01) ----
  let tags = ['assets: movements'];
  defineRoute(app, {
    method: 'POST',
    url: '/assets/:id/requests',
    summary: '提出资产变动申请（入库、领用、调拨、送修、报废），按涉及的层级审批',
    tags,
    access: WRITE,
    params: ZIdParams,
    body: ZMovementInput,
    response: ZAssetRequest,
    status: 201,
    handler: (ctx, { params, body }) => createRequest(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/assets/:id/requests',
    summary: '资产的变动申请',
    tags,
    access: READ,
    params: ZIdParams,
    query: ZAssetRequestQuery,
    response: ZAssetRequestList,
    handler: async (ctx, { params, query }) => {
      await loadAsset(ctx, params.id);
      return listRequests(ctx, { ...query, assetId: params.id });
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/asset-requests',
    summary: '资产变动申请列表（status、level 待该层级审批、mine 本人提出、todo 待我审批）',
    tags,
    access: READ,
    query: ZAssetRequestQuery,
    response: ZAssetRequestList,
    handler: (ctx, { query }) => listRequests(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/asset-requests/options',
    summary: '变动申请表单可选的部门、人员、地点和房间',
    tags,
    access: READ,
    response: ZMovementOptions,
    handler: (ctx) => movementOptions(ctx),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/asset-requests/:id',
    summary: '资产变动申请详情',
    tags,
    access: READ,
    params: ZIdParams,
    response: ZAssetRequest,
    handler: (ctx, { params }) => getRequest(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/asset-requests/:id/decide',
    summary: '在一个层级审批（同意或驳回）；各层级均同意后变动生效',
    tags,
    access: APPROVERS,
    params: ZIdParams,
    body: ZDecideInput,
    response: ZAssetRequest,
    handler: (ctx, { params, body }) => decideRequest(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/asset-requests/:id/cancel',
    summary: '申请人撤回待审批的申请',
    tags,
    access: WRITE,
    params: ZIdParams,
    response: ZAssetRequest,
    handler: (ctx, { params }) => cancelRequest(ctx, params.id),
  });

  // ---- relations ----
  tags = ['assets: relations'];
  defineRoute(app, {
    method: 'POST',
    url: '/assets/:id/relations',
    summary: '建立资产关系（连接到、安装于、依赖于）',
    tags,
    access: WRITE,
    params: ZIdParams,
    body: ZRelationInput,
    response: ZTopoEdge,
    status: 201,
    handler: (ctx, { params, body }) => addRelation(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/assets/:id/relations/:relationId',
    summary: '解除资产关系',
    tags,
    access: WRITE,
    params: z.object({ id: z.uuid(), relationId: z.uuid() }),
    status: 204,
    handler: async (ctx, { params }) => {
      await removeRelation(ctx, params.id, params.relationId);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/assets/:id/neighbours',
    summary: '两跳以内的相邻资产与关系（拓扑图）',
    tags,
    access: READ,
    params: ZIdParams,
    response: ZNeighbours,
    handler: (ctx, { params }) => neighbours(ctx, params.id),
  });

  // ---- lines and labels (R-AST-03) ----
  tags = ['assets: lines'];
  defineRoute(app, {
    method: 'GET',
    url: '/asset-lines',
    summary: '线路列表（光纤、网线、运营商专线）',
    tags,
    access: READ,
    query: ZLineQuery,
    response: ZLineList,
    handler: (ctx, { query }) => listLines(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/asset-lines/export',
    summary: '导出筛选后的线路（Excel）',
    tags,
    access: READ,
    query: ZLineFilter,
    raw: true,
    handler: async (ctx, { query }, _req, reply) => {
      const day = new Date(ctx.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      await sendXlsx(reply, `线路-${day}.xlsx`, '线路', lineColumns(), await allLines(ctx, query));
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/asset-lines/:id',
    summary: '线路详情',
    tags,
    access: READ,
    params: ZIdParams,
    response: ZLine,
    handler: (ctx, { params }) => getLine(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/asset-lines',
    summary: '登记线路（标签唯一）',
    tags,
    access: WRITE,
    body: ZLineInput,
    response: ZLine,
    status: 201,
    handler: (ctx, { body }) => createLine(ctx, body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/asset-lines/:id',
    summary: '修改线路',
    tags,
    access: WRITE,
    params: ZIdParams,
    body: ZLinePatch,
    response: ZLine,
    handler: (ctx, { params, body }) => updateLine(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/asset-lines/:id',
    summary: '删除线路',
    tags,
    access: WRITE,
    params: ZIdParams,
    status: 204,
    handler: async (ctx, { params }) => {
      await deleteLine(ctx, params.id);
    },
  });

  // ---- end of support (R-AST-06) ----
  tags = ['assets: end of support'];
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
