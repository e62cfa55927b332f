// Routes of the emergency drills and emergency-response records (R-DUT-03): thin, permission →
// validation → service. The project manager plans and records drills; whoever takes duty records an
// emergency; everyone who sees the duty pages sees both.
import type { FastifyInstance } from 'fastify';
import { drillsApi as api } from '../../../common/duty-drills.api.ts';
import { defineRoute } from '../../kernel/http.ts';
import { cancelDrill, getDrill, holdDrill, listDrills, planDrill } from './drills.ts';
import { listEmergencies, recordEmergency, recoverEmergency } from './emergencies.ts';

const tags = ['duty'];

export async function drillRoutes(app: FastifyInstance): Promise<void> {
  defineRoute(app, {
    ...api.list,
    summary: '应急演练列表',
    tags,
    access: 'duty.read',
    handler: (ctx, { query }) => listDrills(ctx, query),
  });
  defineRoute(app, {
    ...api.plan,
    summary: '制定应急演练计划（场景、日期、参演人员）',
    tags,
    access: 'duty.write',
    handler: (ctx, { body }) => planDrill(ctx, body),
  });
  defineRoute(app, {
    ...api.get,
    summary: '一次应急演练',
    tags,
    access: 'duty.read',
    handler: (ctx, { params }) => getDrill(ctx, params.id),
  });
  defineRoute(app, {
    ...api.hold,
    summary: '登记演练实施：过程记录、发现问题与整改事项',
    tags,
    access: 'duty.write',
    handler: (ctx, { params, body }) => holdDrill(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.cancel,
    summary: '取消应急演练',
    tags,
    access: 'duty.write',
    handler: (ctx, { params }) => cancelDrill(ctx, params.id),
  });
  defineRoute(app, {
    ...api.emergencies,
    summary: '应急响应记录与按月考核（响应、恢复时长与合同目标）',
    tags,
    access: 'duty.read',
    handler: (ctx, { query }) => listEmergencies(ctx, query),
  });
  defineRoute(app, {
    ...api.record,
    summary: '登记一次应急事件的告警、响应、恢复时间与处置',
    tags,
    access: 'duty.request',
    handler: (ctx, { body }) => recordEmergency(ctx, body),
  });
  defineRoute(app, {
    ...api.recover,
    summary: '登记应急事件恢复时间',
    tags,
    access: 'duty.request',
    handler: (ctx, { params, body }) => recoverEmergency(ctx, params.id, body.recoveredAt, body.measures),
  });
}
