// Membership and leases of the collector nodes (issue 10, point 2: two nodes never poll the same device
// at the same time). Every third of a lease period a node heartbeats (and publishes its health), reads
// the live nodes, asks for the shards rendezvous hashing gives it, renews them and lets go of the ones it
// no longer should hold. A lease is claimed or renewed by one conditional INSERT … ON CONFLICT on the
// database's clock: it succeeds only if the row is free, expired or already ours, so two nodes never
// hold one shard, even while they disagree on who is live.
//
// The node's own view of a lease is conservative: it starts the lease period from the moment it SENT
// the claim (the database's now() is later), and treats the lease as gone `margin` before even that, so
// it stops work on a shard before any other node can have claimed it.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, type Database } from '../db/client.ts';
import { collectorLeases, collectorNodes } from '../db/tables.ts';
import { wantedShards } from './shards.ts';
import { shortError, type CollectorHealth } from './types.ts';

export interface MembershipOptions {
  database: Database;
  nodeId: string;
  leaseMs: number;
  log: Logger;
  /** The global collectors this node runs and their shard counts. */
  collectors: { id: string; shards: number }[];
  /** The health to publish with each heartbeat. */
  health: () => CollectorHealth[];
  /** Called after every round (leases may have been gained or lost). */
  onChange: () => void;
}

interface Lease {
  collector: string;
  shard: number;
  /** Monotonic time (performance.now()) until which the lease is certainly ours. */
  validUntil: number;
  /** Aborted when the lease is lost, to be released or about to expire: work on the shard must end. */
  ctl: AbortController;
  /** Work in progress on the shard; a shard is released only when idle. */
  busy: number;
  /** Another node should have it now: no new work; released once idle. */
  releasing: boolean;
}

const leaseKey = (collector: string, shard: number) => `${collector}#${shard}`;
const ms = (n: number) => sql`(${Math.round(n)}::int * interval '1 millisecond')`;

export class Membership {
  private readonly held = new Map<string, Lease>();
  private readonly opts: MembershipOptions;
  /** Work on a shard stops this long before the lease could expire. */
  private readonly margin: number;
  private tickTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private current: Promise<void> = Promise.resolve();
  private stopped = false;
  private failures = 0;
  lastError: string | null = null;

  constructor(opts: MembershipOptions) {
    this.opts = opts;
    this.margin = opts.leaseMs / 5;
  }

  /** Runs the first round (so shards are held before the first poll), then one every leaseMs / 3. */
  async start(): Promise<void> {
    await this.round();
    // The sweep runs apart from the rounds: a round stuck on an unreachable database must not keep
    // work going on leases that are running out.
    this.sweepTimer = setInterval(() => this.sweep(), Math.max(5, this.opts.leaseMs / 10));
  }

  /** True while this node holds the shard with time to spare and may start work on it. */
  holds(collector: string, shard: number): boolean {
    const l = this.held.get(leaseKey(collector, shard));
    return !!l && !l.releasing && performance.now() < l.validUntil - this.margin;
  }

  /** Aborted when the lease on the shard ends; null if it is not held. */
  signal(collector: string, shard: number): AbortSignal | null {
    return this.held.get(leaseKey(collector, shard))?.ctl.signal ?? null;
  }

