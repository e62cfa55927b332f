// Contracts of the fault flow (R-SD-05..08): timeline, flow summary, assignment, documents, emergency
// mode, the agency's confirmation, work log, merge, follow-up, knowledge-base draft, Word exports.
import { z } from 'zod';
import { ZIdParams, paged } from './api.ts';
import {
  ZAssign,
  ZConfirm,
  ZDiagnosis,
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
  ZPlan,
  ZReport,
  ZTicketDocument,
  ZTicketDocuments,
  ZTicketFlow,
  ZTimelineEvent,
  ZWorkLog,
  ZWorkLogInput,
  ZWorkLogParams,
} from './desk-flow.ts';
import { endpoint } from './endpoint.ts';

export const deskFlowApi = {
  timeline: endpoint({ method: 'GET', path: '/api/tickets/:id/timeline', params: ZIdParams, response: z.array(ZTimelineEvent) }),
  flow: endpoint({ method: 'GET', path: '/api/tickets/:id/flow', params: ZIdParams, response: ZTicketFlow }),
  assign: endpoint({ method: 'POST', path: '/api/tickets/:id/assign', params: ZIdParams, body: ZAssign, response: ZTicketFlow }),

  documents: endpoint({ method: 'GET', path: '/api/tickets/:id/documents', params: ZIdParams, response: ZTicketDocuments }),
  /** The body is the kind's own schema (DOC_SCHEMAS); the server checks it against the kind in the path. */
  saveDocument: endpoint({
    method: 'PUT',
    path: '/api/tickets/:id/documents/:kind',
    params: ZDocParams,
    body: z.union([ZDiagnosis, ZPlan, ZReport]),
    response: ZTicketDocument,
  }),
  documentVersion: endpoint({
    method: 'GET',
    path: '/api/tickets/:id/documents/:kind/versions/:version',
    params: ZDocVersionParams,
    response: ZTicketDocument,
  }),
  /** Word file of the latest version. */
  documentWord: endpoint({ method: 'GET', path: '/api/tickets/:id/documents/:kind/word', params: ZDocParams, raw: true }),

  emergency: endpoint({ method: 'POST', path: '/api/tickets/:id/emergency', params: ZIdParams, body: ZEmergency, response: ZTicketFlow }),
  confirm: endpoint({ method: 'POST', path: '/api/tickets/:id/confirm', params: ZIdParams, body: ZConfirm, response: ZTicketFlow }),
  merge: endpoint({ method: 'POST', path: '/api/tickets/:id/merge', params: ZIdParams, body: ZMerge, response: ZTicketFlow }),

  worklogs: endpoint({ method: 'GET', path: '/api/tickets/:id/worklogs', params: ZIdParams, response: z.array(ZWorkLog) }),
  addWorklog: endpoint({
    method: 'POST',
    path: '/api/tickets/:id/worklogs',
    params: ZIdParams,
    body: ZWorkLogInput,
    response: ZWorkLog,
    status: 201,
  }),
  deleteWorklog: endpoint({ method: 'DELETE', path: '/api/tickets/:id/worklogs/:logId', params: ZWorkLogParams, status: 204 }),

  followups: endpoint({ method: 'GET', path: '/api/followups', query: ZFollowupQuery, response: paged(ZFollowupItem) }),
  followupsExport: endpoint({ method: 'GET', path: '/api/followups/export', query: ZFollowupQuery, raw: true }),
  followupStats: endpoint({ method: 'GET', path: '/api/followups/stats', query: ZFollowupStatsQuery, response: ZFollowupStats }),
  followup: endpoint({ method: 'POST', path: '/api/tickets/:id/followup', params: ZIdParams, body: ZFollowupInput, response: ZFollowup }),

  kbDraft: endpoint({ method: 'GET', path: '/api/tickets/:id/kb-draft', params: ZIdParams, response: ZKbDraft }),
  /** Word file of the whole ticket. */
  ticketWord: endpoint({ method: 'GET', path: '/api/tickets/:id/word', params: ZIdParams, raw: true }),
};
