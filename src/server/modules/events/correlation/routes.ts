// Routes of correlation (issue 13 point 3): the rules (read by who reads events, edited by admins),
// the test run, and the alert queue (agency roles read it too).
import type { FastifyInstance } from 'fastify';
import { eventsApi as api } from '../../../../common/events.api.ts';
import { defineRoute } from '../../../kernel/http.ts';
import { listAlerts, listRules, saveRule, testRule } from './service.ts';

export function correlationRoutes(app: FastifyInstance): void {
  const tags = ['events'];
  defineRoute(app, { ...api.rules, summary: '关联规则', tags, access: 'events.read', handler: (ctx) => listRules(ctx) });
  defineRoute(app, {
    ...api.addRule,
    summary: '新增关联规则（YAML）',
    tags,
    access: 'events.admin',
    handler: (ctx, { body }) => saveRule(ctx, body),
  });
  defineRoute(app, {
    ...api.updateRule,
    summary: '修改关联规则（版本加一）',
    tags,
    access: 'events.admin',
    handler: (ctx, { params, body }) => saveRule(ctx, body, params.id),
  });
  defineRoute(app, {
    ...api.testRule,
    summary: '用已存事件测试关联规则（不产生告警）',
    tags,
    access: 'events.read',
    handler: (ctx, { body }) => testRule(ctx, body),
  });
  defineRoute(app, {
    ...api.alerts,
    summary: '安全告警队列',
    tags,
    access: 'events.alerts',
    handler: (ctx, { query }) => listAlerts(ctx, query),
  });
}
