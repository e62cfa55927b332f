// Search and filtered list of the register. GET /api/assets?q=… (issue 11 point 12): every term
// (split at spaces) must match, each in any of: the stored search_text (number, name, vendor,
// model, serial, IP, building, floor, rack — lower case, spaces removed, so 4层 = 4 层; its trigram
// index assets_search_trgm serves terms of 3+ characters, shorter ones scan), the vendor written
// otherwise (华为 = Huawei, common/vendors.ts, by the index on lower(vendor)), or the site or room
// the term names (org's placesMatching, by the site and room indexes).
//
// The list page (bench/assets.ts, docs/performance.md "Assets at scale"): the count and the page run
// side by side, the classification is read once per request (the filter and the views share it),
// and the views name only the sites, rooms, departments and people of the page's 20 rows
// (records.ts namesFor, through org's read functions) instead of listing every site and room.
import { and, asc, count, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { dateOf } from '../../../../common/dates.ts';
import type { TAsset, TAssetQuery } from '../../../../common/assets.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { queryRows } from '../../../kernel/db/client.ts';
import { likeContains, searchTerms } from '../../../kernel/db/like.ts';
import { vendorWritings } from '../../../../common/vendors.ts';
import { placesMatching } from '../../org/api.ts';
import { classIndex, type ClassIndex } from './classes.ts';
import { DUE_SOON_DAYS, namesFor, toView, type AssetRow } from './records.ts';
import { assets } from './tables.ts';

/** One search term: in the search text, a writing of the maker it names, or the place it names. */
async function termMatch(ctx: Ctx, term: string): Promise<SQL> {
  const alts: SQL[] = [sql`${assets.searchText} LIKE ${likeContains(term)}`];
  const writings = vendorWritings(term);
  if (writings.length) alts.push(inArray(sql`lower(${assets.vendor})`, writings));
  const places = await placesMatching(ctx, term);
  if (places.siteIds.length) alts.push(inArray(assets.siteId, places.siteIds));
  if (places.roomIds.length) alts.push(inArray(assets.roomId, places.roomIds));
  return alts.length === 1 ? alts[0]! : or(...alts)!;
}

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function assetFilter(ctx: Ctx, q: Omit<TAssetQuery, 'page' | 'pageSize'>, idx?: ClassIndex): Promise<SQL | undefined> {
  const c: SQL[] = [];
  if (q.q) c.push(...(await Promise.all(searchTerms(q.q).map((t) => termMatch(ctx, t)))));
  if (q.classCode) {
    const codes = (idx ?? (await classIndex(ctx))).descendants(q.classCode);
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

/**
 * A search (q=) in one statement: the matches are found once (the trigram index, then the heap
 * recheck of each match) into a materialized CTE of ids and numbers; the page is a top-N sort of
 * that, and the total a count of it. Counting and paging separately rechecked every match twice,
 * and the page alone, ordered by number, was planned as a walk of the number index filtering every
 * row on the way — thousands of rows when the matches share a prefix (a model's devices all carry
 * their class's number prefix). MATERIALIZED keeps the planner from walking that index again.
 */
export function searchPageQuery(where: SQL | undefined, limit: number, offset: number): SQL {
  return sql`WITH m AS MATERIALIZED (SELECT ${assets.id} AS id, ${assets.number} AS number FROM ${assets} WHERE ${where ?? sql`true`})
    SELECT m.id, (SELECT count(*) FROM m)::int AS total FROM m ORDER BY m.number LIMIT ${limit} OFFSET ${offset}`;
}

async function searchPage(ctx: Ctx, q: TAssetQuery, where: SQL | undefined): Promise<{ rows: AssetRow[]; total: number }> {
  const hits = await queryRows<{ id: string; total: number | string }>(
    ctx.db,
    searchPageQuery(where, q.pageSize, (q.page - 1) * q.pageSize),
  );
  if (!hits.length) {
    if (q.page === 1) return { rows: [], total: 0 };
    const [t] = await ctx.db.select({ n: count() }).from(assets).where(where);
    return { rows: [], total: Number(t?.n ?? 0) };
  }
  const found = await ctx.db
    .select()
    .from(assets)
    .where(
      inArray(
        assets.id,
        hits.map((h) => h.id),
      ),
    );
  const byId = new Map(found.map((r) => [r.id, r]));
  return { rows: hits.map((h) => byId.get(h.id)).filter((r): r is AssetRow => !!r), total: Number(hits[0]!.total) };
}

/** Filters without q=: the count (often index-only) and the page, side by side. */
async function filterPage(ctx: Ctx, q: TAssetQuery, where: SQL | undefined): Promise<{ rows: AssetRow[]; total: number }> {
  const [[t], rows] = await Promise.all([
    ctx.db.select({ n: count() }).from(assets).where(where),
    ctx.db
      .select()
      .from(assets)
      .where(where)
      .orderBy(asc(assets.number))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
  ]);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function listAssets(ctx: Ctx, q: TAssetQuery): Promise<{ items: TAsset[]; total: number }> {
  const idx = await classIndex(ctx);
  const where = await assetFilter(ctx, q, idx);
  const { rows, total } = q.q ? await searchPage(ctx, q, where) : await filterPage(ctx, q, where);
  const names = await namesFor(ctx, rows, idx);
  const today = dateOf(ctx.now());
  return { items: rows.map((r) => toView(r, names, today)), total };
}

export const EXPORT_MAX_ROWS = 50_000;
