// The complete export at scale (issue 15 point 7, Speed: "full export of that database streams with
// bounded memory"). For each size: a fresh PostgreSQL database, bootstrapped, the desk seeded with set-
// based SQL (lib/desk-seed.ts: tickets and their SLA clocks), then the product's own startExport in
// this process — one snapshot read through cursors, the .zip streamed to a temporary file, then stored
// in the database in 1 MiB pieces. Measured: rows and bytes per second, and the process's resident
// memory sampled every 50 ms against its level just before the export (after a GC). Meanwhile another
// connection reads the export's row every second, as another node would, and counts the distinct
// progress values it saw. Not part of `npm run bench`.
//   BENCH_DATABASE_URL=postgres://… node --expose-gc bench/export.ts [tickets…]   (default 100000 1000000)
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { bootstrap } from '../src/server/bootstrap.ts';
import { startExport } from '../src/server/modules/handover/exports.ts';
import { hoExports } from '../src/server/modules/handover/tables.ts';
import { ensureAllSeries, moduleMigrations, registryOf } from '../src/server/site.ts';
import { cleanupAll, onCleanup } from './lib/cleanup.ts';
import { seedDesk } from './lib/desk-seed.ts';
import { freshDb } from './lib/seed.ts';
import { benchCtx } from './lib/session.ts';

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) throw new Error('set BENCH_DATABASE_URL (a PostgreSQL server where a database may be created)');
const sizes = process.argv.slice(2).map(Number);
const MB = 1024 * 1024;

async function one(total: number): Promise<void> {
  const bdb = await freshDb(url!);
  onCleanup(`${bdb.label} export database`, () => bdb.drop());
  const ctx = benchCtx(bdb.database, randomBytes(32), 'bench-export');
  await bdb.database.migrate(moduleMigrations(registryOf()));
  await ensureAllSeries(bdb.database, registryOf());
  await bootstrap(ctx, { adminPassword: 'Admin-Pass-1', demo: false, demoPassword: null });
  const s0 = performance.now();
  const seeded = await seedDesk(bdb.database, { total, open: Math.round(total / 10), now: new Date() });
  console.log(
    `seeded ${seeded.tickets.toLocaleString('en')} tickets, ${seeded.clocks.toLocaleString('en')} clocks in ${((performance.now() - s0) / 1000).toFixed(0)} s`,
  );

  // Another connection, as another node: the export's row, once a second.
  const watcher = await bdb.database.pool!.connect();
  globalThis.gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const { export: e, done } = await startExport(ctx, registryOf());
  const seen = new Set<string>();
  const watch = setInterval(() => {
    void watcher
      .query<{ rows: string; written: string; current: string | null }>('SELECT rows, written, current FROM ho_exports WHERE id = $1', [
        e.id,
      ])
      .then((r) => {
        const x = r.rows[0];
        if (x && Number(x.rows) > 0) seen.add(`${x.rows}/${x.written}/${x.current}`);
      });
  }, 1000);
  await done;
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  clearInterval(watch);
  watcher.release();
  const [r] = await ctx.db.select().from(hoExports).where(eq(hoExports.id, e.id));
  if (r?.state !== 'done') throw new Error(`export ${r?.state}: ${r?.error}`);
  const size = r.size ?? 0;
  console.log(
    [
      `export of ${total.toLocaleString('en')} tickets: ${r.tablesDone} tables, ${r.rows.toLocaleString('en')} rows, ${r.files} files`,
      `package ${(size / MB).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
      `${Math.round(r.rows / seconds).toLocaleString('en')} rows/s, ${(size / MB / seconds).toFixed(2)} MB/s of package`,
      `RSS before ${(base / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB (+${((peak - base) / MB).toFixed(0)} MB)`,
      `progress values seen by another connection: ${seen.size}`,
    ].join('\n  '),
  );
  await bdb.drop();
}

try {
  for (const n of sizes.length ? sizes : [100_000, 1_000_000]) await one(n);
} finally {
  await cleanupAll();
}
