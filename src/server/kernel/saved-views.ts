// Saved filters of any list, per user (kernel: every module's lists use them). A user sees and
// deletes only their own; names are unique per user and list.
import type { FastifyInstance } from 'fastify';
import { and, asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ZSavedViewInput } from '../../common/views.ts';
import { audit } from './audit.ts';
import { inTx, type Ctx } from './context.ts';
import { savedViews } from './db/tables.ts';
import { Conflict, Invalid, NotFound } from './errors.ts';
import { defineRoute } from './http.ts';
import { viewsApi } from '../../common/views.api.ts';

const MAX_PER_LIST = 30;

function me(ctx: Ctx): string {
  if (!ctx.actor) throw new Error('no actor');
  return ctx.actor.id;
}

export async function listViews(ctx: Ctx, scope: string) {
  return ctx.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, me(ctx)), eq(savedViews.scope, scope)))
    .orderBy(asc(savedViews.name));
}

export async function saveView(ctx: Ctx, input: z.output<typeof ZSavedViewInput>) {
  return inTx(ctx, async (tx) => {
    const userId = me(tx);
    const [n] = await tx.db
      .select({ n: count() })
      .from(savedViews)
      .where(and(eq(savedViews.userId, userId), eq(savedViews.scope, input.scope)));
    const [existing] = await tx.db
      .select()
      .from(savedViews)
      .where(and(eq(savedViews.userId, userId), eq(savedViews.scope, input.scope), eq(savedViews.name, input.name)));
    if (existing) throw new Conflict('view.duplicate', `已有名为“${input.name}”的筛选`);
    if (Number(n?.n ?? 0) >= MAX_PER_LIST) throw new Invalid('view.too_many', `每个列表最多保存 ${MAX_PER_LIST} 个筛选`);
    const [row] = await tx.db
      .insert(savedViews)
      .values({ userId, scope: input.scope, name: input.name, query: input.query, createdAt: tx.now() })
      .returning();
    await audit(tx, { action: 'saved_view.create', objectType: 'saved_view', objectId: row!.id, after: row });
    return row!;
  });
}

export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [row] = await tx.db
      .delete(savedViews)
      .where(and(eq(savedViews.id, id), eq(savedViews.userId, me(tx))))
      .returning();
    if (!row) throw new NotFound('view.not_found', '筛选不存在');
    await audit(tx, { action: 'saved_view.delete', objectType: 'saved_view', objectId: id, before: row });
  });
}

export async function savedViewRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['saved views'];
  defineRoute(app, {
    ...viewsApi.list,
    summary: '本人保存的列表筛选',
    tags,
    access: 'user',
    handler: async (ctx, { query }) => listViews(ctx, query.scope),
  });
  defineRoute(app, {
    ...viewsApi.create,
    summary: '保存当前筛选',
    tags,
    access: 'user',
    handler: async (ctx, { body }) => saveView(ctx, body),
  });
  defineRoute(app, {
    ...viewsApi.remove,
    summary: '删除保存的筛选',
    tags,
    access: 'user',
    handler: async (ctx, { params }) => deleteView(ctx, params.id),
  });
}
