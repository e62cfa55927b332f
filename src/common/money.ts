// The contract's money (issue 15 point 5; R-CON-04..08, 11..15): the calculator's inputs and answer,
// the recorded payments with their invoices, and the dashboard of deadlines and sums with their clauses.
// Sums travel as decimal strings in yuan ("155000.00"), never as binary floating point.
import { z } from 'zod';
import { ZDate, optText, patchOf } from './api.ts';
import { ZMoneyRecords } from './money-records.ts';

const YUAN_RE = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * A sum in yuan: a decimal string (or a JSON number) not below 0, at most two decimals, below one
 * trillion. Comes out as the trimmed string, so nothing downstream ever holds a float.
 */
export const ZYuan = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? String(v) : v.trim();
  if (/^-/.test(s)) ctx.addIssue({ code: 'custom', message: '金额不能为负数' });
  else if (!YUAN_RE.test(s)) ctx.addIssue({ code: 'custom', message: '金额须为数字（单位：元），最多两位小数' });
  return s;
});

export const CALC_KINDS = ['late-payment', 'termination-refund', 'continuation', 'acceptance-penalty', 'breach-penalty'] as const;
export type CalcKind = (typeof CALC_KINDS)[number];

export const ZCalcInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('late-payment'),
    amount: ZYuan,
    dueDate: ZDate,
    paidOn: ZDate,
    /** `fiscal-funding`: the fiscal funds were not yet allocated (第四条2(3)): no breach. */
    reason: z.enum(['fiscal-funding']).optional(),
  }),
  z.object({ kind: z.literal('termination-refund'), annualFee: ZYuan, paidThrough: ZDate, terminatedOn: ZDate }),
  z.object({ kind: z.literal('continuation'), total: ZYuan, expiredOn: ZDate, newContractOn: ZDate }),
  z.object({ kind: z.literal('acceptance-penalty'), annualFee: ZYuan }),
  z.object({ kind: z.literal('breach-penalty'), annualFee: ZYuan, received: ZYuan }),
]);
export type TCalcInput = z.input<typeof ZCalcInput>;

/** What a sum rests on: the clause, its words, how it was counted, and the dates and days used. */
export const ZBasis = z.object({
  /** e.g. `第五条第2款` */
  clause: z.string(),
  /** The contract's own words. */
  quote: z.string(),
  /** How the sum was counted, in Chinese, with the formula. */
  explanation: z.string(),
  dates: z.record(z.string(), z.string()),
  days: z.record(z.string(), z.number()),
});
export type TBasis = z.infer<typeof ZBasis>;

export const ZCalcResult = z.object({
  kind: z.enum(CALC_KINDS),
  /** Yuan with two decimals, rounded half up once, at the end. */
  amount: z.string(),
  basis: ZBasis,
});
export type TCalcResult = z.infer<typeof ZCalcResult>;

// --- payments with invoices (R-CON-11) -------------------------------------------------------------

/** A report version a payment rests on, as the reports module names it. */
export const ZPaymentReport = z.object({
  reportId: z.string(),
  version: z.number().int(),
  number: z.string(),
  kind: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
});
export type TPaymentReport = z.infer<typeof ZPaymentReport>;

export const ZPaymentInput = z.object({
  title: z.string().trim().min(1).max(200),
  dueDate: ZDate,
  amount: ZYuan,
  paidOn: ZDate.nullable().default(null),
  invoiceNumber: optText(100).default(''),
  /**
   * The reports the payment rests on (第四条1): versions of monthly, quarterly or annual reports stored
   * in the reports module. (The free text of earlier payments, reportBasis, is kept read-only.)
   */
  reports: z
    .array(z.object({ reportId: z.string().uuid({ message: '报告编号无效' }), version: z.number().int().min(1) }))
    .max(24, { message: '付款依据的报告最多 24 份' })
    .default([]),
  /** The delay is due to fiscal funds not yet allocated (第四条2(3)). */
  fiscalDelay: z.boolean().default(false),
  note: optText(2000).default(''),
});
export const ZPaymentPatch = patchOf(ZPaymentInput);

export const ZPayment = z.object({
  id: z.string(),
  contractId: z.string(),
  title: z.string(),
  dueDate: z.string(),
  amount: z.string(),
  paidOn: z.string().nullable(),
  invoiceNumber: z.string(),
  /** The reports the payment rests on, by reference (period order). */
  reports: z.array(ZPaymentReport),
  /** Free text of payments recorded before reports were linked (read-only; '' for newer ones). */
  reportBasis: z.string(),
  fiscalDelay: z.boolean(),
  note: z.string(),
  /** The invoice's file (PDF or image) when uploaded. */
  invoiceFileId: z.string().nullable(),
  invoiceFileName: z.string().nullable(),
  /** The agency's late-payment penalty on it: to the paid date, or to today while unpaid. */
  late: ZCalcResult.nullable(),
});
export type TPayment = z.infer<typeof ZPayment>;

// --- the dashboard ----------------------------------------------------------------------------------

export const ZDeadline = z.object({
  key: z.string(),
  /** zh-CN label, the web's t() key. */
  label: z.string(),
  date: z.string().nullable(),
  amount: z.string().nullable(),
  clause: z.string(),
  note: z.string(),
  status: z.enum(['past', 'upcoming', 'rule']),
  /** Force majeure moved it (第九条1): the new date, by how many days, and why. */
  extended: z.object({ date: z.string(), days: z.number().int(), reason: z.string() }).nullable().optional(),
});
export type TDeadline = z.infer<typeof ZDeadline>;

export const ZMoneyDashboard = z.object({
  today: z.string(),
  contract: z
    .object({ id: z.string(), number: z.string(), title: z.string(), signedAt: z.string().nullable(), totalFee: z.string() })
    .nullable(),
  deadlines: z.array(ZDeadline),
  payments: z.array(ZPayment),
  records: ZMoneyRecords.optional(),
});
export type TMoneyDashboard = z.infer<typeof ZMoneyDashboard>;
