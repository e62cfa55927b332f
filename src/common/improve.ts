// Improvement requests (改进建议, R-SD-12): users record what should improve and why, on which service
// line; the contractor's project manager assesses it, accepts or declines it and implements it; the
// agency evaluates the result against the request.
import { z } from 'zod';
import { ZPage, ZTimestamp, optText, paged, text } from './api.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

export const IMPROVEMENT_STATES = ['proposed', 'assessing', 'accepted', 'rejected', 'implemented', 'evaluated'] as const;
export type ImprovementState = (typeof IMPROVEMENT_STATES)[number];
export const IMPROVEMENT_STATE_NAMES: Record<ImprovementState, { zh: string; en: string }> = {
  proposed: { zh: '提出', en: 'Proposed' },
  assessing: { zh: '评估中', en: 'Assessing' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  rejected: { zh: '不采纳', en: 'Declined' },
  implemented: { zh: '已实施', en: 'Implemented' },
  evaluated: { zh: '已评价', en: 'Evaluated' },
};

/** The agency's verdict on an implemented improvement, against what was asked. */
export const IMPROVEMENT_RESULTS = ['met', 'partly', 'not_met'] as const;
export const IMPROVEMENT_RESULT_NAMES: Record<(typeof IMPROVEMENT_RESULTS)[number], { zh: string; en: string }> = {
  met: { zh: '达到要求', en: 'Meets the request' },
  partly: { zh: '部分达到', en: 'Partly meets it' },
  not_met: { zh: '未达到', en: 'Does not meet it' },
};

export const ZImprovementCreate = z.object({
  serviceLine: z.enum(SERVICE_LINE_CODES),
  /** What should improve. */
  title: text(200),
  /** Why: the problem it solves, whom it helps. */
  reason: text(4000),
});
export type TImprovementCreate = z.input<typeof ZImprovementCreate>;

/** One step: the PM starts assessing, accepts or declines, reports it implemented; the agency evaluates. */
export const ZImprovementAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assess'), note: optText(2000).default('') }),
  z.object({ action: z.literal('accept'), note: text(2000) }),
  z.object({ action: z.literal('reject'), note: text(2000) }),
  z.object({ action: z.literal('implement'), note: text(4000) }),
  z.object({ action: z.literal('evaluate'), result: z.enum(IMPROVEMENT_RESULTS), note: optText(2000).default('') }),
]);
export type TImprovementAction = z.input<typeof ZImprovementAction>;

export const ZImprovement = z.object({
  id: z.string(),
  number: z.string(),
  serviceLine: z.enum(SERVICE_LINE_CODES),
  title: z.string(),
  reason: z.string(),
  status: z.enum(IMPROVEMENT_STATES),
  submittedBy: z.string().nullable(),
  submittedByName: z.string(),
  /** The PM's assessment and decision (why accepted or declined). */
  decisionNote: z.string(),
  decidedByName: z.string(),
  decidedAt: ZTimestamp.nullable(),
  implementationNote: z.string(),
  implementedAt: ZTimestamp.nullable(),
  result: z.enum(IMPROVEMENT_RESULTS).nullable(),
  evaluationNote: z.string(),
  evaluatedByName: z.string(),
  evaluatedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TImprovement = z.infer<typeof ZImprovement>;
export const ZImprovementList = paged(ZImprovement);

export const ZImprovementQuery = ZPage.extend({
  q: optText(100).optional(),
  status: z.enum(IMPROVEMENT_STATES).optional(),
  serviceLine: z.enum(SERVICE_LINE_CODES).optional(),
  /** Only those I submitted. */
  mine: z.enum(['true', 'false']).optional(),
});
export type TImprovementQuery = z.infer<typeof ZImprovementQuery>;
