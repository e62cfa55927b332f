// Spare parts (R-AST-05): the parts, their stock per location, and the moves that change it —
// receipt, issue, return, reserve, release, adjust — each linked to the ticket that used the part.
// A move locks the part row and then its stock row (SELECT … FOR UPDATE), so concurrent issues
// queue up and never take stock below zero, and the sum over locations before and after the move is
// exact: when available stock crosses below the minimum the project managers are told, once per
// crossing.
import { and, asc, count, desc, eq, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  SpareMoveKind,
  TSparePart,
  TSpareMove,
  TSpareMoveResult,
  TStockLine,
  TTicketSpares,
  ZSpareFilter,
  ZSpareMoveInput,
  ZSparePartInput,
  ZSparePartPatch,
  TSpareQuery,
} from '../../../../common/spares.ts';
import { audit } from '../../../kernel/audit.ts';
import { inTx, type Ctx } from '../../../kernel/context.ts';
import { likeContains } from '../../../kernel/db/like.ts';
import { AppError, Conflict, NotFound } from '../../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../../kernel/notify/inbox.ts';
import { getTicket } from '../../desk/service.ts';
import { spareMoves, spareParts, spareStock } from './tables.ts';

type PartRow = typeof spareParts.$inferSelect;
type MoveRow = typeof spareMoves.$inferSelect;
type PartInput = z.output<typeof ZSparePartInput>;
type PartPatch = z.output<typeof ZSparePartPatch>;
type MoveInput = z.output<typeof ZSpareMoveInput>;
export type SpareFilter = z.output<typeof ZSpareFilter>;

/** 409 with the numbers: what is available and what was asked for. */
export class StockShort extends AppError {
  constructor(code: string, message: string, numbers: Record<string, number | string>) {
    super(409, code, message, { extra: numbers });
  }
}

const MOVE_ZH: Record<SpareMoveKind, string> = {
  receipt: '入库',
  issue: '领用',
  return: '归还',
  reserve: '预留',
  release: '释放预留',
  adjust: '盘点调整',
};

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

async function viewsOf(ctx: Ctx, rows: PartRow[]): Promise<TSparePart[]> {
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

/** Every part of the filter (export), capped. */
export async function allSpares(ctx: Ctx, f: SpareFilter, cap = 20_000): Promise<TSparePart[]> {
  const t = totals(ctx.db);
  const rows = await ctx.db
    .select({ p: spareParts })
    .from(spareParts)
    .leftJoin(t, eq(t.partId, spareParts.id))
    .where(spareWhere(f, t))
    .orderBy(asc(spareParts.partNumber))
    .limit(cap);
  return viewsOf(
    ctx,
    rows.map((r) => r.p),
  );
}

async function loadPart(ctx: Ctx, id: string, lock = false): Promise<PartRow> {
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

async function availableTotal(ctx: Ctx, partId: string): Promise<number> {
  const [r] = await ctx.db
    .select({ a: sql<string>`coalesce(sum(${spareStock.onHand} - ${spareStock.reserved}), 0)` })
    .from(spareStock)
    .where(eq(spareStock.partId, partId));
  return Number(r?.a ?? 0);
}

/** Tells the project managers that a part fell below its minimum (called in the write's transaction). */
async function alertBelowMin(tx: Ctx, p: PartRow, available: number): Promise<void> {
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

// ---- moves ---------------------------------------------------------------------------------

/** Quantity of a ticket's moves of one part, by kind (optionally at one location). */
async function ticketSums(ctx: Ctx, partId: string, ticketId: string, location?: string): Promise<Record<string, number>> {
  const rows = await ctx.db
    .select({ kind: spareMoves.kind, qty: sql<string>`sum(${spareMoves.qty})` })
    .from(spareMoves)
    .where(and(eq(spareMoves.partId, partId), eq(spareMoves.ticketId, ticketId), location ? eq(spareMoves.location, location) : undefined))
    .groupBy(spareMoves.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.qty)]));
}

