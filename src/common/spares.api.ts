// Contracts of the spare parts: stock per location, minimum levels, moves per ticket and
// reservations, the Excel import and export, and the parts a ticket used.
import { z } from 'zod';
import { ZIdParams, ZPage } from './api.ts';
import { endpoint } from './endpoint.ts';
import {
  ZSpareFilter,
  ZSpareImportResult,
  ZSpareMoveInput,
  ZSpareMoveList,
  ZSpareMoveResult,
  ZSparePart,
  ZSparePartInput,
  ZSparePartList,
  ZSparePartPatch,
  ZSpareQuery,
  ZTicketSpares,
} from './spares.ts';

export const sparesApi = {
  list: endpoint({ method: 'GET', path: '/api/spare-parts', query: ZSpareQuery, response: ZSparePartList }),
  /** Excel of the filtered parts. */
  export: endpoint({ method: 'GET', path: '/api/spare-parts/export', query: ZSpareFilter, raw: true }),
  importTemplate: endpoint({ method: 'GET', path: '/api/spare-parts/import-template', raw: true }),
  /** Multipart .xlsx: every row checked first; errors listed per row and nothing written. */
  import: endpoint({ method: 'POST', path: '/api/spare-parts/import', response: ZSpareImportResult, multipart: true }),
  create: endpoint({ method: 'POST', path: '/api/spare-parts', body: ZSparePartInput, response: ZSparePart, status: 201 }),
  get: endpoint({ method: 'GET', path: '/api/spare-parts/:id', params: ZIdParams, response: ZSparePart }),
  update: endpoint({ method: 'PATCH', path: '/api/spare-parts/:id', params: ZIdParams, body: ZSparePartPatch, response: ZSparePart }),
  remove: endpoint({ method: 'DELETE', path: '/api/spare-parts/:id', params: ZIdParams, status: 204 }),
  move: endpoint({
    method: 'POST',
    path: '/api/spare-parts/:id/moves',
    params: ZIdParams,
    body: ZSpareMoveInput,
    response: ZSpareMoveResult,
    status: 201,
  }),
  moves: endpoint({
    method: 'GET',
    path: '/api/spare-parts/:id/moves',
    params: ZIdParams,
    query: ZPage.extend({ pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
    response: ZSpareMoveList,
  }),
  ofTicket: endpoint({ method: 'GET', path: '/api/tickets/:id/spares', params: ZIdParams, response: ZTicketSpares }),
};
