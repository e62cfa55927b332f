// Desk routes, first slice: log a ticket (also machine intake with an API token), list, read, record events.
import type { FastifyInstance } from 'fastify';
import { createKb, kbFacets, kbStore, searchKb, updateKb } from './kb.ts';
import { defineRoute } from '../../kernel/http.ts';
import { createTicket, getTicket, listTickets, recordEvent } from './service.ts';
import { selfServiceInfo, selfServiceTicket } from './self-service.ts';
import { deskSelfApi } from '../../../common/desk-self.api.ts';
import { deskApi, kbApi } from '../../../common/desk.api.ts';

export async function deskRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk'];
  defineRoute(app, {
    ...deskApi.createTicket,
    summary: '登记运维单（热线、网页、现场、监控/API；甲方工作人员自助报修）',
    tags,
    access: 'desk.create|desk.self',
    keepsSessions: true, // the hotline's path: writes tickets, never a session, user or role
    handler: async (ctx, { body }) => createTicket(ctx, await selfServiceTicket(ctx, body)),
  });
  defineRoute(app, {
    ...deskSelfApi.info,
    summary: '自助报修表单：本人电话、部门、常用地点；各服务项目说明、热线时间与 7×24 应急电话',
    tags,
    access: 'desk.create|desk.self',
    handler: async (ctx) => selfServiceInfo(ctx),
  });
  defineRoute(app, {
    ...deskApi.listTickets,
    summary: '运维单列表（筛选、分页；自助报修者只见本人的）',
    tags,
    access: 'desk.read|desk.self',
    handler: async (ctx, { query }) => listTickets(ctx, query),
  });
  defineRoute(app, {
    ...deskApi.getTicket,
    summary: '运维单详情（含 SLA 计时）',
    tags,
    access: 'desk.read|desk.self',
    handler: async (ctx, { params }) => getTicket(ctx, params.id),
  });
  defineRoute(app, {
    ...deskApi.recordEvent,
    summary: '记录回电、到场、解决、报告或暂停/恢复计时',
    tags,
    access: 'desk.work',
    handler: async (ctx, { params, body }) => recordEvent(ctx, params.id, body),
  });
}

export async function kbRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['knowledge base'];
  defineRoute(app, {
    ...kbApi.search,
    summary: '知识库检索（中文子串，最佳匹配在前）',
    tags,
    access: 'kb.read',
    handler: async (ctx, { query }) => searchKb(ctx, query),
  });
  defineRoute(app, {
    ...kbApi.facets,
    summary: '知识库分类：各服务项目与标签的文章数',
    tags,
    access: 'kb.read',
    handler: async (ctx) => kbFacets(ctx),
  });
  defineRoute(app, {
    ...kbApi.get,
    summary: '知识库文章',
    tags,
    access: 'kb.read',
    handler: async (ctx, { params }) => kbStore.get(ctx, params.id),
  });
  defineRoute(app, {
    ...kbApi.create,
    summary: '新建知识库文章（可由已解决的运维单生成）',
    tags,
    access: 'kb.write',
    handler: async (ctx, { body }) => createKb(ctx, body),
  });
  defineRoute(app, {
    ...kbApi.update,
    summary: '修改知识库文章',
    tags,
    access: 'kb.write',
    handler: async (ctx, { params, body }) => updateKb(ctx, params.id, body),
  });
}
