// Saved filters ("my open NET faults") of any list, per user and per list (scope).
import { z } from 'zod';
import { ZTimestamp, text } from './api.ts';

export const VIEW_SCOPES = ['desk.queue', 'desk.risk', 'assets.list'] as const;

export const ZSavedViewInput = z.object({
  scope: z.enum(VIEW_SCOPES),
  name: text(40),
  /** The list's query parameters; only plain values are kept. */
  query: z
    .record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()]))
    .refine((q) => Object.keys(q).length <= 20, '最多 20 个条件'),
});
export const ZSavedView = z.object({
  id: z.string(),
  scope: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: ZTimestamp,
});
export type TSavedView = z.infer<typeof ZSavedView>;
export const ZSavedViewQuery = z.object({ scope: z.enum(VIEW_SCOPES) });
