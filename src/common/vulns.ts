// Vulnerabilities to verified fix (issue 13 point 5; R-SEC-04..06): scan imports, findings and their
// flow, remediation due dates on the business calendar, scan plans, pentest reports, hardening plans.
import { z } from 'zod';
import { ZDate, ZPage, ZTimestamp, optText, text } from './api.ts';
import { ZDayFrom, ZDayTo } from './day-range.ts';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type TSeverity = (typeof SEVERITIES)[number];
export const SEVERITY_ZH: Record<TSeverity, string> = { critical: '紧急', high: '高危', medium: '中危', low: '低危', info: '信息' };

/** open → fixing → fixed → verified (a later scan no longer shows it); the two exceptions need the agency. */
export const FINDING_STATES = ['open', 'fixing', 'fixed', 'verified', 'accepted_risk', 'false_positive'] as const;
export type TFindingState = (typeof FINDING_STATES)[number];
export const STATE_ZH: Record<TFindingState, string> = {
  open: '未处理',
  fixing: '整改中',
  fixed: '已整改待验证',
  verified: '已验证修复',
  accepted_risk: '接受风险',
  false_positive: '误报',
};
/** States still owing work: these count for due dates and overdue. */
export const ACTIVE_STATES = ['open', 'fixing'] as const satisfies readonly TFindingState[];

export const IMPORT_FORMATS = ['nmap', 'openvas', 'nessus', 'csv'] as const;
export type TImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXCEPTION_KINDS = ['accepted_risk', 'false_positive'] as const;

const scannerName = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[\p{L}\p{N} _.-]+$/u, '扫描器名称只能包含文字、数字、空格、下划线、点和连字符');

export const ZImportQuery = z.object({
  format: z.enum(IMPORT_FORMATS).optional(),
  /** CSV/Excel: the scanner whose saved column mapping reads the file (绿盟, 启明星辰 …). */
  scanner: scannerName.optional(),
  /** The scan plan this import fulfils (its next due date moves on). */
  planId: z.uuid().optional(),
});

export const ZImportResult = z.object({
  scanId: z.uuid(),
  format: z.enum(IMPORT_FORMATS),
  scanner: z.string(),
  new: z.number().int(),
  updated: z.number().int(),
  closed: z.number().int(),
  /** Reopened: fixed or verified before, reported again. */
  reopened: z.number().int(),
  /** Covered addresses that no longer report an open finding (recorded as not seen). */
  notSeen: z.number().int(),
  findings: z.number().int(),
  hosts: z.number().int(),
  /** Addresses of the scan that match no asset's management IP (at most 200 listed). */
  unmatched: z.array(z.string()),
  unmatchedCount: z.number().int(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZFinding = z.object({
  id: z.uuid(),
  address: z.string(),
  assetId: z.string().nullable(),
  assetNumber: z.string().nullable(),
  assetName: z.string().nullable(),
  port: z.number().int().nullable(),
  protocol: z.string(),
  pluginId: z.string(),
  cve: z.string().nullable(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  state: z.enum(FINDING_STATES),
  scanner: z.string(),
  pentestId: z.string().nullable(),
  hardeningPlanId: z.string().nullable(),
  description: z.string(),
  solution: z.string(),
  firstSeen: ZTimestamp,
  lastSeen: ZTimestamp,
  /** The last scan covering the address did not report it (while still open or fixing). */
  notSeenAt: ZTimestamp.nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  fixedAt: ZTimestamp.nullable(),
  verifiedAt: ZTimestamp.nullable(),
  /** An exception asked of the agency, awaiting its decision. */
  request: z.object({ kind: z.enum(EXCEPTION_KINDS), reason: z.string(), by: z.string(), at: ZTimestamp }).nullable(),
  decisionNote: z.string().nullable(),
});
export type TFinding = z.infer<typeof ZFinding>;

const flag = z.enum(['true', 'false']).optional();
export const ZFindingQuery = ZPage.extend({
  address: z.string().trim().max(100).optional(),
  state: z.enum(FINDING_STATES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  assetId: z.uuid().optional(),
  overdue: flag,
  /** Only findings whose address matches no asset. */
  unmatched: flag,
  /** Only findings with an exception awaiting the agency. */
  pending: flag,
  hardeningPlanId: z.uuid().optional(),
  pentestId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['due', 'severity', 'address']).optional(),
  /** Due on or before this day (the board's due-date filter). */
  dueBefore: ZDate.optional(),
  /** A report's days (China time, inclusive): first seen, fixed, verified on them (issue 15). */
  seenFrom: ZDayFrom,
  seenTo: ZDayTo,
  fixedFrom: ZDayFrom,
  fixedTo: ZDayTo,
  verifiedFrom: ZDayFrom,
  verifiedTo: ZDayTo,
  /** Only findings still being worked (open or fixing). */
  active: flag,
});
export type TFindingQuery = z.infer<typeof ZFindingQuery>;

export const ZFindingAction = z.object({
  action: z.enum(['start', 'fixed', 'reopen']),
  note: optText(500).optional(),
});
export const ZExceptionRequest = z.object({ kind: z.enum(EXCEPTION_KINDS), reason: text(1000) });
export const ZExceptionDecision = z.object({ approve: z.boolean(), note: optText(500).optional() });

export const ZSummary = z.object({
  /** Findings still owing work (open, fixing), by severity. */
  open: z.object(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int()])) as Record<TSeverity, z.ZodNumber>),
  overdue: z.number().int(),
  pending: z.number().int(),
  unmatched: z.number().int(),
  /** Findings still owing work by when they are due: past, within 7 days, within 30 days, later. */
  byDue: z.object({ overdue: z.number().int(), week: z.number().int(), month: z.number().int(), later: z.number().int() }),
  /** The addresses with the most findings still owing work (at most 10), by severity. */
  byAsset: z.array(
    z.object({
      address: z.string(),
      assetId: z.string().nullable(),
      assetName: z.string().nullable(),
      total: z.number().int(),
      ...(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int()])) as Record<TSeverity, z.ZodNumber>),
    }),
  ),
});
export type TSummary = z.infer<typeof ZSummary>;

