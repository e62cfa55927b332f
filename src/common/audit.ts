import { z } from 'zod';
import { ZDateTime, ZTimestamp } from './api.ts';

export const ZAuditQuery = z.object({
  from: ZDateTime.optional(),
  to: ZDateTime.optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(100).optional(),
  success: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditRecord = z.object({
  seq: z.number(),
  at: ZTimestamp,
  actorName: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  success: z.boolean(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
});
export type TAuditRecord = z.infer<typeof ZAuditRecord>;

export const ZAuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number(),
  lastSeq: z.number(),
  firstBad: z.object({ seq: z.number(), reason: z.enum(['changed', 'missing', 'broken_link']) }).nullable(),
});
