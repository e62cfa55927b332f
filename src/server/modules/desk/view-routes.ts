// Routes of the queue views: Excel export of the filtered queue and the SLA risk board.
import type { FastifyInstance } from 'fastify';
import { dateOf } from '../../../common/dates.ts';
import { xlsxDownload } from '../../kernel/office/xlsx.ts';
import { defineRoute } from '../../kernel/http.ts';
import { assigneeCandidates, exportColumns, exportRows, riskBoard } from './views.ts';
import { getTicket } from './service.ts';
import { deskApi } from '../../../common/desk.api.ts';

export async function viewRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk'];
  defineRoute(app, {
    ...deskApi.exportTickets,
    summary: '导出筛选后的运维单（Excel）',
    tags,
    access: 'desk.read|desk.self',
    handler: async (ctx, { query }) =>
      xlsxDownload(`运维单-${dateOf(ctx.now())}.xlsx`, '运维单', exportColumns(), await exportRows(ctx, query)),
  });
  defineRoute(app, {
    ...deskApi.risk,
    summary: 'SLA 风险看板：按距超时时间排序的未达成计时',
    tags,
    access: 'desk.read',
    handler: async (ctx, { query }) => riskBoard(ctx, query),
  });
  defineRoute(app, {
    ...deskApi.assignees,
    summary: '可派单的工程师（该服务项目的工程师与项目经理）',
    tags,
    access: 'desk.manage',
    handler: async (ctx, { params }) => {
      await getTicket(ctx, params.id); // 404 outside the user's scope
      return assigneeCandidates(ctx, params.id);
    },
  });
}
