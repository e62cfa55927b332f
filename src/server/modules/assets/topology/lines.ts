// R-AST-03 lines and labels: physical links and carrier circuits from port to port, each with a
// unique label, a kind (fiber | copper | carrier) and a network domain; listed, filtered, exported.
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  LINE_KIND_ZH,
  NETWORK_DOMAIN_ZH,
  type TLine,
  type TLineInput,
  type ZLineFilter,
  type ZLinePatch,
} from '../../../../common/asset-movements.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { likeContains } from '../../../kernel/db/like.ts';
import { Conflict, NotFound } from '../../../kernel/errors.ts';
import type { Column } from '../../../kernel/office/xlsx.ts';
import { loadAsset } from '../register/records.ts';
import { assets } from '../register/tables.ts';
import { assetLines } from './tables.ts';

type LineRow = typeof assetLines.$inferSelect;
const fromA = alias(assets, 'line_from');
const toA = alias(assets, 'line_to');

const sel = {
  l: assetLines,
  fromNumber: fromA.number,
  fromName: fromA.name,
  toNumber: toA.number,
  toName: toA.name,
};

function view(x: {
  l: LineRow;
  fromNumber: string | null;
  fromName: string | null;
  toNumber: string | null;
  toName: string | null;
}): TLine {
  const l = x.l;
  return {
    id: l.id,
    label: l.label,
    kind: l.kind as TLine['kind'],
    networkDomain: l.networkDomain,
    fromAssetId: l.fromAssetId,
    fromAssetNumber: x.fromNumber,
    fromAssetName: x.fromName,
    fromPort: l.fromPort,
    toAssetId: l.toAssetId,
    toAssetNumber: x.toNumber,
    toAssetName: x.toName,
    toPort: l.toPort,
    carrier: l.carrier,
    circuitId: l.circuitId,
    bandwidth: l.bandwidth,
    notes: l.notes,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

function whereOf(f: z.output<typeof ZLineFilter>): SQL | undefined {
  const c: SQL[] = [];
  if (f.kind) c.push(eq(assetLines.kind, f.kind));
  if (f.networkDomain) c.push(eq(assetLines.networkDomain, f.networkDomain));
  if (f.assetId) c.push(or(eq(assetLines.fromAssetId, f.assetId), eq(assetLines.toAssetId, f.assetId))!);
  if (f.q) {
    const p = likeContains(f.q);
    c.push(
      or(
        ilike(assetLines.label, p),
        ilike(assetLines.circuitId, p),
        ilike(assetLines.carrier, p),
        ilike(fromA.number, p),
        ilike(toA.number, p),
        ilike(fromA.name, p),
        ilike(toA.name, p),
      )!,
    );
  }
  return c.length ? and(...c) : undefined;
}

const base = (ctx: Ctx) =>
  ctx.db.select(sel).from(assetLines).leftJoin(fromA, eq(fromA.id, assetLines.fromAssetId)).leftJoin(toA, eq(toA.id, assetLines.toAssetId));

export async function listLines(ctx: Ctx, q: z.output<typeof ZLineFilter> & { page: number; pageSize: number }) {
  const where = whereOf(q);
  const [t] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(assetLines)
    .leftJoin(fromA, eq(fromA.id, assetLines.fromAssetId))
    .leftJoin(toA, eq(toA.id, assetLines.toAssetId))
    .where(where);
  const rows = await base(ctx)
    .where(where)
    .orderBy(asc(assetLines.label))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(view), total: t?.n ?? 0 };
}

/** Every line of a filter, for the export (capped). */
export async function getLine(ctx: Ctx, id: string): Promise<TLine> {
  const [x] = await base(ctx).where(eq(assetLines.id, id)).limit(1);
  if (!x) throw new NotFound('asset_line.not_found', '线路不存在');
  return view(x);
}

async function labelTaken(ctx: Ctx, label: string, except?: string): Promise<void> {
  const [x] = await ctx.db.select({ id: assetLines.id }).from(assetLines).where(eq(assetLines.label, label)).limit(1);
  if (x && x.id !== except) throw new Conflict('asset_line.label_taken', `线路标签“${label}”已被使用`);
}

const isUnique = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err.code === '23505' || err.cause?.code === '23505';
};

async function guard<T>(label: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUnique(e)) throw new Conflict('asset_line.label_taken', `线路标签“${label ?? ''}”已被使用`);
    throw e;
  }
}

export async function createLine(ctx: Ctx, input: TLineInput): Promise<TLine> {
  const id = await guard(input.label, () =>
    inTx(ctx, async (tx) => {
      await labelTaken(tx, input.label);
      if (input.fromAssetId) await loadAsset(tx, input.fromAssetId);
      if (input.toAssetId) await loadAsset(tx, input.toAssetId);
      const now = tx.now();
      const [r] = await tx.db
        .insert(assetLines)
        .values({ ...input, createdAt: now, updatedAt: now })
        .returning();
      await audit(tx, { action: 'asset.line.create', objectType: 'asset_line', objectId: r!.id, after: r });
      return r!.id;
    }),
  );
  return getLine(ctx, id);
}

export async function updateLine(ctx: Ctx, id: string, patch: z.output<typeof ZLinePatch>): Promise<TLine> {
  await guard(patch.label, () =>
    inTx(ctx, async (tx) => {
      const [before] = await tx.db.select().from(assetLines).where(eq(assetLines.id, id)).for('update').limit(1);
      if (!before) throw new NotFound('asset_line.not_found', '线路不存在');
      if (patch.label !== undefined) await labelTaken(tx, patch.label, id);
      if (patch.fromAssetId) await loadAsset(tx, patch.fromAssetId);
      if (patch.toAssetId) await loadAsset(tx, patch.toAssetId);
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const [after] = await tx.db
        .update(assetLines)
        .set({ ...set, updatedAt: tx.now() })
        .where(eq(assetLines.id, id))
        .returning();
      await audit(tx, { action: 'asset.line.update', objectType: 'asset_line', objectId: id, before, after });
    }),
  );
  return getLine(ctx, id);
}

export async function deleteLine(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.delete(assetLines).where(eq(assetLines.id, id)).returning();
    if (!before) throw new NotFound('asset_line.not_found', '线路不存在');
    await audit(tx, { action: 'asset.line.delete', objectType: 'asset_line', objectId: id, before });
  });
}

export function lineColumns(): Column<TLine>[] {
  const end = (n: string | null, name: string | null) => (n ? `${n} ${name ?? ''}`.trim() : '');
  return [
    { header: '线路标签', width: 22, value: (l) => l.label },
    { header: '类型', width: 14, value: (l) => LINE_KIND_ZH[l.kind] },
    {
      header: '网络域',
      width: 14,
      value: (l) => (l.networkDomain ? (NETWORK_DOMAIN_ZH[l.networkDomain as keyof typeof NETWORK_DOMAIN_ZH] ?? l.networkDomain) : ''),
    },
    { header: 'A 端设备', width: 30, value: (l) => end(l.fromAssetNumber, l.fromAssetName) },
    { header: 'A 端端口', width: 14, value: (l) => l.fromPort },
    { header: 'Z 端设备', width: 30, value: (l) => end(l.toAssetNumber, l.toAssetName) },
    { header: 'Z 端端口', width: 14, value: (l) => l.toPort },
    { header: '运营商', width: 12, value: (l) => l.carrier },
    { header: '电路编号', width: 20, value: (l) => l.circuitId },
    { header: '带宽', width: 10, value: (l) => l.bandwidth },
    { header: '备注', width: 30, value: (l) => l.notes },
  ];
}
