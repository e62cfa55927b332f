// Where the persist path of the event ingest spends its time (issue 13, "Speed"): the stages of one
// batch timed apart on a fresh PostgreSQL database, so docs/performance.md can say which one to fix.
//   node bench/ingest-stages.ts   (BENCH_DATABASE_URL or TEST_DATABASE_URL; BENCH_STAGES_ROWS, 40000)
// Rows: the ingest bench's lines (bench/lib/ingest-peers.ts) through normalise(), in the sink's
// batches of 2,000. Per stage, milliseconds per 1,000 events: parsing in Node; the whole store write
// (events/store.ts writeEvents, as the receiver's sink runs it, in a transaction); then the statements
// of the write alone and the same INSERT with the trigram index removed, so the index's share shows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { inTx } from '../src/server/kernel/context.ts';
import { queryRows } from '../src/server/kernel/db/client.ts';
import { normalise, type EventRow } from '../src/server/modules/events/normalise.ts';
import { writeEvents } from '../src/server/modules/events/store.ts';
import { linesFile } from './lib/ingest-peers.ts';
import { monitoringDb } from './lib/mon-db.ts';

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL or TEST_DATABASE_URL');
const N = Number(process.env.BENCH_STAGES_ROWS ?? 40_000);
const BATCH = 2000;
const dir = mkdtempSync(join(tmpdir(), 'yw-stages-'));
const file = await linesFile(dir, 10_000);
const lines = readFileSync(file).toString('latin1').split('\n').filter(Boolean);
const m = await monitoringDb(url);
const per1k = (ms: number, n: number) => ((ms / n) * 1000).toFixed(1);
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};

try {
  // Rows received over the last minutes, one per line, as the receiver makes them.
  const t0 = Date.now() - 10 * 60_000;
  let rows: EventRow[] = [];
  const parseMs = await time(async () => {
    rows = Array.from({ length: N }, (_, i) =>
      normalise(Buffer.from(lines[i % lines.length]!, 'latin1'), '127.0.0.1', undefined, new Date(t0 + i * 10)),
    );
  });
  console.log(`parse+normalise: ${per1k(parseMs, N)} ms per 1,000`);
  const batches = (rs: EventRow[]) => Array.from({ length: Math.ceil(rs.length / BATCH) }, (_, i) => rs.slice(i * BATCH, (i + 1) * BATCH));
  const write = async (rs: EventRow[]) => {
    let ms = 0;
    for (const b of batches(rs)) ms += await time(() => inTx(m.ctx, (tx) => writeEvents(tx, b)));
    return ms;
  };
  const stored = async () =>
    ((await queryRows<{ n: number }>(m.ctx.db, sql`SELECT count(*)::int AS n FROM evt_events`)) as [{ n: number }])[0].n;
  // Half the rows with the trigram index on the message (as the series declares it, if it does)…
  const ix = await queryRows<{ n: number }>(
    m.ctx.db,
    sql`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname LIKE '%trgm%' AND tablename LIKE 'evt_events%'`,
  );
  const withMs = await write(rows.slice(0, N / 2));
  const rowsA = await stored();
  console.log(`writeEvents, ${ix[0]!.n} trigram indexes on evt_events*: ${per1k(withMs, N / 2)} ms per 1,000 events (${rowsA} rows)`);
  // …the other half without any (dropped on the parent: the partitions' go with it)…
  for (const r of await queryRows<{ i: string }>(
    m.ctx.db,
    sql`SELECT indexname AS i FROM pg_indexes WHERE indexname LIKE '%trgm%' AND tablename = 'evt_events'`,
  ))
    await m.ctx.db.execute(sql.raw(`DROP INDEX IF EXISTS "${r.i}"`));
  const withoutMs = await write(rows.slice(N / 2));
  const rowsB = (await stored()) - rowsA;
  console.log(`writeEvents, no trigram index: ${per1k(withoutMs, N / 2)} ms per 1,000 events (${rowsB} rows)`);
  // …and the index built in one go over all the rows, as a closed day's partition would be.
  const buildMs = await time(() => m.ctx.db.execute(sql`CREATE INDEX evt_trgm_bulk ON evt_events USING gin (message gin_trgm_ops)`));
  console.log(`CREATE INDEX (trigram) over ${rowsA + rowsB} rows: ${per1k(buildMs, rowsA + rowsB)} ms per 1,000 rows`);
} finally {
  await m.bench.drop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
