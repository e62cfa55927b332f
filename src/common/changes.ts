// Changes (变更, issue 12 point 1, R-CHG-01..06): change requests on devices and systems, approved
// before work (standard from a pre-approved template, normal by steps, emergency afterwards within a
// deadline), implemented with configuration backups before and after, confirmed by the agency.
import { z } from 'zod';
import { ZDateTime, ZPage, ZTimestamp, optText, paged, text } from './api.ts';
import { ZDayFrom, ZDayTo } from './day-range.ts';

export const CHANGE_TYPES = ['standard', 'normal', 'emergency'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export const CHANGE_TYPE_NAMES: Record<ChangeType, string> = { standard: '标准变更', normal: '一般变更', emergency: '紧急变更' };

// R-CHG-05: firmware and software upgrades are changes too.
export const CHANGE_CATEGORIES = ['configuration', 'firmware', 'software', 'other'] as const;
export type ChangeCategory = (typeof CHANGE_CATEGORIES)[number];
export const CHANGE_CATEGORY_NAMES: Record<ChangeCategory, string> = {
  configuration: '配置变更',
  firmware: '固件升级',
  software: '软件升级',
  other: '其他',
};

export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];
export const RISK_NAMES: Record<Risk, string> = { low: '低', medium: '中', high: '高' };

/** R-CHG-01: the agency's written notice (通知/意见) or the contractor's proposal. */
export const BASIS_KINDS = ['notice', 'proposal'] as const;
export const BASIS_NAMES: Record<(typeof BASIS_KINDS)[number], string> = { notice: '甲方书面变更通知/意见', proposal: '乙方变更建议' };

export const CHANGE_STATES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'rejected',
  'implementing',
  'implemented',
  'confirmed',
  'cancelled',
] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];
export const CHANGE_STATE_NAMES: Record<ChangeState, string> = {
  draft: '草稿',
  submitted: '审批中',
  returned: '已退回',
  approved: '已批准',
  rejected: '已驳回',
  implementing: '实施中',
  implemented: '待甲方确认',
  confirmed: '已确认关闭',
  cancelled: '已取消',
};

/** The roles an approval step may name (the rules table is data; these are the built-in roles that approve). */
export const APPROVER_ROLES = ['contractor_pm', 'agency_contact', 'agency_manager'] as const;
export const APPROVER_ROLE_NAMES: Record<string, string> = {
  contractor_pm: '乙方项目经理',
  agency_contact: '甲方联系人',
  agency_manager: '甲方负责人',
};

export const ZChangeInput = z
  .object({
    type: z.enum(CHANGE_TYPES),
    templateId: z.uuid().nullable().optional(),
    title: text(200),
    category: z.enum(CHANGE_CATEGORIES),
    risk: z.enum(RISKS),
    reason: text(4000),
    basis: z.enum(BASIS_KINDS),
    basisText: optText(2000).default(''),
    /** Configuration-backup device ids. */
    deviceIds: z.array(z.uuid()).max(50).default([]),
    /** Systems named in words (an application, a device not under configuration backup). */
    systems: optText(1000).default(''),
    plannedStart: ZDateTime,
    plannedEnd: ZDateTime,
    steps: text(8000),
    rollback: text(8000),
  })
  .refine((c) => Date.parse(c.plannedEnd) > Date.parse(c.plannedStart), { message: '计划结束时间应晚于开始时间', path: ['plannedEnd'] });
export type TChangeInput = z.input<typeof ZChangeInput>;

export const ZApprovalStep = z.object({
  step: z.number().int(),
  role: z.string(),
  status: z.enum(['pending', 'approved', 'rejected', 'returned']),
  by: z.string().nullable(),
  byName: z.string().nullable(),
  at: ZTimestamp.nullable(),
  comment: z.string().nullable(),
});
export type TApprovalStep = z.infer<typeof ZApprovalStep>;

export const ZChangeDevice = z.object({
  deviceId: z.string(),
  name: z.string(),
  beforeVersionId: z.string().nullable(),
  afterVersionId: z.string().nullable(),
  /** Why a backup could not be taken (the change goes on; the page says so). */
  beforeError: z.string().nullable(),
  afterError: z.string().nullable(),
});

