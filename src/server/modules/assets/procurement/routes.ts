// Routes of the procurement consulting (inquiries, quotes, purchase requests, receipt).
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../../kernel/http.ts';
import { getProcurement, listProcurements } from './reads.ts';
import { addQuote, createProcurement, decidePurchase, deleteQuote, receivePurchase, requestPurchase } from './service.ts';
import { procureApi } from '../../../../common/procure.api.ts';

const READ = 'asset.read|procure.write|procure.approve';

export async function procureRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['procurement'];
  defineRoute(app, {
    ...procureApi.list,
    summary: '采购咨询列表',
    tags,
    access: READ,
    handler: (ctx, { query }) => listProcurements(ctx, query),
  });
  defineRoute(app, {
    ...procureApi.create,
    summary: '发起采购咨询（询价）',
    tags,
    access: 'procure.write',
    handler: (ctx, { body }) => createProcurement(ctx, body),
  });
  defineRoute(app, {
    ...procureApi.get,
    summary: '采购咨询及报价比较（总价、价格排名、功能评分、综合推荐）',
    tags,
    access: READ,
    handler: (ctx, { params }) => getProcurement(ctx, params.id),
  });
  defineRoute(app, {
    ...procureApi.addQuote,
    summary: '添加厂商报价',
    tags,
    access: 'procure.write',
    handler: (ctx, { params, body }) => addQuote(ctx, params.id, body),
  });
  defineRoute(app, {
    ...procureApi.deleteQuote,
    summary: '删除报价（询价中）',
    tags,
    access: 'procure.write',
    handler: (ctx, { params }) => deleteQuote(ctx, params.id, params.quoteId),
  });
  defineRoute(app, {
    ...procureApi.request,
    summary: '以所选报价提出采购申请',
    tags,
    access: 'procure.write',
    handler: (ctx, { params, body }) => requestPurchase(ctx, params.id, body.quoteId),
  });
  defineRoute(app, {
    ...procureApi.decide,
    summary: '甲方审批采购申请（批准或驳回）',
    tags,
    access: 'procure.approve',
    handler: (ctx, { params, body }) => decidePurchase(ctx, params.id, body),
  });
  defineRoute(app, {
    ...procureApi.receive,
    summary: '到货入库：逐台登记为资产（库存状态）',
    tags,
    access: 'asset.write|procure.write',
    handler: (ctx, { params, body }) => receivePurchase(ctx, params.id, body),
  });
}
