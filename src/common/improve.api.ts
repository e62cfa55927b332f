// Contracts of improvement requests (R-SD-12).
import { ZIdParams } from './api.ts';
import { endpoint } from './endpoint.ts';
import { ZImprovement, ZImprovementAction, ZImprovementCreate, ZImprovementList, ZImprovementQuery } from './improve.ts';

export const improveApi = {
  list: endpoint({ method: 'GET', path: '/api/improvements', query: ZImprovementQuery, response: ZImprovementList }),
  /** The filtered list as an Excel workbook (issue 11 point 14). */
  exportList: endpoint({ method: 'GET', path: '/api/improvements/export', query: ZImprovementQuery, raw: true }),
  get: endpoint({ method: 'GET', path: '/api/improvements/:id', params: ZIdParams, response: ZImprovement }),
  create: endpoint({ method: 'POST', path: '/api/improvements', body: ZImprovementCreate, response: ZImprovement, status: 201 }),
  /** One step of its life: assess, accept/reject, implement (PM), evaluate (agency). */
  act: endpoint({
    method: 'POST',
    path: '/api/improvements/:id/actions',
    params: ZIdParams,
    body: ZImprovementAction,
    response: ZImprovement,
  }),
};
