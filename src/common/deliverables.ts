// Schemas of the deliverables module (issue 15 points 2–3): the quarterly service summary the agency
// reviews within 15 days (第六条3, R-RPT-02) and the leader support requests (附件一 6, R-RPT-03).
import { z } from 'zod';
import { optText, paged, text, ZDate, ZPage, ZTimestamp } from './api.ts';

// ---- quarterly summary ---------------------------------------------------------------------------

/** 15 日: calendar days (the contract writes 工作日 where it means working days, e.g. 第四条2). */
export const REVIEW_DAYS = 15;
export const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
export const ZQuarter = z
  .string()
  .trim()
  .regex(QUARTER_RE, '季度格式应为 YYYY-Qn，例如 2026-Q3')
  .refine((q) => Number(q.slice(0, 4)) >= 2000 && Number(q.slice(0, 4)) <= 2199, '年份应在 2000–2199 之间');

/** The first and last day of a quarter `YYYY-Qn`. */
export function quarterRange(q: string): { from: string; to: string } {
  const y = q.slice(0, 4);
  const n = Number(q.slice(6));
  const first = 3 * (n - 1) + 1;
  const last = first + 2;
  const lastDay = [31, 30, 30, 31][n - 1]!;
  return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: `${y}-${String(last).padStart(2, '0')}-${lastDay}` };
}

/** 2026-Q3 → 2026 年第三季度 */
export function quarterLabel(q: string): string {
  return `${q.slice(0, 4)} 年第${['一', '二', '三', '四'][Number(q.slice(6)) - 1] ?? '?'}季度`;
}

export const QUARTERLY_STATES = ['submitted', 'objected', 'approved'] as const;
export type QuarterlyState = (typeof QUARTERLY_STATES)[number];
export const QUARTERLY_STATE_NAMES: Record<QuarterlyState, string> = {
  submitted: '待甲方评审',
  objected: '甲方提出质疑',
  approved: '已通过评审',
};
export const SILENCE_TEXT = '逾期未提出异议，视为通过';

/** The text fields sent with the summary's file (multipart). */
export const ZQuarterlyFields = z.object({
  quarter: ZQuarter,
  reportRef: optText(200).default(''),
  note: optText(2000).default(''),
});
export const ZResubmitFields = ZQuarterlyFields.omit({ quarter: true });

export const ZQuarterlyDecision = z
  .object({ decision: z.enum(['approved', 'objected']), comment: optText(2000).default('') })
  .refine((d) => d.decision === 'approved' || d.comment.length > 0, { message: '提出质疑须写明意见', path: ['comment'] });
export type TQuarterlyDecision = z.input<typeof ZQuarterlyDecision>;

export const ZCommentInput = z.object({ body: text(2000) });

export const ZComment = z.object({
  id: z.string(),
  version: z.number().int(),
  side: z.enum(['agency', 'contractor']),
  authorName: z.string(),
  body: z.string(),
  at: ZTimestamp,
});
export type TComment = z.infer<typeof ZComment>;

export const ZQuarterlyVersion = z.object({
  version: z.number().int(),
  fileId: z.string(),
  fileName: z.string(),
  fileSize: z.number().int(),
  reportRef: z.string().nullable(),
  note: z.string().nullable(),
  submittedByName: z.string(),
  submittedAt: ZTimestamp,
  dueDate: z.string(),
  decision: z.enum(['approved', 'objected', 'silence']).nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: ZTimestamp.nullable(),
  comment: z.string().nullable(),
});
export type TQuarterlyVersion = z.infer<typeof ZQuarterlyVersion>;

export const ZQuarterly = z.object({
  id: z.string(),
  quarter: z.string(),
  state: z.enum(QUARTERLY_STATES),
  approvedHow: z.enum(['agency', 'silence']).nullable(),
  version: z.number().int(),
  /** The current version's last review day and the days left to it (0: today is the last), while submitted. */
  dueDate: z.string(),
  daysLeft: z.number().int().nullable(),
  versions: z.array(ZQuarterlyVersion),
  comments: z.array(ZComment),
  updatedAt: ZTimestamp,
});
export type TQuarterly = z.infer<typeof ZQuarterly>;
export const ZQuarterlyList = paged(ZQuarterly);
export const ZQuarterlyQuery = ZPage.extend({ state: z.enum(QUARTERLY_STATES).optional() });

// ---- leader support ------------------------------------------------------------------------------

export const LEADER_KINDS = ['data_table', 'network_report', 'material'] as const;
export const LEADER_KIND_NAMES: Record<(typeof LEADER_KINDS)[number], string> = {
  data_table: '数据报表',
  network_report: '网络报告',
  material: '汇报材料',
};
export const LEADER_STATES = ['open', 'assigned', 'delivered', 'accepted'] as const;
export type LeaderState = (typeof LEADER_STATES)[number];
export const LEADER_STATE_NAMES: Record<LeaderState, string> = {
  open: '待分派',
  assigned: '处理中',
  delivered: '待甲方验收',
  accepted: '已验收',
};

export const ZLeaderInput = z.object({
  title: text(200),
  kind: z.enum(LEADER_KINDS),
  detail: text(5000),
  dueDate: ZDate,
  requester: text(100),
});
export type TLeaderInput = z.input<typeof ZLeaderInput>;
export const ZAssignInput = z.object({ assigneeId: z.uuid() });
export const ZDeliverInput = z.object({ note: text(2000) });
export const ZLeaderDecision = z
  .object({ decision: z.enum(['accepted', 'again']), comment: optText(2000).default('') })
  .refine((d) => d.decision === 'accepted' || d.comment.length > 0, { message: '要求补充须写明还需要什么', path: ['comment'] });
export type TLeaderDecision = z.input<typeof ZLeaderDecision>;

export const ZFileRef = z.object({ id: z.string(), name: z.string(), size: z.number().int() });
export const ZDelivery = z.object({
  round: z.number().int(),
  note: z.string(),
  files: z.array(ZFileRef),
  deliveredByName: z.string(),
  deliveredAt: ZTimestamp,
  decision: z.enum(['accepted', 'again']).nullable(),
  comment: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: ZTimestamp.nullable(),
});
export const ZLeaderRequest = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  kind: z.enum(LEADER_KINDS),
  detail: z.string(),
  dueDate: z.string(),
  requester: z.string(),
  state: z.enum(LEADER_STATES),
  overdue: z.boolean(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  createdByName: z.string(),
  createdAt: ZTimestamp,
  /** Files uploaded for the next delivery, not yet delivered. */
  pendingFiles: z.array(ZFileRef),
  deliveries: z.array(ZDelivery),
});
export type TLeaderRequest = z.infer<typeof ZLeaderRequest>;
export const ZLeaderList = paged(ZLeaderRequest);
export const ZLeaderQuery = ZPage.extend({ state: z.enum(LEADER_STATES).optional() });
export const ZAssignee = z.object({ id: z.string(), name: z.string() });
