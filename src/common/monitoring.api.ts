// Contracts of monitoring (issue 12, "Public API (stable)"): devices with their live state and
// interfaces, chart data, alerts and thresholds.
import { z } from 'zod';
import { ZIdParams, ZPage, paged } from './api.ts';
import { endpoint } from './endpoint.ts';
import {
  ZMetrics,
  ZMetricsQuery,
  ZMonAlert,
  ZMonAlertQuery,
  ZMonDevice,
  ZMonDeviceDetail,
  ZMonDeviceInput,
  ZMonDeviceQuery,
  ZThreshold,
  ZThresholdInput,
  ZThresholdPatch,
  ZTopology,
  ZTrapEvent,
  ZTrapSource,
} from './monitoring.ts';
import { ZProbePair, ZProbePairInput, ZProbePairQuery } from './monitoring-pairs.ts';

export const monitoringApi = {
  list: endpoint({ method: 'GET', path: '/api/monitoring/devices', query: ZMonDeviceQuery, response: paged(ZMonDevice) }),
  /** The list with the same filters as an .xlsx (issue 11 point 14). */
  export: endpoint({ method: 'GET', path: '/api/monitoring/devices/export', query: ZMonDeviceQuery, raw: true }),
  /** Registers a device; its first poll starts at once. */
  create: endpoint({ method: 'POST', path: '/api/monitoring/devices', body: ZMonDeviceInput, response: ZMonDeviceDetail, status: 201 }),
  get: endpoint({ method: 'GET', path: '/api/monitoring/devices/:id', params: ZIdParams, response: ZMonDeviceDetail }),
  metrics: endpoint({
    method: 'GET',
    path: '/api/monitoring/devices/:id/metrics',
    params: ZIdParams,
    query: ZMetricsQuery,
    response: ZMetrics,
  }),
  /** Devices and the links their LLDP neighbours describe (R-MON-06). */
  topology: endpoint({ method: 'GET', path: '/api/monitoring/topology', response: ZTopology }),
  alerts: endpoint({ method: 'GET', path: '/api/monitoring/alerts', query: ZMonAlertQuery, response: paged(ZMonAlert) }),
  thresholds: endpoint({ method: 'GET', path: '/api/monitoring/thresholds', response: z.object({ items: z.array(ZThreshold) }) }),
  /** A per-device, per-interface or per-pair override of a default threshold (the rule must fit the target). */
  addThreshold: endpoint({ method: 'POST', path: '/api/monitoring/thresholds', body: ZThresholdInput, response: ZThreshold, status: 201 }),
  /** Changes a threshold's values, duration, severity or switch (a rule's default too); next evaluation uses it. */
  updateThreshold: endpoint({
    method: 'PATCH',
    path: '/api/monitoring/thresholds/:id',
    params: ZIdParams,
    body: ZThresholdPatch,
    response: ZThreshold,
  }),
  /** Removes an override (the default applies again); a rule's default is refused (409): switch it off instead. */
  deleteThreshold: endpoint({ method: 'DELETE', path: '/api/monitoring/thresholds/:id', params: ZIdParams, status: 204 }),
  /** SNMP traps the device sent, newest first (issue 12 point 3). */
  traps: endpoint({
    method: 'GET',
    path: '/api/monitoring/devices/:id/traps',
    params: ZIdParams,
    query: ZPage,
    response: paged(ZTrapEvent),
  }),
  /** Trap senders that are no registered device, and garbage datagrams, by address (most recent first). */
  trapSources: endpoint({ method: 'GET', path: '/api/monitoring/trap-sources', query: ZPage, response: paged(ZTrapSource) }),
  /** ICMP probe pairs (a source node or device, a target address) with their latest state. */
  pairs: endpoint({ method: 'GET', path: '/api/monitoring/pairs', query: ZProbePairQuery, response: paged(ZProbePair) }),
  createPair: endpoint({ method: 'POST', path: '/api/monitoring/pairs', body: ZProbePairInput, response: ZProbePair, status: 201 }),
  pair: endpoint({ method: 'GET', path: '/api/monitoring/pairs/:id', params: ZIdParams, response: ZProbePair }),
  deletePair: endpoint({ method: 'DELETE', path: '/api/monitoring/pairs/:id', params: ZIdParams, status: 204 }),
  /** A pair's latency and loss (the ICMP series, as for a device). */
  pairMetrics: endpoint({
    method: 'GET',
    path: '/api/monitoring/pairs/:id/metrics',
    params: ZIdParams,
    query: ZMetricsQuery,
    response: ZMetrics,
  }),
  /** The live collector nodes (a pair's source may name one). */
  nodes: endpoint({
    method: 'GET',
    path: '/api/monitoring/collector-nodes',
    response: z.object({ items: z.array(z.object({ node: z.string(), name: z.string() })) }),
  }),
};