export const ZConflict = z.object({ id: z.string(), number: z.string(), title: z.string(), deviceName: z.string() });

export const ZChangeEvent = z.object({
  at: ZTimestamp,
  kind: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  actorName: z.string(),
  comment: z.string().nullable(),
});

export const ZChange = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(CHANGE_TYPES),
  templateId: z.string().nullable(),
  title: z.string(),
  category: z.enum(CHANGE_CATEGORIES),
  risk: z.enum(RISKS),
  reason: z.string(),
  basis: z.enum(BASIS_KINDS),
  basisText: z.string(),
  systems: z.string(),
  plannedStart: ZTimestamp,
  plannedEnd: ZTimestamp,
  steps: z.string(),
  rollback: z.string(),
  state: z.enum(CHANGE_STATES),
  approvals: z.array(ZApprovalStep),
  /** The role whose approval is awaited now, or null. */
  awaiting: z.string().nullable(),
  /** Emergency changes: approval due afterwards by this instant; overdue when past and not approved. */
  approvalDueAt: ZTimestamp.nullable(),
  approvalOverdue: z.boolean(),
  devices: z.array(ZChangeDevice),
  conflicts: z.array(ZConflict),
  createdByName: z.string(),
  createdAt: ZTimestamp,
  startedAt: ZTimestamp.nullable(),
  finishedAt: ZTimestamp.nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: ZTimestamp.nullable(),
});
export type TChange = z.infer<typeof ZChange>;
export const ZChangeDetail = ZChange.extend({ events: z.array(ZChangeEvent) });
export type TChangeDetail = z.infer<typeof ZChangeDetail>;
export const ZChangeList = paged(ZChange);

export const ZChangeQuery = ZPage.extend({
  state: z.enum(CHANGE_STATES).optional(),
  type: z.enum(CHANGE_TYPES).optional(),
  risk: z.enum(RISKS).optional(),
  deviceId: z.uuid().optional(),
  q: optText(100).optional(),
  /** Raised on these days (China time, inclusive): a report's period. */
  from: ZDayFrom,
  to: ZDayTo,
});
export type TChangeQuery = z.infer<typeof ZChangeQuery>;

export const CHANGE_ACTIONS = ['submit', 'approve', 'reject', 'return', 'start', 'finish', 'confirm', 'cancel'] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
export const ZChangeAction = z.object({ action: z.enum(CHANGE_ACTIONS), comment: optText(2000).default('') });
export type TChangeAction = z.input<typeof ZChangeAction>;

export const ZDiffParams = z.object({ id: z.uuid(), deviceId: z.uuid() });

// ---- templates and rules (data) ------------------------------------------------------------------

export const ZTemplateInput = z.object({
  name: text(200),
  category: z.enum(CHANGE_CATEGORIES),
  risk: z.enum(RISKS),
  steps: text(8000),
  rollback: text(8000),
});
export type TTemplateInput = z.input<typeof ZTemplateInput>;
export const ZTemplate = ZTemplateInput.extend({
  id: z.string(),
  approved: z.boolean(),
  approvedByName: z.string().nullable(),
  approvedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
});
export type TTemplate = z.infer<typeof ZTemplate>;

export const ZApprovalRule = z.object({
  id: z.string(),
  changeType: z.enum(CHANGE_TYPES),
  step: z.number().int(),
  role: z.string(),
  /** The step applies to changes of this risk or higher. */
  minRisk: z.enum(RISKS),
});

// ---- the per-device maintenance archive (R-CHG-03) ---------------------------------------------

export const ZArchiveEntry = z.object({
  at: ZTimestamp,
  kind: z.enum(['change', 'version']),
  /** A change's id or a configuration version's id. */
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  /** The change that explains a version (its id), or null. */
  changeId: z.string().nullable(),
});
export const ZArchive = z.object({ deviceId: z.string(), deviceName: z.string(), items: z.array(ZArchiveEntry) });
export type TArchive = z.infer<typeof ZArchive>;
export const ZDeviceParams = z.object({ deviceId: z.uuid() });

