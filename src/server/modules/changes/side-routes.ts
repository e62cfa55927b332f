// Routes of third-party access (R-CHG-04) and of the documents the agency reviews (R-CHG-06).
import type { FastifyInstance } from 'fastify';
import { changesApi as api } from '../../../common/changes.api.ts';
import { defineRoute } from '../../kernel/http.ts';
import { actOnAccess, listAccess, logAccess, requestAccess } from './access.ts';
import { decideReview, listReviews, resubmitReview, submitReview } from './reviews.ts';

export async function accessRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['changes'];
  defineRoute(app, {
    ...api.accessList,
    summary: '第三方人员访问（过期的标出）',
    tags,
    access: 'changes.read',
    handler: (ctx, { query }) => listAccess(ctx, query),
  });
  defineRoute(app, {
    ...api.accessCreate,
    summary: '登记第三方人员访问申请',
    tags,
    access: 'changes.write',
    handler: (ctx, { body }) => requestAccess(ctx, body),
  });
  defineRoute(app, {
    ...api.accessAct,
    summary: '审批（批准/驳回）或结束第三方人员访问',
    tags,
    access: 'changes.approve|changes.write',
    handler: (ctx, { params, body }) => actOnAccess(ctx, params.id, body),
  });
  defineRoute(app, {
    ...api.accessLog,
    summary: '登记第三方人员的工作记录',
    tags,
    access: 'changes.write',
    handler: (ctx, { params, body }) => logAccess(ctx, params.id, body.text),
  });
}

export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['changes'];
  defineRoute(app, {
    ...api.reviews,
    summary: '年度运维计划、管理制度与工作规范（甲方审阅）',
    tags,
    access: 'changes.read',
    handler: (ctx, { query }) => listReviews(ctx, query),
  });
  defineRoute(app, {
    ...api.reviewCreate,
    summary: '提交年度运维计划、管理制度或工作规范',
    tags,
    access: 'changes.write',
    handler: (ctx, { body }) => submitReview(ctx, body),
  });
  defineRoute(app, {
    ...api.reviewResubmit,
    summary: '按甲方意见修改后重新提交（新版本）',
    tags,
    access: 'changes.write',
    handler: (ctx, { params, body }) => resubmitReview(ctx, params.id, body.body),
  });
  defineRoute(app, {
    ...api.reviewDecide,
    summary: '甲方审阅：通过或退回修改（附意见）',
    tags,
    access: 'changes.confirm',
    handler: (ctx, { params, body }) => decideReview(ctx, params.id, body),
  });
}
