// R-AST-04: the full history of an asset — every change ({field: [before, after]}), every movement
// and every linked ticket. Other parts of the module (movements, EOS, procurement) append here too.
import { desc, eq } from 'drizzle-orm';
import type { TAssetHistoryEntry } from '../../../../common/assets.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { ticketsMentioning } from '../../desk/api.ts';
import { assetHistory } from './tables.ts';

/** Appends one history entry in the caller's transaction, by the acting user. */
export async function appendHistory(
  tx: Ctx,
  assetId: string,
  kind: string,
  note: string,
  data?: unknown,
  ticketId?: string | null,
): Promise<void> {
  const a = tx.actor;
  await tx.db.insert(assetHistory).values({
    assetId,
    at: tx.now(),
    kind,
    actorId: a && a.via !== 'system' ? a.id : null,
    actorName: a?.displayName ?? '',
    note,
    data: data ?? null,
    ticketId: ticketId ?? null,
  });
}

/** The asset's history, newest first, merged with the tickets that name the asset's number. */
export async function listHistory(ctx: Ctx, assetId: string, number: string, limit = 500): Promise<TAssetHistoryEntry[]> {
  const rows = await ctx.db
    .select()
    .from(assetHistory)
    .where(eq(assetHistory.assetId, assetId))
    .orderBy(desc(assetHistory.at), desc(assetHistory.id))
    .limit(limit);
  const linkedIds = [...new Set(rows.map((r) => r.ticketId).filter((x): x is string => !!x))];
  const tickets = await ticketsMentioning(ctx, number, 100, linkedIds);
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const out: TAssetHistoryEntry[] = rows.map((r) => {
    const t = r.ticketId ? byId.get(r.ticketId) : undefined;
    return {
      id: String(r.id),
      at: r.at.toISOString(),
      kind: r.kind,
      actorName: r.actorName,
      note: r.note,
      data: r.data ?? null,
      ticketId: r.ticketId,
      ticketNumber: t?.number ?? null,
      ticketTitle: t?.title ?? null,
      ticketStatus: t?.status ?? null,
    };
  });
  // Tickets that mention the asset but were never linked by an entry appear as their own events.
  const linked = new Set(rows.map((r) => r.ticketId).filter(Boolean));
  for (const t of tickets) {
    if (linked.has(t.id)) continue;
    out.push({
      id: `ticket:${t.id}`,
      at: t.reportedAt.toISOString(),
      kind: 'ticket',
      actorName: '',
      note: `运维单 ${t.number}：${t.title}`,
      data: null,
      ticketId: t.id,
      ticketNumber: t.number,
      ticketTitle: t.title,
      ticketStatus: t.status,
    });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}
