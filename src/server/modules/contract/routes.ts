// Contract routes: read with contract.read, edit with contract.write.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../kernel/http.ts';
import {
  assignStaff,
  contractStore,
  createStaffing,
  getContract,
  overview,
  staffingStore,
  unassignStaff,
  updateServiceLine,
} from './service.ts';
import { contractApi } from '../../../common/contract.api.ts';

export async function contractRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['contract'];
  defineRoute(app, {
    ...contractApi.overview,
    summary: '合同概览：各服务项目的服务期、剩余天数、费用、热线时间、人员配置',
    tags,
    access: 'contract.read',
    handler: async (ctx) => overview(ctx),
  });
  defineRoute(app, {
    ...contractApi.list,
    summary: '合同列表',
    tags,
    access: 'contract.read',
    handler: async (ctx, { query }) => contractStore.list(ctx, query),
  });
  defineRoute(app, {
    ...contractApi.get,
    summary: '合同详情（含服务项目与人员配置）',
    tags,
    access: 'contract.read',
    handler: async (ctx, { params }) => getContract(ctx, params.id),
  });
  defineRoute(app, {
    ...contractApi.update,
    summary: '修改合同',
    tags,
    access: 'contract.write',
    handler: async (ctx, { params, body }) => contractStore.update(ctx, params.id, body),
  });
  defineRoute(app, {
    ...contractApi.updateLine,
    summary: '修改服务项目',
    tags,
    access: 'contract.write',
    handler: async (ctx, { params, body }) => updateServiceLine(ctx, params.id, body),
  });
  defineRoute(app, {
    ...contractApi.createStaffing,
    summary: '新增人员配置要求',
    tags,
    access: 'contract.write',
    handler: async (ctx, { params, body }) => createStaffing(ctx, params.id, body),
  });
  defineRoute(app, {
    ...contractApi.updateStaffing,
    summary: '修改人员配置要求',
    tags,
    access: 'contract.write',
    handler: async (ctx, { params, body }) => staffingStore.update(ctx, params.id, body),
  });
  defineRoute(app, {
    ...contractApi.removeStaffing,
    summary: '删除人员配置要求',
    tags,
    access: 'contract.write',
    handler: async (ctx, { params }) => {
      await staffingStore.remove(ctx, params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    ...contractApi.assign,
    summary: '安排人员到岗',
    tags,
    access: 'contract.write',
    handler: async (ctx, { params, body }) => assignStaff(ctx, params.id, body),
  });
  defineRoute(app, {
    ...contractApi.unassign,
    summary: '人员离岗',
    tags,
    access: 'contract.write',
    handler: async (ctx, { params }) => {
      await unassignStaff(ctx, params.id, params.assignmentId);
      return { ok: true };
    },
  });
}
