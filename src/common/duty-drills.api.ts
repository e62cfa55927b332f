// Contracts of the duty module's emergency drills and emergency-response records (R-DUT-03).
import { ZIdParams } from './api.ts';
import {
  ZDrill,
  ZDrillInput,
  ZDrillList,
  ZDrillQuery,
  ZEmergency,
  ZEmergencyInput,
  ZEmergencyList,
  ZEmergencyQuery,
  ZHoldInput,
  ZRecoverInput,
} from './duty-drills.ts';
import { endpoint } from './endpoint.ts';

const D = '/api/duty/drills';
const E = '/api/duty/emergencies';

export const drillsApi = {
  list: endpoint({ method: 'GET', path: D, query: ZDrillQuery, response: ZDrillList }),
  plan: endpoint({ method: 'POST', path: D, body: ZDrillInput, response: ZDrill, status: 201 }),
  get: endpoint({ method: 'GET', path: `${D}/:id`, params: ZIdParams, response: ZDrill }),
  hold: endpoint({ method: 'POST', path: `${D}/:id/held`, params: ZIdParams, body: ZHoldInput, response: ZDrill }),
  cancel: endpoint({ method: 'POST', path: `${D}/:id/cancel`, params: ZIdParams, response: ZDrill }),
  /** Real emergencies with their response and recovery minutes, and the measure per month. */
  emergencies: endpoint({ method: 'GET', path: E, query: ZEmergencyQuery, response: ZEmergencyList }),
  record: endpoint({ method: 'POST', path: E, body: ZEmergencyInput, response: ZEmergency, status: 201 }),
  recover: endpoint({ method: 'POST', path: `${E}/:id/recovered`, params: ZIdParams, body: ZRecoverInput, response: ZEmergency }),
};
