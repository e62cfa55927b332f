// Contracts of vulnerability management (issue 13 point 5, "Public API (stable)": import and findings).
import { z } from 'zod';
import { ZIdParams, ZPage, paged } from './api.ts';
import { endpoint } from './endpoint.ts';
import {
  ZDueDays,
  ZExceptionDecision,
  ZExceptionRequest,
  ZFinding,
  ZFindingAction,
  ZFindingQuery,
  ZHardening,
  ZHardeningInput,
  ZImportQuery,
  ZImportResult,
  ZMapping,
  ZPentest,
  ZPentestInput,
  ZScan,
  ZScanPlan,
  ZScanPlanInput,
  ZSummary,
} from './vulns.ts';

export const vulnsApi = {
  /** Multipart `file` (nmap/OpenVAS/Nessus XML, CSV or Excel); `format` detected when absent. */
  import: endpoint({
    method: 'POST',
    path: '/api/vulns/import',
    query: ZImportQuery,
    response: ZImportResult,
    status: 201,
    multipart: true,
  }),
  findings: endpoint({ method: 'GET', path: '/api/vulns/findings', query: ZFindingQuery, response: paged(ZFinding) }),
  /** Excel of the filtered findings. */
  exportFindings: endpoint({ method: 'GET', path: '/api/vulns/findings/export', query: ZFindingQuery, raw: true }),
  finding: endpoint({ method: 'GET', path: '/api/vulns/findings/:id', params: ZIdParams, response: ZFinding }),
  move: endpoint({ method: 'POST', path: '/api/vulns/findings/:id/state', params: ZIdParams, body: ZFindingAction, response: ZFinding }),
  requestException: endpoint({
    method: 'POST',
    path: '/api/vulns/findings/:id/exception',
    params: ZIdParams,
    body: ZExceptionRequest,
    response: ZFinding,
  }),
  decideException: endpoint({
    method: 'POST',
    path: '/api/vulns/findings/:id/exception/decision',
    params: ZIdParams,
    body: ZExceptionDecision,
    response: ZFinding,
  }),
  summary: endpoint({ method: 'GET', path: '/api/vulns/summary', response: ZSummary }),
  scans: endpoint({ method: 'GET', path: '/api/vulns/scans', query: ZPage, response: paged(ZScan) }),
  dueDays: endpoint({ method: 'GET', path: '/api/vulns/due-days', response: ZDueDays }),
  putDueDays: endpoint({ method: 'PUT', path: '/api/vulns/due-days', body: ZDueDays, response: ZDueDays }),
  mappings: endpoint({ method: 'GET', path: '/api/vulns/mappings', response: z.array(ZMapping) }),
  putMapping: endpoint({ method: 'PUT', path: '/api/vulns/mappings', body: ZMapping, response: ZMapping }),
  plans: endpoint({ method: 'GET', path: '/api/vulns/scan-plans', response: paged(ZScanPlan) }),
  createPlan: endpoint({ method: 'POST', path: '/api/vulns/scan-plans', body: ZScanPlanInput, response: ZScanPlan, status: 201 }),
  pentests: endpoint({ method: 'GET', path: '/api/vulns/pentests', response: paged(ZPentest) }),
  createPentest: endpoint({ method: 'POST', path: '/api/vulns/pentests', body: ZPentestInput, response: ZPentest, status: 201 }),
  hardening: endpoint({ method: 'GET', path: '/api/vulns/hardening', response: paged(ZHardening) }),
  createHardening: endpoint({ method: 'POST', path: '/api/vulns/hardening', body: ZHardeningInput, response: ZHardening, status: 201 }),
};
