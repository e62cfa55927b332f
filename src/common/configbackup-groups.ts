// Backup schedule groups (issue 12 point 2, R-MON-05): devices grouped (核心网络设备, 安全设备, by
// service line…) each with its schedule: every N minutes or at daily times, only inside a window
// (Beijing time), on working days of the business calendar or every day.
import { z } from 'zod';
import { ZPage, ZTimestamp, optText, patchOf, text } from './api.ts';

/** 'HH:MM', 00:00–23:59, Beijing time. */
export const HHMM_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const ZHhmm = z.string().regex(HHMM_RE, '时间应为 HH:MM（00:00–23:59）');

export const ZGroupInput = z.object({
  name: text(100),
  description: optText(500).default(''),
  /** Every N minutes (5 to 10 080, a week); null: at the daily times. */
  everyMinutes: z.number().int().min(5, '间隔至少 5 分钟').max(10_080, '间隔至多 7 天').nullable().default(null),
  /** At these times each day (when everyMinutes is null), at most 24. */
  dailyTimes: z.array(ZHhmm).max(24).default([]),
  /** No scheduled run starts outside [windowStart, windowEnd); both null: any time. */
  windowStart: ZHhmm.nullable().default(null),
  windowEnd: ZHhmm.nullable().default(null),
  workingDaysOnly: z.boolean().default(false),
  enabled: z.boolean().default(true),
});
export type TGroupInput = z.input<typeof ZGroupInput>;
export const ZGroupPatch = patchOf(ZGroupInput);

export const ZGroup = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  everyMinutes: z.number().int().nullable(),
  dailyTimes: z.array(z.string()),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  workingDaysOnly: z.boolean(),
  enabled: z.boolean(),
  devices: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TGroup = z.infer<typeof ZGroup>;

export const ZGroupQuery = ZPage.extend({
  q: z.string().trim().max(100).optional(),
  enabled: z.enum(['true', 'false']).optional(),
  workingDaysOnly: z.enum(['true', 'false']).optional(),
});

/** Devices into the group (moved from any other) and out of it (back to the default schedule). */
export const ZGroupAssign = z
  .object({ add: z.array(z.uuid()).max(500).default([]), remove: z.array(z.uuid()).max(500).default([]) })
  .refine((a) => a.add.length + a.remove.length > 0, '请至少选择一台设备');
export const ZGroupAssigned = z.object({ added: z.number().int(), removed: z.number().int() });
