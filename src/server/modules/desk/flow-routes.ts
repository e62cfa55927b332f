// Routes of the fault flow (R-SD-05..08): timeline, flow summary, assignment, documents, emergency
// mode, the agency's confirmation, work log, merge, follow-up, knowledge-base draft, Word export.
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../kernel/http.ts';
import { getDocument, listDocuments, parseDocument, saveDocument } from './documents.ts';
import { assignTicket, confirmTicket, declareEmergency, kbDraft, mergeTicket, ticketFlow } from './flow.ts';
import { readTicket } from './service.ts';
import { followupStats, listFollowups, recordFollowup } from './followup.ts';
import { listTimeline } from './timeline.ts';
import { docxDownload, documentDocx, ticketDocx } from './word.ts';
import { addWorkLog, deleteWorkLog, listWorkLogs } from './worklog.ts';
import { deskFlowApi } from '../../../common/desk-flow.api.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import { listXlsx, shanghaiTime } from '../../kernel/office/list-export.ts';
import type { Column } from '../../kernel/office/xlsx.ts';

const READ = 'desk.read|desk.self';

type FollowupRow = Awaited<ReturnType<typeof listFollowups>>['items'][number];
const FOLLOWUP_COLUMNS: Column<FollowupRow>[] = [
  { header: '运维单编号', width: 18, value: (r) => r.number },
  { header: '标题', width: 36, value: (r) => r.title },
  { header: '服务项目', width: 10, value: (r) => lineLabel(r.serviceLine) },
  { header: '报修人', width: 12, value: (r) => r.requesterName },
  { header: '部门', width: 16, value: (r) => r.requesterDepartment },
  { header: '电话', width: 16, value: (r) => r.requesterPhone },
  { header: '关闭时间', width: 17, value: (r) => shanghaiTime(r.closedAt) },
  { header: '回访期限', width: 17, value: (r) => shanghaiTime(r.dueAt) },
  { header: '状态', width: 8, value: (r) => (r.status === 'done' ? '已回访' : '待回访') },
  { header: '回访时间', width: 17, value: (r) => shanghaiTime(r.doneAt) },
  { header: '回访人', width: 10, value: (r) => r.doneByName ?? '' },
  { header: '联系上', width: 8, value: (r) => (r.reachable === null ? '' : r.reachable ? '是' : '否') },
  { header: '满意度（1–5）', width: 12, value: (r) => r.satisfaction },
  { header: '意见与建议', width: 40, value: (r) => r.comment },
];

