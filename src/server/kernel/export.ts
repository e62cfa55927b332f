// The complete export (数据移交): every module's own tables, as its manifest lists them, written as
// JSON Lines with a manifest of counts and checksums — what the agency takes away at the contract's
// end or hands to the next contractor. One snapshot (REPEATABLE READ) so the files agree with each
// other; credentials (password hashes, TOTP and robot secrets, token hashes) are never written.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { inTx, type Ctx } from './context.ts';
import { queryRows } from './db/client.ts';
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

async function exportTable(ctx: Ctx, table: PgTable, file: string): Promise<ExportedTable> {
  const cfg = getTableConfig(table);
  const cols = cfg.columns.filter((c) => !SECRET_COLUMN.test(c.name));
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
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  let rows = 0;
  for (let offset = 0; ; offset += BATCH) {
    const batch = await queryRows<Record<string, unknown>>(
      ctx.db,
      sql`SELECT ${select} FROM ${sql.identifier(cfg.name)} ORDER BY ${orderBy} LIMIT ${BATCH} OFFSET ${offset}`,
    );
    for (const r of batch) {
      const line = JSON.stringify(r) + '\n';
      hash.update(line);
      if (!out.write(line)) await once(out, 'drain');
    }
    rows += batch.length;
    if (batch.length < BATCH) break;
  }
  out.end();
  await finished(out);
  return { table: cfg.name, rows, sha256: hash.digest('hex') };
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
