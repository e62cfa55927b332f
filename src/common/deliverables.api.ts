// Contracts of the deliverables module (issue 15 points 2–3, R-RPT-02/03).
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import {
  ZAssignInput,
  ZAssignee,
  ZCommentInput,
  ZDeliverInput,
  ZFileRef,
  ZLeaderDecision,
  ZLeaderInput,
  ZLeaderList,
  ZLeaderQuery,
  ZLeaderRequest,
  ZQuarterly,
  ZQuarterlyDecision,
  ZQuarterlyList,
  ZQuarterlyQuery,
} from './deliverables.ts';
import { endpoint } from './endpoint.ts';

const ZFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const deliverablesApi = {
  quarterlies: endpoint({ method: 'GET', path: '/api/quarterlies', query: ZQuarterlyQuery, response: ZQuarterlyList }),
  quarterly: endpoint({ method: 'GET', path: '/api/quarterlies/:id', params: ZIdParams, response: ZQuarterly }),
  /** Multipart: the summary as `file` (Word or PDF) with the fields quarter, reportRef, note. */
  submitQuarterly: endpoint({ method: 'POST', path: '/api/quarterlies', response: ZQuarterly, status: 201, multipart: true }),
  /** Multipart: the revised summary after an objection (`file`, reportRef, note): a new version. */
  resubmitQuarterly: endpoint({
    method: 'POST',
    path: '/api/quarterlies/:id/versions',
    params: ZIdParams,
    response: ZQuarterly,
    status: 201,
    multipart: true,
  }),
  decideQuarterly: endpoint({
    method: 'POST',
    path: '/api/quarterlies/:id/decision',
    params: ZIdParams,
    body: ZQuarterlyDecision,
    response: ZQuarterly,
  }),
  commentQuarterly: endpoint({
    method: 'POST',
    path: '/api/quarterlies/:id/comments',
    params: ZIdParams,
    body: ZCommentInput,
    response: ZQuarterly,
    status: 201,
  }),
  quarterlyFile: endpoint({ method: 'GET', path: '/api/quarterlies/:id/files/:fileId', params: ZFileParams, raw: true }),

  leaderRequests: endpoint({ method: 'GET', path: '/api/leader-requests', query: ZLeaderQuery, response: ZLeaderList }),
  leaderRequest: endpoint({ method: 'GET', path: '/api/leader-requests/:id', params: ZIdParams, response: ZLeaderRequest }),
  createLeaderRequest: endpoint({
    method: 'POST',
    path: '/api/leader-requests',
    body: ZLeaderInput,
    response: ZLeaderRequest,
    status: 201,
  }),
  assignees: endpoint({ method: 'GET', path: '/api/leader-requests/assignees', response: z.array(ZAssignee) }),
  assignLeaderRequest: endpoint({
    method: 'POST',
    path: '/api/leader-requests/:id/assign',
    params: ZIdParams,
    body: ZAssignInput,
    response: ZLeaderRequest,
  }),
  /** Multipart: one file (`file`) for the next delivery. */
  uploadLeaderFile: endpoint({
    method: 'POST',
    path: '/api/leader-requests/:id/files',
    params: ZIdParams,
    response: ZFileRef,
    status: 201,
    multipart: true,
  }),
  deliverLeaderRequest: endpoint({
    method: 'POST',
    path: '/api/leader-requests/:id/deliver',
    params: ZIdParams,
    body: ZDeliverInput,
    response: ZLeaderRequest,
  }),
  decideLeaderRequest: endpoint({
    method: 'POST',
    path: '/api/leader-requests/:id/decision',
    params: ZIdParams,
    body: ZLeaderDecision,
    response: ZLeaderRequest,
  }),
  leaderFile: endpoint({ method: 'GET', path: '/api/leader-requests/:id/files/:fileId', params: ZFileParams, raw: true }),
};
