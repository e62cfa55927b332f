// Monthly assessment (考核, R-QA-01..04): the contract's criteria per service item, a month's scores
// from the agency with the evidence beside them, signing, remedies and the deduction proposal of a
// failed month, the 30-day cure clock after two failed months in a row, and the termination right.
import { z } from 'zod';
import { ZDate, ZPage, ZTimestamp, optText, paged, text } from './api.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

/** Points of each criterion (the contract weighs none above another). */
export const CRITERION_POINTS = 10;
/** A month fails when any service line scores below this share of its points (the contract sets none). */
export const LINE_PASS_RATE = 0.8;
/** The cure period after the agency's written notice (第十二条2), calendar days. */
export const CURE_DAYS = 30;
/** Working days the contractor has to finish a remedy (chosen; the contract says only 补救措施). */
export const REMEDY_WORKING_DAYS = 10;

export const ASSESSMENT_STATES = ['draft', 'signed'] as const;
export const ASSESSMENT_STATE_NAMES = { draft: { zh: '待评分', en: 'To score' }, signed: { zh: '已签署', en: 'Signed' } } as const;
export const ASSESSMENT_RESULTS = ['pass', 'fail'] as const;
export const ASSESSMENT_RESULT_NAMES = { pass: { zh: '合格', en: 'Passed' }, fail: { zh: '不合格', en: 'Failed' } } as const;
export const TERMINATION_NAMES = {
  uncured_breach: { zh: '连续两个月考核不合格，书面通知后 30 日内未纠正', en: 'Two failed months, not cured within 30 days of notice' },
  security_incident: { zh: '发生重大安全事件', en: 'A major security incident' },
} as const;

export const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM 格式')
  .refine((m) => m >= '2000-01' && m <= '2199-12', '月份应在 2000–2199 年之间');

export const ZCriterion = z.object({
  id: z.string(),
  line: z.enum(SERVICE_LINE_CODES),
  item: z.number().int(),
  itemTitle: z.string(),
  no: z.number().int(),
  text: z.string(),
  maxPoints: z.number().int(),
  measure: z.string(),
  target: z.string(),
  evidenceId: z.string().nullable(),
  /** Whether that provider runs on this site; false: the agency scores it alone (人工评分). */
  evidenceAvailable: z.boolean(),
});
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZScoreRow = ZCriterion.extend({
  measured: z.object({ display: z.string(), value: z.number().nullable(), link: z.string().nullable() }).nullable(),
  suggested: z.enum(ASSESSMENT_RESULTS).nullable(),
  score: z.number().int().nullable(),
  comment: z.string(),
  scoredByName: z.string(),
});
export type TScoreRow = z.infer<typeof ZScoreRow>;

export const ZRemedy = z.object({
  id: z.string(),
  monthId: z.string(),
  month: z.string(),
  criterionId: z.string(),
  item: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  evidence: z.string(),
  doneAt: ZTimestamp.nullable(),
  doneByName: z.string(),
});
export type TRemedy = z.infer<typeof ZRemedy>;

export const ZLineRate = z.object({ points: z.number(), max: z.number(), rate: z.number() });

export const ZAssessment = z.object({
  id: z.string(),
  month: z.string(),
  state: z.enum(ASSESSMENT_STATES),
  result: z.enum(ASSESSMENT_RESULTS).nullable(),
  lineRates: z.record(z.string(), ZLineRate).nullable(),
  scored: z.number().int(),
  criteria: z.number().int(),
  signedByName: z.string(),
  signedAt: ZTimestamp.nullable(),
  deductionAmount: z.string().nullable(),
  deductionBasis: z.string(),
  cureRequired: z.boolean(),
  noticeDate: z.string().nullable(),
  cureDue: z.string().nullable(),
  curedOn: z.string().nullable(),
  cureNote: z.string(),
  incidentDate: z.string().nullable(),
  incidentNote: z.string(),
  terminationRight: z.enum(['uncured_breach', 'security_incident']).nullable(),
  createdAt: ZTimestamp,
});
export type TAssessment = z.infer<typeof ZAssessment>;
export const ZAssessmentList = paged(ZAssessment);

export const ZAssessmentDetail = ZAssessment.extend({ rows: z.array(ZScoreRow), remedies: z.array(ZRemedy) });
export type TAssessmentDetail = z.infer<typeof ZAssessmentDetail>;

export const ZAssessmentQuery = ZPage.extend({
  state: z.enum(ASSESSMENT_STATES).optional(),
  result: z.enum(ASSESSMENT_RESULTS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type TAssessmentQuery = z.infer<typeof ZAssessmentQuery>;

export const ZAssessmentCreate = z.object({ month: ZMonth });

export const ZScoresInput = z.object({
  scores: z
    .array(
      z.object({
        criterionId: text(20),
        score: z.number().int('分数应为整数').min(0, '分数不能为负').max(CRITERION_POINTS, `分数不能超过 ${CRITERION_POINTS} 分`),
        comment: optText(2000).default(''),
      }),
    )
    .min(1, '至少评一项')
    .max(200),
});
export type TScoresInput = z.input<typeof ZScoresInput>;

export const ZNoticeInput = z.object({ noticeDate: ZDate });
export const ZCureInput = z.object({ curedOn: ZDate, note: text(2000) });
export const ZIncidentInput = z.object({ date: ZDate, note: text(2000) });

export const ZRemedyPatch = z
  .object({ owner: text(100).optional(), dueDate: ZDate.optional(), evidence: optText(4000).optional(), done: z.boolean().optional() })
  .refine((p) => Object.keys(p).length > 0, '没有要修改的内容');

export const ZRemedyQuery = ZPage.extend({ open: z.enum(['true', 'false']).optional() });
export const ZRemedyList = paged(ZRemedy);

export const ZTrendQuery = z.object({ line: z.enum(SERVICE_LINE_CODES).optional(), criterion: optText(20).optional() });
export const ZTrend = z.object({
  months: z.array(z.string()),
  /** Per line: the score rate (percent, one decimal) of each month, null where the month is not signed. */
  lines: z.record(z.string(), z.array(z.number().nullable())),
  /** The chosen criterion's score of each month, when asked for. */
  criterion: z.object({ id: z.string(), text: z.string(), scores: z.array(z.number().nullable()) }).nullable(),
});
export type TTrend = z.infer<typeof ZTrend>;
