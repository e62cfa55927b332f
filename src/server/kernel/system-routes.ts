// The platform's own routes: the modules this site runs, and one search box across every module that
// declares a search provider (each provider answers only to those its `access` lets in), and the
// home page's to-do list gathered the same way from every module's to-do providers.
import type { FastifyInstance } from 'fastify';
import { defineRoute, permissionsIn } from './http.ts';
import type { ModuleDeps } from './module.ts';
import { systemApi } from '../../common/system.api.ts';
import { homeApi } from '../../common/home.api.ts';
import { openTodos, TODO_ITEMS } from './todos.ts';

export async function systemRoutes(app: FastifyInstance, { registry }: ModuleDeps): Promise<void> {
  const tags = ['system'];
  defineRoute(app, {
    ...systemApi.modules,
    summary: '本系统启用的模块 The modules this site runs',
    tags,
    access: 'public',
    allowPending: true,
    handler: async () => ({
      items: registry.modules.map((m) => ({
        id: m.id,
        zh: m.name.zh,
        en: m.name.en,
        summaryZh: m.summary?.zh ?? null,
        summaryEn: m.summary?.en ?? null,
      })),
    }),
  });
  defineRoute(app, {
    ...systemApi.search,
    summary: '全局搜索（各模块的搜索来源，按权限）Search across modules',
    tags,
    access: 'user',
    handler: async (ctx, { query }) => {
      const actor = ctx.actor!;
      const open = registry.search.filter((s) => s.access === 'user' || permissionsIn(s.access).some((p) => actor.permissions.has(p)));
      const groups = await Promise.all(
        open.map(async (s) => ({ id: s.id, zh: s.label.zh, en: s.label.en, hits: await s.search(ctx, query.q, query.limit) })),
      );
      return { groups: groups.filter((g) => g.hits.length > 0) };
    },
  });
  defineRoute(app, {
    ...homeApi.todos,
    summary: '首页待办（各模块的待办来源，按权限与角色）The signed-in user’s to-do list',
    tags,
    access: 'user',
    handler: async (ctx) => {
      const sections = await Promise.all(
        openTodos(registry.todos, ctx.actor!).map(async (p) => {
          const s = await p.read(ctx, TODO_ITEMS);
          return {
            id: p.id,
            module: p.module,
            zh: p.title.zh,
            en: p.title.en,
            url: p.url ?? null,
            emptyZh: p.empty?.zh ?? null,
            emptyEn: p.empty?.en ?? null,
            count: s.count,
            items: s.items.slice(0, TODO_ITEMS),
          };
        }),
      );
      return { sections };
    },
  });
}
