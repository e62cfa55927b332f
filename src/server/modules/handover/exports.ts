// The complete export as a job (R-CONF-04, 第八条2): started by the security administrator or the
// project manager, run in the background on the node that was asked, from one snapshot of the
// database (REPEATABLE READ) on PostgreSQL — on PGlite, whose one connection a long transaction would
// hold from every request, in short reads one after another instead (docs/operations.md) — written as a .zip streamed to a temporary file — per table CSV and JSON
// Lines, every stored file, a schema README and a manifest with counts and SHA-256 — then kept in the
// database in pieces of 1 MiB so any node can send it. Memory holds one batch of rows or one file.
// Its progress and heartbeat live in its row (progress.ts), so every node sees how far it got and an
// export cut off by a crash is found and closed.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { TExport } from '../../../common/handover.ts';
import { audit, auditAlone } from '../../kernel/audit.ts';
import { actorId, type Ctx, inTx } from '../../kernel/context.ts';
import { Conflict, NotFound } from '../../kernel/errors.ts';
import { eachBatch, eachChunk, eachStoredFile, eachStoredFileChunked, exportedColumns } from '../../kernel/export.ts';
import { NODE_ID } from '../../kernel/jobs.ts';
import { kindOf } from '../../kernel/timeseries/catalog.ts';
import type { Registry } from '../../kernel/registry.ts';
import { contractPeriod } from '../contract/api.ts';
import { csvLine, jsonLine } from './csv.ts';
import { ExportProgress, failOrphanedExports, partialPath } from './progress.ts';
import { readmeText, type ReadmeModule } from './readme.ts';
import { hoExportChunks, hoExports } from './tables.ts';
import { ZipWriter } from './zip.ts';

const CHUNK = 1 << 20;

/** Options of one export: `zip64` writes the package the ZIP64 way throughout (zip.ts). */
export interface ExportOptions {
  zip64?: boolean;
}

type Row = typeof hoExports.$inferSelect;
const toExport = (r: Row): TExport => {
  return {
    id: r.id,
    seq: r.seq,
    state: r.state as TExport['state'],
    startedByName: r.startedByName,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    tablesDone: r.tablesDone,
    tablesTotal: r.tablesTotal,
    rows: r.rows,
    files: r.files,
    written: r.written,
    current: r.current,
    heartbeatAt: r.heartbeatAt?.toISOString() ?? null,
    size: r.size,
    sha256: r.sha256,
    error: r.error,
  };
};

