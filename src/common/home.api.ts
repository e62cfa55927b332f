// The home page's to-do list (issue 11 point 10): GET /api/home runs every to-do provider the signed-in
// user's permissions and roles open (module manifests, `todos`) and answers their sections in page order.
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const ZTodoItem = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  due: z.string().nullable().optional(),
  at: z.string().optional(),
  risk: z.enum(['warning', 'breached']).optional(),
  tag: z.string().optional(),
  url: z.string(),
});
export type TTodoItem = z.infer<typeof ZTodoItem>;

export const ZTodoSection = z.object({
  id: z.string(),
  module: z.string(),
  zh: z.string(),
  en: z.string(),
  url: z.string().nullable(),
  emptyZh: z.string().nullable(),
  emptyEn: z.string().nullable(),
  count: z.number().int(),
  items: z.array(ZTodoItem),
});
export type TTodoSection = z.infer<typeof ZTodoSection>;

export const ZHome = z.object({ sections: z.array(ZTodoSection) });
export type THome = z.infer<typeof ZHome>;

export const homeApi = {
  todos: endpoint({ method: 'GET', path: '/api/home', response: ZHome }),
};
