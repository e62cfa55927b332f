// Contracts of the training module (R-TRN-01, R-STF-01/02, R-CONF-05).
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import { ZAttachmentParams } from './files.ts';
import {
  ZAttendeesInput,
  ZCertificate,
  ZCertificateInput,
  ZCertificateList,
  ZCertificateQuery,
  ZDeliverInput,
  ZMaterial,
  ZRatingInput,
  ZSchedule,
  ZSessionDetail,
  ZSessionInput,
  ZSessionList,
  ZSessionQuery,
  ZSignIn,
  ZTrainingRequest,
} from './training.ts';
import { endpoint } from './endpoint.ts';

const S = '/api/training/sessions';
const C = '/api/training/certificates';

export const trainingApi = {
  list: endpoint({ method: 'GET', path: S, query: ZSessionQuery, response: ZSessionList }),
  /** The agency asks for user training. */
  request: endpoint({ method: 'POST', path: '/api/training/requests', body: ZTrainingRequest, response: ZSessionDetail, status: 201 }),
  create: endpoint({ method: 'POST', path: S, body: ZSessionInput, response: ZSessionDetail, status: 201 }),
  get: endpoint({ method: 'GET', path: `${S}/:id`, params: ZIdParams, response: ZSessionDetail }),
  schedule: endpoint({ method: 'POST', path: `${S}/:id/schedule`, params: ZIdParams, body: ZSchedule, response: ZSessionDetail }),
  attendees: endpoint({ method: 'POST', path: `${S}/:id/attendees`, params: ZIdParams, body: ZAttendeesInput, response: ZSessionDetail }),
  signIn: endpoint({ method: 'POST', path: `${S}/:id/sign-in`, params: ZIdParams, body: ZSignIn, response: ZSessionDetail }),
  deliver: endpoint({ method: 'POST', path: `${S}/:id/deliver`, params: ZIdParams, body: ZDeliverInput, response: ZSessionDetail }),
  rate: endpoint({ method: 'POST', path: `${S}/:id/ratings`, params: ZIdParams, body: ZRatingInput, response: ZSessionDetail }),
  cancel: endpoint({ method: 'POST', path: `${S}/:id/cancel`, params: ZIdParams, response: ZSessionDetail }),
  /** Multipart: a material as `file` (documents and pictures; type from the content, size capped). */
  upload: endpoint({ method: 'POST', path: `${S}/:id/materials`, params: ZIdParams, response: ZMaterial, status: 201, multipart: true }),
  material: endpoint({ method: 'GET', path: `${S}/:id/materials/:fileId`, params: ZAttachmentParams, raw: true }),
  certificates: endpoint({ method: 'GET', path: C, query: ZCertificateQuery, response: ZCertificateList }),
  createCertificate: endpoint({ method: 'POST', path: C, body: ZCertificateInput, response: ZCertificate, status: 201 }),
  updateCertificate: endpoint({ method: 'PUT', path: `${C}/:id`, params: ZIdParams, body: ZCertificateInput, response: ZCertificate }),
  /** Multipart: the certificate's scan as `file` (an image or a PDF). */
  uploadScan: endpoint({ method: 'POST', path: `${C}/:id/scan`, params: ZIdParams, response: ZCertificate, multipart: true }),
  scan: endpoint({ method: 'GET', path: `${C}/:id/scan`, params: ZIdParams, raw: true }),
  /** The contractor's staff (org's people of the contractor party), for the certificate form. */
  staff: endpoint({
    method: 'GET',
    path: '/api/training/staff',
    response: z.array(z.object({ id: z.string(), name: z.string(), title: z.string() })),
  }),
};
