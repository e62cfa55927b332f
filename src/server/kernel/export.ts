// The complete export (数据移交): every module's own tables, as its manifest lists them, written as
// JSON Lines with a manifest of counts and checksums — what the agency takes away at the contract's
// end or hands to the next contractor. One snapshot (REPEATABLE READ) so the files agree with each
// other; credentials (password hashes, TOTP and robot secrets, token hashes) are never written.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { gt, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { inTx, type Ctx } from './context.ts';
import { queryRows } from './db/client.ts';
import { files } from './db/tables.ts';
import type { Registry } from './registry.ts';

const SECRET_COLUMN = /password|totp|secret|token_hash|sealed/i;
const BATCH = 5000;

export interface ExportedTable {
  table: string;
  rows: number;
  sha256: string;
}
export interface ExportManifest {
  exportedAt: string;
  modules: { id: string; zh: string; en: string; tables: ExportedTable[] }[];
}

/** A column of an exported table: its name and its SQL type (for the schema README). */
export interface ExportedColumn {
  name: string;
  type: string;
  notNull: boolean;
}

/**
 * The columns a complete export writes of a table: every one but credentials and binary contents
 * (a stored file's bytes go out as a file of their own, not as a JSON array of numbers).
 */
export function exportedColumns(table: PgTable): ExportedColumn[] {
  return getTableConfig(table)
    .columns.filter((c) => !SECRET_COLUMN.test(c.name) && c.getSQLType() !== 'bytea')
    .map((c) => ({ name: c.name, type: c.getSQLType(), notNull: c.notNull }));
}

let cursorSeq = 0;

/**
 * Reads a table's exported columns in key order, BATCH rows at a time through a server-side cursor
 * (no OFFSET, so a million rows cost one pass), calling `each` with every batch. Must run inside a
 * transaction (a cursor lives in one); only one batch is ever held in memory.
 */
