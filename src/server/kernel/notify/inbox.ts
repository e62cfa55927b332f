// kernel/notify/inbox: the in-app bell. Any module tells users something with notifyUsers(), inside
// its own transaction; e-mail and chat robots are sent afterwards from these rows (never inside a
// transaction), as each user's preferences say.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { notifications, userRoles, users } from '../db/tables.ts';
import type { Severity } from './types.ts';

export interface InAppNotice {
  userIds: string[];
  /** Event code such as 'ticket.sla_warning'; preferences are per event. */
  event: string;
  title: string;
  body?: string;
  /** Path inside the product, e.g. `/desk/tickets/<id>`. */
  link?: string;
  severity?: Severity;
  objectType?: string;
  objectId?: string;
}

/** Records one notification per distinct user (the acting user is not told about their own act). */
export async function notifyUsers(ctx: Ctx, n: InAppNotice): Promise<number> {
  const ids = [...new Set(n.userIds)].filter((id) => id !== ctx.actor?.id);
  if (!ids.length) return 0;
  const now = ctx.now();
  await ctx.db.insert(notifications).values(
    ids.map((userId) => ({
      userId,
      event: n.event,
      severity: n.severity ?? 'info',
      title: n.title,
      body: n.body ?? '',
      link: n.link ?? null,
      objectType: n.objectType ?? null,
      objectId: n.objectId ?? null,
      createdAt: now,
    })),
  );
  return ids.length;
}

/** Active users holding any of the roles; with serviceLine, only those assigned to that line. */
export async function usersWithRoles(ctx: Ctx, roleCodes: string[], opts: { serviceLine?: string } = {}): Promise<string[]> {
  if (!roleCodes.length) return [];
  const rows = await ctx.db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        inArray(userRoles.roleCode, roleCodes),
        eq(users.disabled, false),
        opts.serviceLine ? sql`${opts.serviceLine} = ANY(${users.serviceLines})` : undefined,
      ),
    );
  return rows.map((r) => r.id);
}
