// What other modules may read of the desk (ARCHITECTURE.md: a module uses another only through its
// read functions): a ticket's summary for whoever links to it (spare parts, asset history).
import { desc, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { readTicket } from './service.ts';
import { tickets } from './tables.ts';

export interface TicketSummary {
  id: string;
  number: string;
  title: string;
  status: string;
  serviceLine: string;
  reportedAt: Date;
}

/** One ticket in the actor's scope (404 ticket.not_found otherwise, as the desk itself answers). */
export async function ticketSummary(ctx: Ctx, id: string): Promise<TicketSummary> {
  const t = await readTicket(ctx, id);
  return { id: t.id, number: t.number, title: t.title, status: t.status, serviceLine: t.serviceLine, reportedAt: t.reportedAt };
}

/**
 * Tickets whose assets text names `text` (an asset number), and those of `ids` (tickets an asset's
 * history links), newest first: the asset's history shows them. No scope: only number, title and
 * status leave the desk.
 */
export async function ticketsMentioning(
  ctx: Ctx,
  text: string,
  limit: number,
  ids: string[] = [],
): Promise<Omit<TicketSummary, 'serviceLine'>[]> {
  const c: SQL[] = [];
  if (text.trim()) c.push(ilike(tickets.assetsText, likeContains(text)));
  if (ids.length) c.push(inArray(tickets.id, ids));
  if (!c.length) return [];
  return ctx.db
    .select({ id: tickets.id, number: tickets.number, title: tickets.title, status: tickets.status, reportedAt: tickets.reportedAt })
    .from(tickets)
    .where(or(...c))
    .orderBy(desc(tickets.reportedAt))
    .limit(limit + ids.length);
}
