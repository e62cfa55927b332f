// Contracts of the asset register: classification, records, search, history, labels and the asset
// card, and the Excel import and export.
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import {
  ZAsset,
  ZAssetClass,
  ZAssetClassInput,
  ZAssetClassPatch,
  ZAssetExportQuery,
  ZAssetHistoryEntry,
  ZAssetImportResult,
  ZAssetInput,
  ZAssetList,
  ZAssetOptions,
  ZAssetPatch,
  ZAssetQuery,
  ZClassCodeParams,
  ZLabelQuery,
  ZNumberParams,
  type TAssetClassNode,
} from './assets.ts';
import { endpoint } from './endpoint.ts';

const ZClassNode: z.ZodType<TAssetClassNode> = z.lazy(() => ZAssetClass.extend({ children: z.array(ZClassNode) }));
/** A class as stored (no counts, no inherited number code): what creating or editing one answers. */
const ZClassRow = ZAssetClass.omit({ effectiveNumberCode: true, assets: true });

export const assetsApi = {
  classes: endpoint({ method: 'GET', path: '/api/asset-classes', response: z.array(ZClassNode) }),
  createClass: endpoint({ method: 'POST', path: '/api/asset-classes', body: ZAssetClassInput, response: ZClassRow, status: 201 }),
  updateClass: endpoint({
    method: 'PATCH',
    path: '/api/asset-classes/:code',
    params: ZClassCodeParams,
    body: ZAssetClassPatch,
    response: ZClassRow,
  }),

  list: endpoint({ method: 'GET', path: '/api/assets', query: ZAssetQuery, response: ZAssetList }),
  create: endpoint({ method: 'POST', path: '/api/assets', body: ZAssetInput, response: ZAsset, status: 201 }),
  /** PDF of labels with QR codes. */
  labels: endpoint({ method: 'GET', path: '/api/assets/labels', query: ZLabelQuery, raw: true }),
  options: endpoint({ method: 'GET', path: '/api/assets/options', response: ZAssetOptions }),
  byNumber: endpoint({ method: 'GET', path: '/api/assets/by-number/:number', params: ZNumberParams, response: ZAsset }),
  get: endpoint({ method: 'GET', path: '/api/assets/:id', params: ZIdParams, response: ZAsset }),
  update: endpoint({ method: 'PATCH', path: '/api/assets/:id', params: ZIdParams, body: ZAssetPatch, response: ZAsset }),
  history: endpoint({ method: 'GET', path: '/api/assets/:id/history', params: ZIdParams, response: z.array(ZAssetHistoryEntry) }),
  /** PDF of the asset card. */
  card: endpoint({ method: 'GET', path: '/api/assets/:id/card', params: ZIdParams, raw: true }),

  /** Excel of the filtered register. */
  export: endpoint({ method: 'GET', path: '/api/assets/export', query: ZAssetExportQuery, raw: true }),
  importTemplate: endpoint({ method: 'GET', path: '/api/assets/import-template', raw: true }),
  /** Multipart .xlsx: every row checked first; 422 lists each error and nothing is written. */
  import: endpoint({
    method: 'POST',
    path: '/api/assets/import',
    response: ZAssetImportResult,
    status: 201,
    multipart: true,
  }),
};
