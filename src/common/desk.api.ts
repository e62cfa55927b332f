// Contracts of the service desk: tickets (log, list, read, record events), the queue's Excel export
// and SLA risk board, attachments and photos, and the knowledge base.
import { z } from 'zod';
import { ZIdParams, paged, patchOf } from './api.ts';
import {
  ZAssigneeCandidate,
  ZKbArticle,
  ZKbFacets,
  ZKbInput,
  ZKbQuery,
  ZRiskQuery,
  ZRiskSummary,
  ZTicket,
  ZTicketCreate,
  ZTicketEvent,
  ZTicketList,
  ZTicketQuery,
} from './desk.ts';
import { endpoint } from './endpoint.ts';
import { ZAttachment, ZAttachmentParams } from './files.ts';

export const deskApi = {
  createTicket: endpoint({ method: 'POST', path: '/api/tickets', body: ZTicketCreate, response: ZTicket, status: 201 }),
  listTickets: endpoint({ method: 'GET', path: '/api/tickets', query: ZTicketQuery, response: ZTicketList }),
  /** With its SLA clocks. */
  getTicket: endpoint({ method: 'GET', path: '/api/tickets/:id', params: ZIdParams, response: ZTicket }),
  recordEvent: endpoint({ method: 'POST', path: '/api/tickets/:id/events', params: ZIdParams, body: ZTicketEvent, response: ZTicket }),
  /** Excel of the filtered queue. */
  exportTickets: endpoint({
    method: 'GET',
    path: '/api/tickets/export',
    query: ZTicketQuery.omit({ page: true, pageSize: true }),
    raw: true,
  }),
  risk: endpoint({ method: 'GET', path: '/api/tickets/risk', query: ZRiskQuery, response: ZRiskSummary }),
  assignees: endpoint({
    method: 'GET',
    path: '/api/tickets/:id/assignees',
    params: ZIdParams,
    response: z.array(ZAssigneeCandidate),
  }),

  /** Multipart: the file as `file`, optionally `kind` = photo | document. */
  uploadAttachment: endpoint({
    method: 'POST',
    path: '/api/tickets/:id/attachments',
    params: ZIdParams,
    response: ZAttachment,
    status: 201,
    multipart: true,
  }),
  attachments: endpoint({ method: 'GET', path: '/api/tickets/:id/attachments', params: ZIdParams, response: z.array(ZAttachment) }),
  /** The stored file: images and PDF open in the browser, the rest downloads. */
  attachment: endpoint({ method: 'GET', path: '/api/tickets/:id/attachments/:fileId', params: ZAttachmentParams, raw: true }),
  deleteAttachment: endpoint({ method: 'DELETE', path: '/api/tickets/:id/attachments/:fileId', params: ZAttachmentParams, status: 204 }),
};

export const kbApi = {
  search: endpoint({ method: 'GET', path: '/api/kb', query: ZKbQuery, response: paged(ZKbArticle) }),
  facets: endpoint({ method: 'GET', path: '/api/kb/facets', response: ZKbFacets }),
  get: endpoint({ method: 'GET', path: '/api/kb/:id', params: ZIdParams, response: ZKbArticle }),
  create: endpoint({ method: 'POST', path: '/api/kb', body: ZKbInput, response: ZKbArticle, status: 201 }),
  update: endpoint({ method: 'PATCH', path: '/api/kb/:id', params: ZIdParams, body: patchOf(ZKbInput), response: ZKbArticle }),
};
