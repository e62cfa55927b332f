// Inspections (巡检, issue 14 points 1–2, R-INS-01..03): templates as data per service line and device
// kind, sheets generated on the business calendar and filled on a phone (prefilled from monitoring
// and configuration backup at the moment the sheet opens), signed once; the quarterly and annual
// inspection plans the agency approves, versioned.
import { z } from 'zod';
import { ZDate, ZPage, ZTimestamp, optText, paged, text } from './api.ts';
import { ZDayFrom, ZDayTo } from './day-range.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

export const SCHEDULES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type Schedule = (typeof SCHEDULES)[number];
export const SCHEDULE_NAMES: Record<Schedule, string> = { daily: '每工作日', weekly: '每周', monthly: '每月', quarterly: '每季度' };

/** check: 正常/异常; range: a number within [min, max]; text: free text (no anomaly). */
export const ITEM_KINDS = ['check', 'range', 'text'] as const;
export const EVIDENCE = ['none', 'photo', 'reading', 'command'] as const;
export type Evidence = (typeof EVIDENCE)[number];
export const EVIDENCE_NAMES: Record<Evidence, string> = { none: '无', photo: '照片', reading: '读数', command: '命令输出' };

/** Where a value is prefilled from when the sheet opens (monitoring, configuration backup). */
export const PREFILL_SOURCES = [
  'reachable',
  'cpu',
  'memory',
  'temperature',
  'if_errors',
  'backup_age',
  'open_alerts',
  'signature_age',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];
export const PREFILL_NAMES: Record<PrefillSource, string> = {
  reachable: '设备可达',
  cpu: 'CPU 利用率',
  memory: '内存利用率',
  temperature: '温度',
  if_errors: '接口错误包',
  backup_age: '距上次配置备份（天）',
  open_alerts: '未关闭告警',
  signature_age: '特征库更新（天）',
};

export const ZItem = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, '项目代码为小写字母开头的字母、数字或下划线'),
    label: text(100),
    kind: z.enum(ITEM_KINDS),
    unit: optText(20).default(''),
    min: z.number().nullable().default(null),
    max: z.number().nullable().default(null),
    evidence: z.enum(EVIDENCE).default('none'),
    prefill: z.enum(PREFILL_SOURCES).nullable().default(null),
  })
  .refine((i) => i.min === null || i.max === null || i.min <= i.max, { message: '下限不能大于上限', path: ['min'] });
export type TItem = z.output<typeof ZItem>;

export const ZTemplateInput = z
  .object({
    name: text(100),
    serviceLine: z.enum(SERVICE_LINE_CODES),
    /** Asset kinds the sheet lists one row group per device of; empty: a sheet of system-wide items. */
    deviceKinds: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    schedule: z.enum(SCHEDULES),
    items: z.array(ZItem).min(1, '至少一个检查项').max(60),
    active: z.boolean().default(true),
  })
  .refine((t) => new Set(t.items.map((i) => i.key)).size === t.items.length, { message: '检查项代码重复', path: ['items'] });
export type TTemplateInput = z.input<typeof ZTemplateInput>;
export const ZTemplate = z.object({
  id: z.string(),
  name: z.string(),
  serviceLine: z.string(),
  deviceKinds: z.array(z.string()),
  schedule: z.enum(SCHEDULES),
  items: z.array(ZItem),
  active: z.boolean(),
  updatedAt: ZTimestamp,
});
export type TTemplate = z.infer<typeof ZTemplate>;

export const SHEET_STATES = ['open', 'submitted'] as const;
export const SHEET_STATE_NAMES = { open: '待填写', submitted: '已提交' } as const;

