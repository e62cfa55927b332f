// Search and filtered list of the register: GET /api/assets?q=… searches number, name, model,
// serial and management IP through the trigram index assets_search_trgm — the WHERE repeats the
// index's expression exactly, so PostgreSQL can use it for terms of 3+ characters (shorter ones scan).
import { and, asc, count, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { dateOf } from '../../../common/calendar.ts';
import type { TAsset, TAssetQuery } from '../../../common/assets.ts';
import type { Ctx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { classIndex } from './classes.ts';
import { DUE_SOON_DAYS, viewsOf } from './records.ts';
import { assets } from './tables.ts';

/** The indexed search expression (tables.ts, assets_search_trgm), written the same way. */
export const SEARCH_EXPR = sql`(${assets.number} || ' ' || ${assets.name} || ' ' || ${assets.model} || ' ' || ${assets.serial} || ' ' || ${assets.mgmtIp})`;

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function assetFilter(ctx: Ctx, q: Omit<TAssetQuery, 'page' | 'pageSize'>): Promise<SQL | undefined> {
  const c: SQL[] = [];
  if (q.q) c.push(sql`${SEARCH_EXPR} ILIKE ${likeContains(q.q)}`);
  if (q.classCode) {
    const codes = (await classIndex(ctx)).descendants(q.classCode);
    c.push(codes.length ? inArray(assets.classCode, codes) : sql`false`);
  }
  if (q.status) c.push(eq(assets.status, q.status));
  if (q.siteId) c.push(eq(assets.siteId, q.siteId));
  if (q.roomId) c.push(eq(assets.roomId, q.roomId));
  if (q.serviceLine) c.push(eq(assets.serviceLine, q.serviceLine));
  if (q.networkDomain) c.push(eq(assets.networkDomain, q.networkDomain));
  if (q.warranty) {
    const today = dateOf(ctx.now());
    if (q.warranty === 'expired') c.push(lt(assets.warrantyUntil, today));
    else c.push(and(gte(assets.warrantyUntil, today), lte(assets.warrantyUntil, plusDays(today, DUE_SOON_DAYS)))!);
  }
  return c.length ? and(...c) : undefined;
}

export async function listAssets(ctx: Ctx, q: TAssetQuery): Promise<{ items: TAsset[]; total: number }> {
  const where = await assetFilter(ctx, q);
  const [t] = await ctx.db.select({ n: count() }).from(assets).where(where);
  const rows = await ctx.db
    .select()
    .from(assets)
    .where(where)
    .orderBy(asc(assets.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await viewsOf(ctx, rows), total: Number(t?.n ?? 0) };
}

export const EXPORT_MAX_ROWS = 50_000;
