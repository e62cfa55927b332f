// Contract routes: read with contract.read, edit with contract.write.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParams, paged, patchOf } from '../../../common/api.ts';
import { ZListQuery } from '../../../common/org.ts';
import {
  ZAssignInput,
  ZContract,
  ZContractPatch,
  ZOverview,
  ZServiceLine,
  ZServiceLinePatch,
  ZStaffing,
  ZStaffingInput,
} from '../../../common/contract.ts';
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

export async function contractRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['contract'];
  defineRoute(app, {
    method: 'GET',
    url: '/contract/overview',
    summary: '合同概览：各服务项目的服务期、剩余天数、费用、热线时间、人员配置',
    tags,
    access: 'contract.read',
    response: ZOverview,
    handler: async (ctx) => overview(ctx),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/contracts',
    summary: '合同列表',
    tags,
    access: 'contract.read',
    query: ZListQuery,
    response: paged(ZContract),
    handler: async (ctx, { query }) => contractStore.list(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/contracts/:id',
    summary: '合同详情（含服务项目与人员配置）',
    tags,
    access: 'contract.read',
    params: ZIdParams,
    response: ZContract,
    handler: async (ctx, { params }) => getContract(ctx, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/contracts/:id',
    summary: '修改合同',
    tags,
    access: 'contract.write',
    params: ZIdParams,
    body: ZContractPatch,
    response: ZContract,
    handler: async (ctx, { params, body }) => contractStore.update(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/service-lines/:id',
    summary: '修改服务项目',
    tags,
    access: 'contract.write',
    params: ZIdParams,
    body: ZServiceLinePatch,
    response: ZServiceLine,
    handler: async (ctx, { params, body }) => updateServiceLine(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/service-lines/:id/staffing',
    summary: '新增人员配置要求',
    tags,
    access: 'contract.write',
    params: ZIdParams,
    body: ZStaffingInput,
    response: ZStaffing.omit({ assigned: true }),
    status: 201,
    handler: async (ctx, { params, body }) => createStaffing(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/staffing/:id',
    summary: '修改人员配置要求',
    tags,
    access: 'contract.write',
    params: ZIdParams,
    body: patchOf(ZStaffingInput),
    response: ZStaffing.omit({ assigned: true }),
    handler: async (ctx, { params, body }) => staffingStore.update(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/staffing/:id',
    summary: '删除人员配置要求',
    tags,
    access: 'contract.write',
    params: ZIdParams,
    handler: async (ctx, { params }) => {
      await staffingStore.remove(ctx, params.id);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/staffing/:id/assignments',
    summary: '安排人员到岗',
    tags,
    access: 'contract.write',
    params: ZIdParams,
    body: ZAssignInput,
    response: z.object({ id: z.string(), personId: z.string(), since: z.string().nullable() }),
    status: 201,
    handler: async (ctx, { params, body }) => assignStaff(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/staffing/:id/assignments/:assignmentId',
    summary: '人员离岗',
    tags,
    access: 'contract.write',
    params: z.object({ id: z.uuid(), assignmentId: z.uuid() }),
    handler: async (ctx, { params }) => {
      await unassignStaff(ctx, params.id, params.assignmentId);
      return { ok: true };
    },
  });
}