function moveView(m: MoveRow, ticketNumber: string | null): TSpareMove {
  return {
    id: m.id,
    partId: m.partId,
    location: m.location,
    kind: m.kind as SpareMoveKind,
    qty: m.qty,
    ticketId: m.ticketId,
    ticketNumber,
    note: m.note,
    actorName: m.actorName,
    at: m.at.toISOString(),
  };
}

/** Ticket numbers of the tickets the user may see (others stay unnamed). */
async function ticketNumbers(ctx: Ctx, ids: (string | null)[]): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  for (const id of new Set(ids.filter((x): x is string => !!x))) {
    try {
      m.set(id, (await getTicket(ctx, id)).number);
    } catch (e) {
      if (!(e instanceof NotFound)) throw e;
    }
  }
  return m;
}

/**
 * One stock move. issue and reserve need enough available stock at the location (409 with the
 * numbers); an issue for a ticket first consumes that ticket's reservation at the location; a return
 * for a ticket cannot exceed what the ticket took; adjust changes the on-hand count by a signed
 * quantity and may not go below what is reserved.
 */
export async function moveSpare(ctx: Ctx, partId: string, input: MoveInput): Promise<TSpareMoveResult> {
  return inTx(ctx, async (tx) => {
    const part = await loadPart(tx, partId, true); // serialises the moves of this part
    const ticketId = input.ticketId ?? null;
    const ticketNumber = ticketId ? (await getTicket(tx, ticketId)).number : null; // 404 outside the user's scope
    const before = await availableTotal(tx, partId);
    const now = tx.now();
    const { kind, location, qty } = input;
    if (kind === 'receipt' || kind === 'return' || kind === 'adjust')
      await tx.db.insert(spareStock).values({ partId, location, onHand: 0, reserved: 0, updatedAt: now }).onConflictDoNothing();
    const [row] = await tx.db
      .select()
      .from(spareStock)
      .where(and(eq(spareStock.partId, partId), eq(spareStock.location, location)))
      .for('update');
    let onHand = row?.onHand ?? 0;
    let reserved = row?.reserved ?? 0;
    const stockBefore = { onHand, reserved };
    const extra: { kind: SpareMoveKind; qty: number; note: string }[] = [];
    const short = (what: string, have: number) =>
      new StockShort('spare.insufficient', `${location} 的“${part.name}”${what}不足：可用 ${have} ${part.unit}，需要 ${qty} ${part.unit}`, {
        available: have,
        requested: qty,
        onHand,
        reserved,
        location,
      });
    switch (kind) {
      case 'receipt':
        onHand += qty;
        break;
      case 'issue': {
        // The ticket's own reservation here is released into the issue first.
        if (ticketId) {
          const s = await ticketSums(tx, partId, ticketId, location);
          const held = Math.min((s.reserve ?? 0) - (s.release ?? 0), qty, reserved);
          if (held > 0) {
            reserved -= held;
            extra.push({ kind: 'release', qty: held, note: '领用时释放本单预留' });
          }
        }
        if (onHand - reserved < qty) throw short('可用库存', onHand - reserved);
        onHand -= qty;
        break;
      }
      case 'return':
        if (ticketId) {
          const s = await ticketSums(tx, partId, ticketId);
          const out = (s.issue ?? 0) - (s.return ?? 0);
          if (qty > out)
            throw new StockShort('spare.return_exceeds', `该运维单领用未归还的“${part.name}”只有 ${out} ${part.unit}`, {
              outstanding: out,
              requested: qty,
            });
        }
        onHand += qty;
        break;
      case 'reserve':
        if (onHand - reserved < qty) throw short('可用库存', onHand - reserved);
        reserved += qty;
        break;
      case 'release': {
        let limit = reserved;
        if (ticketId) {
          const s = await ticketSums(tx, partId, ticketId, location);
          limit = Math.min(limit, (s.reserve ?? 0) - (s.release ?? 0));
        }
        if (qty > limit)
          throw new StockShort('spare.release_exceeds', `${location} 可释放的预留只有 ${limit} ${part.unit}`, {
            reserved: limit,
            requested: qty,
          });
        reserved -= qty;
        break;
      }
      case 'adjust':
        if (onHand + qty < reserved)
          throw new StockShort(
            'spare.adjust_below_reserved',
            `调整后在库 ${onHand + qty} ${part.unit} 少于已预留 ${reserved} ${part.unit}`,
            {
              onHand,
              reserved,
              requested: qty,
            },
          );
        onHand += qty;
        break;
    }
    await tx.db
      .update(spareStock)
      .set({ onHand, reserved, updatedAt: now })
      .where(and(eq(spareStock.partId, partId), eq(spareStock.location, location)));
    await tx.db.update(spareParts).set({ updatedAt: now }).where(eq(spareParts.id, partId));
    const actor = { actorId: tx.actor && tx.actor.via !== 'system' ? tx.actor.id : null, actorName: tx.actor?.displayName ?? '' };
    for (const e of extra)
      await tx.db.insert(spareMoves).values({ partId, location, kind: e.kind, qty: e.qty, ticketId, note: e.note, at: now, ...actor });
    const [move] = await tx.db
      .insert(spareMoves)
      .values({ partId, location, kind, qty, ticketId, note: input.note, at: now, ...actor })
      .returning();
    const after = before + (onHand - reserved) - (stockBefore.onHand - stockBefore.reserved);
    const alerted = part.minLevel > 0 && before >= part.minLevel && after < part.minLevel;
    if (alerted) await alertBelowMin(tx, part, after);
    const [view] = await viewsOf(tx, [part]);
    await audit(tx, {
      action: `spare.${kind}`,
      objectType: 'spare_part',
      objectId: partId,
      before: stockBefore,
      after: { onHand, reserved },
      detail: {
        partNumber: part.partNumber,
        location,
        qty,
        ticketId,
        ticketNumber,
        note: input.note,
        move: MOVE_ZH[kind],
        availableTotal: after,
      },
    });
    return { part: view!, move: moveView(move!, ticketNumber), alerted };
  });
}

