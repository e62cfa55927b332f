// Desk routes, first slice: log a ticket (also machine intake with an API token), list, read, record events.
import type { FastifyInstance } from 'fastify';
import { ZIdParams, paged } from '../../../common/api.ts';
import { ZTicket, ZTicketCreate, ZTicketEvent, ZTicketQuery } from '../../../common/desk.ts';
import { defineRoute } from '../../kernel/http.ts';
import { createTicket, getTicket, listTickets, recordEvent } from './service.ts';

export async function deskRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk'];
  defineRoute(app, {
    method: 'POST', url: '/tickets', summary: '登记运维单（热线、网页、现场、监控/API）', tags, access: 'desk.create',
    body: ZTicketCreate, response: ZTicket, status: 201,
    handler: async (ctx, { body }) => createTicket(ctx, body),
  });
  defineRoute(app, {
    method: 'GET', url: '/tickets', summary: '运维单列表（筛选、分页）', tags, access: 'desk.read',
    query: ZTicketQuery, response: paged(ZTicket),
    handler: async (ctx, { query }) => listTickets(ctx, query),
  });
  defineRoute(app, {
    method: 'GET', url: '/tickets/:id', summary: '运维单详情（含 SLA 计时）', tags, access: 'desk.read',
    params: ZIdParams, response: ZTicket,
    handler: async (ctx, { params }) => getTicket(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST', url: '/tickets/:id/events', summary: '记录回电、到场、解决、报告或暂停/恢复计时', tags, access: 'desk.work',
    params: ZIdParams, body: ZTicketEvent, response: ZTicket,
    handler: async (ctx, { params, body }) => recordEvent(ctx, params.id, body),
  });
}
