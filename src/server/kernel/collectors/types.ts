// The collector contract (issue 10, point 2): a module declares long-running listeners and pollers as
// data; the kernel's runtime (runtime.ts) runs them in processes with the `collector` role, hands their
// rows to the database in batches (writer.ts), splits global work between nodes (leases.ts) and
// publishes their health. See docs/collectors.md.
import type { Logger } from 'pino';
import type { Ctx } from '../context.ts';
import type { Keyring } from '../crypto.ts';
import type { Database, Db } from '../db/client.ts';

/**
 * global: each target (or, for a collector without targets, the collector itself) is handled by exactly
 *         one live collector node at a time; local: every collector node runs it (a syslog listener).
 */
export type Scope = 'global' | 'local';

export interface CollectorSink<Row> {
  /** Writes one batch in ONE transaction (a multi-row insert; never one transaction per row). */
  write(ctx: Ctx, rows: Row[]): Promise<void>;
  /** Rows per write; default 500. */
  batchSize?: number;
  /** A partial batch is written at the latest after this long; default 1000 ms. */
  flushMs?: number;
  /** Buffered rows above which emit() waits (back-pressure); default 50 000. Not used with a spool. */
  highWater?: number;
  /**
   * Accepted rows go to a disk spool (fsync'd before emit() resolves) instead of memory, and are written
   * exactly once even across a kill -9 (spool-writer.ts). Rows must be JSON values and Dates. The spool
   * lives in the site's spool directory, bounded by its maxBytes (emit() waits above it).
   */
  spool?: boolean;
}

/** Where this node's listeners bind (the node's HOST, and the ports the site configured). */
export interface ListenConfig {
  host: string;
  /** YUNWEI_SNMP_TRAP_PORT: UDP port of the SNMP trap receiver (monitoring). */
  snmpTrapPort: number;
}
export const DEFAULT_LISTEN: ListenConfig = { host: '127.0.0.1', snmpTrapPort: 1162 };

/** What of the site's configuration collectors may read (kernel/config.ts). */
export interface CollectorSite {
  /** YUNWEI_DATA_DIR: where a collector keeps files of its own (a spool). */
  dataDir: string;
  /** YUNWEI_SYSLOG_HOST / YUNWEI_SYSLOG_PORT, and the TLS listener (YUNWEI_SYSLOG_TLS_*) when set. */
  syslog: { host: string; port: number; tls?: SyslogTlsSite };
  /** YUNWEI_SPOOL_DIR (default <dataDir>/spool) and YUNWEI_SPOOL_MAX_MB, per collector; default 1 GiB. */
  spool?: { dir: string; maxBytes: number };
}

/** RFC 5425 syslog over TLS: the port and the PEM files of the certificate, its key and optionally a CA. */
export interface SyslogTlsSite {
  port: number;
  certFile: string;
  keyFile: string;
  /** When set, senders must present a certificate this CA signed (mutual TLS). */
  caFile?: string;
}

export interface CollectorContext<Row> {
  nodeId: string;
  listen: ListenConfig;
  /** Always set by the runtime (optional only so a test driving a poll by hand need not fake it). */
  site?: CollectorSite;
  log: Logger;
  now: () => Date;
  keys: Keyring;
  /** For reads (targets' settings, secrets); rows go through emit(). */
  db: Db;
  /**
   * Aborted on stop; for a poll of a global collector also when this node stops holding the target's
   * lease. Work must end promptly once it is aborted: that is what keeps two nodes off one target.
   */
  signal: AbortSignal;
  /**
   * Resolves once the rows are accepted (buffered below the high water mark); waits while above it.
   * Accepted rows are never dropped: a failed write keeps them and retries with backoff. They live in
   * this process's memory until committed: a listener whose sender can resend should acknowledge only
   * after flushed().
   */
  emit(rows: Row[]): Promise<void>;
  /** Resolves when everything emitted so far is committed (writes a partial batch at once). */
  flushed(): Promise<void>;
  /** True while over the high water mark (listeners stop reading). */
  paused(): boolean;
  /** Resolves when the buffer is below the high water mark again (at once if it is). */
  resumed(): Promise<void>;
  /**
   * Adds to a named counter published with the collector's health (`counters`): what a listener had
   * to drop, truncate or refuse (UDP datagrams over the high water mark, frames too long), so it is shown.
   * Always set by the runtime (optional only so a test driving a poll by hand need not fake it).
   */
  count?(name: string, n?: number): void;
}

