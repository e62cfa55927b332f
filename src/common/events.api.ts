// Contracts of the security event centre (issue 13, "Public API (stable)"): the event list, its
// export, the registered sources and the unknown senders.
import { z } from 'zod';
import { ZIdParams, paged } from './api.ts';
import { endpoint } from './endpoint.ts';
import { ZEvent, ZEventQuery, ZEventSource, ZEventSourceInput, ZUnknownSource } from './events.ts';

export const eventsApi = {
  list: endpoint({ method: 'GET', path: '/api/events', query: ZEventQuery, response: paged(ZEvent) }),
  /** The list with the same filters as an .xlsx. */
  export: endpoint({ method: 'GET', path: '/api/events/export', query: ZEventQuery, raw: true }),
  sources: endpoint({ method: 'GET', path: '/api/events/sources', response: z.object({ items: z.array(ZEventSource) }) }),
  addSource: endpoint({ method: 'POST', path: '/api/events/sources', body: ZEventSourceInput, response: ZEventSource, status: 201 }),
  removeSource: endpoint({ method: 'DELETE', path: '/api/events/sources/:id', params: ZIdParams, status: 204 }),
  unknown: endpoint({ method: 'GET', path: '/api/events/unknown-sources', response: z.object({ items: z.array(ZUnknownSource) }) }),
};
