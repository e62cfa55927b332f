// Schemas of the handover module (数据移交与保密; issue 15 point 7, R-CONF-03/04, R-CON-15): the
// complete export of the agency's data, the confidential purge after the contract ends with its
// certificate, and the security and confidentiality agreement on record.
import { z } from 'zod';
import { ZDate, ZPage, ZTimestamp, optText, paged, text } from './api.ts';

export const EXPORT_STATES = ['running', 'done', 'failed', 'destroyed'] as const;
export const ZExport = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  state: z.enum(EXPORT_STATES),
  startedByName: z.string(),
  startedAt: ZTimestamp,
  finishedAt: ZTimestamp.nullable(),
  tablesDone: z.number().int(),
  tablesTotal: z.number().int(),
  rows: z.number().int(),
  files: z.number().int(),
  /** Bytes of the package written so far. */
  written: z.number().int(),
  /** The table being written now, while it runs. */
  current: z.string().nullable(),
  /** When the process running it last said it was alive. */
  heartbeatAt: ZTimestamp.nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  error: z.string().nullable(),
});
export type TExport = z.infer<typeof ZExport>;
export const ZExportList = paged(ZExport);

export const ZPageQuery = ZPage;

/** Whether a purge may be requested: the contract's end date and today (China time). */
export const ZPurgeStatus = z.object({
  today: ZDate,
  contract: z.object({ id: z.uuid(), number: z.string(), title: z.string(), end: ZDate.nullable() }).nullable(),
  ended: z.boolean(),
  /** Why a request cannot be made yet (null when it can). */
  reason: z.string().nullable(),
});
export type TPurgeStatus = z.infer<typeof ZPurgeStatus>;

export const PURGE_OUTCOMES = ['destroyed', 'returned'] as const;
export const PURGE_OUTCOME_ZH: Record<(typeof PURGE_OUTCOMES)[number], string> = { destroyed: '已销毁', returned: '已归还' };
export const PURGE_STATES = ['open', 'done', 'confirmed'] as const;
export const PURGE_STATE_ZH: Record<(typeof PURGE_STATES)[number], string> = {
  open: '清除中',
  done: '已出具证明',
  confirmed: '甲方已确认',
};

export const ZPurgeItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  label: z.string(),
  /** How many the system counted (null: held outside the system, declared by the contractor). */
  count: z.number().int().nullable(),
  outcome: z.enum(PURGE_OUTCOMES).nullable(),
  note: z.string(),
  evidenceFileId: z.uuid().nullable(),
  evidenceName: z.string().nullable(),
  doneByName: z.string().nullable(),
  doneAt: ZTimestamp.nullable(),
  overdue: z.boolean(),
});
export type TPurgeItem = z.infer<typeof ZPurgeItem>;

export const ZPurge = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  contractNumber: z.string(),
  contractEnd: ZDate,
  requestedOn: ZDate,
  requestedByName: z.string(),
  letter: z.string(),
  dueOn: ZDate,
  state: z.enum(PURGE_STATES),
  createdByName: z.string(),
  createdAt: ZTimestamp,
  certifiedAt: ZTimestamp.nullable(),
  confirmedAt: ZTimestamp.nullable(),
  confirmedByName: z.string().nullable(),
  items: z.array(ZPurgeItem),
});
export type TPurge = z.infer<typeof ZPurge>;
export const ZPurgeList = paged(ZPurge);

export const ZPurgeInput = z.object({
  /** The date of the agency's written request (书面要求); not in the future. */
  requestedOn: ZDate,
  requestedByName: text(100),
  letter: optText(2000).default(''),
});
export type TPurgeInput = z.input<typeof ZPurgeInput>;

/** The text fields sent with an item's evidence file (multipart). */
export const ZItemDone = z.object({ outcome: z.enum(PURGE_OUTCOMES), note: text(2000) });
export const ZItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const ZAgreement = z.object({
  id: z.uuid(),
  title: z.string(),
  partyA: z.string(),
  partyB: z.string(),
  signedOn: ZDate,
  fileId: z.uuid(),
  fileName: z.string(),
  createdByName: z.string(),
  createdAt: ZTimestamp,
});
export type TAgreement = z.infer<typeof ZAgreement>;
export const ZAgreementList = paged(ZAgreement);
/** The text fields sent with the signed agreement's file (multipart). */
export const ZAgreementFields = z.object({ title: text(200), partyA: text(200), partyB: text(200), signedOn: ZDate });
