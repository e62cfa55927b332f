// Routes of the fault flow (R-SD-05..08): timeline, flow summary, assignment, documents, emergency
// mode, the agency's confirmation, work log, merge, follow-up, knowledge-base draft, Word export.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZIdParams, paged } from '../../../common/api.ts';
import {
  ZAssign,
  ZConfirm,
  ZDocParams,
  ZDocVersionParams,
  ZEmergency,
  ZFollowup,
  ZFollowupInput,
  ZFollowupItem,
  ZFollowupQuery,
  ZFollowupStats,
  ZFollowupStatsQuery,
  ZKbDraft,
  ZMerge,
  ZTicketDocument,
  ZTicketDocuments,
  ZTicketFlow,
  ZTimelineEvent,
  ZWorkLog,
  ZWorkLogInput,
  ZWorkLogParams,
} from '../../../common/desk-flow.ts';
import { defineRoute } from '../../kernel/http.ts';
import { getDocument, listDocuments, parseDocument, saveDocument } from './documents.ts';
import { assignTicket, confirmTicket, declareEmergency, kbDraft, mergeTicket, ticketFlow } from './flow.ts';
import { readTicket } from './service.ts';
import { followupStats, listFollowups, recordFollowup } from './followup.ts';
import { listTimeline } from './timeline.ts';
import { docxDownload, documentDocx, ticketDocx } from './word.ts';
import { addWorkLog, deleteWorkLog, listWorkLogs } from './worklog.ts';

const READ = 'desk.read|desk.self';

export async function flowRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk flow'];
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/timeline',
    summary: '运维单时间线（谁在何时做了什么）',
    tags,
    access: READ,
    params: ZIdParams,
    response: z.array(ZTimelineEvent),
    handler: async (ctx, { params }) => {
      await readTicket(ctx, params.id);
      return listTimeline(ctx, params.id);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/flow',
    summary: '故障处理流程概况：缺少的文档、可否确认、确认结果、回访、工时',
    tags,
    access: READ,
    params: ZIdParams,
    response: ZTicketFlow,
    handler: async (ctx, { params }) => ticketFlow(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/tickets/:id/assign',
    summary: '派单给该服务项目的工程师',
    tags,
    access: 'desk.manage',
    params: ZIdParams,
    body: ZAssign,
    response: ZTicketFlow,
    handler: async (ctx, { params, body }) => assignTicket(ctx, params.id, body.assigneeId),
  });

  // Documents (R-SD-05): the body depends on the kind in the URL, so it is validated in the handler.
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/documents',
    summary: '故障诊断报告、恢复方案、维护报告（各取最新版）及版本列表',
    tags,
    access: READ,
    params: ZIdParams,
    response: ZTicketDocuments,
    handler: async (ctx, { params }) => listDocuments(ctx, params.id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/tickets/:id/documents/:kind',
    summary: '保存文档（每次保存为新版本；保存维护报告即记录解决）',
    tags,
    access: 'desk.work',
    params: ZDocParams,
    response: ZTicketDocument,
    handler: async (ctx, { params }, req) => saveDocument(ctx, params.id, params.kind, parseDocument(params.kind, req.body)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/documents/:kind/versions/:version',
    summary: '文档的某一版本',
    tags,
    access: READ,
    params: ZDocVersionParams,
    response: ZTicketDocument,
    handler: async (ctx, { params }) => getDocument(ctx, params.id, params.kind, params.version),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/documents/:kind/word',
    summary: '导出文档（Word）',
    tags,
    access: READ,
    params: ZDocParams,
    handler: async (ctx, { params }) => {
      const f = await documentDocx(ctx, params.id, params.kind);
      return docxDownload(ctx, f, 'ticket.document_export', { kind: params.kind, version: f.version });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/tickets/:id/emergency',
    summary: '紧急处理模式：先排除故障，解决后 2 个工作日内补齐文档',
    tags,
    access: 'desk.work',
    params: ZIdParams,
    body: ZEmergency,
    response: ZTicketFlow,
    handler: async (ctx, { params, body }) => declareEmergency(ctx, params.id, body.reason),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/tickets/:id/confirm',
    summary: '甲方技术人员测试后确认（关闭）或驳回（重新处理）',
    tags,
    access: 'desk.confirm',
    params: ZIdParams,
    body: ZConfirm,
    response: ZTicketFlow,
    handler: async (ctx, { params, body }) => confirmTicket(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/tickets/:id/merge',
    summary: '合并重复单：工作记录移到目标单，本单计时删除',
    tags,
    access: 'desk.manage',
    params: ZIdParams,
    body: ZMerge,
    response: ZTicketFlow,
    handler: async (ctx, { params, body }) => mergeTicket(ctx, params.id, body.intoId),
  });

  // Work log (R-SD-06).
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/worklogs',
    summary: '工作记录（现场/远程）',
    tags,
    access: READ,
    params: ZIdParams,
    response: z.array(ZWorkLog),
    handler: async (ctx, { params }) => listWorkLogs(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/tickets/:id/worklogs',
    summary: '登记工作记录',
    tags,
    access: 'desk.work',
    params: ZIdParams,
    body: ZWorkLogInput,
    response: ZWorkLog,
    status: 201,
    handler: async (ctx, { params, body }) => addWorkLog(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/tickets/:id/worklogs/:logId',
    summary: '删除本人 24 小时内登记的工作记录',
    tags,
    access: 'desk.work',
    params: ZWorkLogParams,
    status: 204,
    handler: async (ctx, { params }) => deleteWorkLog(ctx, params.id, params.logId),
  });

  // Follow-up (R-SD-07).
  defineRoute(app, {
    method: 'GET',
    url: '/followups',
    summary: '回访列表（待回访 / 已回访）',
    tags,
    access: 'desk.manage',
    query: ZFollowupQuery,
    response: paged(ZFollowupItem),
    handler: async (ctx, { query }) => listFollowups(ctx, query),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/followups/stats',
    summary: '回访统计：按服务项目、按工程师的回访率与满意度',
    tags,
    access: 'desk.manage|desk.read_all',
    query: ZFollowupStatsQuery,
    response: ZFollowupStats,
    handler: async (ctx, { query }) => followupStats(ctx, query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/tickets/:id/followup',
    summary: '记录回访结果（每单一次）',
    tags,
    access: 'desk.manage',
    params: ZIdParams,
    body: ZFollowupInput,
    response: ZFollowup,
    handler: async (ctx, { params, body }) => recordFollowup(ctx, params.id, body),
  });

  // Knowledge base in one step (R-SD-08): the web posts the edited draft to POST /api/kb.
  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/kb-draft',
    summary: '由已解决的运维单生成知识库草稿',
    tags,
    access: 'kb.write',
    params: ZIdParams,
    response: ZKbDraft,
    handler: async (ctx, { params }) => kbDraft(ctx, params.id),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/tickets/:id/word',
    summary: '导出运维单（Word）',
    tags,
    access: READ,
    params: ZIdParams,
    handler: async (ctx, { params }) => docxDownload(ctx, await ticketDocx(ctx, params.id), 'ticket.export'),
  });
}
