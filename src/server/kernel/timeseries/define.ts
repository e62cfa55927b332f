// A time series: an append-only table of measurements or events, declared once by the module that
// owns it (ARCHITECTURE.md, "Measurements and events go to append-only tables through the kernel's
// time-series helper"). The table is an ordinary Drizzle `pgTable`, so the module gets typed inserts
// and selects, but it lives in a file of its own (`series.ts`), never in `tables.ts`: drizzle-kit
// does not manage it; `ensureSeries` creates it at start-up (docs/decisions/0008).
//
// Partitions are calendar days in Asia/Shanghai (the agency's day, a fixed UTC+08:00), so a daily
// report's range falls in one partition.
import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { addCalendarDays, calendarDaysBetween, dateOf, instantOf } from '../../../common/dates.ts';

/** The property name of one of the table's columns (as the module writes it: `t.at`). */
export type ColumnKey<T extends PgTable> = keyof T['_']['columns'] & string;

export interface SeriesOptions<T extends PgTable> {
  /** The table's name; partitions are `<name>_p<YYYYMMDD>`, the catch-all `<name>_pdefault`. */
  name: string;
  table: T;
  /** The `timestamp with time zone` NOT NULL column rows are partitioned and kept by. */
  timeColumn: ColumnKey<T>;
  /** Rows are kept at least this many days (等保: network logs >= 180), at most one partition more. */
  retentionDays: number;
  /** Days per partition (default 1). */
  partitionDays?: number;
  /** B-tree indexes besides the BRIN index on time, created on the parent so partitions inherit them. */
  indexes?: { columns: [ColumnKey<T>, ...ColumnKey<T>[]]; name?: string; trigram?: boolean }[];
}

export interface SeriesIndex {
  name: string;
  /** Database column names. */
  columns: string[];
  /** GIN with gin_trgm_ops (pg_trgm) on one text column: substring search (ILIKE '%…%'), Chinese included. */
  trigram?: boolean;
}

export interface SeriesDef<T extends PgTable = PgTable> {
  readonly name: string;
  readonly table: T;
  /** The time column's property name (a ColumnKey<T>; plain string so a SeriesDef<T> is a SeriesDef). */
  readonly timeColumn: string;
  /** The time column's database name. */
  readonly timeName: string;
  readonly retentionDays: number;
  readonly partitionDays: number;
  readonly indexes: readonly SeriesIndex[];
}

export class SeriesDefinitionError extends Error {
  constructor(series: string, problem: string) {
    super(`时序表 ${series} 的定义有误：${problem} (time series ${series}: ${problem})`);
    this.name = 'SeriesDefinitionError';
  }
}

/** Partition names add `_p20261206` (10) or `_pdefault` (9) to the name; PostgreSQL keeps 63 bytes. */
const MAX_NAME = 63 - 10;
/** Index names add at most this much (`_brin`, `_pdefault_time`). */
const NAME_RE = /^[a-z][a-z0-9_]*$/;

