// The hand-off of a collector whose sink asks for a spool (`sink.spool`): emit() resolves once the rows
// are on disk (spool.ts, fsync'd), not in memory; the writer reads them back in order and writes each
// batch in ONE transaction that also moves the spool's high-water mark (settings row
// `collector.spool:<collector>:<spool id>`). The mark is read under a row lock inside that transaction
// and records at or below it are skipped, so a batch retried after a commit whose answer was lost, or
// replayed after a kill -9, is written exactly once. Bounded: above maxBytes on disk, emit() waits
// and paused() is true (a TCP listener stops reading, UDP drops and counts).
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { inTx } from '../context.ts';
import { settings } from '../db/tables.ts';
import { cmpPos, decodeRow, encodeRow, Spool, type Pos, type SpoolRecord } from './spool.ts';
import { DEFAULTS, shortError, type CollectorSink } from './types.ts';
import { Room, sleep, type RowWriter, type WriterOptions } from './writer.ts';

export interface SpoolWriterOptions extends WriterOptions {
  /** This collector's spool directory. */
  dir: string;
  collectorId: string;
  /** Bytes on disk above which emit() waits. */
  maxBytes: number;
}

const ZERO: Pos = { seg: 0, off: 0 };

export class SpoolWriter<Row> implements RowWriter<Row> {
  readonly durable = true;
  private spool: Spool | null = null;
  private opening: Promise<Spool> | null = null;
  /** Committed high-water mark, once read from the database. */
  private mark: Pos | null = null;
  private batch: { records: SpoolRecord[]; next: Pos } | null = null;
  /** Records appended by this process, records committed by it, records found from before it started. */
  private appended = 0;
  private committed = 0;
  private backlog = 0;
  /** End of the last durable append, and acceptance times (monotonic) of appends not yet committed. */
  private tail: Pos = ZERO;
  private ages: { end: Pos; t: number }[] = [];
  private readonly room = new Room();
  private flushWaiters: { upTo: Pos; resolve: () => void; reject: (e: Error) => void }[] = [];
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private delay = 0;
  private closed = false;
  private urgent = false;
  lastError: string | null = null;
  lastFlushAt: Date | null = null;
  failing = false;
  private readonly batchSize: number;
  private readonly flushMs: number;
  private readonly sink: CollectorSink<Row>;
  private readonly opts: SpoolWriterOptions;

  constructor(sink: CollectorSink<Row>, opts: SpoolWriterOptions) {
    this.sink = sink;
    this.opts = opts;
    this.batchSize = sink.batchSize ?? DEFAULTS.batchSize;
    this.flushMs = sink.flushMs ?? DEFAULTS.flushMs;
  }

  /** Opens the spool (a failure is the listener's start failure, retried); then writes what it holds. */
  async ready(): Promise<void> {
    if (this.spool) return;
    const segmentBytes = Math.max(64 << 10, Math.min(16 << 20, Math.floor(this.opts.maxBytes / 8)));
    this.opening ??= Spool.open(this.opts.dir, segmentBytes).finally(() => (this.opening = null));
    const spool = await this.opening;
    if (this.spool) return; // another caller finished opening first
    this.spool = spool;
    this.tail = { seg: this.spool.current, off: 0 };
    this.ages.push({ end: { seg: this.spool.current, off: 0 }, t: performance.now() });
    this.kick();
  }

  /** Something spooled is not yet committed (by position: the counts below are for health only). */
  private get pending(): boolean {
    return !this.mark || cmpPos(this.mark, this.tail) < 0;
  }
  get queued(): number {
    return this.pending ? Math.max(0, this.backlog + this.appended - this.committed) : 0;
  }
  get written(): number {
    return this.committed;
  }
  /** Segments cut short by a torn record (a kill during a write). */
  get torn(): number {
    return this.spool?.torn ?? 0;
  }
  paused(): boolean {
    return (this.spool?.bytes ?? 0) >= this.opts.maxBytes;
  }
  oldestAgeMs(): number {
    if (!this.pending || !this.ages.length) return 0;
    return Math.max(0, Math.round(performance.now() - this.ages[0]!.t));
  }

  async emit(rows: Row[]): Promise<void> {
    await this.ready();
    while (this.paused() && !this.closed) await this.resumed();
    if (this.closed) throw new Error('collector stopped: rows not accepted');
    if (rows.length === 0) return;
    const end = await this.spool!.append(rows.map(encodeRow));
    this.appended += rows.length;
    if (cmpPos(end, this.tail) > 0) this.tail = end;
    const t = performance.now();
    const last = this.ages.at(-1);
    if (last && t - last.t < 100) last.end = end;
    else this.ages.push({ end, t });
    this.schedule();
  }

  resumed(): Promise<void> {
    return !this.paused() || this.closed ? Promise.resolve() : this.room.wait();
  }

