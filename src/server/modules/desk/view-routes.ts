// Routes of the queue views: Excel export of the filtered queue and the SLA risk board.
import type { FastifyInstance } from 'fastify';
import { ZRiskQuery, ZRiskSummary, ZTicketQuery } from '../../../common/desk.ts';
import { dateOf } from '../../../common/dates.ts';
import { xlsxDownload } from '../../kernel/office/xlsx.ts';
import { defineRoute } from '../../kernel/http.ts';
import { assigneeCandidates, exportColumns, exportRows, riskBoard } from './views.ts';
import { getTicket } from './service.ts';
import { ZIdParams } from '../../../common/api.ts';
import { ZAssigneeCandidate } from '../../../common/desk.ts';
import { z } from 'zod';

const ZExportQuery = ZTicketQuery.omit({ page: true, pageSize: true });

export async function viewRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk'];
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/export',
    summary: '导出筛选后的运维单（Excel）',
    tags,
    access: 'desk.read|desk.self',
    query: ZExportQuery,
    handler: async (ctx, { query }) =>
      xlsxDownload(`运维单-${dateOf(ctx.now())}.xlsx`, '运维单', exportColumns(), await exportRows(ctx, query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/risk',
    summary: 'SLA 风险看板：按距超时时间排序的未达成计时',
    tags,
    access: 'desk.read',
    query: ZRiskQuery,
    response: ZRiskSummary,
    handler: async (ctx, { query }) => riskBoard(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/assignees',
    summary: '可派单的工程师（该服务项目的工程师与项目经理）',
    tags,
    access: 'desk.manage',
    params: ZIdParams,
    response: z.array(ZAssigneeCandidate),
    handler: async (ctx, { params }) => {
      await getTicket(ctx, params.id); // 404 outside the user's scope
      return assigneeCandidates(ctx, params.id);
    },
  });
}
