// Routes of the procurement consulting (inquiries, quotes, purchase requests, receipt).
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../../kernel/http.ts';
import { listXlsx, shanghaiTime } from '../../../kernel/office/list-export.ts';
import { PROCUREMENT_STATUS, type TProcurementSummary } from '../../../../common/procure.ts';
import type { Column } from '../../../kernel/office/xlsx.ts';
import { getProcurement, listProcurements } from './reads.ts';
import { addQuote, createProcurement, decidePurchase, deleteQuote, receivePurchase, requestPurchase } from './service.ts';
import { procureApi } from '../../../../common/procure.api.ts';

const READ = 'asset.read|procure.write|procure.approve';

const PROCUREMENT_COLUMNS: Column<TProcurementSummary>[] = [
  { header: '采购事项', width: 30, value: (r) => r.title },
  { header: '需求', width: 40, value: (r) => r.needs },
  { header: '资产分类代码', width: 14, value: (r) => r.classCode ?? '' },
  { header: '数量', width: 8, value: (r) => r.quantity },
  { header: '状态', width: 10, value: (r) => PROCUREMENT_STATUS[r.status].zh },
  { header: '报价数', width: 8, value: (r) => r.quoteCount },
  { header: '最低单价（元）', width: 14, value: (r) => r.lowestUnitPrice },
  { header: '选定供应商', width: 24, value: (r) => r.chosenVendor ?? '' },
  { header: '选定总价（元）', width: 14, value: (r) => r.chosenTotal },
  { header: '创建时间', width: 17, value: (r) => shanghaiTime(r.createdAt) },
  { header: '更新时间', width: 17, value: (r) => shanghaiTime(r.updatedAt) },
];

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
    ...procureApi.export,
    summary: '导出采购咨询列表（Excel，与列表相同的筛选）',
    tags,
    access: READ,
    handler: (ctx, { query }) =>
      listXlsx(ctx, {
        title: '采购咨询',
        objectType: 'procurement',
        query,
        list: (page, pageSize) => listProcurements(ctx, { ...query, page, pageSize }),
        columns: PROCUREMENT_COLUMNS,
      }),
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
