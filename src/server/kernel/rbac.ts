// Roles and permissions as data. The built-in roles are seeded and kept in step with the catalogue;
// the security admin edits permissions and adds roles.
import { asc, count, eq, inArray } from 'drizzle-orm';
import { rolePermissions, roles, settings, userRoles } from './db/tables.ts';
import { audit } from './audit.ts';
import { catalogue } from './catalogue.ts';
import { defaultGrants, type Registry } from './registry.ts';
import { inTx, type Ctx } from './context.ts';
import { Conflict, Invalid, NotFound } from './errors.ts';
import type { Db } from './db/client.ts';

// Role -> permissions, read on every request: cached per process for a few seconds. A change made
// on this node applies at once; other nodes pick it up within ROLE_CACHE_MS (docs/decisions/0003).
const ROLE_CACHE_MS = 5_000;
interface RoleGrant {
  permissions: ReadonlySet<string>;
  adminKind: string | null;
}
let roleCache: { at: number; db: Db; map: Map<string, RoleGrant> } | null = null;

export function invalidateRoleCache(): void {
  roleCache = null;
}

async function grants(db: Db): Promise<Map<string, RoleGrant>> {
  const now = Date.now();
  if (roleCache && roleCache.db === db && now - roleCache.at < ROLE_CACHE_MS) return roleCache.map;
  const rows = await db
    .select({ code: roles.code, adminKind: roles.adminKind, permission: rolePermissions.permission })
    .from(roles)
    .leftJoin(rolePermissions, eq(rolePermissions.roleCode, roles.code));
  const map = new Map<string, { permissions: Set<string>; adminKind: string | null }>();
  for (const r of rows) {
    const g = map.get(r.code) ?? { permissions: new Set<string>(), adminKind: r.adminKind };
    if (r.permission) g.permissions.add(r.permission);
    map.set(r.code, g);
  }
  roleCache = { at: now, db, map };
  return map;
}

/** The permissions a set of roles grants, and whether one of them is an administrator role. */
export async function permissionsOf(db: Db, roleCodes: readonly string[]): Promise<{ permissions: Set<string>; isAdmin: boolean }> {
  const map = await grants(db);
  const permissions = new Set<string>();
  let isAdmin = false;
  for (const code of roleCodes) {
    const g = map.get(code);
    if (!g) continue;
    for (const p of g.permissions) permissions.add(p);
    if (g.adminKind) isAdmin = true;
  }
  return { permissions, isAdmin };
}

// Which built-in grants (role:permission) have ever been seeded. A permission a new release adds to
// a built-in role is granted once; one the security admin removed is not granted again.
const SEEDED_GRANTS = 'rbac.seededGrants';

/**
 * Inserts the built-in roles that are missing and the built-in grants never seeded before (a new
 * module's permissions reach the existing roles); never overwrites what the security admin changed.
 */
export async function seedRoles(ctx: Ctx, registry: Registry): Promise<void> {
  await inTx(ctx, async (tx) => {
    const existing = new Set((await tx.db.select({ code: roles.code }).from(roles)).map((r) => r.code));
    const [row] = await tx.db.select().from(settings).where(eq(settings.key, SEEDED_GRANTS));
    const seeded = new Set(Array.isArray(row?.value) ? (row.value as string[]) : []);
    const added: string[] = [];
    for (const r of registry.roles) {
      const permissions = defaultGrants(registry, r.code);
      if (!existing.has(r.code)) {
        await tx.db
          .insert(roles)
          .values({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, description: r.description, adminKind: r.adminKind, builtin: true });
        await audit(tx, { action: 'role.seed', objectType: 'role', objectId: r.code, after: { permissions } });
      }
      const fresh = permissions.filter((p) => !seeded.has(`${r.code}:${p}`));
      if (!fresh.length) continue;
      await tx.db
        .insert(rolePermissions)
        .values(fresh.map((permission) => ({ roleCode: r.code, permission })))
        .onConflictDoNothing();
      if (existing.has(r.code))
        await audit(tx, { action: 'role.seed_grants', objectType: 'role', objectId: r.code, after: { added: fresh } });
      added.push(...fresh.map((p) => `${r.code}:${p}`));
    }
    if (added.length) {
      const value = [...seeded, ...added].sort();
      await tx.db
        .insert(settings)
        .values({ key: SEEDED_GRANTS, value, updatedAt: tx.now() })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: tx.now() } });
    }
  });
  invalidateRoleCache();
}

