// Schemas of the contract's written workflows (issue 15 point 5): force majeure (第九条), amendments
// (第十一条), the contractor's notice to cure a late payment (第十二条2), and the agency's coordinators
// and inspections of the maintenance records (R-QA-05). Shared by server and web.
import { z } from 'zod';
import { ZDate, ZDateTime, optText } from './api.ts';

export const PARTIES = ['agency', 'contractor'] as const;
export type Party = (typeof PARTIES)[number];
export const PARTY_LABEL: Record<Party, string> = { agency: '甲方', contractor: '乙方' };

/** Deadlines of the dashboard a force majeure event may extend (their keys). */
export const EXTENDABLE = ['bond.due', 'bond.valid', 'payment.due', 'late.from'] as const;

/** The affected party is the one recording it (the actor's side). */
export const ZForceMajeureInput = z.object({
  description: z.string().trim().min(1, '请填写事件说明').max(2000),
  startedOn: ZDate,
  endedOn: ZDate.nullable().default(null),
  /** When the other party was told (第九条2 “立即通知对方”). */
  notifiedAt: ZDateTime,
  affects: z.array(z.enum(EXTENDABLE)).max(EXTENDABLE.length).default([]),
});
export const ZForceMajeureEnd = z.object({ endedOn: ZDate });
/** Multipart fields of the proof upload. */
export const ZProofFields = z.object({ proofOn: ZDate });

export const ZForceMajeure = z.object({
  id: z.string(),
  contractId: z.string(),
  party: z.enum(PARTIES),
  description: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  notifiedAt: z.string(),
  proofDueOn: z.string(),
  proofOn: z.string().nullable(),
  proofFileName: z.string().nullable(),
  /** The proof came after its ten days, or is missing past them. */
  proofLate: z.boolean(),
  affects: z.array(z.string()),
  /** Calendar days the event lasted (to today while it goes on): the extension of 第九条1. */
  days: z.number().int(),
  /** Over ten days: the parties renegotiate the rest of the contract (第九条3). */
  renegotiate: z.boolean(),
  createdByName: z.string(),
});
export type TForceMajeure = z.infer<typeof ZForceMajeure>;

/** Multipart fields of an amendment request (the signed request itself is the file). */
export const ZAmendmentFields = z.object({
  clause: z.string().trim().min(1, '请填写拟变更的条款').max(200),
  change: z.string().trim().min(1, '请填写变更内容').max(4000),
  reason: z.string().trim().min(1, '请填写变更理由').max(4000),
});
export const ZAmendmentDecision = z.object({
  decision: z.enum(['agree', 'refuse']),
  note: optText(2000).default(''),
});
export const AMENDMENT_STATUS = ['pending', 'agreed', 'refused'] as const;
export const ZAmendment = z.object({
  id: z.string(),
  contractId: z.string(),
  party: z.enum(PARTIES),
  clause: z.string(),
  change: z.string(),
  reason: z.string(),
  requestedOn: z.string(),
  requestedByName: z.string(),
  fileName: z.string(),
  status: z.enum(AMENDMENT_STATUS),
  decidedOn: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string(),
});
export type TAmendment = z.infer<typeof ZAmendment>;

export const ZCureNoticeInput = z.object({
  noticeOn: ZDate,
  text: z.string().trim().min(1, '请填写书面通知内容').max(4000),
});
export const CURE_STATES = ['open', 'termination-right', 'cured'] as const;
export const ZCureNotice = z.object({
  id: z.string(),
  paymentId: z.string(),
  paymentTitle: z.string(),
  noticeOn: z.string(),
  cureBy: z.string(),
  text: z.string(),
  createdByName: z.string(),
  /** open: within the 30 days; termination-right: 30 days passed unpaid; cured: the payment was made. */
  state: z.enum(CURE_STATES),
  clause: z.string(),
});
export type TCureNotice = z.infer<typeof ZCureNotice>;

export const ZCoordinatorInput = z.object({
  system: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(100),
  phone: optText(50).default(''),
  since: ZDate,
});
export const ZCoordinator = ZCoordinatorInput.extend({ id: z.string(), contractId: z.string() });
export type TCoordinator = z.infer<typeof ZCoordinator>;

export const ZInspectionInput = z.object({
  inspectedOn: ZDate,
  inspector: z.string().trim().min(1).max(100),
  scope: z.string().trim().min(1).max(2000),
  findings: optText(4000).default(''),
});
export const ZRecordInspection = ZInspectionInput.extend({ id: z.string(), contractId: z.string() });
export type TRecordInspection = z.infer<typeof ZRecordInspection>;

/** The written records shown on the dashboard beside the deadlines. */
export const ZMoneyRecords = z.object({
  forceMajeure: z.array(ZForceMajeure),
  amendments: z.array(ZAmendment),
  cureNotices: z.array(ZCureNotice),
  coordinators: z.array(ZCoordinator),
  inspections: z.array(ZRecordInspection),
});
export type TMoneyRecords = z.infer<typeof ZMoneyRecords>;
