// Routes of the contract's money: the calculator (money.calc), the dashboard (money.read), payments (money.write).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { moneyApi } from '../../../common/money.api.ts';
import { defineRoute } from '../../kernel/http.ts';
import { createPayment, dashboard, paymentStore, runCalc, updatePayment } from './service.ts';

export async function moneyRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['contract'];
  defineRoute(app, {
    ...moneyApi.calc,
    // Any object passes here; runCalc validates it against ZCalcInput so a refusal is audited as well.
    body: z.looseObject({}),
    summary: '合同金额计算：逾期付款违约金、解除退费、延续服务费、验收不合格与违约金（金额为两位小数的字符串，附条款依据）',
    tags,
    access: 'money.calc',
    handler: async (ctx, { body }) => runCalc(ctx, body),
  });
  defineRoute(app, {
    ...moneyApi.dashboard,
    summary: '合同款项看板：每个期限与金额及其条款、付款与发票记录、逾期违约金',
    tags,
    access: 'money.read',
    handler: async (ctx, { query }) => dashboard(ctx, query.contractId),
  });
  defineRoute(app, {
    ...moneyApi.createPayment,
    summary: '登记应付款项（发票号、所依据的运维报告）',
    tags,
    access: 'money.write',
    handler: async (ctx, { params, body }) => createPayment(ctx, params.id, body),
  });
  defineRoute(app, {
    ...moneyApi.updatePayment,
    summary: '修改付款记录（支付日期、发票号等）',
    tags,
    access: 'money.write',
    handler: async (ctx, { params, body }) => updatePayment(ctx, params.id, body),
  });
  defineRoute(app, {
    ...moneyApi.removePayment,
    summary: '删除付款记录',
    tags,
    access: 'money.write',
    handler: async (ctx, { params }) => {
      await paymentStore.remove(ctx, params.id);
      return { ok: true as const };
    },
  });
}
