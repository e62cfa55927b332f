// Relations between assets (issue 4 point 5): connected-to (port to port), installed-in, depends-on;
// and the neighbourhood within two hops that a device's page draws as a small topology picture.
import { and, eq, inArray, or } from 'drizzle-orm';
import {
  RELATION_KIND_ZH,
  type RelationKind,
  type TNeighbours,
  type TRelationInput,
  type TTopoEdge,
} from '../../../../common/asset-movements.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../../kernel/errors.ts';
import { appendHistory } from '../register/history.ts';
import { loadAsset } from '../register/records.ts';
import { assets } from '../register/tables.ts';
import { assetRelations } from './tables.ts';

type RelationRow = typeof assetRelations.$inferSelect;
const MAX_NODES = 80;

const edgeOf = (r: RelationRow): TTopoEdge => ({
  id: r.id,
  fromId: r.fromId,
  toId: r.toId,
  kind: r.kind as RelationKind,
  fromPort: r.fromPort,
  toPort: r.toPort,
  note: r.note,
});

/** Would `fromId installed_in toId` close a loop? Walks up toId's installed_in chain. */
async function closesInstallCycle(ctx: Ctx, fromId: string, toId: string): Promise<boolean> {
  const seen = new Set<string>();
  let at: string | null = toId;
  while (at && !seen.has(at)) {
    if (at === fromId) return true;
    seen.add(at);
    const [up] = await ctx.db
      .select({ toId: assetRelations.toId })
      .from(assetRelations)
      .where(and(eq(assetRelations.fromId, at), eq(assetRelations.kind, 'installed_in')))
      .limit(1);
    at = up?.toId ?? null;
  }
  return false;
}

/** POST /api/assets/:id/relations (asset.write). */
export async function addRelation(ctx: Ctx, fromId: string, input: TRelationInput): Promise<TTopoEdge> {
  if (fromId === input.toId)
    throw new Invalid('asset_relation.self', '资产不能与自身建立关系', [{ path: 'body.toId', message: '不能选择资产自身' }]);
  return inTx(ctx, async (tx) => {
    // Both ends locked in a fixed order: two opposite installs cannot both pass the cycle check.
    const [x, y] = fromId < input.toId ? [fromId, input.toId] : [input.toId, fromId];
    const first = await loadAsset(tx, x, true);
    const second = await loadAsset(tx, y, true);
    const from = first.id === fromId ? first : second;
    const to = first.id === fromId ? second : first;
    // connected_to is symmetric: the reverse link is the same link.
    const same = and(eq(assetRelations.fromId, fromId), eq(assetRelations.toId, input.toId), eq(assetRelations.kind, input.kind));
    const reverse = and(eq(assetRelations.fromId, input.toId), eq(assetRelations.toId, fromId), eq(assetRelations.kind, input.kind));
    const [dup] = await tx.db
      .select({ id: assetRelations.id })
      .from(assetRelations)
      .where(input.kind === 'connected_to' ? or(same, reverse) : same)
      .limit(1);
    if (dup) throw new Conflict('asset_relation.duplicate', '两项资产之间已有同类关系');
    if (input.kind === 'installed_in') {
      const [placed] = await tx.db
        .select({ id: assetRelations.id })
        .from(assetRelations)
        .where(and(eq(assetRelations.fromId, fromId), eq(assetRelations.kind, 'installed_in')))
        .limit(1);
      if (placed) throw new Conflict('asset_relation.installed_twice', '资产已安装在另一设备中，请先解除原安装关系');
      if (await closesInstallCycle(tx, fromId, input.toId))
        throw new Conflict('asset_relation.cycle', '安装关系不能成环（目标设备已直接或间接安装在本设备中）');
    }
    const [r] = await tx.db
      .insert(assetRelations)
      .values({
        fromId,
        toId: input.toId,
        kind: input.kind,
        fromPort: input.fromPort,
        toPort: input.toPort,
        note: input.note,
        createdAt: tx.now(),
      })
      .returning();
    const label = RELATION_KIND_ZH[input.kind];
    const ports = input.fromPort || input.toPort ? `（${input.fromPort || '—'} → ${input.toPort || '—'}）` : '';
    await appendHistory(tx, fromId, 'relation', `${label} ${to.number} ${to.name}${ports}`, {
      relationId: r!.id,
      kind: input.kind,
      toId: to.id,
    });
    await appendHistory(tx, to.id, 'relation', `${from.number} ${from.name} ${label}本设备${ports}`, {
      relationId: r!.id,
      kind: input.kind,
      fromId,
    });
    await audit(tx, { action: 'asset.relation.create', objectType: 'asset_relation', objectId: r!.id, after: edgeOf(r!) });
    return edgeOf(r!);
  });
}

