// Security operations (issue 13 points 4 and 6; R-SEC-03, R-SEC-07, R-SEC-09): the responses recorded on
// security alerts (approved through a change), the per-device security policy history, and the
// signature and virus-definition versions of every security product with a staleness board.
import { z } from 'zod';
import { ZDate, ZDateTime, ZPage, ZTimestamp, optText, paged, text } from './api.ts';

export const RESPONSE_KINDS = ['firewall_policy', 'port_block', 'zone_isolation', 'bandwidth_limit', 'other'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
export const RESPONSE_KIND_NAMES: Record<ResponseKind, string> = {
  firewall_policy: '防火墙策略调整',
  port_block: '端口封堵',
  zone_isolation: '区域隔离',
  bandwidth_limit: '带宽限制',
  other: '其他处置',
};
/** Kinds that change a device, so go through the change process (R-CHG-01). */
export const DEVICE_CHANGING: readonly ResponseKind[] = ['firewall_policy', 'port_block', 'zone_isolation', 'bandwidth_limit'];

export const VERIFY_RESULTS = ['effective', 'ineffective'] as const;
export const VERIFY_RESULT_NAMES: Record<(typeof VERIFY_RESULTS)[number], string> = { effective: '已生效', ineffective: '未生效' };

export const ZResponseInput = z
  .object({
    alertId: z.uuid(),
    kind: z.enum(RESPONSE_KINDS),
    /** The asset (device) changed or acted on. */
    assetId: z.uuid(),
    detail: text(4000),
    /** When it was done; default now. */
    doneAt: ZDateTime.optional(),
    /** Link to an existing change instead of opening one. */
    changeId: z.uuid().optional(),
    /** For a new change: how it is rolled back, and its risk. */
    rollback: optText(4000).default(''),
    risk: z.enum(['low', 'medium', 'high']).default('medium'),
  })
  .refine((r) => !DEVICE_CHANGING.includes(r.kind) || r.changeId || r.rollback, {
    message: '调整设备的处置须填写回退方案（或关联已有变更）',
    path: ['rollback'],
  });
export type TResponseInput = z.input<typeof ZResponseInput>;

export const ZVerifyInput = z.object({ result: z.enum(VERIFY_RESULTS), note: optText(2000).default('') });

export const ZResponse = z.object({
  id: z.string(),
  number: z.string(),
  alertId: z.string(),
  alertTitle: z.string(),
  alertKey: z.string(),
  kind: z.enum(RESPONSE_KINDS),
  assetId: z.string(),
  assetNumber: z.string(),
  assetName: z.string(),
  detail: z.string(),
  doneByName: z.string(),
  doneAt: ZTimestamp,
  changeId: z.string().nullable(),
  changeNumber: z.string().nullable(),
  changeState: z.string().nullable(),
  changeType: z.string().nullable(),
  /** Its change is approved in full (or it needed none). */
  approved: z.boolean(),
  verifiedByName: z.string().nullable(),
  verifyResult: z.enum(VERIFY_RESULTS).nullable(),
  verifyNote: z.string().nullable(),
  verifiedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
});
export type TResponse = z.infer<typeof ZResponse>;
export const ZResponseList = paged(ZResponse);
export const ZResponseQuery = ZPage.extend({ alertId: z.uuid().optional(), assetId: z.uuid().optional() });

export const ZAlertParams = z.object({ alertId: z.uuid() });
export const ZAlertResponses = z.object({
  alert: z.object({ id: z.string(), title: z.string(), severity: z.string(), key: z.string(), lastAt: ZTimestamp, sample: z.string() }),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  items: z.array(ZResponse),
});
export type TAlertResponses = z.infer<typeof ZAlertResponses>;

// ---- per-device security policy history (R-SEC-09) ---------------------------------------------

export const ZHistoryEntry = z.object({
  at: ZTimestamp,
  kind: z.enum(['response', 'change', 'verify', 'signature']),
  title: z.string(),
  detail: z.string(),
  byName: z.string(),
  /** A web path to the object (alert, change), or null. */
  link: z.string().nullable(),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;
export const ZDeviceHistory = z.object({
  assetId: z.string(),
  assetNumber: z.string(),
  assetName: z.string(),
  items: z.array(ZHistoryEntry),
});
export type TDeviceHistory = z.infer<typeof ZDeviceHistory>;
export const ZAssetParams = z.object({ assetId: z.uuid() });

// ---- signatures (R-SEC-07) -----------------------------------------------------------------------

export const SIGNATURE_SOURCES = ['register', 'manual', 'log', 'import'] as const;
export const SIGNATURE_SOURCE_NAMES: Record<(typeof SIGNATURE_SOURCES)[number], string> = {
  register: '资产台账',
  manual: '手工登记',
  log: '设备日志',
  import: '日志导入',
};
export const STALENESS = ['ok', 'stale', 'critical', 'unknown'] as const;
export type Staleness = (typeof STALENESS)[number];
export const STALENESS_NAMES: Record<Staleness, string> = { ok: '时效正常', stale: '过期', critical: '严重过期', unknown: '未登记版本' };

export const ZSignatureInput = z
  .object({
    engineVersion: optText(100).default(''),
    signatureVersion: optText(100).default(''),
    virusVersion: optText(100).default(''),
    updatedAt: ZDateTime,
  })
  .refine((s) => s.engineVersion || s.signatureVersion || s.virusVersion, { message: '请至少填写一个版本', path: ['signatureVersion'] });
export type TSignatureInput = z.input<typeof ZSignatureInput>;

export const ZSignature = z.object({
  assetId: z.string(),
  assetNumber: z.string(),
  assetName: z.string(),
  className: z.string(),
  vendor: z.string(),
  model: z.string(),
  mgmtIp: z.string(),
  engineVersion: z.string(),
  signatureVersion: z.string(),
  virusVersion: z.string(),
  updatedAt: ZTimestamp.nullable(),
  source: z.enum(SIGNATURE_SOURCES).nullable(),
  ageDays: z.number().int().nullable(),
  status: z.enum(STALENESS),
  staleDays: z.number().int(),
  criticalDays: z.number().int(),
});
export type TSignature = z.infer<typeof ZSignature>;
export const ZSignatureBoard = z.object({
  items: z.array(ZSignature),
  counts: z.record(z.enum(STALENESS), z.number().int()),
});
export type TSignatureBoard = z.infer<typeof ZSignatureBoard>;
/** The board as a paged list: as it stands now, or at the end of the day `at`, of one status (issue 15). */
export const ZSignatureQuery = ZPage.extend({ at: ZDate.optional(), status: z.enum(STALENESS).optional() });
export const ZSignatureList = ZSignatureBoard.extend({ total: z.number().int() });

/** Thresholds as data: `default`, or an asset class code (a class's own overrides the default). */
export const ZThreshold = z
  .object({ scope: text(40), staleDays: z.number().int().min(1).max(3650), criticalDays: z.number().int().min(1).max(3650) })
  .refine((t) => t.criticalDays > t.staleDays, { message: '严重过期天数应大于过期天数', path: ['criticalDays'] });
export type TThreshold = z.infer<typeof ZThreshold>;
export const ZThresholds = z.object({ items: z.array(ZThreshold).min(1).max(50) });

/** Update lines from the product's own syslog, pasted or uploaded as text, for one product. */
export const ZSignatureImport = z.object({ text: text(1_000_000) });
export const ZSignatureImportResult = z.object({ lines: z.number().int(), updates: z.number().int(), signature: ZSignature });

// ---- bulletins (R-SEC-08) --------------------------------------------------------------------------

export const BULLETIN_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const ZBulletinInput = z.object({
  title: text(200),
  /** Who published it (CNVD, CNNVD, the vendor's PSIRT …). */
  source: text(200),
  cve: optText(100).default(''),
  severity: z.enum(BULLETIN_SEVERITIES),
  vendor: text(100),
  product: text(100),
  /** Affected versions, inclusive; empty: unbounded on that side. */
  versionFrom: optText(60).default(''),
  versionTo: optText(60).default(''),
  advice: optText(4000).default(''),
});
export type TBulletinInput = z.input<typeof ZBulletinInput>;
export const ZBulletin = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  source: z.string(),
  cve: z.string(),
  severity: z.enum(BULLETIN_SEVERITIES),
  vendor: z.string(),
  product: z.string(),
  versionFrom: z.string(),
  versionTo: z.string(),
  advice: z.string(),
  affected: z.array(z.object({ id: z.string(), number: z.string(), name: z.string(), firmware: z.string() })),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  createdByName: z.string(),
  createdAt: ZTimestamp,
});
export type TBulletin = z.infer<typeof ZBulletin>;
export const ZBulletinList = paged(ZBulletin);
