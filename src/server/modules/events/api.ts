// What other modules may read of the event centre (ARCHITECTURE.md: a module uses another only through
// its read functions): an alert by id (secops records responses on it), stored events whose message
// matches words (secops reads signature-update lines), and the storing of lines as if received, then a
// correlation pass (secops's demo plays a brute force so its alert exists at load time).
import { desc, eq, inArray } from 'drizzle-orm';
import type { TEventAlert } from '../../../common/events.ts';
import type { Ctx } from '../../kernel/context.ts';
import { alertView, correlate } from './correlation/service.ts';
import { normalise } from './normalise.ts';
import { eventStore, writeEvents, type StoredLine } from './store.ts';
import { evtAlerts, evtSources } from './tables.ts';

export { correlate };
/** The demo's brute-force rule (tests of other modules raise a real alert with it). */
export { BRUTE_FORCE_RULE } from './correlation/samples.ts';

/** The alert with this id, or null. */
export async function alertById(ctx: Ctx, id: string): Promise<TEventAlert | null> {
  const [a] = await ctx.db.select().from(evtAlerts).where(eq(evtAlerts.id, id));
  return a ? alertView(a) : null;
}

/** The latest alert raised for this group key (a source address…), or null. */
export async function alertByKey(ctx: Ctx, key: string): Promise<TEventAlert | null> {
  const [a] = await ctx.db.select().from(evtAlerts).where(eq(evtAlerts.key, key)).orderBy(desc(evtAlerts.lastAt)).limit(1);
  return a ? alertView(a) : null;
}

/** These alerts by id (unknown ids left out). */
export async function alertsByIds(ctx: Ctx, ids: readonly string[]): Promise<TEventAlert[]> {
  if (!ids.length) return [];
  return (
    await ctx.db
      .select()
      .from(evtAlerts)
      .where(inArray(evtAlerts.id, [...ids]))
  ).map(alertView);
}

export type { StoredLine };

/** Events received in [from, to) whose message contains one of these words, oldest first, at most `limit`. */
export async function eventsMentioning(
  ctx: Ctx,
  q: { from: Date; to: Date; words: readonly string[]; limit: number },
): Promise<StoredLine[]> {
  return eventStore().mentioning(ctx, q);
}

/** Stores lines as the receiver would have from this sender (its registered vendor and charset), no filters. */
export async function storeLines(ctx: Ctx, address: string, lines: readonly Buffer[], at: Date): Promise<void> {
  const [s] = await ctx.db.select().from(evtSources).where(eq(evtSources.address, address));
  const setting = s ? { vendor: s.vendor, charset: s.charset } : undefined;
  await writeEvents(
    ctx,
    lines.map((l, i) => normalise(l, address, setting, new Date(at.getTime() + i))),
  );
}
