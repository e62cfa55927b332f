// One collector in one process: its writer, its poll rounds or its listener, its health. Global work
// runs only on shards this node holds a lease on (leases.ts); local work runs on every node.
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR, type Ctx } from '../context.ts';
import type { Membership } from './leases.ts';
import { shardOf } from './shards.ts';
import { DEFAULTS, shortError, type CollectorContext, type CollectorDef, type CollectorHealth, type CollectorState } from './types.ts';
import { join } from 'node:path';
import { SpoolWriter } from './spool-writer.ts';
import { Writer, type RowWriter } from './writer.ts';

export interface RunnerDeps {
  base: Omit<CollectorContext<unknown>, 'signal' | 'emit' | 'flushed' | 'paused' | 'resumed' | 'log' | 'count'>;
  log: Logger;
  membership: Membership;
  /** Shards of this collector (1 for a collector without targets). */
  shards: number;
  retryMs: { min: number; max: number };
  /** Aborted when the runtime stops. */
  stopping: AbortSignal;
}

/** Waits ms, or less if the signal aborts first; never throws. */
const pause = (ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }).catch(() => undefined);

export class Runner {
  readonly def: CollectorDef;
  readonly writer: RowWriter<unknown>;
  private readonly deps: RunnerDeps;
  private readonly log: Logger;
  private readonly ctx: Ctx;
  final: CollectorState | null = null;
  private begun = false;
  private started = false;
  private startFailing = false;
  private lastError: string | null = null;
  private handled: number | undefined;
  /** Poller schedule: how late the last round started, and when the next one is due (monotonic ms). */
  private lateMs = 0;
  private nextDue: number | null = null;
  private inRound = false;
  /** The poll loop or, for a listener, the run of the listener (null when not running). */
  private work: Promise<void> | null = null;
  private writeFailures = 0;
  private readonly counters: Record<string, number> = {};
  private attempted: () => void = () => undefined;
  /** Resolves after a local listener's first start attempt (listening or in backoff); at once for others. */
  readonly firstAttempt = new Promise<void>((resolve) => (this.attempted = resolve));

  constructor(def: CollectorDef, deps: RunnerDeps) {
    this.def = def;
    this.deps = deps;
    this.log = deps.log.child({ collector: def.id });
    this.ctx = {
      db: deps.base.db,
      actor: SYSTEM_ACTOR,
      ip: null,
      requestId: `collector:${def.id}`,
      now: deps.base.now,
      log: this.log,
      keys: deps.base.keys,
    };
    const w = { ctx: this.ctx, retryMs: deps.retryMs, onWrite: (e: unknown) => this.onWrite(e) };
    const site = deps.base.site;
    const spool = site?.spool ?? { dir: join(site?.dataDir ?? 'data', 'spool'), maxBytes: DEFAULTS.spoolMaxBytes };
    this.writer = def.sink.spool
      ? new SpoolWriter(def.sink, { ...w, dir: join(spool.dir, def.id), collectorId: def.id, maxBytes: spool.maxBytes })
      : new Writer(def.sink, w);
  }

  private get global(): boolean {
    return this.def.scope === 'global';
  }

  private onWrite(e: unknown): void {
    if (e) {
      this.lastError = this.writer.lastError;
      // One warning per streak of failures (the database may be restarting), then one line on recovery.
      // The error's text only: a failed query's error holds the whole batch as parameters.
      if (this.writeFailures++ === 0)
        this.log.warn({ error: this.lastError, queued: this.writer.queued }, 'collector write failed; retrying');
    } else if (this.writeFailures > 0) {
      this.log.info({ failures: this.writeFailures }, 'collector writes resumed');
      this.writeFailures = 0;
    }
  }

  private context(signal: AbortSignal): CollectorContext<unknown> {
    const w = this.writer;
    return {
      ...this.deps.base,
      log: this.log,
      signal,
      emit: (rows) => w.emit(rows),
      flushed: () => w.flushed(),
      paused: () => w.paused(),
      resumed: () => w.resumed(),
      count: (name, n = 1) => {
        this.counters[name] = (this.counters[name] ?? 0) + n;
      },
    };
  }

  start(): void {
    this.begun = true;
    if (this.def.kind !== 'listener' || this.global) this.attempted();
    if (this.def.kind === 'listener' && this.global) {
      this.started = true; // a global listener waits for its lease (sync)
      this.handled = 0;
      this.sync();
      return;
    }
    this.work = (this.def.kind === 'poller' ? this.pollLoop() : this.listenLocal()).finally(() => {
      this.work = null;
    });
  }

  /** After each membership round: a global listener starts where the lease is held, stops where lost. */
  sync(): void {
    if (this.def.kind !== 'listener' || !this.global || !this.begun || this.work || this.deps.stopping.aborted) return;
    const m = this.deps.membership;
    if (!m.holds(this.def.id, 0)) return;
    const signal = AbortSignal.any([this.deps.stopping, m.signal(this.def.id, 0)!]);
    this.work = m
      .track(this.def.id, 0, () => this.listen(signal))
      .catch((e: unknown) => this.startFailed(e))
      .finally(() => {
        this.work = null;
      });
  }

