// Contracts of the saved filters of any list, per user.
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import { endpoint } from './endpoint.ts';
import { ZSavedView, ZSavedViewInput, ZSavedViewQuery } from './views.ts';

export const viewsApi = {
  list: endpoint({ method: 'GET', path: '/api/views', query: ZSavedViewQuery, response: z.array(ZSavedView) }),
  create: endpoint({ method: 'POST', path: '/api/views', body: ZSavedViewInput, response: ZSavedView, status: 201 }),
  remove: endpoint({ method: 'DELETE', path: '/api/views/:id', params: ZIdParams, status: 204 }),
};
