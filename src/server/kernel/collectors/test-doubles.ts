// Test doubles of the two kinds of collector (issue 10: "a test double collector that proves it"):
// a poller over N targets and a TCP listener on 127.0.0.1 that acknowledges each line only once
// emit() has accepted it. Both write to collector_test_rows, a table the tests create.
import { createConnection, createServer, type Socket } from 'node:net';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { keyring } from '../crypto.ts';
import { queryRows, type Database, type Db } from '../db/client.ts';
import { startCollectors } from './runtime.ts';
import type { CollectorDef, CollectorRuntime, CollectorSink, Scope, StartCollectorsOptions } from './types.ts';

export interface TestRow {
  collector: string;
  node: string;
  key: string;
  seq: number | null;
  startedAt: Date;
  endedAt: Date;
}

/** The table the doubles write to: who handled which target from when to when (or which line). */
export async function createTestTable(db: Db): Promise<void> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS collector_test_rows (
    id bigserial PRIMARY KEY, collector text NOT NULL, node text NOT NULL, key text NOT NULL, seq int,
    started_at timestamptz NOT NULL, ended_at timestamptz NOT NULL)`);
}

/** A runtime for tests: short leases and retries, a silent log. */
export function startTestCollectors(
  database: Database,
  nodeId: string,
  defs: StartCollectorsOptions['defs'],
  extra: Partial<StartCollectorsOptions> = {},
): Promise<CollectorRuntime> {
  const log = pino({ level: process.env.COLLECTORS_LOG ?? 'silent' });
  const keys = keyring(Buffer.alloc(32, 7));
  return startCollectors({ database, nodeId, log, keys, defs, leaseMs: 300, retryMs: { min: 20, max: 200 }, ...extra });
}

/** How many times each line number of the listener double was written. */
export async function writtenLines(db: Db, collector = 'test.tcp'): Promise<Map<number, number>> {
  const rows = await queryRows<{ seq: number; n: number }>(
    db,
    sql`SELECT seq, count(*)::int AS n FROM collector_test_rows WHERE collector = ${collector} GROUP BY seq`,
  );
  return new Map(rows.map((r) => [r.seq, r.n]));
}

/** A sink writing each batch as one multi-row INSERT; `before` runs first in the write (a slow sink). */
export function testSink(
  opts: { batchSize?: number; flushMs?: number; highWater?: number; before?: () => Promise<void> } = {},
): CollectorSink<TestRow> {
  const { before, ...sizes } = opts;
  return {
    ...sizes,
    async write(ctx, rows) {
      await before?.();
      const json = JSON.stringify(rows.map((r) => ({ ...r, startedAt: r.startedAt.toISOString(), endedAt: r.endedAt.toISOString() })));
      await ctx.db.execute(sql`INSERT INTO collector_test_rows (collector, node, key, seq, started_at, ended_at)
        SELECT r."collector", r."node", r."key", r."seq", r."startedAt", r."endedAt"
        FROM jsonb_to_recordset(${json}::jsonb) AS r("collector" text, "node" text, "key" text, "seq" int, "startedAt" timestamptz, "endedAt" timestamptz)`);
    },
  };
}

/** A poller over targets t0…t(n-1): each poll takes pollMs (less if aborted) and records who polled. */
export function pollerDouble(opts: {
  id?: string;
  scope: Scope;
  targets: number;
  intervalMs: number;
  pollMs?: number;
  sink: CollectorSink<TestRow>;
}): CollectorDef<TestRow, string> {
  const id = opts.id ?? 'test.poller';
  return {
    id,
    kind: 'poller',
    scope: opts.scope,
    sink: opts.sink,
    intervalMs: opts.intervalMs,
    targets: async () => Array.from({ length: opts.targets }, (_, i) => ({ key: `t${i}`, target: `t${i}` })),
    poll: async (c, target) => {
      const startedAt = c.now();
      await delay(opts.pollMs ?? 5, undefined, { signal: c.signal }).catch(() => undefined);
      await c.emit([{ collector: id, node: c.nodeId, key: target, seq: null, startedAt, endedAt: c.now() }]);
    },
  };
}

export interface TcpListenerDouble {
  def: CollectorDef<TestRow>;
  /** The port it listens on once started. */
  port(): number;
  /** The sockets it has stopped reading because the runtime was over its high water mark. */
  pausedSockets(): number;
  /** How many times it paused a socket for back-pressure. */
  pauses: number;
}

/** A local listener: lines `<seq>\n` in, each acknowledged `<seq>\n` once emit() has accepted it. */
export function tcpListenerDouble(opts: { id?: string; sink: CollectorSink<TestRow> }): TcpListenerDouble {
  const id = opts.id ?? 'test.tcp';
  let port = 0;
  const sockets = new Set<Socket>();
  const double: TcpListenerDouble = {
    port: () => port,
    pausedSockets: () => [...sockets].filter((s) => s.isPaused()).length,
    pauses: 0,
    def: {
      id,
      kind: 'listener',
      scope: 'local',
      sink: opts.sink,
      async start(c) {
        let stopping = false;
        const pumps = new Set<Promise<void>>();
        const server = createServer((socket) => {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
          const queue: string[] = [];
          let partial = '';
          let pumping = false;
          const pump = async () => {
            pumping = true;
            while (queue.length > 0 && !stopping) {
              if (c.paused()) {
                // Back-pressure: stop reading until the runtime is below its high water mark again.
                double.pauses++;
                socket.pause();
                await c.resumed();
                if (!stopping) socket.resume();
              }
              const seq = Number(queue.shift());
              const t = c.now();
              await c.emit([{ collector: id, node: c.nodeId, key: 'tcp', seq, startedAt: t, endedAt: t }]);
              if (!socket.destroyed) socket.write(`${seq}\n`);
            }
            pumping = false;
          };
          socket.on('data', (chunk: Buffer) => {
            const lines = (partial + chunk.toString()).split('\n');
            partial = lines.pop()!;
            queue.push(...lines.filter((l) => l !== ''));
            if (pumping) return;
            const p = pump().finally(() => pumps.delete(p));
            pumps.add(p);
          });
        });
        server.listen(0, '127.0.0.1');
        await once(server, 'listening');
        port = (server.address() as { port: number }).port;
        return {
          async stop() {
            // Lines being emitted finish (they will be acknowledged and kept); the rest were never accepted.
            stopping = true;
            server.close();
            await Promise.all([...pumps]);
            for (const s of sockets) s.destroy();
          },
        };
      },
    } satisfies CollectorDef<TestRow>,
  };
  return double;
}

/** A client of the listener double: sends numbered lines and collects the acknowledged numbers. */
export class LineClient {
  readonly acked = new Set<number>();
  private readonly socket: Socket;
  private next = 0;
  private partial = '';
  constructor(port: number) {
    this.socket = createConnection({ port, host: '127.0.0.1' });
    this.socket.on('error', () => undefined);
    this.socket.on('data', (chunk: Buffer) => {
      const lines = (this.partial + chunk.toString()).split('\n');
      this.partial = lines.pop()!;
      for (const l of lines) this.acked.add(Number(l));
    });
  }
  async ready(): Promise<void> {
    if (this.socket.connecting) await once(this.socket, 'connect');
  }
  /** Sends the next n lines; returns false when the socket's send buffer is full (the peer stopped reading). */
  send(n: number): boolean {
    let ok = true;
    for (let i = 0; i < n; i++) ok = this.socket.write(`${this.next++}\n`);
    return ok;
  }
  get sent(): number {
    return this.next;
  }
  close(): void {
    this.socket.destroy();
  }
}

/** Waits until check() holds, polling every 20 ms; fails with `what` after timeoutMs. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await delay(20);
  }
}
