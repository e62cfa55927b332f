// Contracts of the inspections module (issue 14 points 1–2). `GET /api/inspections/sheets` is the
// stable public API: `{items, total}`, each sheet with its items and values.
import { z } from 'zod';
import { ZIdParams, ZPage } from './api.ts';
import { endpoint } from './endpoint.ts';
import {
  ZEntry,
  ZEntryInput,
  ZEntryParams,
  ZGenerate,
  ZPlan,
  ZPlanDecision,
  ZPlanInput,
  ZPlanList,
  ZPlanResubmit,
  ZReportDraftQuery,
  ZSheet,
  ZSheetList,
  ZSheetQuery,
  ZSubmit,
  ZTemplate,
  ZTemplateInput,
} from './inspections.ts';

const P = '/api/inspections';

export const inspectionsApi = {
  templates: endpoint({
    method: 'GET',
    path: `${P}/templates`,
    query: ZPage,
    response: z.object({ items: z.array(ZTemplate), total: z.number() }),
  }),
  createTemplate: endpoint({ method: 'POST', path: `${P}/templates`, body: ZTemplateInput, response: ZTemplate, status: 201 }),
  updateTemplate: endpoint({ method: 'PUT', path: `${P}/templates/:id`, params: ZIdParams, body: ZTemplateInput, response: ZTemplate }),
  /** Public (stable): the sheets whose period covers `date`, of line `line`, each with its items and values. */
  sheets: endpoint({ method: 'GET', path: `${P}/sheets`, query: ZSheetQuery, response: ZSheetList }),
  /** One sheet; an open sheet is prefilled from monitoring and configuration backup as it opens. */
  sheet: endpoint({ method: 'GET', path: `${P}/sheets/:id`, params: ZIdParams, response: ZSheet }),
  /** Generates the sheets due on a day (the daily job does the same for today). */
  generate: endpoint({
    method: 'POST',
    path: `${P}/sheets/generate`,
    body: ZGenerate,
    response: z.object({ created: z.number().int() }),
  }),
  fill: endpoint({ method: 'PUT', path: `${P}/sheets/:id/items/:entryId`, params: ZEntryParams, body: ZEntryInput, response: ZEntry }),
  /** Multipart: the photo as `file` (an image; anything else is refused with 400). */
  photo: endpoint({
    method: 'POST',
    path: `${P}/sheets/:id/items/:entryId/photo`,
    params: ZEntryParams,
    response: ZEntry,
    multipart: true,
  }),
  photoFile: endpoint({ method: 'GET', path: `${P}/sheets/:id/items/:entryId/photo`, params: ZEntryParams, raw: true }),
  /** An anomaly becomes a desk ticket on the sheet's line. */
  ticket: endpoint({ method: 'POST', path: `${P}/sheets/:id/items/:entryId/ticket`, params: ZEntryParams, response: ZEntry, status: 201 }),
  /** A router's or switch's health check: the vendor's commands over SSH (configbackup's device profile), output attached. */
  health: endpoint({ method: 'POST', path: `${P}/sheets/:id/items/:entryId/health`, params: ZEntryParams, response: ZEntry }),
  /** Sign and submit, once; after the deadline only with a reason. */
  submit: endpoint({ method: 'POST', path: `${P}/sheets/:id/submit`, params: ZIdParams, body: ZSubmit, response: ZSheet }),
  plans: endpoint({ method: 'GET', path: `${P}/plans`, query: ZPage, response: ZPlanList }),
  createPlan: endpoint({ method: 'POST', path: `${P}/plans`, body: ZPlanInput, response: ZPlan, status: 201 }),
  resubmitPlan: endpoint({ method: 'POST', path: `${P}/plans/:id/versions`, params: ZIdParams, body: ZPlanResubmit, response: ZPlan }),
  decidePlan: endpoint({ method: 'POST', path: `${P}/plans/:id/decision`, params: ZIdParams, body: ZPlanDecision, response: ZPlan }),
  /** The quarter's inspection report drafted from its sheets (the engineer edits it before submitting). */
  reportDraft: endpoint({
    method: 'GET',
    path: `${P}/plans/report-draft`,
    query: ZReportDraftQuery,
    response: z.object({ body: z.string() }),
  }),
};