// ---- third-party access (R-CHG-04) ---------------------------------------------------------------

export const ACCESS_MODES = ['onsite', 'remote'] as const;
export const ACCESS_MODE_NAMES: Record<(typeof ACCESS_MODES)[number], string> = { onsite: '现场', remote: '远程' };
export const ACCESS_STATES = ['requested', 'approved', 'rejected', 'closed'] as const;
export const ACCESS_STATE_NAMES: Record<(typeof ACCESS_STATES)[number], string> = {
  requested: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  closed: '已结束',
};
export const ZAccessInput = z
  .object({
    person: text(100),
    company: text(200),
    mode: z.enum(ACCESS_MODES),
    purpose: text(2000),
    devices: text(1000),
    startAt: ZDateTime,
    endAt: ZDateTime,
  })
  .refine((a) => Date.parse(a.endAt) > Date.parse(a.startAt), { message: '结束时间应晚于开始时间', path: ['endAt'] });
export type TAccessInput = z.input<typeof ZAccessInput>;
export const ZAccessLog = z.object({ at: ZTimestamp, byName: z.string(), text: z.string() });
export const ZAccess = z.object({
  id: z.string(),
  number: z.string(),
  person: z.string(),
  company: z.string(),
  mode: z.enum(ACCESS_MODES),
  purpose: z.string(),
  devices: z.string(),
  startAt: ZTimestamp,
  endAt: ZTimestamp,
  state: z.enum(ACCESS_STATES),
  /** Approved and past its time box without being closed. */
  expired: z.boolean(),
  requestedByName: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: ZTimestamp.nullable(),
  comment: z.string().nullable(),
  logs: z.array(ZAccessLog),
  createdAt: ZTimestamp,
});
export type TAccess = z.infer<typeof ZAccess>;
export const ZAccessList = paged(ZAccess);
export const ZAccessQuery = ZPage.extend({ state: z.enum(ACCESS_STATES).optional() });
export const ZAccessAction = z.object({ action: z.enum(['approve', 'reject', 'close']), comment: optText(2000).default('') });
export const ZAccessLogInput = z.object({ text: text(4000) });

// ---- documents for the agency's review (R-CHG-06) ------------------------------------------------

export const REVIEW_KINDS = ['annual_plan', 'rules', 'work_spec'] as const;
export const REVIEW_KIND_NAMES: Record<(typeof REVIEW_KINDS)[number], string> = {
  annual_plan: '年度运维计划',
  rules: '运维管理制度',
  work_spec: '工作规范',
};
export const REVIEW_STATES = ['submitted', 'approved', 'returned'] as const;
export const REVIEW_STATE_NAMES: Record<(typeof REVIEW_STATES)[number], string> = {
  submitted: '待甲方审阅',
  approved: '已通过',
  returned: '已退回修改',
};
export const ZReviewInput = z.object({ kind: z.enum(REVIEW_KINDS), title: text(200), body: text(50_000) });
export type TReviewInput = z.input<typeof ZReviewInput>;
export const ZReviewVersion = z.object({
  version: z.number().int(),
  body: z.string(),
  submittedByName: z.string(),
  submittedAt: ZTimestamp,
  decision: z.enum(['approved', 'returned']).nullable(),
  comment: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: ZTimestamp.nullable(),
});
export const ZReviewDoc = z.object({
  id: z.string(),
  kind: z.enum(REVIEW_KINDS),
  title: z.string(),
  state: z.enum(REVIEW_STATES),
  version: z.number().int(),
  versions: z.array(ZReviewVersion),
  updatedAt: ZTimestamp,
});
export type TReviewDoc = z.infer<typeof ZReviewDoc>;
export const ZReviewList = paged(ZReviewDoc);
export const ZReviewResubmit = z.object({ body: text(50_000) });
export const ZReviewDecision = z.object({ decision: z.enum(['approved', 'returned']), comment: optText(2000).default('') });
