// Routes of the deliverables module: the quarterly summary and its review (R-RPT-02), leader support
// requests (R-RPT-03). Uploads go through kernel/files (size capped while streaming, type sniffed).
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { deliverablesApi as api } from '../../../common/deliverables.api.ts';
import { ZQuarterlyFields, ZResubmitFields } from '../../../common/deliverables.ts';
import { Invalid, UnsupportedMediaType } from '../../kernel/errors.ts';
import { checkFile } from '../../kernel/files/check.ts';
import { storedFileDownload } from '../../kernel/files/send.ts';
import { readFile } from '../../kernel/files/storage.ts';
import { readUpload } from '../../kernel/files/upload.ts';
import { defineRoute } from '../../kernel/http.ts';
import {
  assignees,
  assignLeaderRequest,
  createLeaderRequest,
  decideLeaderRequest,
  deliverLeaderRequest,
  getLeaderRequest,
  LEADER,
  listLeaderRequests,
  uploadLeaderFile,
} from './leader.ts';
import {
  commentQuarterly,
  decideQuarterly,
  getQuarterly,
  listQuarterlies,
  OBJECT,
  resubmitQuarterly,
  submitQuarterly,
} from './quarterly.ts';

const READ = 'deliverables.read';
const SUMMARY_TYPES = new Set(['docx', 'doc', 'pdf']);

/** The summary's file and text fields: Word or PDF only; the fields validated like a body. */
async function summaryUpload<S extends z.ZodType>(req: Parameters<typeof readUpload>[0], schema: S) {
  const up = await readUpload(req, 'file');
  const fields = schema.safeParse(up.fields);
  if (!fields.success) {
    const errors = fields.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message }));
    throw new Invalid('validation', `请求参数有误：${errors.map((e) => `${e.path} ${e.message}`).join('；')}`, errors);
  }
  const f = checkFile(up.filename, up.bytes);
  if (!SUMMARY_TYPES.has(f.extension))
    throw new UnsupportedMediaType('quarterly.file_type', '季度服务工作总结须为 Word（.docx、.doc）或 PDF 文件', { detected: f.detected });
  return { up: { filename: up.filename, bytes: up.bytes }, fields: fields.data };
}

export async function quarterlyRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['deliverables'];
  defineRoute(app, {
    ...api.quarterlies,
    summary: '季度服务工作总结（按季度倒序，含各版本与质疑讨论）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listQuarterlies(ctx, query),
  });
  defineRoute(app, {
    ...api.quarterly,
    summary: '一份季度服务工作总结',
    tags,
    access: READ,
    handler: (ctx, { params }) => getQuarterly(ctx, params.id),
  });
  defineRoute(app, {
    ...api.submitQuarterly,
    summary: '提交季度服务工作总结（multipart：file 为 Word/PDF，字段 quarter=YYYY-Qn、reportRef、note）；甲方评审期 15 日',
    tags,
    access: 'deliverables.submit',
    handler: async (ctx, _i, req) => {
      const { up, fields } = await summaryUpload(req, ZQuarterlyFields);
      return submitQuarterly(ctx, fields, up);
    },
  });
  defineRoute(app, {
    ...api.resubmitQuarterly,
    summary: '被质疑后重新提交（新版本，评审期重新计算）',
    tags,
    access: 'deliverables.submit',
    handler: async (ctx, { params }, req) => {
      const { up, fields } = await summaryUpload(req, ZResubmitFields);
      return resubmitQuarterly(ctx, params.id, fields, up);
    },
  });
  defineRoute(app, {
    ...api.decideQuarterly,
    summary: '甲方评审：通过或提出质疑（须写明意见）；评审期届满后不能再评审',
    tags,
    access: 'deliverables.review',
    handler: (ctx, { params, body }) => decideQuarterly(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.commentQuarterly,
    summary: '在季度总结的讨论中留言（甲乙双方）',
    tags,
    access: 'deliverables.review|deliverables.submit',
    handler: (ctx, { params, body }) => commentQuarterly(ctx, params.id, body.body),
  });
  defineRoute(app, {
    ...api.quarterlyFile,
    summary: '下载季度总结文件',
    tags,
    access: READ,
    handler: async (ctx, { params }) => storedFileDownload(await readFile(ctx, params.fileId, OBJECT, params.id)),
  });
}

export async function leaderRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['deliverables'];
  defineRoute(app, {
    ...api.leaderRequests,
    summary: '领导支持需求（数据报表、网络报告、汇报材料）',
    tags,
    access: READ,
    handler: (ctx, { query }) => listLeaderRequests(ctx, query),
  });
  defineRoute(app, {
    ...api.assignees,
    summary: '可分派的乙方人员',
    tags,
    access: 'deliverables.assign',
    handler: (ctx) => assignees(ctx),
  });
  defineRoute(app, {
    ...api.leaderRequest,
    summary: '一项领导支持需求',
    tags,
    access: READ,
    handler: (ctx, { params }) => getLeaderRequest(ctx, params.id),
  });
  defineRoute(app, {
    ...api.createLeaderRequest,
    summary: '甲方提出领导支持需求（标题、内容、完成期限、提出人）',
    tags,
    access: 'deliverables.review',
    handler: (ctx, { body }) => createLeaderRequest(ctx, body),
  });
  defineRoute(app, {
    ...api.assignLeaderRequest,
    summary: '项目经理分派承办人',
    tags,
    access: 'deliverables.assign',
    handler: (ctx, { params, body }) => assignLeaderRequest(ctx, params.id, body.assigneeId),
  });
  defineRoute(app, {
    ...api.uploadLeaderFile,
    summary: '上传要交付的报表或材料（multipart 字段 file；一次一个，交付时一并提交）',
    tags,
    access: 'deliverables.deliver',
    handler: async (ctx, { params }, req) => {
      await getLeaderRequest(ctx, params.id);
      const up = await readUpload(req, 'file');
      return uploadLeaderFile(ctx, params.id, up);
    },
  });
  defineRoute(app, {
    ...api.deliverLeaderRequest,
    summary: '交付：已上传的文件与说明',
    tags,
    access: 'deliverables.deliver',
    handler: (ctx, { params, body }) => deliverLeaderRequest(ctx, params.id, body.note),
  });
  defineRoute(app, {
    ...api.decideLeaderRequest,
    summary: '甲方验收或要求补充（须写明还需要什么）',
    tags,
    access: 'deliverables.review',
    handler: (ctx, { params, body }) => decideLeaderRequest(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.leaderFile,
    summary: '下载交付的文件',
    tags,
    access: READ,
    handler: async (ctx, { params }) => storedFileDownload(await readFile(ctx, params.fileId, LEADER, params.id)),
  });
}
