// The batched hand-off from a collector to the database (ARCHITECTURE.md principle 5: ingestion
// buffers and applies back-pressure instead of dropping). Rows are accepted into memory, written in
// batches of batchSize (one transaction each), a partial batch after flushMs; a failed write keeps its
// rows at the head of the buffer and is retried with exponential backoff, in order, one write at a time.
import { performance } from 'node:perf_hooks';
import type { Ctx } from '../context.ts';
import { inTx } from '../context.ts';
import { DEFAULTS, shortError, type CollectorSink } from './types.ts';

export interface WriterOptions {
  /** The context writes run in (database handle, clock, logger). */
  ctx: Ctx;
  retryMs: { min: number; max: number };
  /** Called after every write, with the error of a failed one. */
  onWrite?: (error: unknown) => void;
}

/** What the runner needs of a writer: this one (rows in memory) or spool-writer.ts (rows on disk). */
export interface RowWriter<Row> {
  /** Rows left at stop() are kept (on disk) for the next start, not lost. */
  readonly durable: boolean;
  /** Resolves once the writer can accept rows (a spool is open). */
  ready(): Promise<void>;
  emit(rows: Row[]): Promise<void>;
  flushed(): Promise<void>;
  paused(): boolean;
  resumed(): Promise<void>;
  drain(timeoutMs: number): Promise<number>;
  oldestAgeMs(): number;
  readonly queued: number;
  readonly written: number;
  lastError: string | null;
  lastFlushAt: Date | null;
  failing: boolean;
}

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

export class Writer<Row> implements RowWriter<Row> {
  readonly durable = false;
  private readonly rows: Row[] = [];
  /** Acceptance time (monotonic ms) of each buffered row, parallel to rows. */
  private readonly at: number[] = [];
  private readonly batchSize: number;
  private readonly flushMs: number;
  private readonly highWater: number;
  /** Rows accepted since start; rows committed since start. */
  private accepted = 0;
  private committed = 0;
  private readonly room = new Room();
  private flushWaiters: Waiter[] = [];
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private delay = 0;
  private closed = false;
  /** Set while draining: write partial batches at once and do not sleep past the deadline. */
  private urgent = false;
  lastError: string | null = null;
  lastFlushAt: Date | null = null;
  failing = false;
  private readonly sink: CollectorSink<Row>;
  private readonly opts: WriterOptions;

  constructor(sink: CollectorSink<Row>, opts: WriterOptions) {
    this.sink = sink;
    this.opts = opts;
    this.batchSize = sink.batchSize ?? DEFAULTS.batchSize;
    this.flushMs = sink.flushMs ?? DEFAULTS.flushMs;
    this.highWater = sink.highWater ?? DEFAULTS.highWater;
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }
  get queued(): number {
    return this.rows.length;
  }
  get written(): number {
    return this.committed;
  }
  paused(): boolean {
    return this.rows.length >= this.highWater;
  }
  /** Age of the oldest row not yet committed; 0 when the buffer is empty. */
  oldestAgeMs(): number {
    const first = this.at[0];
    return first === undefined ? 0 : Math.max(0, Math.round(performance.now() - first));
  }

  async emit(rows: Row[]): Promise<void> {
    while (this.paused() && !this.closed) await this.resumed();
    if (this.closed) throw new Error('collector stopped: rows not accepted');
    if (rows.length === 0) return;
    const t = performance.now();
    for (const r of rows) {
      this.rows.push(r);
      this.at.push(t);
    }
    this.accepted += rows.length;
    this.schedule();
  }

  resumed(): Promise<void> {
    return !this.paused() || this.closed ? Promise.resolve() : this.room.wait();
  }

  flushed(): Promise<void> {
    if (this.committed >= this.accepted) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('collector stopped before these rows were written'));
    const upTo = this.accepted;
    const p = new Promise<void>((resolve, reject) => this.flushWaiters.push({ upTo, resolve, reject }));
    this.kick();
    return p;
  }

  /**
   * Writes everything accepted, retrying until done or until timeoutMs has passed; then refuses new
   * rows. Returns the number of rows left unwritten (0 when drained).
   */
  async drain(timeoutMs: number): Promise<number> {
    this.urgent = true;
    const deadline = performance.now() + timeoutMs;
    this.kick();
    while (this.rows.length > 0 && performance.now() < deadline) {
      this.kick();
      await sleep(Math.min(deadline - performance.now(), 20));
    }
    this.closed = true;
    this.clearTimer();
    this.room.wake(); // emits still waiting now fail instead of hanging
    await this.writing;
    const lost = new Error('collector stopped before these rows were written');
    for (const w of this.flushWaiters)
      if (w.upTo <= this.committed) w.resolve();
      else w.reject(lost);
    this.flushWaiters = [];
    return this.rows.length;
  }

  /** Writes a batch now if one is due, else arms the timer for when the oldest row is due. */
  private schedule(): void {
    if (this.writing || this.closed) return;
    if (this.rows.length >= this.batchSize || this.urgent || this.flushWaiters.length > 0) {
      this.kick();
      return;
    }
    if (!this.timer && this.rows.length > 0) {
      const wait = Math.max(0, this.flushMs - this.oldestAgeMs());
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick();
      }, wait);
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private kick(): void {
    if (this.writing || this.rows.length === 0 || this.closed) return;
    this.clearTimer();
    this.writing = this.writeLoop().finally(() => {
      this.writing = null;
      this.schedule();
    });
  }

  private async writeLoop(): Promise<void> {
    while (this.rows.length > 0 && !this.closed) {
      const due = this.rows.length >= this.batchSize || this.urgent || this.flushWaiters.length > 0 || this.oldestAgeMs() >= this.flushMs;
      if (!due) return;
      const batch = this.rows.slice(0, this.batchSize);
      try {
        await inTx(this.opts.ctx, (tx) => this.sink.write(tx, batch));
      } catch (e) {
        this.failing = true;
        this.lastError = shortError(e);
        this.opts.onWrite?.(e);
        this.delay = this.delay === 0 ? this.opts.retryMs.min : Math.min(this.delay * 2, this.opts.retryMs.max);
        await sleep(this.urgent ? Math.min(this.delay, 100) : this.delay);
        continue;
      }
      this.rows.splice(0, batch.length);
      this.at.splice(0, batch.length);
      this.committed += batch.length;
      this.lastFlushAt = this.opts.ctx.now();
      this.failing = false;
      this.delay = 0;
      this.opts.onWrite?.(null);
      this.flushWaiters = this.flushWaiters.filter((w) => (w.upTo <= this.committed ? (w.resolve(), false) : true));
      if (!this.paused()) this.room.wake();
    }
  }
}

/** Emits waiting for room below the high water mark (or the spool's limit). */
export class Room {
  private waiting: (() => void)[] = [];
  wait(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
