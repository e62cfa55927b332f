// pg_partman, the extension the time-series decision weighs against hand-written partition upkeep
// (docs/decisions/0008): the same table handed to `partman.create_parent` (native, daily, a week
// premade) and kept by `partman.run_maintenance`. Skipped, with the reason, when the server does not
// have the extension (Debian: `apt-get install postgresql-15-partman`; PGlite never has it).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/server/kernel/db/client.ts';
import { createTableSql, indexSql } from '../../src/server/kernel/timeseries/columns.ts';
import type { SeriesDef } from '../../src/server/kernel/timeseries/index.ts';
import { timed } from './series-work.ts';

/** Null when pg_partman can be used here, else why not. */
export async function partmanMissing(db: Db): Promise<string | null> {
  const [r] = await queryRows<{ v: string | null }>(
    db,
    sql`SELECT (SELECT default_version FROM pg_available_extensions WHERE name = 'pg_partman') AS v`,
  );
  if (!r?.v) return 'pg_partman is not installed on this PostgreSQL server (Debian: apt-get install postgresql-15-partman)';
  try {
    await db.execute(sql`CREATE SCHEMA IF NOT EXISTS partman`);
    await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman`);
  } catch (e) {
    return `CREATE EXTENSION pg_partman failed: ${(e as Error).message} (it needs a superuser)`;
  }
  return null;
}

export async function partmanVersion(db: Db): Promise<string> {
  const [r] = await queryRows<{ v: string }>(db, sql`SELECT extversion AS v FROM pg_extension WHERE extname = 'pg_partman'`);
  return r?.v ?? '?';
}

/** The parent as ensureSeries would make it (without its DEFAULT: partman makes `<name>_default`), then create_parent. */
export async function partmanCreate(db: Db, def: SeriesDef, start: Date): Promise<number> {
  await db.execute(sql.raw(createTableSql(def, true)));
  for (const ix of indexSql(def, false)) await db.execute(sql.raw(ix.sql));
  const t = await timed(() =>
    db.execute(
      sql`SELECT partman.create_parent(${`public.${def.name}`}, ${def.timeName}, 'native', 'daily', p_premake := 7, p_start_partition := ${start.toISOString()})`,
    ),
  );
  return t.ms;
}

export async function partmanMaintain(db: Db, def: SeriesDef): Promise<number> {
  return (await timed(() => db.execute(sql`SELECT partman.run_maintenance(${`public.${def.name}`})`))).ms;
}

/** Retention as pg_partman does it: drop the partitions older than `days` at the next maintenance. */
export async function partmanRetention(db: Db, def: SeriesDef, days: number): Promise<number> {
  await db.execute(
    sql`UPDATE partman.part_config SET retention = ${`${days} days`}, retention_keep_table = false WHERE parent_table = ${`public.${def.name}`}`,
  );
  return partmanMaintain(db, def);
}
