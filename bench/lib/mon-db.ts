// A bench database for the monitoring parts: fresh (bench/lib/seed.ts: the modules' migrations and
// time series applied as a node starts), and the system's context on it with a clock the bench moves.
import type { Ctx } from '../../src/server/kernel/context.ts';
import { freshDb, type BenchDb } from './seed.ts';
import { benchCtx } from './session.ts';

export interface MonDb {
  bench: BenchDb;
  ctx: Ctx;
  /** Moves the context's clock (ms). */
  advance(ms: number): void;
}

export async function monitoringDb(url: string | null, start: Date = new Date()): Promise<MonDb> {
  const bench = await freshDb(url);
  let now = start.getTime();
  const ctx: Ctx = { ...benchCtx(bench.database, Buffer.alloc(32, 7), 'bench'), now: () => new Date(now) };
  return { bench, ctx, advance: (ms) => void (now += ms) };
}
