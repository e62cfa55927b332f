// Writing and reading series rows. Writes: one INSERT per batch, every row in one JSON parameter
// (insertFromJson), so a collector's batch of thousands of rows is one statement whose text depends
// on the table only. Reads: a half-open time range on the time column, written so PostgreSQL prunes
// partitions (plain comparisons of the partition key with values, no function around the column).
import { and, asc, desc, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { insertFromJson } from '../db/json-insert.ts';
import { Invalid } from '../errors.ts';
import { columnPlans, q, withJsDefaults } from './columns.ts';
import { timeOf, type SeriesDef } from './define.ts';

interface InsertPlan {
  computed: Record<string, SQL>;
  defaults: string[];
}
const insertPlans = new WeakMap<PgTable, InsertPlan>();

/** Database defaults for missing values (`COALESCE` with the default), serial columns left out. */
function insertPlan(table: PgTable): InsertPlan {
  let p = insertPlans.get(table);
  if (!p) {
    const cols = columnPlans(table);
    p = {
      computed: Object.fromEntries(
        cols.filter((c) => c.defaultSql !== null && !c.jsDefault).map((c) => [c.key, sql.raw(`COALESCE(r.${q(c.name)}, ${c.defaultSql})`)]),
      ),
      defaults: cols.filter((c) => c.serial).map((c) => c.key),
    };
    insertPlans.set(table, p);
  }
  return p;
}

/**
 * Appends rows in one statement; returns how many. All or none: a row that breaks a constraint fails
 * the batch. A row of any time is accepted: outside the partitions it goes to DEFAULT (0008).
 * A missing value takes the column's default; so does an explicit null where the column has one.
 */
export async function appendRows<T extends PgTable>(ctx: { db: Db }, def: SeriesDef<T>, rows: T['$inferInsert'][]): Promise<number> {
  if (!rows.length) return 0;
  const p = insertPlan(def.table);
  await ctx.db.execute(
    insertFromJson(def.table, withJsDefaults(def.table, rows), {
      computed: p.computed as Partial<Record<keyof T['$inferInsert'] & string, SQL>>,
      defaults: p.defaults as (keyof T['$inferInsert'] & string)[],
    }),
  );
  return rows.length;
}

function checkRange(from: Date, to: Date): void {
  if (!(from instanceof Date) || !(to instanceof Date) || !(from.getTime() < to.getTime()))
    throw new Invalid('series.range', '时间范围无效：开始时间必须早于结束时间');
}

/** `time >= from AND time < to`: the condition for any select on the series (aggregates included). */
export function inRange(def: SeriesDef, from: Date, to: Date): SQL {
  checkRange(from, to);
  const t = timeOf(def);
  return and(gte(t, from), lt(t, to))!;
}

export interface RangeOptions {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** More conditions on the rows (a target, a severity). */
  where?: SQL;
  /** By time; newest first by default. */
  order?: 'asc' | 'desc';
  /** At most this many rows (default 1,000, at most 100,000): every list is paginated. */
  limit?: number;
}

export const MAX_RANGE_ROWS = 100_000;

/** The rows of [from, to), ordered by time. */
export async function rangeQuery<T extends PgTable>(ctx: { db: Db }, def: SeriesDef<T>, o: RangeOptions): Promise<T['$inferSelect'][]> {
  const limit = o.limit ?? 1000;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RANGE_ROWS)
    throw new Invalid('series.limit', `每次最多读取 ${MAX_RANGE_ROWS} 条记录`);
  const t = timeOf(def);
  const table: PgTable = def.table; // as the plain table type: Drizzle's select cannot be typed over a generic one
  const rows: unknown = await ctx.db
    .select()
    .from(table)
    .where(and(inRange(def, o.from, o.to), o.where))
    .orderBy(o.order === 'asc' ? asc(t) : desc(t))
    .limit(limit);
  return rows as T['$inferSelect'][];
}
