// The total of a paged list without counting every match (issue 11 point 17, docs/performance.md): the
// page is read first; a page that is not full is the last one, so its total needs no query; otherwise
// the matches are counted only up to a cap (or just past the page asked for, if that is further), and
// `totalCapped` says there are more. The web shows "超过 1,000 条" (components/DataTable.tsx).
// A count that reached the cap is remembered for a moment (`listTotal`): the same list opened, refreshed or
// paged again within CAPPED_TOTAL_MS reads only its page, as the session lookup keeps a session.
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
function cappedCount(db: Db, table: PgTable, a: Omit<PagedTotalArgs, 'got'>): SQL<number> {
  if (a.exact) return sql`(${db.select({ n: count() }).from(table).where(a.where)})`.mapWith(Number);
  return sql`(SELECT count(*) FROM ${upTo(db, table, a)})`.mapWith(Number);
}

/** The total from a capped (or exact) count `n` (and the page's own size when it is the last page). */
function totalOf(n: number, a: Omit<PagedTotalArgs, 'where'>): PagedTotal {
  if (a.got > 0 && a.got < a.pageSize) return { total: a.offset + a.got };
  if (a.exact) return { total: n };
  const cap = capOf(a);
  return n > cap ? { total: cap, totalCapped: true } : { total: n };
}

const capOf = (a: { offset: number; pageSize: number }) => Math.max(TOTAL_CAP, a.offset + a.pageSize);

/**
 * How long a count that reached the cap is trusted without counting again. Counting up to the cap is the
 * dearest part of a broad list (27% of a people list's CPU at 5,000 people, docs/performance.md); what
 * it answers, "超过 1,000 条", stays true unless all but a thousand of the matches go within seconds.
 * Any write this process answers forgets them all (app.ts, `forgetCappedTotals`), as it does sessions.
 */
export const CAPPED_TOTAL_MS = 5_000;
/** Remembered counts per database handle at most; past it the memory starts again. */
const MAX_REMEMBERED = 1_000;
type Remembered = Map<string, { at: number; generation: number }>;
const remembered = new WeakMap<Db, Remembered>();
let generation = 0;

/** Every remembered capped count is counted again: called once a state-changing request has been answered. */
export function forgetCappedTotals(): void {
  generation++;
}

/** A page's total to be: its count column for the page's statement, and the total from what came back. */
export interface ListTotal {
  /** The capped count as a scalar subquery, or the cap + 1 itself when that count was just made. */
  column: SQL<number>;
  /** The total, from the `column` value of the page's first row (none when the page came back empty). */
  of(n: number | undefined, got: number): Promise<PagedTotal>;
}

/**
 * The total of a page read from `table` with `where`, in the page's own statement (`column`): a capped
 * count, unless the same count reached the cap less than CAPPED_TOTAL_MS ago and nothing was written
 * since; an exact count (`exact`) is always made.
 */
export function listTotal(db: Db, table: PgTable, a: Omit<PagedTotalArgs, 'got'>): ListTotal {
  const memory = a.exact ? undefined : memoryOf(db);
  const key = memory ? keyOf(db, table, a) : '';
  const seen = memory?.get(key);
  const known = !!seen && seen.generation === generation && Date.now() - seen.at <= CAPPED_TOTAL_MS;
  const readAt = generation; // a write answered while the page is read makes its count stale
  return {
    column: known ? sql<number>`${capOf(a) + 1}::int`.mapWith(Number) : cappedCount(db, table, a),
    async of(n, got) {
      const page = { ...a, got };
      const t = n === undefined ? await pagedTotal(db, table, page) : totalOf(n, page);
      if (memory && t.totalCapped && !known && readAt === generation) {
        if (memory.size >= MAX_REMEMBERED) memory.clear();
        memory.set(key, { at: Date.now(), generation: readAt });
      }
      return t;
    },
  };
}

function memoryOf(db: Db): Remembered {
  let m = remembered.get(db);
  if (!m) remembered.set(db, (m = new Map() as Remembered));
  return m;
}

// The count's own SQL and parameters: the same filter and cap count the same matches.
function keyOf(db: Db, table: PgTable, a: { where: SQL | undefined; offset: number; pageSize: number }): string {
  const q = db
    .select({ n: count() })
    .from(upTo(db, table, a))
    .toSQL();
  return `${q.sql}\u0000${JSON.stringify(q.params)}`;
}

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
