// Spare parts (R-AST-05): the parts and their stock per location, read and written; the moves that
// change the stock are moves.ts. When available stock falls below the minimum the project managers
// are told (alertBelowMin, called by the write that crossed it).
import { and, asc, count, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TSparePart, TStockLine, ZSpareFilter, ZSparePartInput, ZSparePartPatch, TSpareQuery } from '../../../../common/spares.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { likeContains } from '../../../kernel/db/like.ts';
import { Conflict, NotFound } from '../../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../../kernel/notify/inbox.ts';
import { spareMoves, spareParts, spareStock } from './tables.ts';

type PartRow = typeof spareParts.$inferSelect;
type PartInput = z.output<typeof ZSparePartInput>;
type PartPatch = z.output<typeof ZSparePartPatch>;
export type SpareFilter = z.output<typeof ZSpareFilter>;

// ---- reading -------------------------------------------------------------------------------

const totals = (db: Ctx['db']) =>
  db
    .select({
      partId: spareStock.partId,
      onHand: sql<string>`sum(${spareStock.onHand})`.as('t_on_hand'),
      reserved: sql<string>`sum(${spareStock.reserved})`.as('t_reserved'),
    })
    .from(spareStock)
    .groupBy(spareStock.partId)
    .as('t');

export function spareWhere(f: SpareFilter, t: ReturnType<typeof totals>): SQL | undefined {
  const c: SQL[] = [];
  if (f.q) {
    const like = likeContains(f.q);
    c.push(
      or(ilike(spareParts.partNumber, like), ilike(spareParts.name, like), ilike(spareParts.model, like), ilike(spareParts.vendor, like))!,
    );
  }
  if (f.serviceLine) c.push(eq(spareParts.serviceLine, f.serviceLine));
  if (f.belowMin) c.push(lt(sql`coalesce(${t.onHand}, 0) - coalesce(${t.reserved}, 0)`, spareParts.minLevel));
  return c.length ? and(...c) : undefined;
}