/** DELETE /api/assets/:id/relations/:relationId (asset.write): either end may remove it. */
export async function removeRelation(ctx: Ctx, assetId: string, relationId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [r] = await tx.db
      .select()
      .from(assetRelations)
      .where(and(eq(assetRelations.id, relationId), or(eq(assetRelations.fromId, assetId), eq(assetRelations.toId, assetId))))
      .limit(1);
    if (!r) throw new NotFound('asset_relation.not_found', '资产关系不存在');
    await tx.db.delete(assetRelations).where(eq(assetRelations.id, relationId));
    const names = await tx.db
      .select({ id: assets.id, number: assets.number })
      .from(assets)
      .where(inArray(assets.id, [r.fromId, r.toId]));
    const num = (id: string) => names.find((n) => n.id === id)?.number ?? '';
    const label = RELATION_KIND_ZH[r.kind as RelationKind];
    await appendHistory(tx, r.fromId, 'relation', `解除关系：${label} ${num(r.toId)}`, { relationId, removed: true });
    await appendHistory(tx, r.toId, 'relation', `解除关系：${num(r.fromId)} ${label}本设备`, { relationId, removed: true });
    await audit(tx, { action: 'asset.relation.delete', objectType: 'asset_relation', objectId: relationId, before: edgeOf(r) });
  });
}

/** GET /api/assets/:id/neighbours: the assets within two hops and the relations among them. */
export async function neighbours(ctx: Ctx, id: string): Promise<TNeighbours> {
  await loadAsset(ctx, id);
  const depth = new Map<string, number>([[id, 0]]);
  const edges = new Map<string, RelationRow>();
  let frontier = [id];
  let truncated = false;
  for (let hop = 1; hop <= 2 && frontier.length; hop++) {
    const rows = await ctx.db
      .select()
      .from(assetRelations)
      .where(or(inArray(assetRelations.fromId, frontier), inArray(assetRelations.toId, frontier)))
      .limit(MAX_NODES * 4);
    const next: string[] = [];
    for (const r of rows) {
      for (const end of [r.fromId, r.toId]) {
        if (depth.has(end)) continue;
        if (depth.size >= MAX_NODES) {
          truncated = true;
          continue;
        }
        depth.set(end, hop);
        next.push(end);
      }
      if (depth.has(r.fromId) && depth.has(r.toId)) edges.set(r.id, r);
    }
    frontier = next;
  }
  // Relations among the outermost ring (both ends two hops away) complete the picture.
  const ids = [...depth.keys()];
  if (ids.length > 1) {
    const among = await ctx.db
      .select()
      .from(assetRelations)
      .where(and(inArray(assetRelations.fromId, ids), inArray(assetRelations.toId, ids)));
    for (const r of among) edges.set(r.id, r);
  }
  const rows = await ctx.db
    .select({ id: assets.id, number: assets.number, name: assets.name, kind: assets.kind, status: assets.status })
    .from(assets)
    .where(inArray(assets.id, ids));
  const nodes = rows
    .map((n) => ({ ...n, depth: depth.get(n.id) ?? 0 }))
    .sort((a, b) => a.depth - b.depth || a.number.localeCompare(b.number));
  return { centerId: id, nodes, edges: [...edges.values()].map(edgeOf), truncated };
}
