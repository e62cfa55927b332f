// Routes of the procurement consulting (inquiries, quotes, purchase requests, receipt).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParams } from '../../../../common/api.ts';
import {
  ZDecideInput,
  ZProcurement,
  ZProcurementInput,
  ZProcurementList,
  ZProcurementQuery,
  ZQuoteInput,
  ZReceiveInput,
  ZRequestInput,
} from '../../../../common/procure.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { getProcurement, listProcurements } from './reads.ts';
import { addQuote, createProcurement, decidePurchase, deleteQuote, receivePurchase, requestPurchase } from './service.ts';

const READ = 'asset.read|procure.write|procure.approve';

export async function procureRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['procurement'];
  defineRoute(app, {
    method: 'GET',
    url: '/procurements',
    summary: '采购咨询列表',
    tags,
    access: READ,
    query: ZProcurementQuery,
    response: ZProcurementList,
    handler: (ctx, { query }) => listProcurements(ctx, query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/procurements',
    summary: '发起采购咨询（询价）',
    tags,
    access: 'procure.write',
    status: 201,
    body: ZProcurementInput,
    response: ZProcurement,
    handler: (ctx, { body }) => createProcurement(ctx, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/procurements/:id',
    summary: '采购咨询及报价比较（总价、价格排名、功能评分、综合推荐）',
    tags,
    access: READ,
    params: ZIdParams,
    response: ZProcurement,
    handler: (ctx, { params }) => getProcurement(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/procurements/:id/quotes',
    summary: '添加厂商报价',
    tags,
    access: 'procure.write',
    status: 201,
    params: ZIdParams,
    body: ZQuoteInput,
    response: ZProcurement,
    handler: (ctx, { params, body }) => addQuote(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/procurements/:id/quotes/:quoteId',
    summary: '删除报价（询价中）',
    tags,
    access: 'procure.write',
    params: z.object({ id: z.uuid(), quoteId: z.uuid() }),
    response: ZProcurement,
    handler: (ctx, { params }) => deleteQuote(ctx, params.id, params.quoteId),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/procurements/:id/request',
    summary: '以所选报价提出采购申请',
    tags,
    access: 'procure.write',
    params: ZIdParams,
    body: ZRequestInput,
    response: ZProcurement,
    handler: (ctx, { params, body }) => requestPurchase(ctx, params.id, body.quoteId),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/procurements/:id/decide',
    summary: '甲方审批采购申请（批准或驳回）',
    tags,
    access: 'procure.approve',
    params: ZIdParams,
    body: ZDecideInput,
    response: ZProcurement,
    handler: (ctx, { params, body }) => decidePurchase(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/procurements/:id/receive',
    summary: '到货入库：逐台登记为资产（库存状态）',
    tags,
    access: 'asset.write|procure.write',
    params: ZIdParams,
    body: ZReceiveInput,
    response: ZProcurement,
    handler: (ctx, { params, body }) => receivePurchase(ctx, params.id, body),
  });
}
