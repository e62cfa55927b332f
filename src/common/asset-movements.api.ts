// Contracts of what happens to assets after registration: movement requests approved at the levels
// they touch (R-AST-01), relations and lines (R-AST-03), and end-of-support cases (R-AST-06).
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import {
  ZAssetRequest,
  ZAssetRequestList,
  ZAssetRequestQuery,
  ZDecideInput,
  ZEosAdvance,
  ZEosCase,
  ZEosCaseList,
  ZEosCaseQuery,
  ZEosDueList,
  ZEosOpen,
  ZEosQuery,
  ZLine,
  ZLineFilter,
  ZLineInput,
  ZLineList,
  ZLinePatch,
  ZLineQuery,
  ZMovementInput,
  ZMovementOptions,
  ZNeighbours,
  ZRelationInput,
  ZTopoEdge,
} from './asset-movements.ts';
import { endpoint } from './endpoint.ts';

export const movementsApi = {
  create: endpoint({
    method: 'POST',
    path: '/api/assets/:id/requests',
    params: ZIdParams,
    body: ZMovementInput,
    response: ZAssetRequest,
    status: 201,
  }),
  ofAsset: endpoint({
    method: 'GET',
    path: '/api/assets/:id/requests',
    params: ZIdParams,
    query: ZAssetRequestQuery,
    response: ZAssetRequestList,
  }),
  list: endpoint({ method: 'GET', path: '/api/asset-requests', query: ZAssetRequestQuery, response: ZAssetRequestList }),
  export: endpoint({ method: 'GET', path: '/api/asset-requests/export', query: ZAssetRequestQuery, raw: true }),
  options: endpoint({ method: 'GET', path: '/api/asset-requests/options', response: ZMovementOptions }),
  get: endpoint({ method: 'GET', path: '/api/asset-requests/:id', params: ZIdParams, response: ZAssetRequest }),
  decide: endpoint({
    method: 'POST',
    path: '/api/asset-requests/:id/decide',
    params: ZIdParams,
    body: ZDecideInput,
    response: ZAssetRequest,
  }),
  cancel: endpoint({ method: 'POST', path: '/api/asset-requests/:id/cancel', params: ZIdParams, response: ZAssetRequest }),
};

export const topologyApi = {
  addRelation: endpoint({
    method: 'POST',
    path: '/api/assets/:id/relations',
    params: ZIdParams,
    body: ZRelationInput,
    response: ZTopoEdge,
    status: 201,
  }),
  removeRelation: endpoint({
    method: 'DELETE',
    path: '/api/assets/:id/relations/:relationId',
    params: z.object({ id: z.uuid(), relationId: z.uuid() }),
    status: 204,
  }),
  /** Assets and relations within two hops. */
  neighbours: endpoint({ method: 'GET', path: '/api/assets/:id/neighbours', params: ZIdParams, response: ZNeighbours }),

  lines: endpoint({ method: 'GET', path: '/api/asset-lines', query: ZLineQuery, response: ZLineList }),
  /** Excel of the filtered lines. */
  exportLines: endpoint({ method: 'GET', path: '/api/asset-lines/export', query: ZLineFilter, raw: true }),
  line: endpoint({ method: 'GET', path: '/api/asset-lines/:id', params: ZIdParams, response: ZLine }),
  createLine: endpoint({ method: 'POST', path: '/api/asset-lines', body: ZLineInput, response: ZLine, status: 201 }),
  updateLine: endpoint({ method: 'PATCH', path: '/api/asset-lines/:id', params: ZIdParams, body: ZLinePatch, response: ZLine }),
  deleteLine: endpoint({ method: 'DELETE', path: '/api/asset-lines/:id', params: ZIdParams, status: 204 }),
};

export const eosApi = {
  due: endpoint({ method: 'GET', path: '/api/assets/eos', query: ZEosQuery, response: ZEosDueList }),
  open: endpoint({ method: 'POST', path: '/api/assets/:id/eos', params: ZIdParams, body: ZEosOpen, response: ZEosCase, status: 201 }),
  list: endpoint({ method: 'GET', path: '/api/asset-eos', query: ZEosCaseQuery, response: ZEosCaseList }),
  export: endpoint({ method: 'GET', path: '/api/asset-eos/export', query: ZEosCaseQuery, raw: true }),
  get: endpoint({ method: 'GET', path: '/api/asset-eos/:id', params: ZIdParams, response: ZEosCase }),
  advance: endpoint({ method: 'POST', path: '/api/asset-eos/:id/advance', params: ZIdParams, body: ZEosAdvance, response: ZEosCase }),
};
