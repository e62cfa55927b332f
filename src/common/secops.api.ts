// Contracts of security operations (issue 13 points 4 and 6): responses on alerts, the device policy
// history, the signature board and its thresholds.
import { ZIdParams, ZPage } from './api.ts';
import { endpoint } from './endpoint.ts';
import {
  ZAlertParams,
  ZAlertResponses,
  ZAssetParams,
  ZBulletin,
  ZBulletinInput,
  ZBulletinList,
  ZDeviceHistory,
  ZResponse,
  ZResponseInput,
  ZResponseList,
  ZResponseQuery,
  ZSignature,
  ZSignatureList,
  ZSignatureQuery,
  ZSignatureImport,
  ZSignatureImportResult,
  ZSignatureInput,
  ZThresholds,
  ZVerifyInput,
} from './secops.ts';

export const secopsApi = {
  responses: endpoint({ method: 'GET', path: '/api/secops/responses', query: ZResponseQuery, response: ZResponseList }),
  /** Records a response; one that changes a device opens (or links) its change request. */
  createResponse: endpoint({ method: 'POST', path: '/api/secops/responses', body: ZResponseInput, response: ZResponse, status: 201 }),
  verify: endpoint({
    method: 'POST',
    path: '/api/secops/responses/:id/verify',
    params: ZIdParams,
    body: ZVerifyInput,
    response: ZResponse,
  }),
  /** An alert with its responses. */
  alert: endpoint({ method: 'GET', path: '/api/secops/alerts/:alertId', params: ZAlertParams, response: ZAlertResponses }),
  /** The device's security policy history: responses, their changes and verifications, signature updates. */
  history: endpoint({ method: 'GET', path: '/api/secops/devices/:assetId/history', params: ZAssetParams, response: ZDeviceHistory }),
  signatures: endpoint({ method: 'GET', path: '/api/secops/signatures', query: ZSignatureQuery, response: ZSignatureList }),
  putSignature: endpoint({
    method: 'PUT',
    path: '/api/secops/signatures/:assetId',
    params: ZAssetParams,
    body: ZSignatureInput,
    response: ZSignature,
  }),
  importSignature: endpoint({
    method: 'POST',
    path: '/api/secops/signatures/:assetId/import',
    params: ZAssetParams,
    body: ZSignatureImport,
    response: ZSignatureImportResult,
  }),
  bulletins: endpoint({ method: 'GET', path: '/api/secops/bulletins', query: ZPage, response: ZBulletinList }),
  /** Records a bulletin: matched to the asset register, a SEC-line task opened for the devices affected. */
  createBulletin: endpoint({ method: 'POST', path: '/api/secops/bulletins', body: ZBulletinInput, response: ZBulletin, status: 201 }),
  thresholds: endpoint({ method: 'GET', path: '/api/secops/thresholds', response: ZThresholds }),
  putThresholds: endpoint({ method: 'PUT', path: '/api/secops/thresholds', body: ZThresholds, response: ZThresholds }),
};