/** Working days to fix, by severity (R-SEC-04; data, edited by the project manager). */
export const ZDueDays = z.object({
  critical: z.number().int().min(1).max(365),
  high: z.number().int().min(1).max(365),
  medium: z.number().int().min(1).max(365),
  low: z.number().int().min(1).max(365),
});
export type TDueDays = z.infer<typeof ZDueDays>;
export const DEFAULT_DUE_DAYS: TDueDays = { critical: 2, high: 5, medium: 15, low: 30 };

export const MAPPING_FIELDS = ['address', 'port', 'protocol', 'pluginId', 'cve', 'title', 'severity', 'description', 'solution'] as const;
export type TMappingField = (typeof MAPPING_FIELDS)[number];
/** A scanner's CSV/Excel columns: field → the header text in its export. address, title and severity are required. */
export const ZMapping = z.object({
  scanner: scannerName,
  columns: z.object({
    address: text(100),
    title: text(100),
    severity: text(100),
    port: text(100).optional(),
    protocol: text(100).optional(),
    pluginId: text(100).optional(),
    cve: text(100).optional(),
    description: text(100).optional(),
    solution: text(100).optional(),
  }),
  /** The scanner's severity words → ours (紧急/高/中/低 are known without it). */
  severityWords: z.record(text(20), z.enum(SEVERITIES)).optional(),
});
export type TMapping = z.infer<typeof ZMapping>;

export const ZScan = z.object({
  id: z.uuid(),
  format: z.enum(IMPORT_FORMATS),
  scanner: z.string(),
  fileName: z.string(),
  importedAt: ZTimestamp,
  importedBy: z.string(),
  planId: z.string().nullable(),
  hosts: z.number().int(),
  findings: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  closed: z.number().int(),
  unmatchedCount: z.number().int(),
});

export const CADENCES = ['weekly', 'monthly', 'quarterly'] as const;
const CIDR_RE = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\/(?:3[0-2]|[12]?\d))?$/;
export const ZScanPlanInput = z.object({
  name: text(100),
  range: z.string().trim().regex(CIDR_RE, '地址段应为 IPv4 地址或 CIDR，如 10.1.0.0/16'),
  cadence: z.enum(CADENCES),
  firstDue: ZDate,
});
export const ZScanPlan = z.object({
  id: z.uuid(),
  name: z.string(),
  range: z.string(),
  cadence: z.enum(CADENCES),
  nextDue: z.string(),
  overdue: z.boolean(),
  lastScanId: z.string().nullable(),
  lastImportAt: ZTimestamp.nullable(),
});

export const ZPentestFinding = z.object({
  address: z.string().trim().min(1).max(100),
  port: z.number().int().min(1).max(65535).optional(),
  protocol: z.enum(['tcp', 'udp']).optional(),
  title: text(300),
  severity: z.enum(SEVERITIES),
  cve: z
    .string()
    .trim()
    .regex(/^CVE-\d{4}-\d{4,7}$/i, 'CVE 编号格式应为 CVE-2024-12345')
    .optional(),
  description: optText(4000).optional(),
  solution: optText(4000).optional(),
});
export const ZPentestInput = z.object({
  title: text(200),
  tester: text(100),
  testedOn: ZDate,
  summary: optText(4000).optional(),
  findings: z.array(ZPentestFinding).min(1).max(500),
});
export const ZPentest = z.object({
  id: z.uuid(),
  title: z.string(),
  tester: z.string(),
  testedOn: z.string(),
  summary: z.string(),
  findings: z.number().int(),
  active: z.number().int(),
  createdAt: ZTimestamp,
});

export const ZHardeningInput = z.object({
  name: text(200),
  dueDate: ZDate.optional(),
  findingIds: z.array(z.uuid()).min(1).max(1000),
});
export const ZHardening = z.object({
  id: z.uuid(),
  name: z.string(),
  dueDate: z.string().nullable(),
  total: z.number().int(),
  done: z.number().int(),
  /** R-SEC-06: done when every finding in it is fixed or verified. */
  state: z.enum(['in_progress', 'done']),
  createdAt: ZTimestamp,
});
