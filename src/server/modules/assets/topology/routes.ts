// Routes of the asset topology: relations between assets (the two-hop map) and lines with their
// labels (R-AST-03).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParams } from '../../../../common/api.ts';
import {
  ZLine,
  ZLineFilter,
  ZLineInput,
  ZLineList,
  ZLinePatch,
  ZLineQuery,
  ZNeighbours,
  ZRelationInput,
  ZTopoEdge,
} from '../../../../common/asset-movements.ts';
import { dateOf } from '../../../../common/dates.ts';
import { xlsxDownload } from '../../../kernel/office/xlsx.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { allLines, createLine, deleteLine, getLine, lineColumns, listLines, updateLine } from './lines.ts';
import { addRelation, neighbours, removeRelation } from './relations.ts';

const READ = 'asset.read';
const WRITE = 'asset.write';

export async function topologyRoutes(app: FastifyInstance): Promise<void> {
  let tags = ['assets: relations'];
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
    handler: async (ctx, { query }) => xlsxDownload(`线路-${dateOf(ctx.now())}.xlsx`, '线路', lineColumns(), await allLines(ctx, query)),
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
}