export async function eachBatch(tx: Ctx, table: PgTable, each: (rows: Record<string, unknown>[]) => Promise<void>): Promise<number> {
  const cfg = getTableConfig(table);
  const cols = exportedColumns(table);
  const keyCols = cfg.columns.filter((c) => c.primary).map((c) => c.name);
  const order = keyCols.length ? keyCols : (cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? cols.map((c) => c.name));
  const select = sql.join(
    cols.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const orderBy = sql.join(
    order.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const cursor = sql.identifier(`yw_export_${++cursorSeq}`);
  await tx.db.execute(sql`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${select} FROM ${sql.identifier(cfg.name)} ORDER BY ${orderBy}`);
  let rows = 0;
  for (;;) {
    const batch = await queryRows<Record<string, unknown>>(tx.db, sql`FETCH ${sql.raw(String(BATCH))} FROM ${cursor}`);
    if (batch.length) await each(batch);
    rows += batch.length;
    if (batch.length < BATCH) break;
  }
  await tx.db.execute(sql`CLOSE ${cursor}`);
  return rows;
}

/** The key a table is read in order of: its primary key's columns (every exported table has one). */
function keyOf(table: PgTable): { name: string; type: string }[] {
  const cfg = getTableConfig(table);
  const keyCols = cfg.columns.filter((c) => c.primary);
  const names = keyCols.length ? keyCols.map((c) => c.name) : (cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? []);
  const key = names.length ? cfg.columns.filter((c) => names.includes(c.name)) : cfg.columns;
  // In the key's own order (a composite key's columns as declared in it).
  key.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
  return key.map((c) => ({ name: c.name, type: c.getSQLType() }));
}

/** Lets what waits for the database (other requests) go first between two short reads. */
const yieldTurn = () => new Promise<void>((r) => setImmediate(r));

/**
 * As eachBatch, but without a transaction: each batch is one short query of its own, resumed after
 * the last key read (keyset paging), with a turn for other requests between two. For PGlite, whose
 * single connection a long transaction would hold from every request until it ended. The batches do
 * not share a snapshot: a row written meanwhile is read if its key comes after the last one read.
 */
export async function eachChunk(ctx: Ctx, table: PgTable, each: (rows: Record<string, unknown>[]) => Promise<void>): Promise<number> {
  const cfg = getTableConfig(table);
  const cols = exportedColumns(table);
  const key = keyOf(table);
  const select = sql.join(
    [
      ...cols.map((c) => sql.identifier(c.name)),
      ...key.map((k, i) => sql`${sql.identifier(k.name)}::text AS ${sql.identifier(`__k${i}`)}`),
    ],
    sql`, `,
  );
  const keyList = sql.join(
    key.map((k) => sql.identifier(k.name)),
    sql`, `,
  );
  let last: string[] | null = null;
  let rows = 0;
  for (;;) {
    await yieldTurn();
    const after: SQL = last
      ? sql`WHERE (${keyList}) > (${sql.join(
          key.map((k, i) => sql`CAST(${last![i]} AS ${sql.raw(k.type)})`),
          sql`, `,
        )})`
      : sql``;
    const batch = await queryRows<Record<string, unknown>>(
      ctx.db,
      sql`SELECT ${select} FROM ${sql.identifier(cfg.name)} ${after} ORDER BY ${keyList} LIMIT ${sql.raw(String(BATCH))}`,
    );
    const tail = batch.at(-1);
    if (tail) last = key.map((_, i) => String(tail[`__k${i}`]));
    for (const r of batch) for (let i = 0; i < key.length; i++) delete r[`__k${i}`];
    if (batch.length) await each(batch);
    rows += batch.length;
    if (batch.length < BATCH) break;
  }
  return rows;
}

const FILE_BATCH = 20;

/** As eachStoredFile without a transaction: FILE_BATCH files per short query, after the last id read. */
export async function eachStoredFileChunked(
  ctx: Ctx,
  each: (f: { id: string; name: string; content: Buffer }) => Promise<void>,
): Promise<number> {
  let last: string | null = null;
  let n = 0;
  for (;;) {
    await yieldTurn();
    const batch: { id: string; name: string; content: Uint8Array }[] = await ctx.db
      .select({ id: files.id, name: files.name, content: files.content })
      .from(files)
      .where(last ? gt(files.id, last) : undefined)
      .orderBy(files.id)
      .limit(FILE_BATCH);
    for (const f of batch) await each({ id: f.id, name: f.name, content: Buffer.from(f.content) });
    n += batch.length;
    if (batch.length < FILE_BATCH) break;
    last = batch.at(-1)!.id;
  }
  return n;
}

/**
 * Every stored file with its content, in id order, FILE_BATCH at a time through a cursor (inside a
 * transaction): what a complete export writes beside the tables' rows. Answers how many.
 */
export async function eachStoredFile(tx: Ctx, each: (f: { id: string; name: string; content: Buffer }) => Promise<void>): Promise<number> {
  const cursor = sql.identifier(`yw_export_${++cursorSeq}`);
  await tx.db.execute(
    sql`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${files.id} AS id, ${files.name} AS name, ${files.content} AS content FROM ${files} ORDER BY ${files.id}`,
  );
  let n = 0;
  for (;;) {
    const batch = await queryRows<{ id: string; name: string; content: Uint8Array }>(
      tx.db,
      sql`FETCH ${sql.raw(String(FILE_BATCH))} FROM ${cursor}`,
    );
    for (const f of batch) await each({ id: f.id, name: f.name, content: Buffer.from(f.content) });
    n += batch.length;
    if (batch.length < FILE_BATCH) break;
  }
  await tx.db.execute(sql`CLOSE ${cursor}`);
  return n;
}

async function exportTable(tx: Ctx, table: PgTable, file: string): Promise<ExportedTable> {
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  const rows = await eachBatch(tx, table, async (batch) => {
    for (const r of batch) {
      const line = JSON.stringify(r) + '\n';
      hash.update(line);
      if (!out.write(line)) await once(out, 'drain');
    }
  });
  out.end();
  await finished(out);
  return { table: getTableConfig(table).name, rows, sha256: hash.digest('hex') };
}

/** Writes <dir>/<module>/<table>.jsonl for every module's exportTables, and <dir>/manifest.json. */
export async function exportModules(ctx: Ctx, registry: Registry, dir: string): Promise<ExportManifest> {
  return inTx(ctx, async (tx) => {
    await tx.db.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    const manifest: ExportManifest = { exportedAt: tx.now().toISOString(), modules: [] };
    for (const m of registry.modules) {
      if (!m.exportTables?.length) continue;
      mkdirSync(join(dir, m.id), { recursive: true });
      const tables: ExportedTable[] = [];
      for (const t of m.exportTables) tables.push(await exportTable(tx, t, join(dir, m.id, `${getTableConfig(t).name}.jsonl`)));
      manifest.modules.push({ id: m.id, zh: m.name.zh, en: m.name.en, tables });
    }
    const out = createWriteStream(join(dir, 'manifest.json'));
    out.end(JSON.stringify(manifest, null, 2) + '\n');
    await finished(out);
    return manifest;
  });
}
