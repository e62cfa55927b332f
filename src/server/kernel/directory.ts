// Who the users are, for modules, which never read the kernel's users, roles or grants tables
// themselves (ARCHITECTURE.md): display names, and the active holders of a role or permission.
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { likeContains } from './db/like.ts';
import type { Ctx } from './context.ts';
import { rolePermissions, userRoles, users } from './db/tables.ts';
import { usersWithRoles } from './notify/inbox.ts';

/** Display names of these users (ids that are null or unknown are left out), in one statement. */
export async function userNames(ctx: Ctx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active users of the roles that hold a permission (roles are data: role_permissions). */
export async function usersWithPermission(ctx: Ctx, permission: string): Promise<string[]> {
  const roles = await ctx.db
    .select({ code: rolePermissions.roleCode })
    .from(rolePermissions)
    .where(eq(rolePermissions.permission, permission));
  return usersWithRoles(
    ctx,
    roles.map((r) => r.code),
  );
}

export interface RoleHolder {
  id: string;
  displayName: string;
  username: string;
  phone: string;
  /** Of `roles`, the one the user holds whose code sorts first. */
  role: string;
}

/**
 * Active users holding any of `roles` and assigned to `serviceLine`, each once (under the role whose
 * code sorts first), by role code then name.
 */
export async function roleHoldersOnLine(ctx: Ctx, roles: string[], serviceLine: string): Promise<RoleHolder[]> {
  if (!roles.length) return [];
  const rows = await ctx.db
    .selectDistinct({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      phone: users.phone,
      role: userRoles.roleCode,
    })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(inArray(userRoles.roleCode, roles), eq(users.disabled, false), sql`${serviceLine} = ANY(${users.serviceLines})`))
    .orderBy(asc(userRoles.roleCode), asc(users.displayName));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({ ...r, phone: r.phone ?? '' }));
}

/** The phone number on a user's account ('' when none is on file). */
export async function userPhone(ctx: Ctx, id: string): Promise<string> {
  const [u] = await ctx.db.select({ phone: users.phone }).from(users).where(eq(users.id, id)).limit(1);
  return u?.phone?.trim() ?? '';
}

/**
 * Who may see an object, as a module states it: holders of `permission` (through any role), narrowed
 * to the users assigned to `serviceLine` and/or to the one user `userId` when given.
 */
export interface Audience {
  permission: string;
  serviceLine?: string;
  userId?: string | null;
}

export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
}

/**
 * Active users in any of the audiences: those whose username or display name contains `q`, or those
 * named in `usernames` (case-insensitive), by display name, at most `limit` (the @mention lookup of
 * the desk's comments: only people who can see the ticket are offered or told).
 */
export async function usersInAudience(
  ctx: Ctx,
  audiences: Audience[],
  opts: { q?: string | undefined; usernames?: string[]; limit: number },
): Promise<DirectoryUser[]> {
  const any = audiences
    .filter((a) => a.userId !== null)
    .map((a) =>
      and(
        inArray(
          users.id,
          ctx.db
            .select({ id: userRoles.userId })
            .from(userRoles)
            .innerJoin(rolePermissions, eq(rolePermissions.roleCode, userRoles.roleCode))
            .where(eq(rolePermissions.permission, a.permission)),
        ),
        a.serviceLine ? sql`${a.serviceLine}::text = ANY(${users.serviceLines})` : undefined,
        a.userId ? eq(users.id, a.userId) : undefined,
      ),
    );
  if (!any.length || (opts.usernames && !opts.usernames.length)) return [];
  const named = opts.usernames
    ? inArray(
        sql`lower(${users.username})`,
        opts.usernames.map((u) => u.toLowerCase()),
      )
    : undefined;
  const like = opts.q ? or(ilike(users.username, likeContains(opts.q)), ilike(users.displayName, likeContains(opts.q))) : undefined;
  return ctx.db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.disabled, false), or(...any), named, like))
    .orderBy(asc(users.displayName), asc(users.username))
    .limit(opts.limit);
}

export interface UserCard {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  disabled: boolean;
}

/** Name, username and phone of these users (unknown ids left out), in one statement: who is on duty. */
export async function userCards(ctx: Ctx, ids: (string | null | undefined)[]): Promise<Map<string, UserCard>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map();
  const rows = await ctx.db
    .select({ id: users.id, username: users.username, displayName: users.displayName, phone: users.phone, disabled: users.disabled })
    .from(users)
    .where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r]));
}
