// Contracts of the contract's written workflows: invoice files, force majeure, amendments, the notice
// to cure a late payment, the agency's coordinators and inspections (issue 15 point 5).
import { ZIdParams } from './api.ts';
import { endpoint } from './endpoint.ts';
import { ZPayment } from './money.ts';
import {
  ZAmendment,
  ZAmendmentDecision,
  ZCoordinator,
  ZCoordinatorInput,
  ZCureNotice,
  ZCureNoticeInput,
  ZForceMajeure,
  ZForceMajeureEnd,
  ZForceMajeureInput,
  ZInspectionInput,
  ZRecordInspection,
} from './money-records.ts';

const C = '/api/contracts/:id';
export const moneyRecordsApi = {
  /** Multipart: the invoice as `file` (PDF or image). */
  uploadInvoice: endpoint({
    method: 'POST',
    path: '/api/contract-payments/:id/invoice',
    params: ZIdParams,
    response: ZPayment,
    multipart: true,
  }),
  invoice: endpoint({ method: 'GET', path: '/api/contract-payments/:id/invoice', params: ZIdParams, raw: true }),
  cureNotice: endpoint({
    method: 'POST',
    path: '/api/contract-payments/:id/cure-notices',
    params: ZIdParams,
    body: ZCureNoticeInput,
    response: ZCureNotice,
    status: 201,
  }),
  forceMajeure: endpoint({
    method: 'POST',
    path: `${C}/force-majeure`,
    params: ZIdParams,
    body: ZForceMajeureInput,
    response: ZForceMajeure,
    status: 201,
  }),
  endForceMajeure: endpoint({
    method: 'POST',
    path: '/api/contract-force-majeure/:id/end',
    params: ZIdParams,
    body: ZForceMajeureEnd,
    response: ZForceMajeure,
  }),
  /** Multipart: the written proof as `file`, with the field `proofOn` (the date it was given). */
  uploadProof: endpoint({
    method: 'POST',
    path: '/api/contract-force-majeure/:id/proof',
    params: ZIdParams,
    response: ZForceMajeure,
    multipart: true,
  }),
  proof: endpoint({ method: 'GET', path: '/api/contract-force-majeure/:id/proof', params: ZIdParams, raw: true }),
  /** Multipart: the signed request as `file`, with the fields clause, change and reason. */
  requestAmendment: endpoint({
    method: 'POST',
    path: `${C}/amendments`,
    params: ZIdParams,
    response: ZAmendment,
    status: 201,
    multipart: true,
  }),
  amendmentFile: endpoint({ method: 'GET', path: '/api/contract-amendments/:id/file', params: ZIdParams, raw: true }),
  decideAmendment: endpoint({
    method: 'POST',
    path: '/api/contract-amendments/:id/decision',
    params: ZIdParams,
    body: ZAmendmentDecision,
    response: ZAmendment,
  }),
  addCoordinator: endpoint({
    method: 'POST',
    path: `${C}/coordinators`,
    params: ZIdParams,
    body: ZCoordinatorInput,
    response: ZCoordinator,
    status: 201,
  }),
  addInspection: endpoint({
    method: 'POST',
    path: `${C}/record-inspections`,
    params: ZIdParams,
    body: ZInspectionInput,
    response: ZRecordInspection,
    status: 201,
  }),
};
