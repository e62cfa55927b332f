// The collectors of ICMP probe pairs (issue 12 point 3, "between named node pairs"). A pair whose source
// is a collector node by name is probed by that node only: `monitoring.pairs.node` runs on every node
// (local) and each keeps the pairs named for it. The others (the monitoring node, or a device's address
// as the source: fping -S) are global work, split between nodes by shard like the devices' ICMP. A
// round's pings of one source are one fping process. Samples go to the ICMP series under the pair's id.
import { isIP } from 'node:net';
import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { CollectorContext, CollectorDef } from '../../kernel/collectors/types.ts';
import { appendRows } from '../../kernel/timeseries/index.ts';
import { ROUND_MS } from './collectors.ts';
import { PingBatcher, type PingResult } from './icmp.ts';
import { icmpSeries } from './series.ts';
import { monDevices, monProbePairs } from './tables.ts';

export interface PairTarget {
  id: string;
  target: string;
  /** fping's -S (a source device's address); null: the node's own. */
  sourceAddress: string | null;
}
export interface PairRow {
  pairId: string;
  at: Date;
  node: string;
  result: PingResult;
}

/** Does this node answer to the name? Its whole id, or its host name (the id is host:pid). */
export const nodeIs = (name: string, nodeId: string): boolean => nodeId === name || nodeId.startsWith(`${name}:`);

async function due(ctx: Ctx, which: 'node' | 'other', nodeId: string): Promise<{ key: string; target: PairTarget }[]> {
  const rows = await ctx.db
    .select({ p: monProbePairs, sourceAddress: monDevices.address })
    .from(monProbePairs)
    .leftJoin(monDevices, eq(monDevices.id, monProbePairs.sourceDeviceId))
    .where(
      which === 'node'
        ? and(eq(monProbePairs.sourceKind, 'node'), isNotNull(monProbePairs.sourceNode))
        : ne(monProbePairs.sourceKind, 'node'),
    );
  const now = ctx.now().getTime();
  return rows
    .filter(({ p }) => which === 'other' || nodeIs(p.sourceNode!, nodeId))
    .filter(({ p }) => !p.probedAt || now - p.probedAt.getTime() >= p.intervalSec * 1000 - ROUND_MS / 2)
    .map(({ p, sourceAddress }) => ({
      key: p.id,
      target: { id: p.id, target: p.target, sourceAddress: p.sourceKind === 'device' ? sourceAddress : null },
    }));
}

const batchers = new Map<string, PingBatcher>();
const batcherFor = (source: string | null): PingBatcher => {
  const key = source ?? '';
  let b = batchers.get(key);
  if (!b) batchers.set(key, (b = new PingBatcher(source ?? undefined)));
  return b;
};

async function probe(c: CollectorContext<PairRow>, t: PairTarget): Promise<void> {
  // fping binds a source by address only; a device registered by host name cannot be one.
  const result: PingResult =
    t.sourceAddress !== null && !isIP(t.sourceAddress)
      ? {
          state: 'error',
          reachable: false,
          latencyMs: null,
          lossPct: null,
          error: `源设备地址 ${t.sourceAddress} 不是 IP 地址，无法作为探测源`,
        }
      : await batcherFor(t.sourceAddress).ask(t.target);
  if (!c.signal.aborted) await c.emit([{ pairId: t.id, at: c.now(), node: c.nodeId, result }]);
}

/** Where probes land: the ICMP series (keyed by the pair's id) and the pair's latest state. */
export async function writePairs(ctx: Ctx, rows: PairRow[]): Promise<void> {
  if (!rows.length) return;
  const known = new Set(
    (
      await ctx.db
        .select({ id: monProbePairs.id })
        .from(monProbePairs)
        .where(
          inArray(
            monProbePairs.id,
            rows.map((r) => r.pairId),
          ),
        )
    ).map((p) => p.id),
  );
  const kept = rows.filter((r) => known.has(r.pairId));
  const measured = (r: PairRow) => r.result.state === 'ok' || r.result.state === 'unreachable';
  await appendRows(
    ctx,
    icmpSeries,
    kept.filter(measured).map((r) => ({
      at: r.at,
      deviceId: r.pairId,
      reachable: r.result.reachable,
      latencyMs: r.result.latencyMs,
      lossPct: r.result.lossPct,
    })),
  );
  for (const r of kept)
    await ctx.db
      .update(monProbePairs)
      .set({
        reachable: measured(r) ? r.result.reachable : null,
        latencyMs: r.result.latencyMs,
        lossPct: r.result.lossPct,
        icmpState: r.result.state,
        icmpError: r.result.error ?? null,
        probedAt: r.at,
        probedBy: r.node,
      })
      .where(eq(monProbePairs.id, r.pairId));
}

const common = { kind: 'poller', intervalMs: ROUND_MS, concurrency: 100_000, poll: probe, sink: { write: writePairs } } as const;

/** Pairs whose source is the monitoring node or a device's address: one node per pair (by shard). */
export const pairCollector: CollectorDef<PairRow, PairTarget> = {
  ...common,
  id: 'monitoring.pairs',
  scope: 'global',
  targets: (ctx, nodeId) => due(ctx, 'other', nodeId),
};

/** Pairs whose source is a collector node by name: every node runs this, each probing only its own. */
export const nodePairCollector: CollectorDef<PairRow, PairTarget> = {
  ...common,
  id: 'monitoring.pairs.node',
  scope: 'local',
  targets: (ctx, nodeId) => due(ctx, 'node', nodeId),
};
