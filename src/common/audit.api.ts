// Contracts of the audit log: read, exported and verified by the audit admin only (三员分立).
import { paged } from './api.ts';
import { ZAuditQuery, ZAuditRecord, ZAuditVerify } from './audit.ts';
import { endpoint } from './endpoint.ts';

export const auditApi = {
  list: endpoint({ method: 'GET', path: '/api/audit', query: ZAuditQuery, response: paged(ZAuditRecord) }),
  /** Excel of the filtered log. */
  export: endpoint({ method: 'GET', path: '/api/audit/export', query: ZAuditQuery, raw: true }),
  verify: endpoint({ method: 'GET', path: '/api/audit/verify', response: ZAuditVerify }),
};
