// Contracts of the handover module (issue 15 point 7, R-CONF-03/04, R-CON-15).
import { ZIdParams } from './api.ts';
import { endpoint } from './endpoint.ts';
import {
  ZAgreement,
  ZAgreementList,
  ZExport,
  ZExportList,
  ZItemParams,
  ZPageQuery,
  ZPurge,
  ZPurgeInput,
  ZPurgeList,
  ZPurgeStatus,
} from './handover.ts';

export const handoverApi = {
  exports: endpoint({ method: 'GET', path: '/api/handover/exports', query: ZPageQuery, response: ZExportList }),
  /** Starts a complete export in the background; its progress is read from `exportGet`. */
  exportStart: endpoint({ method: 'POST', path: '/api/handover/exports', response: ZExport, status: 202 }),
  exportGet: endpoint({ method: 'GET', path: '/api/handover/exports/:id', params: ZIdParams, response: ZExport }),
  /** The .zip of a finished export. */
  exportDownload: endpoint({ method: 'GET', path: '/api/handover/exports/:id/download', params: ZIdParams, raw: true }),
  purgeStatus: endpoint({ method: 'GET', path: '/api/handover/purge-status', response: ZPurgeStatus }),
  purges: endpoint({ method: 'GET', path: '/api/handover/purges', query: ZPageQuery, response: ZPurgeList }),
  purgeCreate: endpoint({ method: 'POST', path: '/api/handover/purges', body: ZPurgeInput, response: ZPurge, status: 201 }),
  purgeGet: endpoint({ method: 'GET', path: '/api/handover/purges/:id', params: ZIdParams, response: ZPurge }),
  /** Multipart: outcome, note and the evidence file; the item is then destroyed or returned. */
  itemDone: endpoint({
    method: 'POST',
    path: '/api/handover/purges/:id/items/:itemId/done',
    params: ZItemParams,
    response: ZPurge,
    multipart: true,
  }),
  evidence: endpoint({ method: 'GET', path: '/api/handover/purges/:id/items/:itemId/evidence', params: ZItemParams, raw: true }),
  certificateDocx: endpoint({ method: 'GET', path: '/api/handover/purges/:id/certificate.docx', params: ZIdParams, raw: true }),
  certificatePdf: endpoint({ method: 'GET', path: '/api/handover/purges/:id/certificate.pdf', params: ZIdParams, raw: true }),
  confirm: endpoint({ method: 'POST', path: '/api/handover/purges/:id/confirm', params: ZIdParams, response: ZPurge }),
  agreements: endpoint({ method: 'GET', path: '/api/handover/agreements', query: ZPageQuery, response: ZAgreementList }),
  /** Multipart: title, partyA, partyB, signedOn and the signed file. */
  agreementCreate: endpoint({ method: 'POST', path: '/api/handover/agreements', response: ZAgreement, status: 201, multipart: true }),
  agreementFile: endpoint({ method: 'GET', path: '/api/handover/agreements/:id/file', params: ZIdParams, raw: true }),
};