export async function flowRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['desk flow'];
  defineRoute(app, {
    ...deskFlowApi.timeline,
    summary: '运维单时间线（谁在何时做了什么）',
    tags,
    access: READ,
    handler: async (ctx, { params }) => {
      await readTicket(ctx, params.id);
      return listTimeline(ctx, params.id);
    },
  });
  defineRoute(app, {
    ...deskFlowApi.flow,
    summary: '故障处理流程概况：缺少的文档、可否确认、确认结果、回访、工时',
    tags,
    access: READ,
    handler: async (ctx, { params }) => ticketFlow(ctx, params.id),
  });
  defineRoute(app, {
    ...deskFlowApi.assign,
    summary: '派单给该服务项目的工程师',
    tags,
    access: 'desk.manage',
    handler: async (ctx, { params, body }) => assignTicket(ctx, params.id, body.assigneeId),
  });

  // Documents (R-SD-05): the body depends on the kind in the URL, so it is validated in the handler.
  defineRoute(app, {
    ...deskFlowApi.documents,
    summary: '故障诊断报告、恢复方案、维护报告（各取最新版）及版本列表',
    tags,
    access: READ,
    handler: async (ctx, { params }) => listDocuments(ctx, params.id),
  });
  defineRoute(app, {
    ...deskFlowApi.saveDocument,
    summary: '保存文档（每次保存为新版本；保存维护报告即记录解决）',
    tags,
    access: 'desk.work',
    // Checked in the handler against the schema of the kind in the path (DOC_SCHEMAS), not the union.
    body: undefined,
    handler: async (ctx, { params }, req) => saveDocument(ctx, params.id, params.kind, parseDocument(params.kind, req.body)),
  });
  defineRoute(app, {
    ...deskFlowApi.documentVersion,
    summary: '文档的某一版本',
    tags,
    access: READ,
    handler: async (ctx, { params }) => getDocument(ctx, params.id, params.kind, params.version),
  });
  defineRoute(app, {
    ...deskFlowApi.documentWord,
    summary: '导出文档（Word）',
    tags,
    access: READ,
    handler: async (ctx, { params }) => {
      const f = await documentDocx(ctx, params.id, params.kind);
      return docxDownload(ctx, f, 'ticket.document_export', { kind: params.kind, version: f.version });
    },
  });

  defineRoute(app, {
    ...deskFlowApi.emergency,
    summary: '紧急处理模式：先排除故障，解决后 2 个工作日内补齐文档',
    tags,
    access: 'desk.work',
    handler: async (ctx, { params, body }) => declareEmergency(ctx, params.id, body.reason),
  });
  defineRoute(app, {
    ...deskFlowApi.confirm,
    summary: '甲方技术人员测试后确认（关闭）或驳回（重新处理）',
    tags,
    access: 'desk.confirm',
    handler: async (ctx, { params, body }) => confirmTicket(ctx, params.id, body),
  });
  defineRoute(app, {
    ...deskFlowApi.merge,
    summary: '合并重复单：工作记录移到目标单，本单计时删除',
    tags,
    access: 'desk.manage',
    handler: async (ctx, { params, body }) => mergeTicket(ctx, params.id, body.intoId),
  });

  // Work log (R-SD-06).
  defineRoute(app, {
    ...deskFlowApi.worklogs,
    summary: '工作记录（现场/远程）',
    tags,
    access: READ,
    handler: async (ctx, { params }) => listWorkLogs(ctx, params.id),
  });
  defineRoute(app, {
    ...deskFlowApi.addWorklog,
    summary: '登记工作记录',
    tags,
    access: 'desk.work',
    handler: async (ctx, { params, body }) => addWorkLog(ctx, params.id, body),
  });
  defineRoute(app, {
    ...deskFlowApi.deleteWorklog,
    summary: '删除本人 24 小时内登记的工作记录',
    tags,
    access: 'desk.work',
    handler: async (ctx, { params }) => deleteWorkLog(ctx, params.id, params.logId),
  });

  // Follow-up (R-SD-07).
  defineRoute(app, {
    ...deskFlowApi.followups,
    summary: '回访列表（待回访 / 已回访）',
    tags,
    access: 'desk.manage',
    handler: async (ctx, { query }) => listFollowups(ctx, query),
  });
  defineRoute(app, {
    ...deskFlowApi.followupsExport,
    summary: '导出回访列表（Excel，与列表相同的筛选）',
    tags,
    access: 'desk.manage',
    handler: async (ctx, { query }) =>
      listXlsx(ctx, {
        title: query.status === 'done' ? '已回访' : query.status === 'pending' ? '待回访' : '回访',
        objectType: 'ticket_followup',
        query,
        list: (page, pageSize) => listFollowups(ctx, { ...query, page, pageSize }),
        columns: FOLLOWUP_COLUMNS,
      }),
  });
  defineRoute(app, {
    ...deskFlowApi.followupStats,
    summary: '回访统计：按服务项目、按工程师的回访率与满意度',
    tags,
    access: 'desk.manage|desk.read_all',
    handler: async (ctx, { query }) => followupStats(ctx, query),
  });
  defineRoute(app, {
    ...deskFlowApi.followup,
    summary: '记录回访结果（每单一次）',
    tags,
    access: 'desk.manage',
    handler: async (ctx, { params, body }) => recordFollowup(ctx, params.id, body),
  });

  // Knowledge base in one step (R-SD-08): the web posts the edited draft to POST /api/kb.
  defineRoute(app, {
    ...deskFlowApi.kbDraft,
    summary: '由已解决的运维单生成知识库草稿',
    tags,
    access: 'kb.write',
    handler: async (ctx, { params }) => kbDraft(ctx, params.id),
  });

  defineRoute(app, {
    ...deskFlowApi.ticketWord,
    summary: '导出运维单（Word）',
    tags,
    access: READ,
    handler: async (ctx, { params }) => docxDownload(ctx, await ticketDocx(ctx, params.id), 'ticket.export'),
  });
}