export async function listMoves(
  ctx: Ctx,
  partId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: TSpareMove[]; total: number }> {
  await loadPart(ctx, partId);
  const [rows, [n]] = await Promise.all([
    ctx.db
      .select()
      .from(spareMoves)
      .where(eq(spareMoves.partId, partId))
      .orderBy(desc(spareMoves.at), desc(spareMoves.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    ctx.db.select({ n: count() }).from(spareMoves).where(eq(spareMoves.partId, partId)),
  ]);
  const numbers = await ticketNumbers(
    ctx,
    rows.map((r) => r.ticketId),
  );
  return { items: rows.map((r) => moveView(r, r.ticketId ? (numbers.get(r.ticketId) ?? null) : null)), total: Number(n?.n ?? 0) };
}

/** The parts a ticket used (issued − returned) and still holds reserved; 404 outside the user's scope. */
export async function ticketSpares(ctx: Ctx, ticketId: string): Promise<TTicketSpares> {
  const t = await getTicket(ctx, ticketId);
  const rows = await ctx.db
    .select({ m: spareMoves, partNumber: spareParts.partNumber, name: spareParts.name, unit: spareParts.unit })
    .from(spareMoves)
    .innerJoin(spareParts, eq(spareParts.id, spareMoves.partId))
    .where(eq(spareMoves.ticketId, ticketId))
    .orderBy(asc(spareMoves.at), asc(spareMoves.id));
  const per = new Map<string, TTicketSpares['items'][number]>();
  for (const r of rows) {
    const x = per.get(r.m.partId) ?? {
      partId: r.m.partId,
      partNumber: r.partNumber,
      name: r.name,
      unit: r.unit,
      issued: 0,
      returned: 0,
      used: 0,
      reserved: 0,
    };
    if (r.m.kind === 'issue') x.issued += r.m.qty;
    if (r.m.kind === 'return') x.returned += r.m.qty;
    if (r.m.kind === 'reserve') x.reserved += r.m.qty;
    if (r.m.kind === 'release') x.reserved -= r.m.qty;
    x.used = x.issued - x.returned;
    per.set(r.m.partId, x);
  }
  return {
    items: [...per.values()],
    moves: rows.map((r) => ({ ...moveView(r.m, t.number), partNumber: r.partNumber, partName: r.name })),
  };
}
