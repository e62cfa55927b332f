// The events' INSERT on PostgreSQL (and PGlite): one statement per batch, one array parameter per
// column, `INSERT … SELECT * FROM unnest($1::uuid[], $2::timestamptz[], …)`. Measured against the
// kernel's JSON form (one jsonb parameter for all rows, jsonb_populate_recordset): building a column
// array literal costs Node a join, not an object per row and a JSON.stringify of it, and PostgreSQL
// reads an array of text faster than it parses and unpacks jsonb (docs/performance.md, ingest).
// The arrays are sent as text literals cast on the server, so both drivers bind them the same way.
import { getTableColumns, sql, type Column, type SQL } from 'drizzle-orm';
import type { StoredEvent } from './merge.ts';
import { evtEvents } from './series.ts';

type Key = keyof StoredEvent;

const columns = Object.entries(getTableColumns(evtEvents) as Record<string, Column>).map(([key, c]) => ({
  key: key as Key,
  name: c.name,
  type: c.getSQLType(),
}));

/** An element of an array literal: NULL, or the text in double quotes with `\` and `"` escaped. */
function element(v: string | number | boolean | Date | null | undefined): string {
  if (v === null || v === undefined) return 'NULL';
  const s = v instanceof Date ? v.toISOString() : String(v);
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

/** `{…}`: one column of the rows as a PostgreSQL array literal. */
export function arrayLiteral(values: readonly (string | number | boolean | Date | null | undefined)[]): string {
  return `{${values.map(element).join(',')}}`;
}

const into = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));

/** The INSERT of new event rows (merged counts and last seen already set). */
export function insertEvents(rows: readonly StoredEvent[]): SQL {
  const arrays = columns.map((c) => sql`${arrayLiteral(rows.map((r) => r[c.key]))}::text::${sql.raw(c.type)}[]`);
  return sql`INSERT INTO evt_events (${into}) SELECT * FROM unnest(${sql.join(arrays, sql`, `)})`;
}
