// Contracts of the procurement consulting: inquiries, vendors' quotes, purchase requests, receipt.
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import { endpoint } from './endpoint.ts';
import {
  ZDecideInput,
  ZProcurement,
  ZProcurementInput,
  ZProcurementList,
  ZProcurementQuery,
  ZQuoteInput,
  ZReceiveInput,
  ZRequestInput,
} from './procure.ts';

export const procureApi = {
  list: endpoint({ method: 'GET', path: '/api/procurements', query: ZProcurementQuery, response: ZProcurementList }),
  export: endpoint({ method: 'GET', path: '/api/procurements/export', query: ZProcurementQuery, raw: true }),
  create: endpoint({ method: 'POST', path: '/api/procurements', body: ZProcurementInput, response: ZProcurement, status: 201 }),
  /** With the quotes compared (total, price rank, fit score, recommendation). */
  get: endpoint({ method: 'GET', path: '/api/procurements/:id', params: ZIdParams, response: ZProcurement }),
  addQuote: endpoint({
    method: 'POST',
    path: '/api/procurements/:id/quotes',
    params: ZIdParams,
    body: ZQuoteInput,
    response: ZProcurement,
    status: 201,
  }),
  deleteQuote: endpoint({
    method: 'DELETE',
    path: '/api/procurements/:id/quotes/:quoteId',
    params: z.object({ id: z.uuid(), quoteId: z.uuid() }),
    response: ZProcurement,
  }),
  request: endpoint({
    method: 'POST',
    path: '/api/procurements/:id/request',
    params: ZIdParams,
    body: ZRequestInput,
    response: ZProcurement,
  }),
  decide: endpoint({ method: 'POST', path: '/api/procurements/:id/decide', params: ZIdParams, body: ZDecideInput, response: ZProcurement }),
  receive: endpoint({
    method: 'POST',
    path: '/api/procurements/:id/receive',
    params: ZIdParams,
    body: ZReceiveInput,
    response: ZProcurement,
  }),
};
