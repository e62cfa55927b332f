// ensureSeries: the table, its indexes and (PostgreSQL) its partitions for the days ahead, created at
// start-up if missing. Idempotent and quiet: the catalog is read first and only what is missing is
// run, under the series' lock, so a restart of a busy node takes no lock that would stall inserts.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { addColumnSql, createTableSql, indexSql, q } from './columns.ts';
import { columnNames, existing, kindOf, layoutOf, partitions, underLock, type Layout, type SeriesTarget } from './catalog.ts';
import { AHEAD_DAYS, defaultPartitionName, partitionName, periodOf, type Period, type SeriesDef } from './define.ts';

export interface Ensured {
  layout: Layout;
  /** Partitions this call created (names). */
  created: string[];
}

/** The DDL still to run, in order (table, DEFAULT partition, added columns, indexes). */
async function missingDdl(db: Db, def: SeriesDef, layout: Layout): Promise<string[]> {
  const partitioned = layout === 'partitioned';
  const current = await layoutOf(db, def);
  if (current && current !== layout)
    throw new Error(
      `时序表 ${def.name} 已存在但不是${partitioned ? '分区表' : '普通表'} ` +
        `(series table ${def.name} exists but is not ${layout}; move its rows to a new table by hand)`,
    );
  const out: string[] = [];
  if (!current) out.push(createTableSql(def, partitioned));
  const d = defaultPartitionName(def);
  const indexes = indexSql(def, partitioned);
  const have = await existing(db, [d, ...indexes.map((i) => i.name)]);
  // Rows outside every partition land in DEFAULT instead of failing the insert (docs/decisions/0008).
  if (partitioned && !have.has(d)) out.push(`CREATE TABLE IF NOT EXISTS ${q(d)} PARTITION OF ${q(def.name)} DEFAULT`);
  if (current) out.push(...addColumnSql(def, await columnNames(db, def)));
  out.push(...indexes.filter((i) => !have.has(i.name)).map((i) => i.sql));
  return out;
}

/**
 * Creates the series if missing (partitioned by day on PostgreSQL, a plain table on PGlite), adds
 * columns a newer version of the table declares, its indexes, and on PostgreSQL the partitions from
 * today to AHEAD_DAYS ahead. Safe to call from several nodes at once and on every start.
 */
export async function ensureSeries(target: SeriesTarget, def: SeriesDef, now: Date = new Date()): Promise<Ensured> {
  const layout: Layout = (await kindOf(target)) === 'postgresql' ? 'partitioned' : 'plain';
  const db = target.db;
  if ((await missingDdl(db, def, layout)).length)
    await underLock(db, def, async (tx) => {
      for (const ddl of await missingDdl(tx, def, layout)) await tx.execute(sql.raw(ddl));
    });
  const created = layout === 'partitioned' ? await createPartitions(db, def, periodOf(def, now).from, aheadEnd(def, now)) : [];
  return { layout, created };
}

/** The end of the last partition kept ready: the period holding now + AHEAD_DAYS. */
export function aheadEnd(def: SeriesDef, now: Date): Date {
  return periodOf(def, new Date(now.getTime() + AHEAD_DAYS * 86_400_000)).to;
}

/** The parts of [from, to) that no existing range covers. */
function gaps(from: number, to: number, ranges: { from: number; to: number }[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let at = from;
  for (const r of [...ranges].sort((a, b) => a.from - b.from)) {
    if (r.to <= at || r.from >= to) continue;
    if (r.from > at) out.push({ from: at, to: r.from });
    at = Math.max(at, r.to);
  }
  if (at < to) out.push({ from: at, to });
  return out;
}

async function ranges(db: Db, def: SeriesDef): Promise<{ from: number; to: number }[]> {
  return (await partitions(db, def)).filter((x) => x.from && x.to).map((x) => ({ from: x.from!.getTime(), to: x.to!.getTime() }));
}

const uncovered = (p: Period, have: { from: number; to: number }[]): Period[] =>
  gaps(p.from.getTime(), p.to.getTime(), have).map((g) => ({ from: new Date(g.from), to: new Date(g.to) }));

/**
 * One partition per period in [from, to) that is not yet covered, each in its own short transaction
 * under the series' lock (which re-reads the partitions). Rows of that range already in DEFAULT move
 * into it in the same transaction. The partition is built apart and then attached: ATTACH takes a
 * SHARE UPDATE EXCLUSIVE lock on the parent (inserts go on), CREATE TABLE … PARTITION OF an ACCESS
 * EXCLUSIVE one.
 */
export async function createPartitions(db: Db, def: SeriesDef, from: Date, to: Date): Promise<string[]> {
  const created: string[] = [];
  const have = await ranges(db, def);
  for (let at = from; at < to; at = periodOf(def, at).to) {
    const p = periodOf(def, at);
    if (!uncovered(p, have).length) continue;
    const names = await underLock(db, def, async (tx) => {
      const made: string[] = [];
      for (const g of uncovered(p, await ranges(tx, def))) made.push(await attachNew(tx, def, g));
      return made;
    });
    created.push(...names);
  }
  return created;
}

async function attachNew(tx: Db, def: SeriesDef, g: Period): Promise<string> {
  const name = partitionName(def, g.from);
  const [a, b] = [`'${g.from.toISOString()}'`, `'${g.to.toISOString()}'`];
  const t = q(def.timeName);
  const cols = [...(await columnNames(tx, def))].map(q).join(', ');
  await tx.execute(sql.raw(`CREATE TABLE ${q(name)} (LIKE ${q(def.name)} INCLUDING DEFAULTS)`));
  await tx.execute(
    sql.raw(
      `WITH moved AS (DELETE FROM ${q(defaultPartitionName(def))} WHERE ${t} >= ${a} AND ${t} < ${b} RETURNING ${cols}) ` +
        `INSERT INTO ${q(name)} (${cols}) SELECT ${cols} FROM moved`,
    ),
  );
  await tx.execute(sql.raw(`ALTER TABLE ${q(def.name)} ATTACH PARTITION ${q(name)} FOR VALUES FROM (${a}) TO (${b})`));
  return name;
}