export interface CollectorDef<Row = unknown, Target = unknown> {
  /** 'monitor.icmp': module id, dot, name. */
  id: string;
  kind: 'poller' | 'listener';
  scope: Scope;
  sink: CollectorSink<Row>;
  // pollers
  intervalMs?: number;
  /**
   * Re-read every interval; absent: the poller has one implicit target (poll gets undefined). `nodeId` is
   * this node's id: a local poller whose targets belong to named nodes keeps only this node's.
   */
  targets?: (ctx: Ctx, nodeId: string) => Promise<{ key: string; target: Target }[]>;
  poll?: (c: CollectorContext<Row>, target: Target) => Promise<void>;
  /** Polls of one round running at once on this node; default 32. */
  concurrency?: number;
  // listeners
  start?: (c: CollectorContext<Row>) => Promise<{ stop(): Promise<void> }>;
}

export type CollectorState = 'starting' | 'running' | 'backoff' | 'stopping' | 'stopped' | 'failed';

export interface CollectorHealth {
  id: string;
  node: string;
  state: CollectorState;
  /**
   * Age of the oldest row accepted but not yet committed (0 when empty), or for a poller how late its
   * last round started against its schedule, whichever is larger.
   */
  lagMs: number;
  queued: number;
  written: number;
  lastFlushAt: string | null;
  /** Short, at most 200 characters. */
  lastError: string | null;
  /** Targets (global: shards' targets) handled by this node in the last round. */
  targets?: number;
  /** Counters the collector keeps (c.count), since start; absent when it keeps none. */
  counters?: Record<string, number>;
}

export interface CollectorRuntime {
  health(): CollectorHealth[];
  /** Drains: flushes every accepted row before resolving (bounded by drainMs, logged if exceeded). */
  stop(): Promise<void>;
}

export interface StartCollectorsOptions {
  database: Database;
  /** Default: 127.0.0.1 and the default ports (DEFAULT_LISTEN). */
  listen?: ListenConfig;
  nodeId: string;
  log: Logger;
  keys: Keyring;
  /** Default: the data dir ./data and the syslog defaults (127.0.0.1:5514). */
  site?: CollectorSite;
  now?: () => Date;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of collectors of any row type
  defs: CollectorDef<any, any>[];
  /** Lease period for global work; default 15 000 ms. Heartbeats and renewals run every third of it. */
  leaseMs?: number;
  /** Shards per global collector with targets; default 64. The same on every node. */
  shards?: number;
  /** Longest stop() waits for the last rows to be committed; default 8 000 ms. */
  drainMs?: number;
  /** Backoff between failed writes (and failed listener starts): from min doubling to max; default 200 / 10 000 ms. */
  retryMs?: { min: number; max: number };
}

export const DEFAULTS = {
  spoolMaxBytes: 1 << 30,
  batchSize: 500,
  flushMs: 1000,
  highWater: 50_000,
  leaseMs: 15_000,
  shards: 64,
  drainMs: 8000,
  concurrency: 32,
  retryMs: { min: 200, max: 10_000 },
} as const;

/** The text of an error, short enough for health (≤ 200 characters). */
export function shortError(e: unknown): string {
  // Drizzle wraps driver errors in "Failed query: <the SQL and every parameter>": the innermost cause
  // ("connect ECONNREFUSED …") is what an operator needs, and it carries no collected data.
  let err = e;
  while (err instanceof Error && err.cause instanceof Error) err = err.cause;
  const text = err instanceof Error ? err.message || err.name : String(err);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
