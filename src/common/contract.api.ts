// Contracts of the service contract: its terms, its service lines and their staffing.
import { z } from 'zod';
import { ZIdParams, paged, patchOf } from './api.ts';
import {
  ZAssignInput,
  ZContract,
  ZContractPatch,
  ZOverview,
  ZServiceLine,
  ZServiceLinePatch,
  ZStaffing,
  ZStaffingInput,
} from './contract.ts';
import { ZOk, endpoint } from './endpoint.ts';
import { ZListQuery } from './org.ts';

const ZStaffingRow = ZStaffing.omit({ assigned: true });

export const contractApi = {
  overview: endpoint({ method: 'GET', path: '/api/contract/overview', response: ZOverview }),
  list: endpoint({ method: 'GET', path: '/api/contracts', query: ZListQuery, response: paged(ZContract) }),
  /** With its service lines and their staffing. */
  get: endpoint({ method: 'GET', path: '/api/contracts/:id', params: ZIdParams, response: ZContract }),
  update: endpoint({ method: 'PATCH', path: '/api/contracts/:id', params: ZIdParams, body: ZContractPatch, response: ZContract }),
  updateLine: endpoint({
    method: 'PATCH',
    path: '/api/service-lines/:id',
    params: ZIdParams,
    body: ZServiceLinePatch,
    response: ZServiceLine,
  }),
  createStaffing: endpoint({
    method: 'POST',
    path: '/api/service-lines/:id/staffing',
    params: ZIdParams,
    body: ZStaffingInput,
    response: ZStaffingRow,
    status: 201,
  }),
  updateStaffing: endpoint({
    method: 'PATCH',
    path: '/api/staffing/:id',
    params: ZIdParams,
    body: patchOf(ZStaffingInput),
    response: ZStaffingRow,
  }),
  removeStaffing: endpoint({ method: 'DELETE', path: '/api/staffing/:id', params: ZIdParams, response: ZOk }),
  assign: endpoint({
    method: 'POST',
    path: '/api/staffing/:id/assignments',
    params: ZIdParams,
    body: ZAssignInput,
    response: z.object({ id: z.string(), personId: z.string(), since: z.string().nullable() }),
    status: 201,
  }),
  unassign: endpoint({
    method: 'DELETE',
    path: '/api/staffing/:id/assignments/:assignmentId',
    params: z.object({ id: z.uuid(), assignmentId: z.uuid() }),
    response: ZOk,
  }),
};
