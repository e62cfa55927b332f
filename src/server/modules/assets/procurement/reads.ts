// Reading procurement consulting (R-AST-07): the list, one procurement with its quotes compared on
// price and fit, and the assets its receipt registered.
import { and, asc, count, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  quoteScore,
  type ProcurementStatus,
  type TProcurement,
  type TProcurementSummary,
  type TQuote,
  type ZProcurementQuery,
} from '../../../../common/procure.ts';
import { dateOf } from '../../../../common/dates.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { userNames } from '../../../kernel/directory.ts';
import { likeContains } from '../../../kernel/db/like.ts';
import { NotFound } from '../../../kernel/errors.ts';
import { assetHistory, assets } from '../register/tables.ts';
import { procurementQuotes, procurements } from './tables.ts';

type ProcRow = typeof procurements.$inferSelect;
type QuoteRow = typeof procurementQuotes.$inferSelect;

export async function load(ctx: Ctx, id: string, lock = false): Promise<ProcRow> {
  const q = ctx.db.select().from(procurements).where(eq(procurements.id, id)).limit(1);
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw new NotFound('procure.not_found', '采购咨询不存在');
  return p;
}

/** The quotes compared: total, price rank (1 = cheapest), combined score, cheapest / best fit / recommended marks. */
export function compareQuotes(
  quotes: QuoteRow[],
  quantity: number,
  today: string,
): { quotes: TQuote[]; recommendedQuoteId: string | null } {
  const price = (q: QuoteRow) => Number(q.unitPrice);
  const live = quotes.filter((q) => !q.validUntil || q.validUntil >= today);
  const cheapest = Math.min(...quotes.map(price));
  const liveCheapest = live.length ? Math.min(...live.map(price)) : cheapest;
  const bestFit = Math.max(0, ...quotes.map((q) => q.fitScore ?? 0));
  const prices = [...new Set(quotes.map(price))].sort((a, b) => a - b);
  let rec: QuoteRow | null = null;
  let recScore = -1;
  for (const q of live) {
    const s = quoteScore(price(q), liveCheapest, q.fitScore ?? 0);
    if (s > recScore || (s === recScore && rec && price(q) < price(rec))) {
      rec = q;
      recScore = s;
    }
  }
  return {
    recommendedQuoteId: rec?.id ?? null,
    quotes: quotes.map((q) => ({
      id: q.id,
      vendor: q.vendor,
      model: q.model,
      unitPrice: price(q),
      total: Math.round(price(q) * quantity * 100) / 100,
      functionNotes: q.functionNotes,
      fitScore: q.fitScore,
      validUntil: q.validUntil,
      expired: !!q.validUntil && q.validUntil < today,
      priceRank: prices.indexOf(price(q)) + 1,
      score: quoteScore(price(q), cheapest, q.fitScore ?? 0),
      cheapest: price(q) === cheapest,
      bestFit: (q.fitScore ?? 0) === bestFit && bestFit > 0,
      recommended: q.id === rec?.id,
      createdAt: q.createdAt.toISOString(),
    })),
  };
}

function summary(p: ProcRow, quotes: QuoteRow[]): TProcurementSummary {
  const chosen = quotes.find((q) => q.id === p.chosenQuoteId) ?? null;
  return {
    id: p.id,
    title: p.title,
    needs: p.needs,
    classCode: p.classCode,
    quantity: p.quantity,
    status: p.status as ProcurementStatus,
    quoteCount: quotes.length,
    lowestUnitPrice: quotes.length ? Math.min(...quotes.map((q) => Number(q.unitPrice))) : null,
    chosenQuoteId: p.chosenQuoteId,
    chosenVendor: chosen?.vendor ?? null,
    chosenTotal: chosen ? Math.round(Number(chosen.unitPrice) * p.quantity * 100) / 100 : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function listProcurements(
  ctx: Ctx,
  q: z.output<typeof ZProcurementQuery>,
): Promise<{ items: TProcurementSummary[]; total: number }> {
  const where = and(
    q.status ? eq(procurements.status, q.status) : undefined,
    q.q ? ilike(procurements.title, likeContains(q.q)) : undefined,
  );
  const [rows, [n]] = await Promise.all([
    ctx.db
      .select()
      .from(procurements)
      .where(where)
      .orderBy(desc(procurements.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(procurements).where(where),
  ]);
  const quotes = rows.length
    ? await ctx.db
        .select()
        .from(procurementQuotes)
        .where(
          inArray(
            procurementQuotes.procurementId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    items: rows.map((r) =>
      summary(
        r,
        quotes.filter((x) => x.procurementId === r.id),
      ),
    ),
    total: Number(n?.n ?? 0),
  };
}

export async function getProcurement(ctx: Ctx, id: string): Promise<TProcurement> {
  const p = await load(ctx, id);
  const quotes = await ctx.db
    .select()
    .from(procurementQuotes)
    .where(eq(procurementQuotes.procurementId, id))
    .orderBy(asc(procurementQuotes.createdAt));
  const names = await userNames(ctx, [p.requestedBy, p.decidedBy]);
  const bought = await ctx.db
    .select({ id: assets.id, number: assets.number, name: assets.name, serial: assets.serial })
    .from(assetHistory)
    .innerJoin(assets, eq(assets.id, assetHistory.assetId))
    .where(and(eq(assetHistory.kind, 'procurement'), sql`${assetHistory.data}->>'procurementId' = ${id}`))
    .orderBy(asc(assets.number));
  const cmp = compareQuotes(quotes, p.quantity, dateOf(ctx.now()));
  return {
    ...summary(p, quotes),
    ...cmp,
    requestedByName: p.requestedBy ? (names.get(p.requestedBy) ?? null) : null,
    decidedByName: p.decidedBy ? (names.get(p.decidedBy) ?? null) : null,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionComment: p.decisionComment,
    receivedAt: p.receivedAt?.toISOString() ?? null,
    assets: bought,
  };
}
