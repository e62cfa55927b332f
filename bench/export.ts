// The complete export at scale (issue 15 point 7, Speed: "full export of that database streams with
// bounded memory"). For each size: a fresh PostgreSQL database, bootstrapped, the desk seeded with set-
// based SQL (lib/desk-seed.ts: tickets and their SLA clocks), then the product's own startExport in
// this process — one snapshot read through cursors, the .zip streamed to a temporary file, then stored
// in the database in 1 MiB pieces. Measured: rows and bytes per second, and the process's resident
// memory sampled every 50 ms against its level just before the export (after a GC). Meanwhile another
// connection reads the export's row every second, as another node would, and counts the distinct
// progress values it saw. Not part of `npm run bench`; rewrites only its own section of
// docs/performance.md (between the export-bench markers), keeping the reading written below it.
//   BENCH_DATABASE_URL=postgres://… node --expose-gc bench/export.ts [tickets…]   (default 100000 1000000)
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as prettier from 'prettier';
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
const DOC = new URL('../docs/performance.md', import.meta.url);
const [BEGIN, END] = ['<!-- export-bench:begin -->', '<!-- export-bench:end -->'];
const measured: string[] = [];

async function one(total: number): Promise<void> {
  const bdb = await freshDb(url!);
  onCleanup(`${bdb.label} export database`, () => bdb.drop());
  const ctx = benchCtx(bdb.database, randomBytes(32), 'bench-export');
  await bdb.database.migrate(moduleMigrations(registryOf()));
  await ensureAllSeries(bdb.database, registryOf());
  await bootstrap(ctx, { adminPassword: 'Admin-Pass-1', demo: false, demoPassword: null });
  const s0 = performance.now();
  const seeded = await seedDesk(bdb.database, { total, open: Math.round(total / 10), now: new Date() });
  const seeding = (performance.now() - s0) / 1000;
  console.log(
    `seeded ${seeded.tickets.toLocaleString('en')} tickets, ${seeded.clocks.toLocaleString('en')} clocks in ${seeding.toFixed(0)} s`,
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
  const n = (x: number) => x.toLocaleString('en');
  measured.push(
    `| ${n(total)} | ${seeding.toFixed(0)} s | ${n(r.rows)} | ${(size / MB).toFixed(1)} MB | ${seconds.toFixed(1)} s | ${n(Math.round(r.rows / seconds))} | ${(size / MB / seconds).toFixed(2)} | ${(base / MB).toFixed(0)} → ${(peak / MB).toFixed(0)} MB (+${((peak - base) / MB).toFixed(0)} MB) | ${seen.size} |`,
  );
  await bdb.drop();
}

/** Replaces the section between the markers (the reading written after END stays as it is). */
async function writeSection(): Promise<void> {
  const md = [
    BEGIN,
    '## Complete export (issue 15)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`node --expose-gc bench/export.ts ${sizes.join(' ')}\` (1-minute load average ${loadavg()[0]!.toFixed(1)} at the end, 2 cores shared with other work): a fresh PostgreSQL database, bootstrapped with every module's migrations, the desk seeded with set-based SQL (\`bench/lib/desk-seed.ts\`: tickets and their SLA clocks, a tenth open), then the product's own \`startExport\` in the bench's process: one REPEATABLE READ snapshot read through cursors in batches of 5,000 rows, each table read once and written as CSV into a .zip streamed to a temporary file while its JSON Lines go to a file beside it and are copied in after, then the package stored in the database in 1 MiB pieces. The resident set size (RSS) is sampled every 50 ms against its level just before the export (after a GC); another connection reads the export's row once a second, as another node would.`,
    '',
    '| tickets | seeding | rows exported | package | export time | rows/s | MB/s of package | RSS before → peak | progress seen by another connection |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :--- | ---: |',
    ...measured,
    END,
  ].join('\n');
  const doc = readFileSync(DOC, 'utf8');
  const [i, j] = [doc.indexOf(BEGIN), doc.indexOf(END)];
  if (i < 0 || j < i) throw new Error(`docs/performance.md has no ${BEGIN} … ${END} section`);
  const text = doc.slice(0, i) + md + doc.slice(j + END.length);
  writeFileSync(DOC, await prettier.format(text, { ...((await prettier.resolveConfig(DOC.pathname)) ?? {}), filepath: DOC.pathname }));
  console.log(`wrote ${DOC.pathname}`);
}

try {
  if (!sizes.length) sizes.push(100_000, 1_000_000);
  for (const n of sizes) await one(n);
  await writeSection();
} finally {
  await cleanupAll();
}
