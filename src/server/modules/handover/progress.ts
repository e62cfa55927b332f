// How far a complete export has got, kept in its database row so any node (or the process that comes
// after a crash) sees it: tables and rows done, files, bytes written, the part being written, and a
// heartbeat from the process that runs it. Written at most once a second, never two writes at once
// (on PGlite a write waits for the export's snapshot to end, and the next is skipped until it lands).
//
// Crash recovery: an export marked running whose owner is gone — not this process, and either a
// process of this host that no longer exists or silent for STALE_MS — becomes failed with the reason
// 导出中断：服务重启, its partial file and stored pieces removed, so a new one can start. Checked at every
// start (the module's seed), every minute (a global job), and before a new export is refused.
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { NODE_ID } from '../../kernel/jobs.ts';
import { hoExportChunks, hoExports } from './tables.ts';

/** How often the progress and heartbeat are written. */
export const BEAT_MS = 1000;
/** A running export whose heartbeat is older than this has lost its process. */
export const STALE_MS = 2 * 60_000;
export const INTERRUPTED = '导出中断：服务重启';

/** The exports this process runs now. */
const mine = new Set<string>();

/** Where an export writes its package before it is stored. */
export const partialPath = (id: string) => join(tmpdir(), `yunwei-export-${id}.zip`);

export interface Counts {
  tablesDone: number;
  rows: number;
  files: number;
  written: number;
  current: string | null;
}

/** The live counts of one export and their writer to its row. */
export class ExportProgress implements Counts {
  tablesDone = 0;
  rows = 0;
  files = 0;
  written = 0;
  current: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> | null = null;

  private readonly ctx: Ctx;
  readonly id: string;

  constructor(ctx: Ctx, id: string) {
    this.ctx = ctx;
    this.id = id;
  }

  /** Claims the export for this process and, unless `quiet` (inside an outer transaction), beats. */
  start(quiet = false): void {
    mine.add(this.id);
    if (!quiet) this.timer = setInterval(() => void this.flush(), BEAT_MS);
  }

  /** Writes the counts and the heartbeat, unless the previous write has not landed yet. */
  flush(): Promise<void> {
    if (this.pending) return this.pending;
    const { tablesDone, rows, files, written, current } = this;
    this.pending = this.ctx.db
      .update(hoExports)
      .set({ tablesDone, rows, files, written, current, heartbeatAt: this.ctx.now() })
      .where(and(eq(hoExports.id, this.id), eq(hoExports.state, 'running')))
      .then(
        () => undefined,
        (err: unknown) => this.ctx.log.warn({ err, export: this.id }, 'export progress not written'),
      )
      .finally(() => (this.pending = null));
    return this.pending;
  }

  /** Stops beating (the last write lands first) and releases the export. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pending;
    mine.delete(this.id);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Running = { id: string; node: string | null; heartbeatAt: Date | null; startedAt: Date };

/** Whether the process that runs an export is still there. */
export function ownerAlive(r: Running, now: Date): boolean {
  if (mine.has(r.id)) return true;
  if (r.node === NODE_ID) return false; // this very process (a pid reused after a restart) does not run it
  const cut = r.node?.lastIndexOf(':') ?? -1;
  if (r.node && cut > 0 && r.node.slice(0, cut) === hostname()) {
    const pid = Number(r.node.slice(cut + 1));
    if (Number.isInteger(pid) && pid > 0 && !pidAlive(pid)) return false;
  }
  return now.getTime() - (r.heartbeatAt ?? r.startedAt).getTime() < STALE_MS;
}

/** Marks the running exports whose owner is gone as failed (see above); answers how many. */
export async function failOrphanedExports(ctx: Ctx): Promise<number> {
  const running = await ctx.db
    .select({ id: hoExports.id, node: hoExports.node, heartbeatAt: hoExports.heartbeatAt, startedAt: hoExports.startedAt })
    .from(hoExports)
    .where(eq(hoExports.state, 'running'));
  let n = 0;
  for (const r of running) {
    if (ownerAlive(r, ctx.now())) continue;
    const failed = await inTx(ctx, async (tx) => {
      const [gone] = await tx.db
        .update(hoExports)
        .set({ state: 'failed', finishedAt: tx.now(), error: INTERRUPTED, current: null })
        .where(and(eq(hoExports.id, r.id), eq(hoExports.state, 'running')))
        .returning({ id: hoExports.id });
      if (!gone) return false; // another node got there first
      await tx.db.delete(hoExportChunks).where(eq(hoExportChunks.exportId, r.id));
      await audit(tx, {
        action: 'handover.export_interrupted',
        objectType: 'handover_export',
        objectId: r.id,
        detail: { node: r.node, heartbeatAt: r.heartbeatAt?.toISOString() ?? null, reason: INTERRUPTED },
      });
      return true;
    });
    if (!failed) continue;
    rmSync(partialPath(r.id), { force: true });
    n++;
  }
  return n;
}
