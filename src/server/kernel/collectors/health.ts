// What GET /api/health reports about collectors: every live collector node's last published health,
// read from the database, so an API node reports collectors that run in another process.
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { collectorNodes } from '../db/tables.ts';
import type { CollectorHealth } from './types.ts';

export interface CollectorNodeHealth {
  node: string;
  startedAt: string;
  /** When the node last published (the database's clock). */
  seenAt: string;
  /** How long ago that was, against the caller's clock (for display; liveness is judged by the database). */
  ageMs: number;
  collectors: CollectorHealth[];
}

/**
 * The live collector nodes (seen within their lease period, by the database's clock) with the health
 * each last published, at most a third of a lease period old.
 */
export async function collectorHealth(db: Db, now: Date): Promise<{ nodes: CollectorNodeHealth[] }> {
  const rows = await db
    .select()
    .from(collectorNodes)
    .where(sql`${collectorNodes.seenAt} > now() - ${collectorNodes.leaseMs} * interval '1 millisecond'`)
    .orderBy(asc(collectorNodes.node));
  return {
    nodes: rows.map((r) => ({
      node: r.node,
      startedAt: r.startedAt.toISOString(),
      seenAt: r.seenAt.toISOString(),
      ageMs: Math.max(0, now.getTime() - r.seenAt.getTime()),
      collectors: r.health as CollectorHealth[],
    })),
  };
}
