// The ticket fault flow (R-SD-05..08): timeline, documents, assignment, emergency mode, the
// agency's confirmation, work log, merge, follow-up and the knowledge-base draft — request/response
// schemas shared by server and web.
import { z } from 'zod';
import { ZDate, ZDateTime, ZTimestamp, optText, text } from './api.ts';
import { SEVERITIES } from './sla.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';
import { ZTicket } from './desk.ts';

const instant = ZDateTime;

// --- timeline --------------------------------------------------------------------------------

export const ZTimelineEvent = z.object({
  id: z.number(),
  ticketId: z.string(),
  at: ZTimestamp,
  kind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type TTimelineEvent = z.infer<typeof ZTimelineEvent>;

// --- documents (R-SD-05, 附件二 2 故障响应流程) -------------------------------------------------

export const DOC_KINDS = ['diagnosis', 'plan', 'report'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
/** 故障诊断报告 / 系统维护和故障恢复的实施计划 / 系统维护工作报告 */
export const DOC_NAMES: Record<DocKind, string> = { diagnosis: '故障诊断报告', plan: '故障恢复方案', report: '维护报告' };

/** 故障诊断报告: the scene as found, the fault's level, what was done at once. */
export const ZDiagnosis = z.object({
  sceneRecord: text(8000),
  severity: z.enum(SEVERITIES),
  emergencyActions: optText(8000).default(''),
  preliminaryCause: optText(4000).default(''),
});
/** 故障恢复方案: the steps, the fallback agreed with the agency when 24 h will not do. */
export const ZPlan = z.object({
  steps: text(8000),
  fallbackPlan: optText(4000).default(''),
  expectedEndAt: instant.nullable().default(null),
  needsAgencyApproval: z.boolean().default(false),
});
/** 维护报告: what failed, why, what was done, the result; the agency tests and confirms it. */
export const ZReport = z
  .object({
    faultDescription: text(8000),
    cause: text(4000),
    actions: text(8000),
    result: text(4000),
    partsUsed: optText(2000).default(''),
    startedAt: instant,
    finishedAt: instant,
  })
  .refine((r) => new Date(r.finishedAt) >= new Date(r.startedAt), { error: '完成时间不能早于开始时间', path: ['finishedAt'] });

export const DOC_SCHEMAS = { diagnosis: ZDiagnosis, plan: ZPlan, report: ZReport } as const;
export type TDiagnosis = z.output<typeof ZDiagnosis>;
export type TPlan = z.output<typeof ZPlan>;
export type TReport = z.output<typeof ZReport>;

export const ZDocParams = z.object({ id: z.uuid(), kind: z.enum(DOC_KINDS) });
export const ZDocVersionParams = ZDocParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });

export const ZTicketDocument = z.object({
  id: z.string(),
  ticketId: z.string(),
  kind: z.enum(DOC_KINDS),
  version: z.number(),
  content: z.record(z.string(), z.unknown()),
  createdBy: z.string().nullable(),
  createdByName: z.string(),
  createdAt: ZTimestamp,
});
export type TTicketDocument = z.infer<typeof ZTicketDocument>;

const ZVersionInfo = z.object({ version: z.number(), createdByName: z.string(), createdAt: ZTimestamp });
/** Latest version of each kind (null when none yet) and the list of versions of each. */
export const ZTicketDocuments = z.object({
  diagnosis: ZTicketDocument.nullable(),
  plan: ZTicketDocument.nullable(),
  report: ZTicketDocument.nullable(),
  versions: z.object({ diagnosis: z.array(ZVersionInfo), plan: z.array(ZVersionInfo), report: z.array(ZVersionInfo) }),
});
export type TTicketDocuments = z.infer<typeof ZTicketDocuments>;

// --- the flow summary ------------------------------------------------------------------------

/** The agency's last confirmation or rejection. */
export const ZConfirmation = z.object({
  outcome: z.enum(['confirmed', 'rejected']),
  comment: z.string(),
  byId: z.string().nullable(),
  byName: z.string(),
  at: ZTimestamp,
});

export const ZFollowup = z.object({
  ticketId: z.string(),
  dueAt: ZTimestamp,
  status: z.enum(['pending', 'done']),
  doneAt: ZTimestamp.nullable(),
  doneBy: z.string().nullable(),
  doneByName: z.string().nullable(),
  reachable: z.boolean().nullable(),
  satisfaction: z.number().nullable(),
  comment: z.string(),
  createdAt: ZTimestamp,
});
export type TFollowup = z.infer<typeof ZFollowup>;

/** GET /api/tickets/:id/flow and the answer of every flow action that changes the ticket. */
export const ZTicketFlow = z.object({
  ticket: ZTicket,
  assigneeName: z.string().nullable(),
  /** The documents that do not exist yet, in flow order (diagnosis, plan, report). */
  docsMissing: z.array(z.enum(DOC_KINDS)),
  /** Emergency ticket whose back-filled documents are past docsDueAt. */
  docsOverdue: z.boolean(),
  /** Latest version number of each document (0: none). */
  docVersions: z.object({ diagnosis: z.number(), plan: z.number(), report: z.number() }),
  /** The agency may confirm now: resolved, report present, and in emergency mode all three documents. */
  confirmable: z.boolean(),
  confirmation: ZConfirmation.nullable(),
  followup: ZFollowup.nullable(),
  workMinutes: z.object({ onsite: z.number(), remote: z.number() }),
});
export type TTicketFlow = z.infer<typeof ZTicketFlow>;

// --- actions ---------------------------------------------------------------------------------

export const ZAssign = z.object({ assigneeId: z.uuid() });
export const ZEmergency = z.object({ reason: text(1000) });
export const ZConfirm = z
  .object({ outcome: z.enum(['confirmed', 'rejected']), comment: optText(2000).default('') })
  .refine((c) => c.outcome !== 'rejected' || c.comment.length > 0, { error: '驳回须填写原因', path: ['comment'] });
export type TConfirm = z.output<typeof ZConfirm>;
export const ZMerge = z.object({ intoId: z.uuid() });

// --- work log (R-SD-06) ----------------------------------------------------------------------

export const WORK_MODES = ['onsite', 'remote'] as const;
export const WORK_MODE_NAMES = { onsite: '现场', remote: '远程' } as const;
export const ZWorkLogInput = z
  .object({
    mode: z.enum(WORK_MODES),
    /** Defaults to the user logging it. */
    engineerId: z.uuid().optional(),
    startAt: instant,
    endAt: instant,
    summary: text(4000),
  })
  .refine((w) => new Date(w.endAt) > new Date(w.startAt), { error: '结束时间必须晚于开始时间', path: ['endAt'] });
export type TWorkLogInput = z.output<typeof ZWorkLogInput>;
export const ZWorkLog = z.object({
  id: z.string(),
  ticketId: z.string(),
  mode: z.enum(WORK_MODES),
  engineerId: z.string().nullable(),
  engineerName: z.string(),
  startAt: ZTimestamp,
  endAt: ZTimestamp,
  summary: z.string(),
  createdBy: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TWorkLog = z.infer<typeof ZWorkLog>;
export const ZWorkLogParams = z.object({ id: z.uuid(), logId: z.uuid() });

// --- follow-up (R-SD-07) ---------------------------------------------------------------------

export const ZFollowupInput = z
  .object({
    reachable: z.boolean(),
    satisfaction: z.number().int().min(1).max(5).optional(),
    comment: optText(2000).default(''),
  })
  .refine((f) => !f.reachable || f.satisfaction !== undefined, { error: '联系上用户时须填写满意度（1–5）', path: ['satisfaction'] })
  .refine((f) => f.reachable || f.satisfaction === undefined, { error: '未联系上用户时不能填写满意度', path: ['satisfaction'] });
export type TFollowupInput = z.output<typeof ZFollowupInput>;

export const ZFollowupQuery = z.object({
  status: z.enum(['pending', 'done']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const ZFollowupItem = ZFollowup.extend({
  number: z.string(),
  title: z.string(),
  serviceLine: z.enum(SERVICE_LINE_CODES),
  requesterName: z.string(),
  requesterPhone: z.string(),
  requesterDepartment: z.string(),
  closedAt: ZTimestamp.nullable(),
});
export type TFollowupItem = z.infer<typeof ZFollowupItem>;

export const ZFollowupStatsQuery = z
  .object({ from: ZDate, to: ZDate })
  .refine((q) => q.to >= q.from, { error: '结束日期不能早于开始日期', path: ['to'] });
const ZStatRow = z.object({
  closed: z.number(),
  followedUp: z.number(),
  /** followedUp / closed, 0..1 (0 when nothing closed). */
  followupRate: z.number(),
  reachable: z.number(),
  /** Over the reachable follow-ups; null when none. */
  avgSatisfaction: z.number().nullable(),
});
export const ZFollowupStats = z.object({
  from: z.string(),
  to: z.string(),
  total: ZStatRow,
  byServiceLine: z.array(ZStatRow.extend({ serviceLine: z.enum(SERVICE_LINE_CODES) })),
  byEngineer: z.array(ZStatRow.extend({ engineerId: z.string(), engineerName: z.string() })),
});
export type TFollowupStats = z.infer<typeof ZFollowupStats>;

// --- knowledge base draft (R-SD-08) ----------------------------------------------------------

/** Shaped like ZKbInput: the web shows it for editing and posts it to POST /api/kb. */
export const ZKbDraft = z.object({
  title: z.string(),
  serviceLine: z.enum(SERVICE_LINE_CODES).nullable(),
  problem: z.string(),
  cause: z.string(),
  solution: z.string(),
  sourceTicketId: z.string(),
});
export type TKbDraft = z.infer<typeof ZKbDraft>;
