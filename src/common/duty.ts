// Duty rosters (issue 14 point 4, R-DUT-01): layers, rotations and restrictions on the business
// calendar, overrides the project manager approves, handover log, attendance and the on-call answer.
import { z } from 'zod';
import { ZDate, ZDateTime, ZPage, ZTimestamp, optText, paged, text } from './api.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

export const DUTY_LAYERS = ['resident', 'mobile', 'on-call', 'holiday-special'] as const;
export type TDutyLayer = (typeof DUTY_LAYERS)[number];
/** When a layer is on: 5×9 working hours of working days, everything else, the four special holidays, always. */
export const DUTY_RESTRICTIONS = ['working-hours', 'outside-working-hours', 'special-holidays', 'always'] as const;
export const DUTY_ROTATIONS = ['all', 'daily', 'weekly'] as const;
/** The holidays with special duty (附件一 二 2.2(1)): 元旦, 春节, 五一, 十一, as the calendar names them. */
export const SPECIAL_HOLIDAYS = ['元旦', '春节', '劳动节', '国庆节'] as const;

export const ZLine = z.enum(SERVICE_LINE_CODES, { error: '服务项目无效（SM、NET、SEC、VC）' });
const ZHhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:MM');

export const ZLayerSpec = z.object({
  layer: z.enum(DUTY_LAYERS),
  members: z.array(z.uuid()).min(1, '每个班次层至少一人').max(100),
  rotation: z.enum(DUTY_ROTATIONS),
  handoff: ZHhmm,
  restriction: z.enum(DUTY_RESTRICTIONS),
});
export type TLayerSpec = z.infer<typeof ZLayerSpec>;

export const ZRosterInput = z
  .object({
    line: ZLine,
    name: text(100),
    periodStart: ZDate,
    periodEnd: ZDate,
    layers: z.array(ZLayerSpec).min(1).max(10),
  })
  .refine((r) => r.periodEnd >= r.periodStart, { message: '结束日期不能早于开始日期', path: ['periodEnd'] })
  .refine((r) => Date.parse(r.periodEnd) - Date.parse(r.periodStart) <= 400 * 86_400_000, {
    message: '一个排班表最长 400 天',
    path: ['periodEnd'],
  });
export type TRosterInput = z.infer<typeof ZRosterInput>;

export const ZGap = z.object({ start: ZTimestamp, end: ZTimestamp, hours: z.number() });
export type TGap = z.infer<typeof ZGap>;

export const ZMember = z.object({ id: z.string(), username: z.string(), displayName: z.string(), phone: z.string().nullable() });
export type TMember = z.infer<typeof ZMember>;
/** Who may be put on a roster: the line's engineers, then the project managers and duty operators. */
export const ZCandidates = z.object({ items: z.array(ZMember) });
export const ZCandidateQuery = z.object({ line: ZLine.optional() });

