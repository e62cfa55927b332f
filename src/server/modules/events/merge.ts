// Merging (issue 13 point 2), the same for every event store: identical events (same fingerprint)
// within MERGE_MS of a stored row's first sighting add to that row's count and last seen instead of
// making a new row. The store finds the open rows (openWindow says where to look); planMerge says
// which rows are new and how much each open row grows.
import { randomUUID } from 'node:crypto';
import type { EventRow } from './normalise.ts';

export const MERGE_MS = 60_000;

/** An event as stored: the normalised fields, its id, how many it stands for and when last seen. */
export type StoredEvent = Omit<EventRow, 'truncated'> & { id: string; lastSeen: Date; count: number };

/** A stored row a batch may merge into (a store may carry more of the row along). */
export interface OpenRow {
  id: string;
  receivedAt: Date;
  fingerprint: string;
}

/** The fingerprints and receive times where a batch's open rows can be. */
export function openWindow(rows: readonly EventRow[]): { fingerprints: string[]; from: Date; to: Date } {
  const times = rows.map((r) => r.receivedAt.getTime());
  return {
    fingerprints: [...new Set(rows.map((r) => r.fingerprint))],
    from: new Date(Math.min(...times) - MERGE_MS),
    to: new Date(Math.max(...times)),
  };
}

interface Target<R> {
  receivedAt: Date;
  fresh?: StoredEvent;
  open?: R;
  add: number;
  last: Date;
}

/** New rows to append, and for open rows merged into: how many more and the latest sighting. */
export function planMerge<R extends OpenRow>(
  rows: readonly EventRow[],
  found: readonly R[],
): { inserts: StoredEvent[]; updates: { row: R; add: number; last: Date }[] } {
  const open = new Map<string, Target<R>>();
  for (const f of found) {
    const had = open.get(f.fingerprint);
    if (!had || had.receivedAt < f.receivedAt) open.set(f.fingerprint, { receivedAt: f.receivedAt, open: f, add: 0, last: f.receivedAt });
  }
  const touched = new Set<Target<R>>();
  for (const r of [...rows].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())) {
    const t = open.get(r.fingerprint);
    if (t && r.receivedAt.getTime() - t.receivedAt.getTime() < MERGE_MS) {
      if (t.fresh) t.fresh.count += 1;
      else t.add += 1;
      if (r.receivedAt > t.last) t.last = r.receivedAt;
      touched.add(t);
      continue;
    }
    const { truncated: _t, ...rest } = r;
    const n: Target<R> = {
      receivedAt: r.receivedAt,
      fresh: { ...rest, id: randomUUID(), lastSeen: r.receivedAt, count: 1 },
      add: 0,
      last: r.receivedAt,
    };
    open.set(r.fingerprint, n);
    touched.add(n);
  }
  const all = [...touched];
  return {
    inserts: all.filter((t) => t.fresh).map((t) => ({ ...t.fresh!, lastSeen: t.last })),
    updates: all.filter((t) => t.open && t.add > 0).map((t) => ({ row: t.open!, add: t.add, last: t.last })),
  };
}