  /** Counts work on a shard while it runs, so the shard is not released under it. */
  async track<T>(collector: string, shard: number, work: () => Promise<T>): Promise<T> {
    const l = this.held.get(leaseKey(collector, shard));
    if (l) l.busy++;
    try {
      return await work();
    } finally {
      if (l) l.busy--;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.tickTimer = setTimeout(() => {
      this.tickTimer = null;
      this.current = this.round();
    }, this.opts.leaseMs / 3);
  }

  private async round(): Promise<void> {
    try {
      await this.tick();
      if (this.failures > 0) this.opts.log.info('collector membership restored');
      this.failures = 0;
      this.lastError = null;
    } catch (e) {
      this.lastError = shortError(e);
      // One warning per outage, not one per round.
      if (this.failures++ === 0) this.opts.log.warn({ error: this.lastError }, 'collector heartbeat failed; retrying');
    }
    this.sweep();
    this.opts.onChange();
    this.schedule();
  }

  /** Writes this node's row: alive now, with its collectors' health as they report it. */
  private async upsertNode(): Promise<void> {
    const { database, nodeId, leaseMs } = this.opts;
    const ids = this.opts.collectors.map((c) => c.id);
    const health = this.opts.health();
    await database.db
      .insert(collectorNodes)
      .values({ node: nodeId, startedAt: sql`now()`, seenAt: sql`now()`, leaseMs, collectors: ids, health })
      .onConflictDoUpdate({ target: collectorNodes.node, set: { seenAt: sql`now()`, leaseMs, collectors: ids, health } });
  }

  /**
   * Publishes the health now, between heartbeats: once every collector has made its first attempt,
   * so /api/health says "running" at once rather than a heartbeat later. A failure waits for the next.
   */
  async publish(): Promise<void> {
    await this.upsertNode().catch(() => undefined);
  }

  private async tick(): Promise<void> {
    const { database, nodeId, leaseMs } = this.opts;
    const db = database.db;
    const ids = this.opts.collectors.map((c) => c.id);
    await this.upsertNode();
    // Nodes not seen for three of their lease periods are gone (their leases have long expired).
    await db.execute(sql`DELETE FROM collector_nodes WHERE seen_at < now() - lease_ms * 3 * interval '1 millisecond'`);
    if (this.stopped || ids.length === 0) return;
    const live = await queryRows<{ node: string; collectors: string[] }>(
      db,
      sql`SELECT node, collectors FROM collector_nodes WHERE seen_at > now() - lease_ms * interval '1 millisecond'`,
    );
    const wanted = new Set<string>();
    for (const c of this.opts.collectors) {
      const nodes = live.filter((n) => n.collectors.includes(c.id)).map((n) => n.node);
      if (!nodes.includes(nodeId)) nodes.push(nodeId);
      for (const s of wantedShards(c.id, c.shards, nodes, nodeId)) wanted.add(leaseKey(c.id, s));
    }
    // Let go of shards another node should now have, once no work runs on them.
    const release: Lease[] = [];
    for (const [k, l] of this.held) {
      const releasing = !wanted.has(k);
      // Work on a shard to be released is asked to end (a listener stops, a poll ends early); wanted
      // again before that, the shard gets a fresh signal.
      if (releasing && !l.releasing) l.ctl.abort(new Error(`lease ${k} released`));
      if (!releasing && l.releasing) l.ctl = new AbortController();
      l.releasing = releasing;
      if (releasing && l.busy === 0) release.push(l);
    }
    if (release.length > 0) {
      for (const l of release) this.drop(l);
      await db.execute(
        sql`DELETE FROM collector_leases WHERE node = ${nodeId} AND (collector, shard) IN (${sql.join(
          release.map((l) => sql`(${l.collector}, ${l.shard}::int)`),
          sql`, `,
        )})`,
      );
    }
    // Claim or renew what we want, plus what is busy while being released.
    const ask = new Map<string, { c: string; s: number }>();
    for (const k of wanted) ask.set(k, parseKey(k));
    for (const [k, l] of this.held) if (l.releasing) ask.set(k, { c: l.collector, s: l.shard });
    if (ask.size === 0) return;
    const sent = performance.now();
    const got = await queryRows<{ collector: string; shard: number }>(
      db,
      sql`INSERT INTO collector_leases (collector, shard, node, expires_at)
          SELECT w.c, w.s, ${nodeId}, now() + ${ms(leaseMs)}
          FROM jsonb_to_recordset(${JSON.stringify([...ask.values()])}::jsonb) AS w(c text, s int)
          ON CONFLICT (collector, shard) DO UPDATE SET node = EXCLUDED.node, expires_at = EXCLUDED.expires_at
          WHERE collector_leases.node = EXCLUDED.node OR collector_leases.expires_at < now()
          RETURNING collector, shard`,
    );
    const ours = new Set(got.map((r) => leaseKey(r.collector, Number(r.shard))));
    for (const k of ask.keys()) {
      const l = this.held.get(k);
      if (!ours.has(k)) {
        if (l) this.drop(l); // taken over: only possible once it had expired, but be safe
        continue;
      }
      if (l) l.validUntil = sent + leaseMs;
      else {
        const { c, s } = parseKey(k);
        const lease = { collector: c, shard: s, validUntil: sent + leaseMs, ctl: new AbortController(), busy: 0, releasing: false };
        this.held.set(k, lease);
      }
    }
  }

  /** Ends work on leases that are about to run out (their renewals have been failing). */
  private sweep(): void {
    const now = performance.now();
    for (const l of this.held.values()) if (now >= l.validUntil - this.margin) this.drop(l);
  }

  private drop(l: Lease): void {
    l.ctl.abort(new Error(`lease ${l.collector}#${l.shard} ended`));
    this.held.delete(leaseKey(l.collector, l.shard));
  }

  /** Stops the rounds, ends all work and gives every lease back so other nodes take over at once. */
  async releaseAll(): Promise<void> {
    this.stopped = true;
    if (this.tickTimer) clearTimeout(this.tickTimer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.current;
    for (const l of [...this.held.values()]) this.drop(l);
    await this.opts.database.db.delete(collectorLeases).where(sql`${collectorLeases.node} = ${this.opts.nodeId}`);
  }

  /** Removes this node from the membership (after releaseAll and the drain). */
  async leave(): Promise<void> {
    await this.opts.database.db.delete(collectorNodes).where(sql`${collectorNodes.node} = ${this.opts.nodeId}`);
  }
}

function parseKey(k: string): { c: string; s: number } {
  const i = k.lastIndexOf('#');
  return { c: k.slice(0, i), s: Number(k.slice(i + 1)) };
}
