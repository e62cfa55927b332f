// Rows inserted from one JSON parameter (jsonb_populate_record / jsonb_populate_recordset) instead of
// one bind parameter per value: for the product's hot single-statement writes (createTicket), where
// building a statement of ~100 parameters cost Node more than running it (docs/performance.md). The
// statement text then depends on the table only, not on how many rows go in.
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

type Row<T extends PgTable> = T['$inferInsert'];

const columnsOf = new WeakMap<PgTable, [key: string, name: string][]>();
function columns(table: PgTable): [string, string][] {
  let c = columnsOf.get(table);
  if (!c) columnsOf.set(table, (c = Object.entries(getTableColumns(table)).map(([key, col]) => [key, col.name])));
  return c;
}

/** The rows as JSON keyed by column name, in the forms PostgreSQL reads (timestamps as ISO text). */
function json<T extends PgTable>(table: T, rows: Row<T>[]): string {
  const cols = columns(table);
  return JSON.stringify(
    rows.map((r) => {
      const o: Record<string, unknown> = {};
      for (const [key, name] of cols) {
        const v = (r as Record<string, unknown>)[key];
        if (v !== undefined) o[name] = v instanceof Date ? v.toISOString() : v;
      }
      return o;
    }),
  );
}

/**
 * `INSERT INTO table (every column but those left to their default) SELECT … FROM
 * jsonb_populate_recordset(NULL::table, $rows)`: one parameter for all the rows. `computed` gives SQL
 * for columns the statement computes (over the record `r`); `defaults` names columns left to the
 * database's default (a serial id).
 */
export function insertFromJson<T extends PgTable>(
  table: T,
  rows: Row<T>[],
  opts: { computed?: Partial<Record<keyof Row<T> & string, SQL>>; defaults?: (keyof Row<T> & string)[]; returning?: SQL } = {},
): SQL {
  const name = getTableName(table);
  const cols = columns(table).filter(([key]) => !opts.defaults?.includes(key as keyof Row<T> & string));
  const computed = (opts.computed ?? {}) as Record<string, SQL | undefined>;
  const into = sql.raw(cols.map(([, n]) => `"${n}"`).join(', '));
  const select = sql.join(
    cols.map(([key, n]) => computed[key] ?? sql.raw(`r."${n}"`)),
    sql`, `,
  );
  return sql`INSERT INTO ${sql.identifier(name)} (${into}) SELECT ${select} FROM jsonb_populate_recordset(NULL::${sql.identifier(name)}, ${json(table, rows)}::jsonb) AS r${opts.returning ? sql` RETURNING ${opts.returning}` : sql``}`;
}
