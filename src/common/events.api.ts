// Contracts of the security event centre (issue 13, "Public API (stable)"): the event list, its
// export, the registered sources, the filter rules, the receiver's counters and the unknown senders.
import { z } from 'zod';
import { ZIdParams, paged } from './api.ts';
import { endpoint } from './endpoint.ts';
import {
  ZAlertQuery,
  ZEvent,
  ZEventFilter,
  ZEventStats,
  ZEventRule,
  ZEventRuleInput,
  ZEventAlert,
  ZRuleTest,
  ZRuleHit,
  ZEventStatsQuery,
  ZEventFilterInput,
  ZEventQuery,
  ZEventSource,
  ZEventSourceInput,
  ZReceiverStatus,
  ZUnknownSource,
} from './events.ts';

export const eventsApi = {
  list: endpoint({ method: 'GET', path: '/api/events', query: ZEventQuery, response: paged(ZEvent) }),
  /** Events per time bucket and severity with the list's filters (the chart). */
  stats: endpoint({ method: 'GET', path: '/api/events/stats', query: ZEventStatsQuery, response: ZEventStats }),
  /** The list with the same filters as an .xlsx. */
  export: endpoint({ method: 'GET', path: '/api/events/export', query: ZEventQuery, raw: true }),
  sources: endpoint({ method: 'GET', path: '/api/events/sources', response: z.object({ items: z.array(ZEventSource) }) }),
  addSource: endpoint({ method: 'POST', path: '/api/events/sources', body: ZEventSourceInput, response: ZEventSource, status: 201 }),
  removeSource: endpoint({ method: 'DELETE', path: '/api/events/sources/:id', params: ZIdParams, status: 204 }),
  filters: endpoint({ method: 'GET', path: '/api/events/filters', response: z.object({ items: z.array(ZEventFilter) }) }),
  addFilter: endpoint({ method: 'POST', path: '/api/events/filters', body: ZEventFilterInput, response: ZEventFilter, status: 201 }),
  removeFilter: endpoint({ method: 'DELETE', path: '/api/events/filters/:id', params: ZIdParams, status: 204 }),
  /** The receiver's counters (received, UDP dropped, cut, filtered, noise) per collector node. */
  receiver: endpoint({ method: 'GET', path: '/api/events/receiver', response: ZReceiverStatus }),
  rules: endpoint({ method: 'GET', path: '/api/events/rules', response: z.object({ items: z.array(ZEventRule) }) }),
  addRule: endpoint({ method: 'POST', path: '/api/events/rules', body: ZEventRuleInput, response: ZEventRule, status: 201 }),
  updateRule: endpoint({ method: 'PUT', path: '/api/events/rules/:id', params: ZIdParams, body: ZEventRuleInput, response: ZEventRule }),
  /** A rule tried on the stored events of a range (nothing raised): what it would find. */
  testRule: endpoint({ method: 'POST', path: '/api/events/rules/test', body: ZRuleTest, response: z.object({ hits: z.array(ZRuleHit) }) }),
  alerts: endpoint({ method: 'GET', path: '/api/events/alerts', query: ZAlertQuery, response: paged(ZEventAlert) }),
  unknown: endpoint({ method: 'GET', path: '/api/events/unknown-sources', response: z.object({ items: z.array(ZUnknownSource) }) }),
};
