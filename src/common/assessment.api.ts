// Contracts of the monthly assessment (issue 15 point 4, R-QA-01..04).
import { z } from 'zod';
import { ZIdParams } from './api.ts';
import {
  ZAssessment,
  ZAssessmentCreate,
  ZAssessmentDetail,
  ZAssessmentList,
  ZAssessmentQuery,
  ZCriterion,
  ZCureInput,
  ZIncidentInput,
  ZNoticeInput,
  ZRemedy,
  ZRemedyList,
  ZRemedyPatch,
  ZRemedyQuery,
  ZScoresInput,
  ZTrend,
  ZTrendQuery,
} from './assessment.ts';
import { endpoint } from './endpoint.ts';

export const assessmentApi = {
  list: endpoint({ method: 'GET', path: '/api/assessments', query: ZAssessmentQuery, response: ZAssessmentList }),
  /** The filtered list as an Excel workbook. */
  exportList: endpoint({ method: 'GET', path: '/api/assessments/export', query: ZAssessmentQuery, raw: true }),
  criteria: endpoint({ method: 'GET', path: '/api/assessments/criteria', response: z.object({ items: z.array(ZCriterion) }) }),
  trend: endpoint({ method: 'GET', path: '/api/assessments/trend', query: ZTrendQuery, response: ZTrend }),
  remedies: endpoint({ method: 'GET', path: '/api/assessments/remedies', query: ZRemedyQuery, response: ZRemedyList }),
  /** A month's draft, prefilled with evidence (the project manager; the job does it on the 1st working day). */
  create: endpoint({ method: 'POST', path: '/api/assessments', body: ZAssessmentCreate, response: ZAssessment, status: 201 }),
  get: endpoint({ method: 'GET', path: '/api/assessments/:id', params: ZIdParams, response: ZAssessmentDetail }),
  /** The agency scores criteria (some or all) of a draft. */
  score: endpoint({
    method: 'PUT',
    path: '/api/assessments/:id/scores',
    params: ZIdParams,
    body: ZScoresInput,
    response: ZAssessmentDetail,
  }),
  /** The agency signs: the month is then read-only; a failed month opens remedies and a deduction. */
  sign: endpoint({ method: 'POST', path: '/api/assessments/:id/sign', params: ZIdParams, response: ZAssessmentDetail }),
  /** The agency's written notice after two failed months: starts the 30-day cure clock. */
  notice: endpoint({
    method: 'POST',
    path: '/api/assessments/:id/notice',
    params: ZIdParams,
    body: ZNoticeInput,
    response: ZAssessmentDetail,
  }),
  cure: endpoint({ method: 'POST', path: '/api/assessments/:id/cure', params: ZIdParams, body: ZCureInput, response: ZAssessmentDetail }),
  /** A major security incident in the month: the agency's termination right (第十二条2). */
  incident: endpoint({
    method: 'POST',
    path: '/api/assessments/:id/incident',
    params: ZIdParams,
    body: ZIncidentInput,
    response: ZAssessmentDetail,
  }),
  updateRemedy: endpoint({
    method: 'PATCH',
    path: '/api/assessments/remedies/:id',
    params: ZIdParams,
    body: ZRemedyPatch,
    response: ZRemedy,
  }),
};
