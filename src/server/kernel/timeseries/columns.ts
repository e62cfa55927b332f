// The DDL and the insert of a series, generated from its Drizzle table: each column's SQL type
// (`getSQLType()`), NOT NULL and default, so the module's `pgTable` is the one description of it.
import { getTableColumns, is, sql, SQL, type Column } from 'drizzle-orm';
import { getTableConfig, PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import { defaultPartitionName, type SeriesDef } from './define.ts';

export interface ColumnPlan {
  key: string;
  name: string;
  sqlType: string;
  notNull: boolean;
  /** The column's default as SQL text, or null. */
  defaultSql: string | null;
  /** serial / bigserial: always numbered by the database, left out of inserts. */
  serial: boolean;
  /** A default computed in Node (`$defaultFn`, or a plain value), applied to rows that lack it. */
  jsDefault: (() => unknown) | null;
}

const dialect = new PgDialect();
export const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** SQL text with its parameters written in as literals (for DDL, which takes no parameters). */
export const inline = (s: SQL): string => dialect.sqlToQuery(sql`${s}`.inlineParams()).sql;

const plans = new WeakMap<PgTable, ColumnPlan[]>();

export function columnPlans(table: PgTable): ColumnPlan[] {
  let p = plans.get(table);
  if (p) return p;
  p = Object.entries(getTableColumns(table) as Record<string, Column>).map(([key, c]) => {
    const sqlType = c.getSQLType();
    const value: unknown = c.default;
    const fn = c.defaultFn;
    return {
      key,
      name: c.name,
      sqlType,
      notNull: c.notNull,
      defaultSql: is(value, SQL) ? inline(value) : value === undefined ? null : inline(sql`${sql.param(value, c)}`),
      serial: /^(small|big)?serial$/.test(sqlType),
      jsDefault: fn ? () => fn() : value !== undefined && !is(value, SQL) ? () => value : null,
    };
  });
  plans.set(table, p);
  return p;
}

function columnDdl(c: ColumnPlan): string {
  return `${q(c.name)} ${c.sqlType}${c.notNull ? ' NOT NULL' : ''}${c.defaultSql !== null ? ` DEFAULT ${c.defaultSql}` : ''}`;
}

/** `CREATE TABLE IF NOT EXISTS`: partitioned by range of time (PostgreSQL) or plain (PGlite). */
export function createTableSql(def: SeriesDef, partitioned: boolean): string {
  const plansOf = columnPlans(def.table);
  const config = getTableConfig(def.table);
  const pk =
    config.primaryKeys[0]?.columns.map((c) => c.name) ??
    Object.values(getTableColumns(def.table) as Record<string, Column>)
      .filter((c) => c.primary)
      .map((c) => c.name);
  const parts = plansOf.map(columnDdl);
  if (pk.length) parts.push(`PRIMARY KEY (${pk.map(q).join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS ${q(def.name)} (${parts.join(', ')})${partitioned ? ` PARTITION BY RANGE (${q(def.timeName)})` : ''}`;
}

/** Columns a later version of the table added, for `ALTER TABLE … ADD COLUMN`. */
export function addColumnSql(def: SeriesDef, existing: ReadonlySet<string>): string[] {
  return columnPlans(def.table)
    .filter((c) => !existing.has(c.name))
    .map((c) => `ALTER TABLE ${q(def.name)} ADD COLUMN IF NOT EXISTS ${columnDdl(c)}`);
}

/**
 * The indexes every series has: BRIN on time (32 pages per range: a range is then minutes to hours of
 * rows, not the default 128 pages, which on an embedded site's few rows a day spans most of a day),
 * the declared b-trees; on PostgreSQL a b-tree on time in the DEFAULT partition (few rows, searched
 * by time when maintenance adopts them into partitions).
 */
export function indexSql(def: SeriesDef, partitioned: boolean): { name: string; sql: string }[] {
  const brin = `${def.name}_brin`;
  const out = [
    {
      name: brin,
      sql: `CREATE INDEX IF NOT EXISTS ${q(brin)} ON ${q(def.name)} USING brin (${q(def.timeName)}) WITH (pages_per_range = 32)`,
    },
  ];
  for (const ix of def.indexes)
    out.push({
      name: ix.name,
      sql: ix.trigram
        ? `CREATE INDEX IF NOT EXISTS ${q(ix.name)} ON ${q(def.name)} USING gin (${q(ix.columns[0]!)} gin_trgm_ops)`
        : `CREATE INDEX IF NOT EXISTS ${q(ix.name)} ON ${q(def.name)} (${ix.columns.map(q).join(', ')})`,
    });
  if (partitioned) {
    const d = defaultPartitionName(def);
    out.push({ name: `${d}_time`, sql: `CREATE INDEX IF NOT EXISTS ${q(`${d}_time`)} ON ${q(d)} (${q(def.timeName)})` });
  }
  return out;
}

/** Rows with the Node-side defaults applied where they are missing (as Drizzle's own insert does). */
export function withJsDefaults<R extends object>(table: PgTable, rows: R[]): R[] {
  const fill = columnPlans(table).filter((c) => c.jsDefault);
  if (!fill.length) return rows;
  return rows.map((r) => {
    const rec = r as Record<string, unknown>;
    if (fill.every((c) => rec[c.key] !== undefined)) return r;
    const o = { ...rec };
    for (const c of fill) if (o[c.key] === undefined) o[c.key] = c.jsDefault!();
    return o as R;
  });
}