export async function listRoles(ctx: Ctx) {
  const rs = await ctx.db.select().from(roles).orderBy(asc(roles.builtin), asc(roles.code));
  const perms = await ctx.db.select().from(rolePermissions);
  const counts = await ctx.db.select({ code: userRoles.roleCode, n: count() }).from(userRoles).groupBy(userRoles.roleCode);
  const order = new Map((catalogue()?.roles ?? []).map((r, i) => [r.code, i]));
  return rs
    .map((r) => ({
      code: r.code,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      description: r.description,
      adminKind: r.adminKind as 'system' | 'security' | 'audit' | null,
      builtin: r.builtin,
      permissions: perms
        .filter((p) => p.roleCode === r.code)
        .map((p) => p.permission)
        .sort(),
      userCount: Number(counts.find((c) => c.code === r.code)?.n ?? 0),
    }))
    .sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99) || a.code.localeCompare(b.code));
}

/**
 * The permission codes a role may be given: those some module declares, and those the role already
 * holds (a grant of a module since removed from the list stays; it is not refused on the next edit).
 */
function checkPermissions(list: string[], held: readonly string[] = []): string[] {
  const known = catalogue()?.permissions;
  const unknown = list.filter((p) => !known?.has(p) && !held.includes(p));
  if (unknown.length)
    throw new Invalid('permission.unknown', `未知权限：${unknown.join('、')}`, [{ path: 'body.permissions', message: unknown.join(', ') }]);
  return [...new Set(list)];
}

export async function createRole(
  ctx: Ctx,
  input: { code: string; nameZh: string; nameEn: string; description: string; permissions: string[] },
) {
  const perms = checkPermissions(input.permissions);
  return inTx(ctx, async (tx) => {
    const exists = await tx.db.select({ code: roles.code }).from(roles).where(eq(roles.code, input.code));
    if (exists.length) throw new Conflict('role.exists', `角色代码 ${input.code} 已存在`);
    await tx.db.insert(roles).values({
      code: input.code,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      description: input.description,
      builtin: false,
      createdAt: tx.now(),
    });
    if (perms.length) await tx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleCode: input.code, permission })));
    await audit(tx, { action: 'role.create', objectType: 'role', objectId: input.code, after: { ...input, permissions: perms } });
    return getRole(tx, input.code);
  }).finally(invalidateRoleCache);
}

export async function getRole(ctx: Ctx, code: string) {
  const r = (await listRoles(ctx)).find((x) => x.code === code);
  if (!r) throw new NotFound('role.not_found', '角色不存在');
  return r;
}

export async function updateRole(
  ctx: Ctx,
  code: string,
  input: { nameZh?: string | undefined; nameEn?: string | undefined; description?: string | undefined; permissions?: string[] | undefined },
) {
  return inTx(ctx, async (tx) => {
    const before = await getRole(tx, code);
    // The three administrator roles keep their fixed duties: 三员分立 is not editable away.
    if (before.adminKind && input.permissions) throw new Conflict('role.admin_fixed', '三员角色的权限固定，不能修改');
    const patch: Partial<typeof roles.$inferInsert> = {};
    if (input.nameZh !== undefined) patch.nameZh = input.nameZh;
    if (input.nameEn !== undefined) patch.nameEn = input.nameEn;
    if (input.description !== undefined) patch.description = input.description;
    if (Object.keys(patch).length) await tx.db.update(roles).set(patch).where(eq(roles.code, code));
    if (input.permissions) {
      const perms = checkPermissions(input.permissions, before.permissions);
      await tx.db.delete(rolePermissions).where(eq(rolePermissions.roleCode, code));
      if (perms.length) await tx.db.insert(rolePermissions).values(perms.map((permission) => ({ roleCode: code, permission })));
    }
    const after = await getRole(tx, code);
    await audit(tx, { action: 'role.update', objectType: 'role', objectId: code, before, after });
    return after;
  }).finally(invalidateRoleCache);
}

export async function deleteRole(ctx: Ctx, code: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    const before = await getRole(tx, code);
    if (before.builtin) throw new Conflict('role.builtin', '内置角色不能删除');
    if (before.userCount > 0) throw new Conflict('role.in_use', `仍有 ${before.userCount} 个用户使用该角色`);
    await tx.db.delete(roles).where(inArray(roles.code, [code]));
    await audit(tx, { action: 'role.delete', objectType: 'role', objectId: code, before });
  }).finally(invalidateRoleCache);
}