export async function listExports(ctx: Ctx, q: { page: number; pageSize: number }) {
  const rows = await ctx.db
    .select()
    .from(hoExports)
    .orderBy(desc(hoExports.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await ctx.db.select({ n: count() }).from(hoExports);
  return { items: rows.map(toExport), total: Number(n?.n ?? 0) };
}

async function exportRow(ctx: Ctx, id: string): Promise<Row> {
  const [r] = await ctx.db.select().from(hoExports).where(eq(hoExports.id, id));
  if (!r) throw new NotFound('handover.export_not_found', '导出任务不存在');
  return r;
}
export const getExport = async (ctx: Ctx, id: string) => toExport(await exportRow(ctx, id));

const tablesOf = (registry: Registry) => registry.modules.flatMap((m) => (m.exportTables ?? []).map((t) => ({ m, t })));

/**
 * Records a new export and starts it; one runs at a time. `done` resolves when it has finished
 * (tests wait on it; the route does not).
 */
export async function startExport(
  ctx: Ctx,
  registry: Registry,
  opts: ExportOptions = {},
): Promise<{ export: TExport; done: Promise<void> }> {
  const row = await inTx(ctx, async (tx) => {
    await tx.db.execute(sql`LOCK TABLE ${hoExports} IN SHARE ROW EXCLUSIVE MODE`);
    await failOrphanedExports(tx); // one cut off by a crash no longer blocks the next
    const [running] = await tx.db.select({ id: hoExports.id }).from(hoExports).where(eq(hoExports.state, 'running'));
    if (running) throw new Conflict('handover.export_running', '已有一个完整导出正在进行，请待其完成后再试');
    const [r] = await tx.db
      .insert(hoExports)
      .values({
        state: 'running',
        startedBy: actorId(tx),
        startedByName: tx.actor?.displayName ?? '系统',
        startedAt: tx.now(),
        tablesTotal: tablesOf(registry).length,
        node: NODE_ID,
        heartbeatAt: tx.now(),
      })
      .returning();
    await audit(tx, {
      action: 'handover.export_start',
      objectType: 'handover_export',
      objectId: r!.id,
      detail: { tables: r!.tablesTotal },
    });
    return r!;
  });
  const progress = new ExportProgress({ ...ctx, trail: undefined }, row.id);
  // Inside an outer transaction (the demo at bootstrap) nobody else could see the row before the end.
  progress.start('rollback' in ctx.db);
  const done = runExport({ ...ctx, trail: undefined }, registry, progress, opts).finally(() => progress.stop());
  return { export: toExport(row), done };
}

async function runExport(ctx: Ctx, registry: Registry, progress: ExportProgress, opts: ExportOptions): Promise<void> {
  const id = progress.id;
  const path = partialPath(id);
  try {
    const summary = await writePackage(ctx, registry, progress, path, opts);
    progress.current = null;
    await storePackage(ctx, id, path, summary);
  } catch (e) {
    ctx.log.error({ err: e, export: id }, 'complete export failed');
    // Runs in the background of the request that started it: it must never reject, even when the
    // database itself is gone (the process stopping): then the record stays "running" and says so.
    try {
      await ctx.db
        .update(hoExports)
        .set({ state: 'failed', finishedAt: ctx.now(), current: null, error: e instanceof Error ? e.message : String(e) })
        .where(eq(hoExports.id, id));
    } catch (again) {
      ctx.log.error({ err: again, export: id }, 'could not record the failed export');
    }
  } finally {
    rmSync(path, { force: true });
  }
}

interface Summary {
  tables: number;
  rows: number;
  files: number;
}

/** Where the rows come from: one snapshot (a transaction), or short reads one after the other (PGlite). */
interface Source {
  ctx: Ctx;
  table: (t: PgTable, each: (rows: Record<string, unknown>[]) => Promise<void>) => Promise<number>;
  files: (each: (f: { id: string; name: string; content: Buffer }) => Promise<void>) => Promise<number>;
}

async function writePackage(ctx: Ctx, registry: Registry, progress: ExportProgress, path: string, opts: ExportOptions): Promise<Summary> {
  const out = createWriteStream(path);
  const zip = new ZipWriter(out, ctx.now(), { zip64: opts.zip64 ?? false });
  const nested = 'rollback' in ctx.db;
  const summary =
    // PGlite has one connection, which a transaction would hold from every other request.
    !nested && (await kindOf({ db: ctx.db })) === 'pglite'
      ? // PGlite: every batch a short read of its own, so the app's other requests go on meanwhile.
        await writeEntries(registry, progress, zip, path, {
          ctx,
          table: (t, each) => eachChunk(ctx, t, each),
          files: (each) => eachStoredFileChunked(ctx, each),
        })
      : await inTx(ctx, async (tx) => {
          // One snapshot; inside an outer transaction (the demo at bootstrap) that one already is.
          if (!nested) await tx.db.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`);
          return writeEntries(registry, progress, zip, path, {
            ctx: tx,
            table: (t, each) => eachBatch(tx, t, each),
            files: (each) => eachStoredFile(tx, each),
          });
        });
  await zip.finish();
  out.end();
  await finished(out);
  progress.written = zip.written;
  return summary;
}

/**
 * Every table read once: its CSV written into the package as the rows come, its JSON Lines into a
 * temporary file beside it and copied in after, so both hold the same rows even without a snapshot.
 */
async function writeEntries(registry: Registry, progress: ExportProgress, zip: ZipWriter, path: string, src: Source): Promise<Summary> {
  const exportedAt = src.ctx.now().toISOString();
  const modules: ReadmeModule[] = [];
  const manifest: { module: string; table: string; rows: number; csvSha256: string; jsonlSha256: string }[] = [];
  const jsonlPath = `${path}.jsonl`;
  try {
    for (const m of registry.modules) {
      if (!m.exportTables?.length) continue;
      const rm: ReadmeModule = {
        id: m.id,
        zh: m.name.zh,
        en: m.name.en,
        summaryZh: m.summary?.zh ?? '',
        summaryEn: m.summary?.en ?? '',
        tables: [],
      };
      for (const t of m.exportTables) {
        const name = getTableConfig(t).name;
        const columns = exportedColumns(t);
        progress.current = `${m.id}/${name}`;
        const csvHash = createHash('sha256');
        const jsonHash = createHash('sha256');
        const jsonl = createWriteStream(jsonlPath);
        let rows = 0;
        await zip.add(`${m.id}/${name}.csv`, async (put) => {
          const head = '\ufeff' + csvLine(columns.map((c) => c.name));
          csvHash.update(head);
          await put(head);
          rows = await src.table(t, async (batch) => {
            const text = batch.map((r) => csvLine(columns.map((c) => r[c.name]))).join('');
            csvHash.update(text);
            await put(text);
            const lines = batch.map(jsonLine).join('');
            jsonHash.update(lines);
            if (!jsonl.write(lines)) await once(jsonl, 'drain');
            progress.rows += batch.length;
            progress.written = zip.written;
          });
        });
        jsonl.end();
        await finished(jsonl);
        await zip.add(`${m.id}/${name}.jsonl`, async (put) => {
          for await (const piece of createReadStream(jsonlPath, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) await put(piece);
        });
        rm.tables.push({ table: name, rows, columns });
        manifest.push({ module: m.id, table: name, rows, csvSha256: csvHash.digest('hex'), jsonlSha256: jsonHash.digest('hex') });
        progress.tablesDone++;
        progress.written = zip.written;
      }
      modules.push(rm);
    }
  } finally {
    rmSync(jsonlPath, { force: true });
  }
  progress.current = 'files';
  const fileCount = await src.files(async (f) => {
    await zip.add(`files/${f.id}/${f.name.replace(/[\\/]/g, '_')}`, (put) => put(f.content));
    progress.files++;
    progress.written = zip.written;
  });
  const c = await contractPeriod(src.ctx);
  const contract = c ? `${c.number} ${c.title}（${c.agencyName} / ${c.contractorName}）` : '—';
  await zip.add('README.md', (put) => put(readmeText({ exportedAt, contract, modules, files: fileCount })));
  const man = { exportedAt, contract, tables: manifest, files: fileCount };
  await zip.add('manifest.json', (put) => put(JSON.stringify(man, null, 2) + '\n'));
  return { tables: manifest.length, rows: progress.rows, files: fileCount };
}

/** Copies the package into the database in pieces, then marks the export done. */
async function storePackage(ctx: Ctx, id: string, path: string, s: Summary): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  await ctx.db.delete(hoExportChunks).where(eq(hoExportChunks.exportId, id));
  for await (const piece of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    hash.update(piece);
    size += piece.length;
    await ctx.db.insert(hoExportChunks).values({ exportId: id, seq: seq++, bytes: piece });
  }
  await inTx(ctx, async (tx) => {
    await tx.db
      .update(hoExports)
      .set({
        state: 'done',
        finishedAt: tx.now(),
        tablesDone: s.tables,
        rows: s.rows,
        files: s.files,
        written: size,
        current: null,
        heartbeatAt: tx.now(),
        size,
        sha256: hash.digest('hex'),
      })
      .where(eq(hoExports.id, id));
    await audit(tx, { action: 'handover.export_done', objectType: 'handover_export', objectId: id, detail: { ...s, size } });
  });
}

/** The package of a finished export as a stream of its pieces, audited as a download. */
export async function exportPackage(ctx: Ctx, id: string): Promise<{ name: string; size: number; stream: Readable }> {
  const r = await exportRow(ctx, id);
  if (r.state !== 'done')
    throw new Conflict('handover.export_not_done', r.state === 'destroyed' ? '该导出包已按保密要求销毁' : '导出尚未完成');
  await auditAlone(ctx, { action: 'handover.export_download', objectType: 'handover_export', objectId: id, detail: { size: r.size } });
  const db = ctx.db;
  async function* pieces() {
    for (let seq = 0; ; seq++) {
      const [c] = await db
        .select({ bytes: hoExportChunks.bytes })
        .from(hoExportChunks)
        .where(and(eq(hoExportChunks.exportId, id), eq(hoExportChunks.seq, seq)));
      if (!c) return;
      yield Buffer.from(c.bytes);
    }
  }
  return { name: `数据移交包-${String(r.seq).padStart(3, '0')}.zip`, size: r.size ?? 0, stream: Readable.from(pieces()) };
}
