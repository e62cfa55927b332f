// Routes of the staff list's review (R-STF-01) and the staff-change notices (R-STF-02).
import type { FastifyInstance } from 'fastify';
import { staffReviewApi } from '../../../common/contract-staff.api.ts';
import { defineRoute } from '../../kernel/http.ts';
import { acknowledgeChange, listStaffChanges, listStaffLists, reviewStaffList, staffListStatus, submitStaffList } from './staff-review.ts';

export async function staffReviewRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['contract'];
  defineRoute(app, {
    ...staffReviewApi.status,
    summary: '人员名单状态：已认可的版本、待审核的版本、是否因人员变更而过时',
    tags,
    access: 'contract.read',
    handler: async (ctx, { query }) => staffListStatus(ctx, query.contractId),
  });
  defineRoute(app, {
    ...staffReviewApi.list,
    summary: '人员名单的各个版本（新版在前）',
    tags,
    access: 'contract.read',
    handler: async (ctx, { query }) => listStaffLists(ctx, query),
  });
  defineRoute(app, {
    ...staffReviewApi.submit,
    summary: '提交人员名单供甲方审核（按当前岗位安排生成新版本）',
    tags,
    access: 'contract.staff_submit',
    handler: async (ctx, { body }) => submitStaffList(ctx, body),
  });
  defineRoute(app, {
    ...staffReviewApi.review,
    summary: '甲方审核人员名单：认可，或说明理由退回',
    tags,
    access: 'contract.staff_review',
    handler: async (ctx, { params, body }) => reviewStaffList(ctx, params.id, body),
  });
  defineRoute(app, {
    ...staffReviewApi.changes,
    summary: '人员变更通知',
    tags,
    access: 'contract.read',
    handler: async (ctx, { query }) => listStaffChanges(ctx, query),
  });
  defineRoute(app, {
    ...staffReviewApi.acknowledge,
    summary: '甲方确认知悉人员变更',
    tags,
    access: 'contract.staff_review',
    handler: async (ctx, { params }) => acknowledgeChange(ctx, params.id),
  });
}
