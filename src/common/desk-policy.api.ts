// Contracts of the agency's desk policy: SLA policies per service line and severity, and the
// severity definitions.
import { ZIdParams } from './api.ts';
import { ZPolicyUpdate, ZSeverityList, ZSeverityUpdate, ZSlaPolicyList, ZSlaPolicyRow } from './desk-policy.ts';
import { endpoint } from './endpoint.ts';

export const deskPolicyApi = {
  policies: endpoint({ method: 'GET', path: '/api/sla-policies', response: ZSlaPolicyList }),
  /** Applies to tickets logged from now on. */
  updatePolicy: endpoint({ method: 'PUT', path: '/api/sla-policies/:id', params: ZIdParams, body: ZPolicyUpdate, response: ZSlaPolicyRow }),
  severities: endpoint({ method: 'GET', path: '/api/desk/severities', response: ZSeverityList }),
  updateSeverities: endpoint({ method: 'PUT', path: '/api/desk/severities', body: ZSeverityUpdate, response: ZSeverityList }),
};
