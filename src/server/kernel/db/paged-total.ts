// The total of a paged list without counting every match (issue 11 point 17, docs/performance.md): the
// page is read first; a page that is not full is the last one, so its total needs no query; otherwise
// the matches are counted only up to a cap (or just past the page asked for, if that is further), and
// `totalCapped` says there are more. The web shows "超过 1,000 条" (components/DataTable.tsx).
import { count, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * A list's total counts at most this many matches (50 pages of 20; a deeper page counts to just past
 * itself): nobody pages through more, and an exact count(*) of a broad filter reads every match on
 * every page view (23% of a people list's CPU at 5,000 people, 100+ ms for a million tickets).
 */
export const TOTAL_CAP = 1_000;

export interface PagedTotal {
  total: number;
  /** More than `total` match (set only when true). */
  totalCapped?: true;
}

export interface PagedTotalArgs {
  where: SQL | undefined;
  /** Rows skipped before the page ((page - 1) × pageSize). */
  offset: number;
  pageSize: number;
  /** Rows the page query returned. */
  got: number;
  /** Count every match (a report's figure that the list must show exactly). */
  exact?: boolean;
}

/** The total for a page read from `table` with `where`: no query for the last page, else a capped count. */
export async function pagedTotal(db: Db, table: PgTable, a: PagedTotalArgs): Promise<PagedTotal> {
  if (a.got > 0 && a.got < a.pageSize) return { total: a.offset + a.got };
  if (a.exact) {
    const [t] = await db.select({ n: count() }).from(table).where(a.where);
    return { total: Number(t?.n ?? 0) };
  }
  const [t] = await db.select({ n: count() }).from(upTo(db, table, a));
  return totalOf(Number(t?.n ?? 0), a);
}

/**
 * The capped count (or, with `exact`, the full count) as a scalar subquery, for the page's own
 * statement (one round trip instead of two: the planner runs it once, as an InitPlan); `totalOf`
 * turns its value into the total.
 */
export function cappedCount(db: Db, table: PgTable, a: Omit<PagedTotalArgs, 'got'>): SQL<number> {
  if (a.exact) return sql`(${db.select({ n: count() }).from(table).where(a.where)})`.mapWith(Number);
  return sql`(SELECT count(*) FROM ${upTo(db, table, a)})`.mapWith(Number);
}

/** The total from a capped (or exact) count `n` (and the page's own size when it is the last page). */
export function totalOf(n: number, a: Omit<PagedTotalArgs, 'where'>): PagedTotal {
  if (a.got > 0 && a.got < a.pageSize) return { total: a.offset + a.got };
  if (a.exact) return { total: n };
  const cap = capOf(a);
  return n > cap ? { total: cap, totalCapped: true } : { total: n };
}

const capOf = (a: { offset: number; pageSize: number }) => Math.max(TOTAL_CAP, a.offset + a.pageSize);

// In no particular order, so the planner takes the cheapest way to cap + 1 matches (for the desk at a
// million tickets: open and SLA at risk 250 ms walking newest first, 15–40 ms hashing the clocks at
// risk instead).
function upTo(db: Db, table: PgTable, a: { where: SQL | undefined; offset: number; pageSize: number }) {
  return db
    .select({ one: sql`1` })
    .from(table)
    .where(a.where)
    .limit(capOf(a) + 1)
    .as('up_to');
}
