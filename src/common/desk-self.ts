// Self-service (自助报修): what the form knows of the signed-in requester, and the service lines to
// choose from with what each covers and how to reach it (R-SD-01 hotline hours, R-SD-11 emergency phone).
import { z } from 'zod';
import { SERVICE_LINE_CODES } from './service-lines.ts';
import { ZHoursProfile } from './contract.ts';

export const ZSelfLine = z.object({
  code: z.enum(SERVICE_LINE_CODES),
  name: z.string(),
  /** One line: what the service line covers. */
  summary: z.string(),
  hoursProfile: ZHoursProfile,
  hotlineHours: z.string(),
  hotlinePhone: z.string(),
  /** R-SD-11: answered 7 days × 24 hours, also on a 5×9 line. */
  emergencyPhone: z.string(),
});
export type TSelfLine = z.infer<typeof ZSelfLine>;

export const ZSelfService = z.object({
  requester: z.object({
    name: z.string(),
    /** The account's phone, else the person record's mobile or office phone; '' when none is on file. */
    phone: z.string(),
    /** True when a phone is on file: the form may leave the number empty (the one on file is used). */
    phoneOnFile: z.boolean(),
    department: z.string(),
    /** The usual site: that of the requester's most recent ticket naming one (the person record has none). */
    siteId: z.string().nullable(),
    siteName: z.string(),
  }),
  lines: z.array(ZSelfLine),
  /** The sites to choose from (agency staff do not read org's lists themselves). */
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type TSelfService = z.infer<typeof ZSelfService>;
