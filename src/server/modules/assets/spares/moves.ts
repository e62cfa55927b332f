// Spare-part moves (R-AST-05) — the moves that change the stock:
// receipt, issue, return, reserve, release, adjust — each linked to the ticket that used the part.
// A move locks the part row and then its stock row (SELECT … FOR UPDATE), so concurrent issues
// queue up and never take stock below zero, and the sum over locations before and after the move is
// exact: when available stock crosses below the minimum the project managers are told, once per
// crossing.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  SpareMoveKind,
  TSpareMove,
  TSpareMoveResult,
  TTicketSpares,
  ZSpareFilter,
  ZSpareMoveInput,
} from '../../../../common/spares.ts';
import { audit } from '../../../kernel/audit.ts';
import { actorId, type Ctx, inTx } from '../../../kernel/context.ts';
import { AppError, NotFound } from '../../../kernel/errors.ts';
import { ticketSummary } from '../../desk/api.ts';
import { alertBelowMin, availableTotal, loadPart, viewsOf } from './parts.ts';
import { spareMoves, spareParts, spareStock } from './tables.ts';

type MoveRow = typeof spareMoves.$inferSelect;
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
      m.set(id, (await ticketSummary(ctx, id)).number);
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
    const ticketNumber = ticketId ? (await ticketSummary(tx, ticketId)).number : null; // 404 outside the user's scope
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
    const actor = { actorId: actorId(tx), actorName: tx.actor?.displayName ?? '' };
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
  const t = await ticketSummary(ctx, ticketId);
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