  flushed(): Promise<void> {
    const upTo = this.tail;
    if (this.mark && cmpPos(this.mark, upTo) >= 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('collector stopped before these rows were written'));
    const p = new Promise<void>((resolve, reject) => this.flushWaiters.push({ upTo, resolve, reject }));
    this.kick();
    return p;
  }

  /** Writes what it can until timeoutMs; what is left stays in the spool for the next start. */
  async drain(timeoutMs: number): Promise<number> {
    this.urgent = true;
    const deadline = performance.now() + timeoutMs;
    while (this.pending && performance.now() < deadline) {
      this.kick();
      await sleep(Math.min(deadline - performance.now(), 20));
    }
    this.closed = true;
    this.clearTimer();
    this.room.wake();
    await this.writing;
    const kept = new Error('collector stopped; these rows stay in the spool until the next start');
    for (const w of this.flushWaiters)
      if (this.mark && cmpPos(this.mark, w.upTo) >= 0) w.resolve();
      else w.reject(kept);
    this.flushWaiters = [];
    await this.spool?.close();
    return this.pending ? Math.max(1, this.queued) : 0;
  }

  private due(): boolean {
    if (!this.mark) return true;
    if (!this.pending) return false;
    return this.queued >= this.batchSize || this.urgent || this.flushWaiters.length > 0 || this.oldestAgeMs() >= this.flushMs;
  }

  private schedule(): void {
    if (this.writing || this.closed || !this.spool) return;
    if (this.due()) return this.kick();
    if (!this.timer && this.pending) {
      this.timer = setTimeout(
        () => {
          this.timer = null;
          this.kick();
        },
        Math.max(0, this.flushMs - this.oldestAgeMs()),
      );
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private kick(): void {
    if (this.writing || this.closed || !this.spool) return;
    if (this.mark && !this.pending) return;
    this.clearTimer();
    this.writing = this.writeLoop().finally(() => {
      this.writing = null;
      this.schedule();
    });
  }

  private get key(): string {
    return `collector.spool:${this.opts.collectorId}:${this.spool!.id}`;
  }

  /** The committed mark from the database, and how many records from before this start follow it. */
  private async loadMark(): Promise<void> {
    const { ctx } = this.opts;
    await ctx.db.insert(settings).values({ key: this.key, value: ZERO, updatedAt: ctx.now() }).onConflictDoNothing();
    const [r] = await ctx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, this.key));
    const mark = r!.value as Pos;
    let n = 0;
    for (let at = mark; ;) {
      const { records, next } = await this.spool!.read(at, 10_000);
      n += records.filter((x) => x.end.seg < this.spool!.current).length;
      if (!records.length || records.at(-1)!.end.seg >= this.spool!.current) break;
      at = next;
    }
    this.backlog = n;
    this.mark = mark;
  }

  private async writeLoop(): Promise<void> {
    while (!this.closed) {
      if (this.mark && !this.due()) return;
      let n = 0;
      try {
        if (!this.mark) await this.loadMark();
        this.batch ??= await this.spool!.read(this.mark!, this.batchSize);
        const { records, next } = this.batch;
        if (records.length) {
          const rows = records.map((r) => decodeRow(r.payload) as Row);
          n = await inTx(this.opts.ctx, async (tx) => {
            const [m] = await tx.db.select({ value: settings.value }).from(settings).where(eq(settings.key, this.key)).for('update');
            const done = (m?.value ?? ZERO) as Pos;
            const fresh = rows.filter((_, i) => cmpPos(records[i]!.end, done) > 0);
            if (fresh.length) await this.sink.write(tx, fresh);
            await tx.db.update(settings).set({ value: next, updatedAt: tx.now() }).where(eq(settings.key, this.key));
            return records.length;
          });
        }
        this.advance(next, n);
        // Awaited: the next read must not open a segment this deletes.
        await this.spool!.release(next).catch((e: unknown) => this.opts.ctx.log.warn({ err: e }, 'spool segments not deleted'));
        if (!this.paused()) this.room.wake();
      } catch (e) {
        this.failing = true;
        this.lastError = shortError(e);
        this.opts.onWrite?.(e);
        this.delay = this.delay === 0 ? this.opts.retryMs.min : Math.min(this.delay * 2, this.opts.retryMs.max);
        await sleep(this.urgent ? Math.min(this.delay, 100) : this.delay);
        continue;
      }
    }
  }

  /** After a commit up to `next` (n records): counts, waiters, ages, and the segments now done. */
  private advance(next: Pos, n: number): void {
    this.batch = null;
    this.mark = next;
    this.committed += n;
    if (n > 0) {
      this.lastFlushAt = this.opts.ctx.now();
      this.failing = false;
      this.delay = 0;
      this.opts.onWrite?.(null);
    }
    while (this.ages.length && cmpPos(this.ages[0]!.end, next) <= 0) this.ages.shift();
    this.flushWaiters = this.flushWaiters.filter((w) => (cmpPos(w.upTo, next) <= 0 ? (w.resolve(), false) : true));
  }
}