export function defineSeries<T extends PgTable>(o: SeriesOptions<T>): SeriesDef<T> {
  const fail = (problem: string): never => {
    throw new SeriesDefinitionError(o.name, problem);
  };
  if (!NAME_RE.test(o.name) || o.name.length > MAX_NAME) fail(`name must match ${String(NAME_RE)} and be at most ${MAX_NAME} characters`);
  if (getTableName(o.table) !== o.name) fail(`the table is named "${getTableName(o.table)}", not "${o.name}"`);
  const config = getTableConfig(o.table);
  if (config.schema) fail('series tables live in the default schema');
  // What a partitioned table cannot carry, or what the DDL here would silently leave out: refused.
  if (config.foreignKeys.length) fail('foreign keys are not supported (a series row outlives what it points at)');
  if (config.indexes.length) fail('declare indexes in defineSeries({ indexes }), not in the table');
  if (config.uniqueConstraints.length || config.checks.length || config.policies.length)
    fail('unique constraints, checks and policies are not supported');
  const columns = getTableColumns(o.table) as Record<string, Column>;
  for (const [key, c] of Object.entries(columns)) {
    if (c.isUnique) fail(`column ${key}: unique columns are not supported`);
    if (c.generated || c.generatedIdentity) fail(`column ${key}: generated and identity columns are not supported`);
    if (c.primary && key !== o.timeColumn)
      fail(`column ${key}: a primary key must include the time column (declare primaryKey({ columns: [...] }) with it)`);
  }
  for (const pk of config.primaryKeys)
    if (!pk.columns.some((c) => c.name === columns[o.timeColumn]?.name)) fail('the primary key must include the time column');
  const time = columns[o.timeColumn];
  if (!time) return fail(`no column ${o.timeColumn}`);
  if (!/ with time zone$/.test(time.getSQLType()) || !time.notNull) fail(`${o.timeColumn} must be timestamp with time zone, NOT NULL`);
  const partitionDays = o.partitionDays ?? 1;
  if (!Number.isInteger(o.retentionDays) || o.retentionDays < 1) fail('retentionDays must be a whole number of days >= 1');
  if (!Number.isInteger(partitionDays) || partitionDays < 1 || partitionDays > 31) fail('partitionDays must be 1..31');
  const indexes = (o.indexes ?? []).map((ix) => {
    const names = ix.columns.map((k) => columns[k]?.name ?? fail(`index on unknown column ${k}`));
    const name = ix.name ?? `${o.name}_${names.join('_')}_idx`;
    if (!NAME_RE.test(name) || name.length > 63) fail(`index name ${name} is not a valid name of at most 63 characters`);
    if (ix.trigram && names.length !== 1) fail(`index ${name}: a trigram index covers one text column`);
    return ix.trigram ? { name, columns: names, trigram: true } : { name, columns: names };
  });
  return {
    name: o.name,
    table: o.table,
    timeColumn: o.timeColumn,
    timeName: time.name,
    retentionDays: o.retentionDays,
    partitionDays,
    indexes,
  };
}

/** The time column of a series. */
export function timeOf(def: SeriesDef): Column {
  return (getTableColumns(def.table) as Record<string, Column>)[def.timeColumn]!;
}

// -------------------------------------------------------------------------------------------------
// Periods: [from, to) of `partitionDays` Shanghai days, aligned on 1970-01-01. Both databases use the
// same periods for retention, so both keep exactly the same rows (PGlite has no partitions).

export interface Period {
  from: Date;
  to: Date;
}

const EPOCH = '1970-01-01';

/** The period an instant falls in. */
export function periodOf(def: Pick<SeriesDef, 'partitionDays'>, t: Date): Period {
  const n = calendarDaysBetween(EPOCH, dateOf(t));
  const start = addCalendarDays(EPOCH, Math.floor(n / def.partitionDays) * def.partitionDays);
  return { from: instantOf(start, '00:00'), to: instantOf(addCalendarDays(start, def.partitionDays), '00:00') };
}

/**
 * Rows before this instant are past retention: the start of the period holding `now - retentionDays`.
 * So a row is kept at least `retentionDays` days and at most `partitionDays` more, on both databases.
 */
export function retentionCutoff(def: Pick<SeriesDef, 'partitionDays' | 'retentionDays'>, now: Date): Date {
  return periodOf(def, new Date(now.getTime() - def.retentionDays * 86_400_000)).from;
}

/** `<name>_p20261206`: the Shanghai date the partition starts on. */
export function partitionName(def: Pick<SeriesDef, 'name'>, from: Date): string {
  return `${def.name}_p${dateOf(from).replace(/-/g, '')}`;
}

export const defaultPartitionName = (def: Pick<SeriesDef, 'name'>): string => `${def.name}_pdefault`;

/** How far ahead partitions are kept ready: a week, so a worker that stops for days loses nothing. */
export const AHEAD_DAYS = 7;
