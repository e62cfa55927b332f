// kernel/notify/resolve: a notice that asks for something (confirm this ticket, approve this request)
// is done for every recipient once anyone does it (issue 11 point 10). The module that completes the
// action calls resolveNotices() in the same transaction, naming the object and the action the notice
// was recorded with (InAppNotice.action); the bell then shows it as handled and stops counting it.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { notifications } from '../db/tables.ts';
import { publishRead } from './live.ts';

export interface NoticeTarget {
  /** The object the notices are about, as recorded (objectType, objectId). */
  entity: { type: string; id: string };
  /** One action or several; omitted: every open ask about the object (it was merged, cancelled). */
  action?: string | readonly string[];
}

/**
 * Marks the open asks about an object done (and read) for every recipient, in the caller's
 * transaction; the recipients' bells hear it on commit. Returns how many notices it closed.
 */
export async function resolveNotices(tx: Ctx, t: NoticeTarget): Promise<number> {
  const actions = t.action === undefined ? null : typeof t.action === 'string' ? [t.action] : [...t.action];
  if (actions && !actions.length) return 0;
  const now = tx.now();
  const rows = await tx.db
    .update(notifications)
    .set({ resolvedAt: now, readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(
      and(
        eq(notifications.objectId, t.entity.id),
        eq(notifications.objectType, t.entity.type),
        actions ? inArray(notifications.action, actions) : sql`${notifications.action} IS NOT NULL`,
        isNull(notifications.resolvedAt),
      ),
    )
    .returning({ userId: notifications.userId });
  for (const u of new Set(rows.map((r) => r.userId))) await publishRead(tx, u);
  return rows.length;
}
