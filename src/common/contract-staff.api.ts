// The routes' contracts of the staff-list review and the staff-change notices (R-STF-01/02).
import { z } from 'zod';
import { ZIdParams, paged } from './api.ts';
import {
  ZStaffChange,
  ZStaffChangeQuery,
  ZStaffList,
  ZStaffListQuery,
  ZStaffListReview,
  ZStaffListStatus,
  ZStaffListSubmit,
} from './contract-staff.ts';
import { endpoint } from './endpoint.ts';

export const staffReviewApi = {
  status: endpoint({
    method: 'GET',
    path: '/api/staff-lists/status',
    query: z.object({ contractId: z.uuid().optional() }),
    response: ZStaffListStatus,
  }),
  list: endpoint({ method: 'GET', path: '/api/staff-lists', query: ZStaffListQuery, response: paged(ZStaffList) }),
  submit: endpoint({ method: 'POST', path: '/api/staff-lists', body: ZStaffListSubmit, response: ZStaffList, status: 201 }),
  review: endpoint({
    method: 'POST',
    path: '/api/staff-lists/:id/review',
    params: ZIdParams,
    body: ZStaffListReview,
    response: ZStaffList,
  }),
  changes: endpoint({ method: 'GET', path: '/api/staff-changes', query: ZStaffChangeQuery, response: paged(ZStaffChange) }),
  acknowledge: endpoint({ method: 'POST', path: '/api/staff-changes/:id/acknowledge', params: ZIdParams, response: ZStaffChange }),
};
