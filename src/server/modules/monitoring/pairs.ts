// ICMP probe pairs (issue 12 point 3): registered, listed with their latest state, read and removed by
// the line's engineers; each change audited. Only the registered target is ever pinged, and only from
// the source the pair names (pair-collectors.ts).
import { isoOrNull as iso } from '../../../common/dates.ts';
import { count, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import type { TProbePair, ZProbePairInput, ZProbePairQuery } from '../../../common/monitoring-pairs.ts';
import { monDevices, monProbePairs } from './tables.ts';

type PairRow = typeof monProbePairs.$inferSelect;
const openAlerts = sql<number>`(SELECT count(*)::int FROM mon_alerts a WHERE a.pair_id = "mon_probe_pairs"."id" AND a.state = 'open')`;

function view(p: PairRow, device: { name: string; address: string } | null, alerts: number): TProbePair {
  const sourceLabel =
    p.sourceKind === 'node'
      ? `采集节点 ${p.sourceNode}`
      : p.sourceKind === 'device' && device
        ? `${device.name}（${device.address}）`
        : '监控节点';
  return {
    id: p.id,
    name: p.name,
    source: p.sourceKind as TProbePair['source'],
    sourceNode: p.sourceNode,
    sourceDeviceId: p.sourceDeviceId,
    sourceLabel,
    sourceAddress: p.sourceKind === 'device' ? (device?.address ?? null) : null,
    target: p.target,
    serviceLine: p.serviceLine,
    intervalSec: p.intervalSec,
    reachable: p.reachable,
    latencyMs: p.latencyMs,
    lossPct: p.lossPct,
    icmpState: p.icmpState as TProbePair['icmpState'],
    icmpError: p.icmpError,
    probedAt: iso(p.probedAt),
    probedBy: p.probedBy,
    openAlerts: Number(alerts),
    createdAt: p.createdAt.toISOString(),
  };
}

const select = (ctx: Ctx) =>
  ctx.db
    .select({ p: monProbePairs, name: monDevices.name, address: monDevices.address, alerts: openAlerts })
    .from(monProbePairs)
    .leftJoin(monDevices, eq(monDevices.id, monProbePairs.sourceDeviceId));

type Selected = { p: PairRow; name: string | null; address: string | null; alerts: number };
const viewOf = (r: Selected) => view(r.p, r.name !== null && r.address !== null ? { name: r.name, address: r.address } : null, r.alerts);

export async function createPair(ctx: Ctx, input: z.output<typeof ZProbePairInput>): Promise<TProbePair> {
  const id = await inTx(ctx, async (tx) => {
    const [same] = await tx.db.select({ id: monProbePairs.id }).from(monProbePairs).where(eq(monProbePairs.name, input.name));
    if (same) throw new Conflict('monitoring.pair_name_taken', `已有名为“${input.name}”的探测对`);
    if (input.source === 'device') {
      const [d] = await tx.db.select({ id: monDevices.id }).from(monDevices).where(eq(monDevices.id, input.sourceDeviceId!));
      if (!d)
        throw new Invalid('monitoring.pair_source_device', '作为源的设备不存在', [
          { path: 'body.sourceDeviceId', message: '作为源的设备不存在' },
        ]);
    }
    const [row] = await tx.db
      .insert(monProbePairs)
      .values({
        name: input.name,
        sourceKind: input.source,
        sourceNode: input.source === 'node' ? input.sourceNode! : null,
        sourceDeviceId: input.source === 'device' ? input.sourceDeviceId! : null,
        target: input.target,
        serviceLine: input.serviceLine,
        intervalSec: input.intervalSec,
        createdAt: tx.now(),
      })
      .returning();
    await audit(tx, { action: 'monitoring.pair.create', objectType: 'mon_probe_pair', objectId: row!.id, after: row });
    return row!.id;
  });
  return getPair(ctx, id);
}

export async function listPairs(ctx: Ctx, q: z.output<typeof ZProbePairQuery>): Promise<{ items: TProbePair[]; total: number }> {
  const where = q.q
    ? or(
        ilike(monProbePairs.name, likeContains(q.q)),
        ilike(monProbePairs.target, likeContains(q.q)),
        ilike(monProbePairs.sourceNode, likeContains(q.q)),
      )
    : undefined;
  const rows = await select(ctx)
    .where(where)
    .orderBy(monProbePairs.name, monProbePairs.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(monProbePairs).where(where);
  return { items: rows.map(viewOf), total: total?.n ?? 0 };
}

export async function getPair(ctx: Ctx, id: string): Promise<TProbePair> {
  const [r] = await select(ctx).where(eq(monProbePairs.id, id));
  if (!r) throw new NotFound('monitoring.pair_not_found', '探测对不存在');
  return viewOf(r);
}

export async function deletePair(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [row] = await tx.db.delete(monProbePairs).where(eq(monProbePairs.id, id)).returning();
    if (!row) throw new NotFound('monitoring.pair_not_found', '探测对不存在');
    await audit(tx, { action: 'monitoring.pair.delete', objectType: 'mon_probe_pair', objectId: id, before: row });
  });
}
