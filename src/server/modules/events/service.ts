// Reading events and keeping the sources (issue 13, "Public API (stable)"). Every event query carries a
// time range (the partitions are pruned): without `from` the last 7 days. The events are read through
// the event store (store.ts: PostgreSQL or ClickHouse); sources and unknown senders are PostgreSQL tables.
import { asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../kernel/audit.ts';
import { collectorHealth } from '../../kernel/collectors/runtime.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import {
  SEVERITIES,
  type TEvent,
  type TEventSource,
  type TEventStats,
  type TReceiverStatus,
  type TUnknownSource,
  type ZEventQuery,
  type ZEventSourceInput,
  type ZEventStatsQuery,
} from '../../../common/events.ts';
import { eventStore, type EventSearch } from './store.ts';
import { evtSources, evtUnknownSources } from './tables.ts';

type Query = z.output<typeof ZEventQuery>;
type Filters = z.output<typeof ZEventStatsQuery>;
export const DEFAULT_DAYS = 7;

function range(ctx: Ctx, q: Filters): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : new Date(ctx.now().getTime() + 86_400_000);
  const from = q.from ? new Date(q.from) : new Date(ctx.now().getTime() - DEFAULT_DAYS * 86_400_000);
  if (from >= to) throw new Invalid('events.range', '开始时间应早于结束时间');
  return { from, to };
}

const search = (ctx: Ctx, q: Filters): EventSearch => ({ ...range(ctx, q), q: q.q, host: q.host, severity: q.severity });

export async function listEvents(ctx: Ctx, q: Query): Promise<{ items: TEvent[]; total: number }> {
  return eventStore().list(ctx, search(ctx, q), q.pageSize, (q.page - 1) * q.pageSize);
}

/** Bucket sizes for the chart: the smallest that keeps it at most 120 points. */
const BUCKETS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 86_400];

/** Events (merged counts summed) per bucket and severity, buckets without events left out. */
export async function eventStats(ctx: Ctx, q: Filters): Promise<TEventStats> {
  const { from, to } = range(ctx, q);
  const span = (to.getTime() - from.getTime()) / 1000;
  const bucketSec = BUCKETS.find((b) => span / b <= 120) ?? 7 * 86_400;
  const rows = await eventStore().stats(ctx, search(ctx, q), bucketSec);
  const points = new Map<string, TEventStats['points'][number]>();
  for (const r of rows) {
    const key = r.at.toISOString();
    const p = points.get(key) ?? {
      at: key,
      ...(Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<(typeof SEVERITIES)[number], number>),
    };
    if ((SEVERITIES as readonly string[]).includes(r.severity)) p[r.severity as (typeof SEVERITIES)[number]] += r.n;
    points.set(key, p);
  }
  return { bucketSec, points: [...points.values()] };
}

const sourceView = (r: typeof evtSources.$inferSelect): TEventSource => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function listSources(ctx: Ctx): Promise<{ items: TEventSource[] }> {
  return { items: (await ctx.db.select().from(evtSources).orderBy(asc(evtSources.name))).map(sourceView) };
}

export async function addSource(ctx: Ctx, input: z.output<typeof ZEventSourceInput>): Promise<TEventSource> {
  return inTx(ctx, async (tx) => {
    const [dup] = await tx.db.select({ id: evtSources.id }).from(evtSources).where(eq(evtSources.address, input.address));
    if (dup) throw new Conflict('events.source.duplicate', `地址 ${input.address} 已登记为日志源`);
    const [r] = await tx.db
      .insert(evtSources)
      .values({ ...input, createdAt: tx.now() })
      .returning();
    // A registered sender is no longer unknown.
    await tx.db.delete(evtUnknownSources).where(eq(evtUnknownSources.address, input.address));
    await audit(tx, { action: 'events.source.create', objectType: 'evt_source', objectId: r!.id, after: r! });
    return sourceView(r!);
  });
}

export async function removeSource(ctx: Ctx, id: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [r] = await tx.db.delete(evtSources).where(eq(evtSources.id, id)).returning();
    if (!r) throw new NotFound('events.source.not_found', '日志源不存在');
    await audit(tx, { action: 'events.source.delete', objectType: 'evt_source', objectId: id, before: r });
  });
}

export async function unknownSources(ctx: Ctx): Promise<{ items: TUnknownSource[] }> {
  const rows = await ctx.db.select().from(evtUnknownSources).orderBy(desc(evtUnknownSources.lastSeen)).limit(500);
  return { items: rows.map((r) => ({ ...r, firstSeen: r.firstSeen.toISOString(), lastSeen: r.lastSeen.toISOString() })) };
}

/** What each collector node's receiver counted since it started (issue 13 point 1: drops are shown). */
export async function receiverStatus(ctx: Ctx): Promise<TReceiverStatus> {
  const { nodes } = await collectorHealth(ctx.db, ctx.now());
  return {
    nodes: nodes.flatMap((n) =>
      n.collectors.filter((c) => c.id === 'events.syslog').map((c) => ({ node: n.node, state: c.state, counters: c.counters ?? {} })),
    ),
  };
}
