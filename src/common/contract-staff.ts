// The agency's review of the staff list (R-STF-01, 附件一 10.2) and the notices of staff changes
// (R-STF-02): the schemas (the routes' contracts are in contract-staff.api.ts).
import { z } from 'zod';
import { ZPage, ZTimestamp, optText } from './api.ts';

export const STAFF_LIST_STATES = ['submitted', 'approved', 'returned'] as const;
export const STAFF_LIST_STATE_NAMES: Record<(typeof STAFF_LIST_STATES)[number], string> = {
  submitted: '待审核',
  approved: '已认可',
  returned: '已退回',
};
export const STAFF_CHANGE_NAMES = { join: '到岗', leave: '离岗' } as const;

export const ZStaffListLine = z.object({
  lineCode: z.string(),
  lineName: z.string(),
  staffingId: z.string(),
  role: z.string(),
  required: z.string(),
  personId: z.string(),
  personName: z.string(),
  personTitle: z.string(),
  qualifications: z.array(z.string()),
  since: z.string().nullable(),
  until: z.string().nullable(),
});
export type TStaffListLine = z.infer<typeof ZStaffListLine>;

export const ZStaffList = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  version: z.number().int(),
  state: z.enum(STAFF_LIST_STATES),
  lines: z.array(ZStaffListLine),
  note: z.string(),
  submittedByName: z.string(),
  submittedAt: ZTimestamp,
  reviewedByName: z.string().nullable(),
  reviewedAt: ZTimestamp.nullable(),
  comment: z.string().nullable(),
  /** Set when staff changed after this list was approved; cleared by approving the next version. */
  outdatedAt: ZTimestamp.nullable(),
});
export type TStaffList = z.infer<typeof ZStaffList>;

export const ZStaffListStatus = z.object({
  contractId: z.uuid().nullable(),
  /** The version the agency approved last, if any. */
  approved: ZStaffList.nullable(),
  /** The version awaiting the agency's review, if any. */
  pending: ZStaffList.nullable(),
  /** The approved list no longer matches the assignments (a change since, not yet re-approved). */
  outdated: z.boolean(),
  openChanges: z.number().int(),
});
export type TStaffListStatus = z.infer<typeof ZStaffListStatus>;

export const ZStaffChange = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  kind: z.enum(['join', 'leave']),
  personName: z.string(),
  lineCode: z.string(),
  role: z.string(),
  at: ZTimestamp,
  byName: z.string(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: ZTimestamp.nullable(),
});
export type TStaffChange = z.infer<typeof ZStaffChange>;

export const ZStaffListQuery = ZPage.extend({ contractId: z.uuid().optional() });
export const ZStaffChangeQuery = ZPage.extend({ contractId: z.uuid().optional(), open: z.stringbool().optional() });
export const ZStaffListSubmit = z.object({ contractId: z.uuid().optional(), note: optText(2000).default('') });
export const ZStaffListReview = z.object({ approve: z.boolean(), comment: optText(2000).default('') });