export const ZPrefill = z.object({ value: z.string().nullable(), source: z.enum(PREFILL_SOURCES), note: z.string() });
export const ZEntry = z.object({
  id: z.string(),
  assetId: z.string().nullable(),
  assetNumber: z.string(),
  assetName: z.string(),
  key: z.string(),
  label: z.string(),
  kind: z.enum(ITEM_KINDS),
  unit: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  evidence: z.enum(EVIDENCE),
  prefill: ZPrefill.nullable(),
  /** What the engineer entered; null: not yet. */
  entered: z.string().nullable(),
  /** The entered value, else the prefilled one. */
  value: z.string().nullable(),
  anomaly: z.boolean(),
  note: z.string(),
  output: z.string(),
  photoId: z.string().nullable(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  filledByName: z.string().nullable(),
  filledAt: ZTimestamp.nullable(),
});
export type TEntry = z.infer<typeof ZEntry>;

export const ZSheet = z.object({
  id: z.string(),
  number: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  serviceLine: z.string(),
  schedule: z.enum(SCHEDULES),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueAt: ZTimestamp,
  state: z.enum(SHEET_STATES),
  overdue: z.boolean(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string(),
  signedByName: z.string().nullable(),
  submittedAt: ZTimestamp.nullable(),
  lateReason: z.string().nullable(),
  prefilledAt: ZTimestamp.nullable(),
  anomalies: z.number().int(),
  items: z.array(ZEntry),
});
export type TSheet = z.infer<typeof ZSheet>;
export const ZSheetList = paged(ZSheet);
export const ZSheetQuery = ZPage.extend({
  /** Sheets whose period covers this day. */
  date: ZDate.optional(),
  line: z.enum(SERVICE_LINE_CODES).optional(),
  state: z.enum([...SHEET_STATES, 'overdue']).optional(),
  mine: z.coerce.boolean().optional(),
  /** A report's numbers (issue 15): the schedule, due on these days (China time), and how it went by the last one. */
  schedule: z.enum(SCHEDULES).optional(),
  dueFrom: ZDayFrom,
  dueTo: ZDayTo,
  /** on_time: submitted by its due time; late: after it (and by the end of dueTo); missing: not (by then). */
  outcome: z.enum(['on_time', 'late', 'missing']).optional(),
});
export const ZEntryParams = z.object({ id: z.uuid(), entryId: z.uuid() });
export const ZEntryInput = z.object({
  value: optText(200).nullable().optional(),
  note: optText(2000).optional(),
  output: optText(100_000).optional(),
});
export const ZSubmit = z.object({ lateReason: optText(1000).default('') });
export const ZGenerate = z.object({ date: ZDate });

// ---- plans (R-INS-02/03) -------------------------------------------------------------------------

export const PLAN_KINDS = ['quarterly_plan', 'quarterly_report', 'annual_plan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_NAMES: Record<PlanKind, string> = {
  quarterly_plan: '网络季度巡检计划',
  quarterly_report: '网络季度巡检报告',
  annual_plan: '核心设备与关键系统年度巡检计划',
};
export const PLAN_STATES = ['submitted', 'approved', 'returned'] as const;
export const PLAN_STATE_NAMES = { submitted: '待甲方审批', approved: '已批准', returned: '已退回' } as const;

export const ZPlanInput = z.object({
  kind: z.enum(PLAN_KINDS),
  year: z.number().int().min(2000).max(2199),
  quarter: z.number().int().min(1).max(4).nullable().default(null),
  title: text(200),
  body: text(50_000),
});
export const ZPlanVersion = z.object({
  version: z.number().int(),
  body: z.string(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  decision: z.enum(['approved', 'returned']).nullable(),
  comment: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const ZPlan = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  title: z.string(),
  state: z.enum(PLAN_STATES),
  version: z.number().int(),
  versions: z.array(ZPlanVersion),
  updatedAt: ZTimestamp,
});
export type TPlan = z.infer<typeof ZPlan>;
export const ZPlanList = paged(ZPlan);
export const ZPlanResubmit = z.object({ body: text(50_000) });
export const ZPlanDecision = z.object({ decision: z.enum(['approved', 'returned']), comment: optText(2000).default('') });
export const ZReportDraftQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2199),
  quarter: z.coerce.number().int().min(1).max(4),
});

/** The asset number a scanned or typed label stands for: the label's URL (…/a/{number}) or the number itself. */
export function labelNumber(code: string): string {
  const s = code.trim();
  const m = /\/a\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(s);
  return m ? decodeURIComponent(m[1]!) : s;
}
