// The agency's desk policy: SLA policies per service line and severity, and the severity definitions.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../kernel/http.ts';
import { getSeverities, listPolicies, updatePolicy, updateSeverities } from './policy.ts';
import { deskPolicyApi } from '../../../common/desk-policy.api.ts';

export async function policyRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk policy'];
  defineRoute(app, {
    ...deskPolicyApi.policies,
    summary: 'SLA 策略（每个服务项目 × 级别，及故障类的专门策略）',
    tags,
    access: 'desk.read|desk.policy',
    handler: async (ctx) => listPolicies(ctx),
  });
  defineRoute(app, {
    ...deskPolicyApi.updatePolicy,
    summary: '修改 SLA 策略的时限目标（只影响此后登记的运维单）',
    tags,
    access: 'desk.policy',
    handler: async (ctx, { params, body }) => updatePolicy(ctx, params.id, body),
  });
  defineRoute(app, {
    ...deskPolicyApi.severities,
    summary: '严重程度（紧急/高/中/低）及其定义',
    tags,
    access: 'desk.read|desk.self|desk.create',
    handler: async (ctx) => getSeverities(ctx),
  });
  defineRoute(app, {
    ...deskPolicyApi.updateSeverities,
    summary: '修改四个严重程度的定义（名称不变）',
    tags,
    access: 'desk.policy',
    handler: async (ctx, { body }) => updateSeverities(ctx, body),
  });
}
