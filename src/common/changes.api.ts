// Contracts of the changes module (issue 12 point 1, R-CHG-01..06).
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import {
  ZAccess,
  ZAccessAction,
  ZAccessInput,
  ZAccessList,
  ZAccessLogInput,
  ZAccessQuery,
  ZApprovalRule,
  ZArchive,
  ZChangeAction,
  ZChangeDetail,
  ZChangeInput,
  ZChangeList,
  ZChangeQuery,
  ZDeviceParams,
  ZDiffParams,
  ZReviewDecision,
  ZReviewDoc,
  ZReviewInput,
  ZReviewList,
  ZReviewResubmit,
  ZTemplate,
  ZTemplateInput,
} from './changes.ts';
import { endpoint } from './endpoint.ts';
import { ZPage } from './api.ts';

export const changesApi = {
  list: endpoint({ method: 'GET', path: '/api/changes', query: ZChangeQuery, response: ZChangeList }),
  /** 导出 Excel of the list with the same filters. */
  exportList: endpoint({ method: 'GET', path: '/api/changes/export', query: ZChangeQuery, raw: true }),
  create: endpoint({ method: 'POST', path: '/api/changes', body: ZChangeInput, response: ZChangeDetail, status: 201 }),
  get: endpoint({ method: 'GET', path: '/api/changes/:id', params: ZIdParams, response: ZChangeDetail }),
  /** Edit a draft or a returned change. */
  update: endpoint({ method: 'PUT', path: '/api/changes/:id', params: ZIdParams, body: ZChangeInput, response: ZChangeDetail }),
  /** One step of its life: submit, approve/reject/return, start, finish, confirm, cancel. */
  act: endpoint({ method: 'POST', path: '/api/changes/:id/actions', params: ZIdParams, body: ZChangeAction, response: ZChangeDetail }),
  /** The before/after configuration diff of one device of the change, as unified text. */
  diff: endpoint({ method: 'GET', path: '/api/changes/:id/devices/:deviceId/diff', params: ZDiffParams, response: z.string() }),
  /** The change form (变更申请单) as Word. */
  word: endpoint({ method: 'GET', path: '/api/changes/:id/word', params: ZIdParams, raw: true }),
  /** Multipart: the agency's written notice as `file`. */
  uploadBasis: endpoint({
    method: 'POST',
    path: '/api/changes/:id/attachments',
    params: ZIdParams,
    response: z.object({ id: z.string(), name: z.string() }),
    status: 201,
    multipart: true,
  }),
  attachments: endpoint({
    method: 'GET',
    path: '/api/changes/:id/attachments',
    params: ZIdParams,
    response: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), createdAt: z.string() })),
  }),
  attachment: endpoint({
    method: 'GET',
    path: '/api/changes/:id/attachments/:fileId',
    params: z.object({ id: z.uuid(), fileId: z.uuid() }),
    raw: true,
  }),

  /** R-CHG-03: every change and configuration version of one device, newest first. */
  archive: endpoint({ method: 'GET', path: '/api/changes/archive/:deviceId', params: ZDeviceParams, response: ZArchive }),
  /** Configuration-backup devices a change may name (id and name). */
  devices: endpoint({ method: 'GET', path: '/api/changes/devices', response: z.array(z.object({ id: z.string(), name: z.string() })) }),

  templates: endpoint({ method: 'GET', path: '/api/change-templates', response: z.array(ZTemplate) }),
  createTemplate: endpoint({ method: 'POST', path: '/api/change-templates', body: ZTemplateInput, response: ZTemplate, status: 201 }),
  /** The agency approves a standard-change template once; changes from it need no further approval. */
  approveTemplate: endpoint({ method: 'POST', path: '/api/change-templates/:id/approve', params: ZIdParams, response: ZTemplate }),
  rules: endpoint({ method: 'GET', path: '/api/change-rules', response: z.array(ZApprovalRule) }),

  accessList: endpoint({ method: 'GET', path: '/api/third-party-access', query: ZAccessQuery, response: ZAccessList }),
  accessCreate: endpoint({ method: 'POST', path: '/api/third-party-access', body: ZAccessInput, response: ZAccess, status: 201 }),
  accessAct: endpoint({
    method: 'POST',
    path: '/api/third-party-access/:id/actions',
    params: ZIdParams,
    body: ZAccessAction,
    response: ZAccess,
  }),
  accessLog: endpoint({
    method: 'POST',
    path: '/api/third-party-access/:id/logs',
    params: ZIdParams,
    body: ZAccessLogInput,
    response: ZAccess,
  }),

  reviews: endpoint({ method: 'GET', path: '/api/change-reviews', query: ZPage, response: ZReviewList }),
  reviewCreate: endpoint({ method: 'POST', path: '/api/change-reviews', body: ZReviewInput, response: ZReviewDoc, status: 201 }),
  reviewResubmit: endpoint({
    method: 'POST',
    path: '/api/change-reviews/:id/versions',
    params: ZIdParams,
    body: ZReviewResubmit,
    response: ZReviewDoc,
  }),
  reviewDecide: endpoint({
    method: 'POST',
    path: '/api/change-reviews/:id/decision',
    params: ZIdParams,
    body: ZReviewDecision,
    response: ZReviewDoc,
  }),
};
