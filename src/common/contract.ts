// The contract and its service lines (R-CON-03), staffing (R-STF-01).
import { z } from 'zod';
import { ZDate, ZTimestamp, optText, text } from './api.ts';
import { ZPhone } from './patterns.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';

export const ZHoursProfile = z.enum(['5x9', '7x24']);
const money = z.number().min(0).max(1e12).multipleOf(0.01);

export const ZStaffAssignment = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  since: z.string().nullable(),
  until: z.string().nullable(),
});
export const ZStaffing = z.object({
  id: z.string(),
  serviceLineId: z.string(),
  role: z.string(),
  headcount: z.number().int(),
  qualifications: z.string(),
  duties: z.string(),
  onsite: z.boolean(),
  sort: z.number().int(),
  assigned: z.array(ZStaffAssignment),
});
export type TStaffing = z.infer<typeof ZStaffing>;
export const ZStaffingInput = z.object({
  role: text(100),
  headcount: z.number().int().min(1).max(100),
  qualifications: optText(2000).default(''),
  duties: optText(4000).default(''),
  onsite: z.boolean().default(true),
  sort: z.number().int().min(0).max(999).default(0),
});
export const ZAssignInput = z.object({ personId: z.uuid(), since: ZDate.nullable().default(null) });

export const ZServiceLine = z.object({
  id: z.string(),
  contractId: z.string(),
  code: z.enum(SERVICE_LINE_CODES),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  fee: z.number(),
  hoursProfile: ZHoursProfile,
  hotlineHours: z.string(),
  hotlinePhone: z.string(),
  emergencyPhone: z.string(),
  summary: z.string(),
  scope: z.string(),
  clause: z.string(),
  siteIds: z.array(z.string()),
  roomIds: z.array(z.string()),
  staffing: z.array(ZStaffing).optional(),
});
export type TServiceLine = z.infer<typeof ZServiceLine>;
export const ZServiceLinePatch = z
  .object({
    name: text(100),
    periodStart: ZDate,
    periodEnd: ZDate,
    fee: money,
    hoursProfile: ZHoursProfile,
    hotlineHours: optText(500),
    hotlinePhone: ZPhone,
    // R-SD-11: the 7×24 emergency number of the line.
    emergencyPhone: ZPhone,
    summary: optText(120),
    scope: optText(8000),
    siteIds: z.array(z.uuid()).max(50),
    roomIds: z.array(z.uuid()).max(200),
  })
  .partial();

export const ZContract = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  signedAt: z.string().nullable(),
  signedPlace: z.string(),
  procurementNumber: z.string(),
  agencyId: z.string(),
  contractorId: z.string(),
  agencyName: z.string().optional(),
  contractorName: z.string().optional(),
  totalFee: z.number(),
  bondPercent: z.number(),
  bondDueWorkingDays: z.number(),
  bondValidUntil: z.string().nullable(),
  renewalOf: z.string().nullable(),
  notes: z.string(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  serviceLines: z.array(ZServiceLine).optional(),
});
export type TContract = z.infer<typeof ZContract>;
export const ZContractPatch = z
  .object({
    title: text(200),
    signedAt: ZDate.nullable(),
    signedPlace: optText(200),
    procurementNumber: optText(100),
    totalFee: money,
    bondPercent: z.number().min(0).max(100),
    bondDueWorkingDays: z.number().int().min(0).max(365),
    bondValidUntil: ZDate.nullable(),
    notes: optText(8000),
  })
  .partial();

export const ZLineOverview = z.object({
  id: z.string(),
  code: z.enum(SERVICE_LINE_CODES),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  daysTotal: z.number().int(),
  daysRemaining: z.number().int(),
  status: z.enum(['not_started', 'active', 'ended']),
  fee: z.number(),
  hoursProfile: ZHoursProfile,
  hotlineHours: z.string(),
  hotlinePhone: z.string(),
  emergencyPhone: z.string(),
  staffRequired: z.number().int(),
  staffFilled: z.number().int(),
  sites: z.array(z.string()),
});
export type TLineOverview = z.infer<typeof ZLineOverview>;
export const ZOverview = z.object({
  today: z.string(),
  contract: ZContract.nullable(),
  lines: z.array(ZLineOverview),
});
export type TOverview = z.infer<typeof ZOverview>;