  /** Starts the listener, keeps it until the signal aborts, then stops it. */
  private async listen(signal: AbortSignal, onStarted?: () => void): Promise<void> {
    await this.writer.ready();
    const handle = await this.def.start!(this.context(signal));
    this.startFailing = false;
    this.started = true;
    onStarted?.();
    this.handled = this.global ? 1 : undefined;
    try {
      if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    } finally {
      this.handled = this.global ? 0 : undefined;
      await handle.stop().catch((e: unknown) => this.log.warn({ err: e }, 'collector listener stop failed'));
    }
  }

  private startFailed(e: unknown): void {
    this.startFailing = true;
    this.lastError = shortError(e);
    this.log.warn({ err: e }, 'collector listener start failed; retrying');
  }

  private async listenLocal(): Promise<void> {
    let wait = this.deps.retryMs.min;
    while (!this.deps.stopping.aborted) {
      try {
        await this.listen(this.deps.stopping, () => this.attempted());
        return;
      } catch (e) {
        this.startFailed(e);
        this.attempted();
        await pause(wait, this.deps.stopping);
        wait = Math.min(wait * 2, this.deps.retryMs.max);
      }
    }
  }

  private async pollLoop(): Promise<void> {
    const interval = this.def.intervalMs!;
    let due = performance.now();
    while (!this.deps.stopping.aborted) {
      const wait = due - performance.now();
      if (wait > 0) await pause(wait, this.deps.stopping);
      if (this.deps.stopping.aborted) break;
      const now = performance.now();
      this.lateMs = Math.max(0, Math.round(now - due));
      if (now - due > interval) due = now; // rounds missed while late are skipped, not run back to back
      due += interval;
      this.nextDue = due;
      this.started = true;
      this.inRound = true;
      try {
        await this.round();
      } finally {
        this.inRound = false;
      }
    }
  }

  private async round(): Promise<void> {
    const def = this.def;
    let targets: { key: string; target: unknown }[] = [{ key: '', target: undefined }];
    if (def.targets) {
      try {
        targets = await def.targets(this.ctx, this.deps.base.nodeId);
      } catch (e) {
        this.lastError = shortError(e);
        this.log.warn({ err: e }, 'collector targets could not be read');
        return;
      }
    }
    const m = this.deps.membership;
    let handled = 0;
    const one = async (t: { key: string; target: unknown }): Promise<void> => {
      if (this.deps.stopping.aborted) return;
      if (!this.global) {
        handled++;
        return this.pollOne(t.target, this.deps.stopping);
      }
      const shard = def.targets ? shardOf(def.id, t.key, this.deps.shards) : 0;
      // Checked right before the poll starts and counted at once (no await in between), so a lease
      // that ends is never released under a poll that is running.
      if (!m.holds(def.id, shard)) return;
      handled++;
      const signal = AbortSignal.any([this.deps.stopping, m.signal(def.id, shard)!]);
      return m.track(def.id, shard, () => this.pollOne(t.target, signal));
    };
    await eachLimited(targets, def.concurrency ?? DEFAULTS.concurrency, one);
    this.handled = handled;
  }

  private async pollOne(target: unknown, signal: AbortSignal): Promise<void> {
    try {
      await this.writer.ready();
      await this.def.poll!(this.context(signal), target);
    } catch (e) {
      if (signal.aborted) return; // stopped or lease ended: not a failure of the target
      this.lastError = shortError(e);
      this.log.debug({ err: e }, 'collector poll failed');
    }
  }

  /** Waits for the poll loop or the listener to end (after the stopping signal). */
  async settle(): Promise<void> {
    while (this.work) await this.work.catch(() => undefined);
  }

  health(nodeId: string): CollectorHealth {
    const w = this.writer;
    let state: CollectorState;
    if (this.final) state = this.final;
    else if (this.deps.stopping.aborted) state = 'stopping';
    else if (w.failing || this.startFailing) state = 'backoff';
    else state = this.started ? 'running' : 'starting';
    const overdue = this.inRound && this.nextDue !== null ? Math.max(0, Math.round(performance.now() - this.nextDue)) : 0;
    const h: CollectorHealth = {
      id: this.def.id,
      node: nodeId,
      state,
      lagMs: Math.max(w.oldestAgeMs(), this.lateMs, overdue),
      queued: w.queued,
      written: w.written,
      lastFlushAt: w.lastFlushAt?.toISOString() ?? null,
      lastError: this.lastError,
    };
    if (this.handled !== undefined) h.targets = this.handled;
    // Spool segments cut short by a record torn in a kill (what followed it in that segment is skipped).
    if (w instanceof SpoolWriter && w.torn > 0) this.counters.spool_torn = w.torn;
    if (Object.keys(this.counters).length) h.counters = { ...this.counters };
    return h;
  }
}

/** Runs fn over items with at most `limit` at once. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
