// The agency's desk policy: SLA policies per service line and severity, and the severity definitions.
import type { FastifyInstance } from 'fastify';
import { ZIdParams } from '../../../common/api.ts';
import { ZPolicyUpdate, ZSeverityList, ZSeverityUpdate, ZSlaPolicyList, ZSlaPolicyRow } from '../../../common/desk-policy.ts';
import { defineRoute } from '../../kernel/http.ts';
import { getSeverities, listPolicies, updatePolicy, updateSeverities } from './policy.ts';

export async function policyRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk policy'];
  defineRoute(app, {
    method: 'GET',
    url: '/sla-policies',
    summary: 'SLA 策略（每个服务项目 × 级别，及故障类的专门策略）',
    tags,
    access: 'desk.read|desk.policy',
    response: ZSlaPolicyList,
    handler: async (ctx) => listPolicies(ctx),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/sla-policies/:id',
    summary: '修改 SLA 策略的时限目标（只影响此后登记的运维单）',
    tags,
    access: 'desk.policy',
    params: ZIdParams,
    body: ZPolicyUpdate,
    response: ZSlaPolicyRow,
    handler: async (ctx, { params, body }) => updatePolicy(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/desk/severities',
    summary: '严重程度（紧急/高/中/低）及其定义',
    tags,
    access: 'desk.read|desk.self|desk.create',
    response: ZSeverityList,
    handler: async (ctx) => getSeverities(ctx),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/desk/severities',
    summary: '修改四个严重程度的定义（名称不变）',
    tags,
    access: 'desk.policy',
    body: ZSeverityUpdate,
    response: ZSeverityList,
    handler: async (ctx, { body }) => updateSeverities(ctx, body),
  });
}
