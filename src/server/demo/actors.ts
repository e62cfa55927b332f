// The demo acts through the product's own services as its demo users, with their roles and
// permissions (so timelines, audit records and notifications are what real use leaves behind).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../kernel/context.ts';
import { userRoles, users } from '../kernel/db/tables.ts';
import { permissionsOf } from '../kernel/rbac.ts';

/** ctx acting as the demo user `username`; with `at`, at that moment of the story. */
export async function as(ctx: Ctx, username: string, at?: Date): Promise<Ctx> {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!u) throw new Error(`demo user ${username} missing`);
  const roles = (await ctx.db.select({ code: userRoles.roleCode }).from(userRoles).where(eq(userRoles.userId, u.id))).map((r) => r.code);
  const { permissions } = await permissionsOf(ctx.db, roles);
  return {
    ...ctx,
    ...(at ? { now: () => at } : {}),
    actor: { id: u.id, username: u.username, displayName: u.displayName, roles, permissions, serviceLines: u.serviceLines, via: 'session' },
  };
}
