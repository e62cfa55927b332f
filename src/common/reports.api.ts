// Contracts of the reports module (issue 15 point 1, R-RPT-01).
import { endpoint } from './endpoint.ts';
import {
  ZFormatParams,
  ZGenerateInput,
  ZNarrativeInput,
  ZReportDetail,
  ZReportList,
  ZReportParams,
  ZReportQuery,
  ZVersionParams,
} from './reports.ts';

export const reportsApi = {
  list: endpoint({ method: 'GET', path: '/api/reports', query: ZReportQuery, response: ZReportList }),
  /** 导出 Excel of the list with the same filters. */
  exportList: endpoint({ method: 'GET', path: '/api/reports/export', query: ZReportQuery, raw: true }),
  /** Computes the report of a period from the evidence as a new version (the earlier ones are kept). */
  generate: endpoint({ method: 'POST', path: '/api/reports', body: ZGenerateInput, response: ZReportDetail, status: 201 }),
  /** The latest version. */
  get: endpoint({ method: 'GET', path: '/api/reports/:id', params: ZReportParams, response: ZReportDetail }),
  version: endpoint({ method: 'GET', path: '/api/reports/:id/versions/:version', params: ZVersionParams, response: ZReportDetail }),
  /** The narrative sections of one version. */
  narrative: endpoint({
    method: 'PUT',
    path: '/api/reports/:id/versions/:version/narrative',
    params: ZVersionParams,
    body: ZNarrativeInput,
    response: ZReportDetail,
  }),
  /** One version as Word, Excel or PDF. */
  file: endpoint({ method: 'GET', path: '/api/reports/:id/versions/:version/file/:format', params: ZFormatParams, raw: true }),
};
