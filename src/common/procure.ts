// Procurement consulting (R-AST-07): an inquiry collects vendor quotes, compared on price and fit;
// the chosen quote becomes a purchase request the agency approves; receipt turns it into assets.
import { z } from 'zod';
import { optText, text, ZDate, ZPage } from './api.ts';

export const PROCUREMENT_STATUSES = ['inquiry', 'requested', 'approved', 'rejected', 'received', 'cancelled'] as const;
export type ProcurementStatus = (typeof PROCUREMENT_STATUSES)[number];
export const PROCUREMENT_STATUS: Record<ProcurementStatus, { zh: string; en: string; color: string }> = {
  inquiry: { zh: '询价中', en: 'Inquiry', color: 'blue' },
  requested: { zh: '待审批', en: 'Awaiting approval', color: 'orange' },
  approved: { zh: '已批准', en: 'Approved', color: 'green' },
  rejected: { zh: '已驳回', en: 'Rejected', color: 'red' },
  received: { zh: '已到货入库', en: 'Received', color: 'default' },
  cancelled: { zh: '已取消', en: 'Cancelled', color: 'default' },
};

/** Fewer quotes than this: the UI warns (not enforced). */
export const RECOMMENDED_QUOTES = 3;

/**
 * The combined recommendation of a quote, 0–100: half price (the cheapest unit price ÷ this unit
 * price) and half fit (fit score ÷ 5). Expired quotes are shown but not recommended.
 */
export function quoteScore(unitPrice: number, cheapest: number, fitScore: number): number {
  const price = unitPrice > 0 ? cheapest / unitPrice : 1;
  return Math.round(100 * (0.5 * price + 0.5 * (fitScore / 5)));
}

export const ZProcurementInput = z.object({
  title: text(200),
  needs: optText(4000).default(''),
  classCode: optText(40).nullable().optional(),
  quantity: z.number().int().min(1).max(1000),
});
export type TProcurementInput = z.input<typeof ZProcurementInput>;

export const ZQuoteInput = z.object({
  vendor: text(120),
  model: optText(120).default(''),
  unitPrice: z.number().positive().max(1e11),
  functionNotes: optText(4000).default(''),
  fitScore: z.number().int().min(1).max(5),
  validUntil: ZDate.nullable().optional(),
});
export type TQuoteInput = z.input<typeof ZQuoteInput>;

export const ZRequestInput = z.object({ quoteId: z.uuid() });
export const ZDecideInput = z.object({ decision: z.enum(['approve', 'reject']), comment: optText(1000).default('') });

export const ZReceiveAsset = z.object({
  serial: text(100),
  name: optText(120).optional(),
  mgmtIp: optText(64).optional(),
  siteId: z.uuid().nullable().optional(),
  roomId: z.uuid().nullable().optional(),
  notes: optText(1000).optional(),
});
export const ZReceiveInput = z.object({
  /** The assets' class, when the inquiry did not name one. */
  classCode: optText(40).optional(),
  /** One per unit bought. */
  assets: z.array(ZReceiveAsset).min(1).max(1000),
});
export type TReceiveInput = z.input<typeof ZReceiveInput>;

export const ZProcurementQuery = ZPage.extend({
  status: z.enum(PROCUREMENT_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ZQuote = z.object({
  id: z.string(),
  vendor: z.string(),
  model: z.string(),
  unitPrice: z.number(),
  total: z.number(),
  functionNotes: z.string(),
  fitScore: z.number().int().nullable(),
  validUntil: z.string().nullable(),
  expired: z.boolean(),
  /** 1 = cheapest. */
  priceRank: z.number().int(),
  score: z.number(),
  cheapest: z.boolean(),
  bestFit: z.boolean(),
  recommended: z.boolean(),
  createdAt: z.string(),
});
export type TQuote = z.infer<typeof ZQuote>;

export const ZProcurementSummary = z.object({
  id: z.string(),
  title: z.string(),
  needs: z.string(),
  classCode: z.string().nullable(),
  quantity: z.number().int(),
  status: z.enum(PROCUREMENT_STATUSES),
  quoteCount: z.number().int(),
  lowestUnitPrice: z.number().nullable(),
  chosenQuoteId: z.string().nullable(),
  chosenVendor: z.string().nullable(),
  chosenTotal: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TProcurementSummary = z.infer<typeof ZProcurementSummary>;

export const ZProcurement = ZProcurementSummary.extend({
  quotes: z.array(ZQuote),
  recommendedQuoteId: z.string().nullable(),
  requestedByName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string(),
  receivedAt: z.string().nullable(),
  assets: z.array(z.object({ id: z.string(), number: z.string(), name: z.string(), serial: z.string() })),
});
export type TProcurement = z.infer<typeof ZProcurement>;
export const ZProcurementList = z.object({ items: z.array(ZProcurementSummary), total: z.number().int() });
