// Desk routes, first slice: log a ticket (also machine intake with an API token), list, read, record events.
import type { FastifyInstance } from 'fastify';
import { ZIdParams, paged, patchOf } from '../../../common/api.ts';
import { ZKbArticle, ZKbInput, ZKbQuery, ZTicket, ZTicketCreate, ZTicketEvent, ZTicketList, ZTicketQuery } from '../../../common/desk.ts';
import { createKb, kbStore, searchKb } from './kb.ts';
import { defineRoute } from '../../kernel/http.ts';
import { createTicket, getTicket, listTickets, recordEvent, type TicketInput } from './service.ts';
import type { Ctx } from '../../kernel/context.ts';

/**
 * Agency staff filing for themselves (desk.self without desk.create): the ticket comes in over the
 * web in their own name, now; they cannot back-date it or file it as someone else.
 */
function selfService(ctx: Ctx, body: TicketInput): TicketInput {
  const a = ctx.actor;
  if (!a || a.permissions.has('desk.create')) return body;
  return { ...body, channel: 'web', reportedAt: undefined, requesterName: a.displayName };
}

export async function deskRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk'];
  defineRoute(app, {
    method: 'POST',
    url: '/tickets',
    summary: '登记运维单（热线、网页、现场、监控/API；甲方工作人员自助报修）',
    tags,
    access: 'desk.create|desk.self',
    body: ZTicketCreate,
    response: ZTicket,
    status: 201,
    handler: async (ctx, { body }) => createTicket(ctx, selfService(ctx, body)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/tickets',
    summary: '运维单列表（筛选、分页；自助报修者只见本人的）',
    tags,
    access: 'desk.read|desk.self',
    query: ZTicketQuery,
    response: ZTicketList,
    handler: async (ctx, { query }) => listTickets(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id',
    summary: '运维单详情（含 SLA 计时）',
    tags,
    access: 'desk.read|desk.self',
    params: ZIdParams,
    response: ZTicket,
    handler: async (ctx, { params }) => getTicket(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/tickets/:id/events',
    summary: '记录回电、到场、解决、报告或暂停/恢复计时',
    tags,
    access: 'desk.work',
    params: ZIdParams,
    body: ZTicketEvent,
    response: ZTicket,
    handler: async (ctx, { params, body }) => recordEvent(ctx, params.id, body),
  });
}

export async function kbRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['knowledge base'];
  defineRoute(app, {
    method: 'GET',
    url: '/kb',
    summary: '知识库检索（中文子串，最佳匹配在前）',
    tags,
    access: 'kb.read',
    query: ZKbQuery,
    response: paged(ZKbArticle),
    handler: async (ctx, { query }) => searchKb(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/kb/:id',
    summary: '知识库文章',
    tags,
    access: 'kb.read',
    params: ZIdParams,
    response: ZKbArticle,
    handler: async (ctx, { params }) => kbStore.get(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/kb',
    summary: '新建知识库文章（可由已解决的运维单生成）',
    tags,
    access: 'kb.write',
    body: ZKbInput,
    response: ZKbArticle,
    status: 201,
    handler: async (ctx, { body }) => createKb(ctx, body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/kb/:id',
    summary: '修改知识库文章',
    tags,
    access: 'kb.write',
    params: ZIdParams,
    body: patchOf(ZKbInput),
    response: ZKbArticle,
    handler: async (ctx, { params, body }) => kbStore.update(ctx, params.id, body),
  });
}
