// What the platform says about itself: the modules this site runs (the sign-in page lists only what
// exists) and the global search across them.
import { z } from 'zod';

export const ZModuleInfo = z.object({
  id: z.string(),
  zh: z.string(),
  en: z.string(),
  summaryZh: z.string().nullable(),
  summaryEn: z.string().nullable(),
});
export type TModuleInfo = z.infer<typeof ZModuleInfo>;
export const ZModuleList = z.object({ items: z.array(ZModuleInfo) });

export const ZSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export const ZSearchHit = z.object({ title: z.string(), subtitle: z.string().optional(), url: z.string() });
export const ZSearchGroup = z.object({ id: z.string(), zh: z.string(), en: z.string(), hits: z.array(ZSearchHit) });
export const ZSearchResult = z.object({ groups: z.array(ZSearchGroup) });
export type TSearchResult = z.infer<typeof ZSearchResult>;
