// Routes of the asset topology: relations between assets (the two-hop map) and lines with their
// labels (R-AST-03).
import type { FastifyInstance } from 'fastify';
import { listXlsx } from '../../../kernel/office/list-export.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { createLine, deleteLine, getLine, lineColumns, listLines, updateLine } from './lines.ts';
import { addRelation, neighbours, removeRelation } from './relations.ts';
import { topologyApi } from '../../../../common/asset-movements.api.ts';

const READ = 'asset.read';
const WRITE = 'asset.write';

export async function topologyRoutes(app: FastifyInstance): Promise<void> {
  let tags = ['assets: relations'];
  defineRoute(app, {
    ...topologyApi.addRelation,
    summary: '建立资产关系（连接到、安装于、依赖于）',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => addRelation(ctx, params.id, body),
  });
  defineRoute(app, {
    ...topologyApi.removeRelation,
    summary: '解除资产关系',
    tags,
    access: WRITE,
    handler: async (ctx, { params }) => {
      await removeRelation(ctx, params.id, params.relationId);
    },
  });
  defineRoute(app, {
    ...topologyApi.neighbours,
    summary: '两跳以内的相邻资产与关系（拓扑图）',
    tags,
    access: READ,
    handler: (ctx, { params }) => neighbours(ctx, params.id),
  });

  tags = ['assets: lines'];
  defineRoute(app, {
    ...topologyApi.lines,
    summary: '线路列表（光纤、网线、运营商专线）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listLines(ctx, query),
  });
  defineRoute(app, {
    ...topologyApi.exportLines,
    summary: '导出筛选后的线路（Excel）',
    tags,
    access: READ,
    handler: async (ctx, { query }) =>
      listXlsx(ctx, {
        title: '线路',
        objectType: 'asset_line',
        query,
        list: (page, pageSize) => listLines(ctx, { ...query, page, pageSize }),
        columns: lineColumns(),
      }),
  });
  defineRoute(app, {
    ...topologyApi.line,
    summary: '线路详情',
    tags,
    access: READ,
    handler: (ctx, { params }) => getLine(ctx, params.id),
  });
  defineRoute(app, {
    ...topologyApi.createLine,
    summary: '登记线路（标签唯一）',
    tags,
    access: WRITE,
    handler: (ctx, { body }) => createLine(ctx, body),
  });
  defineRoute(app, {
    ...topologyApi.updateLine,
    summary: '修改线路',
    tags,
    access: WRITE,
    handler: (ctx, { params, body }) => updateLine(ctx, params.id, body),
  });
  defineRoute(app, {
    ...topologyApi.deleteLine,
    summary: '删除线路',
    tags,
    access: WRITE,
    handler: async (ctx, { params }) => {
      await deleteLine(ctx, params.id);
    },
  });
}
