// The report forms (issue 15 point 1, R-RPT-01): 日监控表, 周巡检表, 月度/季度/年度运维报告, each for a
// period, computed from the modules' evidence providers, kept as versions with editable narrative.
import { z } from 'zod';
import { ZDate, ZPage, ZTimestamp, optText, paged } from './api.ts';

export const REPORT_KINDS = ['daily', 'weekly', 'monthly', 'quarterly', 'annual'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_NAMES: Record<ReportKind, string> = {
  daily: '日监控表',
  weekly: '周巡检表',
  monthly: '月度运维报告',
  quarterly: '季度运维报告',
  annual: '年度运维报告',
};

/** The narrative sections people write, in print order. */
export const NARRATIVE_KEYS = ['summary', 'problems', 'plan'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export const NARRATIVE_NAMES: Record<NarrativeKey, string> = {
  summary: '总体情况',
  problems: '存在问题与建议',
  plan: '下阶段工作计划',
};

/** A table cell: text, a number, or a number that links to the list it counts. */
export const ZCell = z.union([z.string(), z.number(), z.object({ n: z.number(), href: z.string() })]);
export type TCell = z.infer<typeof ZCell>;
export const ZChart = z.object({
  type: z.enum(['bar', 'pie']),
  title: z.string(),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), data: z.array(z.number()) })),
});
export type TChart = z.infer<typeof ZChart>;
export const ZSection = z.object({
  id: z.string(),
  title: z.string(),
  /** The evidence provider it was computed from, and the requirements that provider speaks to. */
  evidence: z.string(),
  requirements: z.array(z.string()),
  columns: z.array(z.string()),
  rows: z.array(z.array(ZCell)),
  notes: z.array(z.string()),
  chart: ZChart.nullable(),
});
export type TSection = z.infer<typeof ZSection>;

export const ZReport = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  /** The period's first and last day (China time, inclusive). */
  periodStart: z.string(),
  periodEnd: z.string(),
  versions: z.number().int(),
  latestAt: ZTimestamp,
  latestByName: z.string(),
});
export type TReport = z.infer<typeof ZReport>;
export const ZReportList = paged(ZReport);

export const ZVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  generatedAt: ZTimestamp,
  generatedByName: z.string(),
  narrative: z.record(z.string(), z.string()),
  narrativeAt: ZTimestamp.nullable(),
  narrativeByName: z.string().nullable(),
  sections: z.array(ZSection),
});
export type TVersion = z.infer<typeof ZVersion>;
export const ZReportDetail = ZReport.extend({
  version: ZVersion,
  history: z.array(ZVersion.pick({ id: true, version: true, generatedAt: true, generatedByName: true })),
});
export type TReportDetail = z.infer<typeof ZReportDetail>;

export const ZReportQuery = ZPage.extend({
  kind: z.enum(REPORT_KINDS).optional(),
  /** Reports whose period overlaps [from, to] (dates). */
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;

/** Generate: the kind and any date inside the period (the period is the day, week, month… containing it). */
export const ZGenerateInput = z.object({ kind: z.enum(REPORT_KINDS, { message: '报告类型无效' }), date: ZDate });
export type TGenerateInput = z.infer<typeof ZGenerateInput>;

export const ZNarrativeInput = z.object({
  summary: optText(20_000).optional(),
  problems: optText(20_000).optional(),
  plan: optText(20_000).optional(),
});
export type TNarrativeInput = z.infer<typeof ZNarrativeInput>;

export const ZReportParams = z.object({ id: z.uuid() });
export const ZVersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(100_000) });
export const ZFormatParams = ZVersionParams.extend({ format: z.enum(['docx', 'xlsx', 'pdf']) });