export const ZRoster = z.object({
  id: z.uuid(),
  line: z.string(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  layers: z.array(ZLayerSpec),
  state: z.enum(['draft', 'published']),
  version: z.number().int(),
  publishedAt: ZTimestamp.nullable(),
  publishedByName: z.string().nullable(),
  updatedAt: ZTimestamp,
});
export type TRoster = z.infer<typeof ZRoster>;
export const ZRosterDetail = ZRoster.extend({
  members: z.array(ZMember),
  versions: z.array(z.object({ version: z.number().int(), publishedAt: ZTimestamp, publishedByName: z.string(), gapHours: z.number() })),
});
export type TRosterDetail = z.infer<typeof ZRosterDetail>;
export const ZRosterList = paged(ZRoster);
export const ZRosterQuery = ZPage.extend({ line: ZLine.optional() });
export const ZGapReport = z.object({ gaps: z.array(ZGap), totalHours: z.number() });
export type TGapReport = z.infer<typeof ZGapReport>;
export const ZPublish = z.object({ acknowledgeGaps: z.boolean().default(false) });

/** An instant in a query string: a `+` of the offset written unencoded arrives as a space, and is taken back. */
const ZAtQ = z.preprocess((v) => (typeof v === 'string' ? v.replace(/ (\d\d:?\d\d)$/, '+$1') : v), ZDateTime.optional());
export const ZOnCallQuery = z.object({ line: ZLine, at: ZAtQ });
export const ZOnDutyPerson = z.object({
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  layer: z.enum(DUTY_LAYERS),
});
export type TOnDutyPerson = z.infer<typeof ZOnDutyPerson>;
export const ZOnCall = z.object({ line: z.string(), at: ZTimestamp, people: z.array(ZOnDutyPerson) });
export type TOnCall = z.infer<typeof ZOnCall>;
export const ZNowQuery = z.object({ at: ZAtQ });
export const ZNow = z.object({ at: ZTimestamp, lines: z.array(ZOnCall) });

export const ZMonthQuery = z.object({ line: ZLine, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM') });
export const ZShift = z.object({
  layer: z.enum(DUTY_LAYERS),
  username: z.string(),
  displayName: z.string(),
  start: ZTimestamp,
  end: ZTimestamp,
});
export type TShift = z.infer<typeof ZShift>;
export const ZMonth = z.object({
  line: z.string(),
  month: z.string(),
  days: z.array(z.object({ date: z.string(), type: z.string(), name: z.string().nullable() })),
  shifts: z.array(ZShift),
  gaps: z.array(ZGap),
});
export type TMonth = z.infer<typeof ZMonth>;
/**
 * The shifts of a line starting in [from, to) (at most 400 days), overrides applied, of a layer: the
 * list a report's 班次 opens with its period (issue 15), so its total is the report's number.
 */
export const ZShiftQuery = ZPage.extend({ line: ZLine, from: ZDateTime, to: ZDateTime, layer: z.enum(DUTY_LAYERS).optional() });
export const ZShiftList = paged(ZShift.extend({ line: z.string() }));
export type TShiftRow = z.infer<typeof ZShiftList>['items'][number];

export const ZOverrideInput = z
  .object({
    line: ZLine,
    layer: z.enum(DUTY_LAYERS),
    /** The person replaced; none: the whole layer is taken over. */
    fromUserId: z.uuid().nullable().default(null),
    toUserId: z.uuid(),
    start: ZDateTime,
    end: ZDateTime,
    reason: text(500),
  })
  .refine((o) => Date.parse(o.end) > Date.parse(o.start), { message: '结束时间应晚于开始时间', path: ['end'] });
export type TOverrideInput = z.input<typeof ZOverrideInput>;
export const ZOverride = z.object({
  id: z.uuid(),
  line: z.string(),
  layer: z.enum(DUTY_LAYERS),
  fromUserId: z.string().nullable(),
  fromName: z.string().nullable(),
  toUserId: z.string(),
  toName: z.string(),
  start: ZTimestamp,
  end: ZTimestamp,
  reason: z.string(),
  state: z.enum(['pending', 'approved', 'rejected']),
  requestedByName: z.string(),
  decidedByName: z.string().nullable(),
  comment: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TOverride = z.infer<typeof ZOverride>;
export const ZOverrideList = paged(ZOverride);
export const ZOverrideQuery = ZPage.extend({
  line: ZLine.optional(),
  state: z.enum(['pending', 'approved', 'rejected']).optional(),
  /** Overrides starting in [from, to) (a report's 调班申请 links here with its period, issue 15). */
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
});
export const ZDecision = z.object({ approve: z.boolean(), comment: optText(500).default('') });

export const ZHandoverInput = z.object({ line: ZLine, toUserId: z.uuid(), notes: text(4000) });
export const ZHandover = z.object({
  id: z.uuid(),
  line: z.string(),
  fromName: z.string(),
  toUserId: z.string(),
  toName: z.string(),
  notes: z.string(),
  createdAt: ZTimestamp,
  ackAt: ZTimestamp.nullable(),
});
export type THandover = z.infer<typeof ZHandover>;
export const ZHandoverList = paged(ZHandover);
export const ZLineQuery = ZPage.extend({ line: ZLine.optional() });

export const ZAttendanceInput = z.object({ line: ZLine, action: z.enum(['in', 'out']) });
export const ZAttendance = z.object({
  id: z.uuid(),
  line: z.string(),
  userName: z.string(),
  checkInAt: ZTimestamp,
  checkOutAt: ZTimestamp.nullable(),
  onRoster: z.boolean(),
});
export type TAttendance = z.infer<typeof ZAttendance>;
export const ZAttendanceList = paged(ZAttendance);
export const ZIcsToken = z.object({ url: z.string() });
export const ZIcsParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, '链接无效') });

/** R-DUT-02: the duty rules and the emergency procedure, written by the contractor and confirmed by the agency. */
export const DUTY_DOC_KINDS = ['duty_rules', 'emergency_procedure'] as const;
export const DUTY_DOC_NAMES: Record<(typeof DUTY_DOC_KINDS)[number], string> = { duty_rules: '值班制度', emergency_procedure: '应急预案' };
export const ZDutyDocInput = z.object({ kind: z.enum(DUTY_DOC_KINDS), title: text(200), body: text(50_000) });
export const ZDutyDoc = z.object({
  id: z.uuid(),
  kind: z.enum(DUTY_DOC_KINDS),
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  state: z.enum(['submitted', 'confirmed', 'returned']),
  submittedByName: z.string(),
  submittedAt: ZTimestamp,
  reviewedByName: z.string().nullable(),
  reviewedAt: ZTimestamp.nullable(),
  comment: z.string().nullable(),
});
export type TDutyDoc = z.infer<typeof ZDutyDoc>;
export const ZDutyDocList = paged(ZDutyDoc);
export const ZDutyDocQuery = ZPage.extend({ kind: z.enum(DUTY_DOC_KINDS).optional() });
export const ZDutyDocReview = z.object({ confirm: z.boolean(), comment: optText(2000).default('') });