function partView(p: PartRow, locations: TStockLine[]): TSparePart {
  const onHand = locations.reduce((s, l) => s + l.onHand, 0);
  const reserved = locations.reduce((s, l) => s + l.reserved, 0);
  const available = onHand - reserved;
  return {
    id: p.id,
    partNumber: p.partNumber,
    name: p.name,
    classCode: p.classCode,
    vendor: p.vendor,
    model: p.model,
    unit: p.unit,
    minLevel: p.minLevel,
    serviceLine: p.serviceLine,
    notes: p.notes,
    onHand,
    reserved,
    available,
    belowMin: available < p.minLevel,
    locations,
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function stockOf(ctx: Ctx, partIds: string[]): Promise<Map<string, TStockLine[]>> {
  const m = new Map<string, TStockLine[]>();
  if (!partIds.length) return m;
  const rows = await ctx.db.select().from(spareStock).where(inArray(spareStock.partId, partIds)).orderBy(asc(spareStock.location));
  for (const r of rows) {
    if (r.onHand === 0 && r.reserved === 0) continue;
    const list = m.get(r.partId) ?? [];
    list.push({ location: r.location, onHand: r.onHand, reserved: r.reserved, available: r.onHand - r.reserved });
    m.set(r.partId, list);
  }
  return m;
}

export async function viewsOf(ctx: Ctx, rows: PartRow[]): Promise<TSparePart[]> {
  const stock = await stockOf(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => partView(r, stock.get(r.id) ?? []));
}

/** The filtered list, each part with its stock summed over locations and per location. */
export async function listSpares(ctx: Ctx, q: TSpareQuery): Promise<{ items: TSparePart[]; total: number }> {
  const t = totals(ctx.db);
  const where = spareWhere(q, t);
  const [rows, [n]] = await Promise.all([
    ctx.db
      .select({ p: spareParts })
      .from(spareParts)
      .leftJoin(t, eq(t.partId, spareParts.id))
      .where(where)
      .orderBy(asc(spareParts.partNumber))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(spareParts).leftJoin(t, eq(t.partId, spareParts.id)).where(where),
  ]);
  return {
    items: await viewsOf(
      ctx,
      rows.map((r) => r.p),
    ),
    total: Number(n?.n ?? 0),
  };
}

export async function loadPart(ctx: Ctx, id: string, lock = false): Promise<PartRow> {
  const q = ctx.db.select().from(spareParts).where(eq(spareParts.id, id)).limit(1);
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw new NotFound('spare.not_found', '备件不存在');
  return p;
}

export async function getSpare(ctx: Ctx, id: string): Promise<TSparePart> {
  const [v] = await viewsOf(ctx, [await loadPart(ctx, id)]);
  return v!;
}

// ---- writing the part ----------------------------------------------------------------------

async function assertNumberFree(ctx: Ctx, partNumber: string, exceptId?: string): Promise<void> {
  const [hit] = await ctx.db.select({ id: spareParts.id }).from(spareParts).where(eq(spareParts.partNumber, partNumber)).limit(1);
  if (hit && hit.id !== exceptId) throw new Conflict('spare.number_taken', `备件编号“${partNumber}”已存在`);
}

export async function createSpare(ctx: Ctx, input: PartInput): Promise<TSparePart> {
  return inTx(ctx, async (tx) => {
    await assertNumberFree(tx, input.partNumber);
    const now = tx.now();
    const [row] = await tx.db
      .insert(spareParts)
      .values({ ...input, classCode: input.classCode || null, serviceLine: input.serviceLine ?? null, createdAt: now, updatedAt: now })
      .returning();
    await audit(tx, { action: 'spare.create', objectType: 'spare_part', objectId: row!.id, after: row });
    return partView(row!, []);
  });
}

export async function availableTotal(ctx: Ctx, partId: string): Promise<number> {
  const [r] = await ctx.db
    .select({ a: sql<string>`coalesce(sum(${spareStock.onHand} - ${spareStock.reserved}), 0)` })
    .from(spareStock)
    .where(eq(spareStock.partId, partId));
  return Number(r?.a ?? 0);
}

/** Tells the project managers that a part fell below its minimum (called in the write's transaction). */
export async function alertBelowMin(tx: Ctx, p: PartRow, available: number): Promise<void> {
  const pms = await usersWithRoles(tx, ['contractor_pm']);
  await notifyUsers(tx, {
    userIds: pms,
    event: 'spare.below_min',
    severity: 'warning',
    title: `备件低于最低库存：${p.name}（${p.partNumber}）`,
    body: `可用 ${available} ${p.unit}，最低库存 ${p.minLevel} ${p.unit}，请及时补充。`,
    link: `/assets/spares/${p.id}`,
    objectType: 'spare_part',
    objectId: p.id,
  });
}

export async function updateSpare(ctx: Ctx, id: string, patch: PartPatch): Promise<TSparePart> {
  return inTx(ctx, async (tx) => {
    const before = await loadPart(tx, id, true);
    if (patch.partNumber && patch.partNumber !== before.partNumber) await assertNumberFree(tx, patch.partNumber, id);
    const set: Partial<typeof spareParts.$inferInsert> = { updatedAt: tx.now() };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) (set as Record<string, unknown>)[k] = v;
    if ('classCode' in set) set.classCode = set.classCode || null;
    const [row] = await tx.db.update(spareParts).set(set).where(eq(spareParts.id, id)).returning();
    // Raising the minimum above what is available is a crossing too.
    const avail = await availableTotal(tx, id);
    if (row!.minLevel > 0 && avail < row!.minLevel && avail >= before.minLevel) await alertBelowMin(tx, row!, avail);
    await audit(tx, { action: 'spare.update', objectType: 'spare_part', objectId: id, before, after: row });
    const [v] = await viewsOf(tx, [row!]);
    return v!;
  });
}

export async function deleteSpare(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const p = await loadPart(tx, id, true);
    const [m] = await tx.db.select({ n: count() }).from(spareMoves).where(eq(spareMoves.partId, id));
    if (Number(m?.n ?? 0) > 0)
      throw new Conflict('spare.has_moves', '该备件已有出入库记录，不能删除（可将最低库存设为 0 并在备注中注明停用）');
    await tx.db.delete(spareParts).where(eq(spareParts.id, id));
    await audit(tx, { action: 'spare.delete', objectType: 'spare_part', objectId: id, before: p });
  });
}
