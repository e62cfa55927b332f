// Account management by the system admin; role assignment by the security admin (三员分立).
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { roles, sessions, userRoles, users } from '../db/tables.ts';
import { audit } from '../audit.ts';
import { likeContains } from '../db/like.ts';
import { inTx, type Ctx } from '../context.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import { assertNotReused, assertStrong, hashPassword, rememberPassword } from './passwords.ts';

type UserRow = typeof users.$inferSelect;

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  disabled?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

async function rolesOf(ctx: Ctx, ids: string[]): Promise<Map<string, string[]>> {
  const m = new Map<string, string[]>();
  if (!ids.length) return m;
  const rows = await ctx.db.select().from(userRoles).where(inArray(userRoles.userId, ids));
  for (const r of rows) m.set(r.userId, [...(m.get(r.userId) ?? []), r.roleCode]);
  return m;
}

function view(u: UserRow, roleCodes: string[], now: Date) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    phone: u.phone,
    roles: roleCodes.sort(),
    serviceLines: u.serviceLines,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabled,
    lockedUntil: u.lockedUntil,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}
export type UserView = ReturnType<typeof view>;

export async function listUsers(ctx: Ctx, f: UserFilter) {
  const c: SQL[] = [];
  if (f.q) c.push(or(ilike(users.username, likeContains(f.q)), ilike(users.displayName, likeContains(f.q)))!);
  if (f.disabled) c.push(eq(users.disabled, f.disabled === 'true'));
  if (f.role) c.push(sql`exists (select 1 from ${userRoles} ur where ur.user_id = ${users.id} and ur.role_code = ${f.role})`);
  const where = c.length ? and(...c) : undefined;
  const [total] = await ctx.db.select({ n: count() }).from(users).where(where);
  const rows = await ctx.db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.username))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const r = await rolesOf(
    ctx,
    rows.map((u) => u.id),
  );
  return { items: rows.map((u) => view(u, r.get(u.id) ?? [], ctx.now())), total: Number(total?.n ?? 0) };
}

export async function getUser(ctx: Ctx, id: string): Promise<UserView> {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!u) throw new NotFound('user.not_found', '用户不存在');
  return view(u, (await rolesOf(ctx, [id])).get(id) ?? [], ctx.now());
}

/** 三员分立: refuse any set of roles holding two of the three administrator kinds. */
async function checkRoleSet(ctx: Ctx, codes: string[]): Promise<void> {
  const unique = [...new Set(codes)];
  if (!unique.length) return;
  const found = await ctx.db.select({ code: roles.code, adminKind: roles.adminKind }).from(roles).where(inArray(roles.code, unique));
  const missing = unique.filter((c) => !found.some((f) => f.code === c));
  if (missing.length)
    throw new Invalid('role.unknown', `角色不存在：${missing.join('、')}`, [
      { path: 'body.roles', message: `未知角色 ${missing.join(', ')}` },
    ]);
  const kinds = new Set(found.map((f) => f.adminKind).filter((k): k is string => !!k));
  if (kinds.size > 1) throw new Conflict('role.admin_separation', '三员分立：系统管理员、安全管理员、审计管理员不得由同一账号兼任');
}

export async function createUser(
  ctx: Ctx,
  input: {
    username: string;
    displayName: string;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    password: string;
    roles: string[];
    serviceLines: string[];
  },
  opts: { mustChangePassword?: boolean; isDemo?: boolean; allowRoles?: boolean } = {},
): Promise<UserView> {
  assertStrong(input.password);
  // Granting roles is the security admin's: the system admin creates accounts without roles.
  if (input.roles.length && opts.allowRoles !== true && !ctx.actor?.permissions.has('user.roles'))
    throw new Forbidden('auth.forbidden', '分配角色须由安全管理员操作', { permission: 'user.roles' });
  const passwordHash = await hashPassword(input.password);
  return inTx(ctx, async (tx) => {
    await checkRoleSet(tx, input.roles);
    const exists = await tx.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`)
      .limit(1);
    if (exists.length) throw new Conflict('user.exists', `用户名 ${input.username} 已存在`);
    const now = tx.now();
    const [u] = await tx.db
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash,
        mustChangePassword: opts.mustChangePassword ?? true,
        passwordChangedAt: now,
        serviceLines: input.serviceLines,
        isDemo: opts.isDemo ?? false,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!u) throw new Error('insert failed');
    const codes = [...new Set(input.roles)];
    if (codes.length) await tx.db.insert(userRoles).values(codes.map((roleCode) => ({ userId: u.id, roleCode })));
    const v = view(u, codes, tx.now());
    await audit(tx, { action: 'user.create', objectType: 'user', objectId: u.id, after: v });
    return v;
  });
}

export async function updateUser(
  ctx: Ctx,
  id: string,
  input: {
    displayName?: string | undefined;
    email?: string | null | undefined;
    phone?: string | null | undefined;
    disabled?: boolean | undefined;
    serviceLines?: string[] | undefined;
  },
): Promise<UserView> {
  return inTx(ctx, async (tx) => {
    const before = await getUser(tx, id);
    if (input.disabled && id === tx.actor?.id) throw new Invalid('user.self_disable', '不能停用自己的账号');
    const patch: Partial<typeof users.$inferInsert> = { updatedAt: tx.now() };
    if (input.displayName !== undefined) patch.displayName = input.displayName;
    if (input.email !== undefined) patch.email = input.email;
    if (input.phone !== undefined) patch.phone = input.phone;
    if (input.disabled !== undefined) patch.disabled = input.disabled;
    if (input.serviceLines !== undefined) patch.serviceLines = input.serviceLines;
    await tx.db.update(users).set(patch).where(eq(users.id, id));
    if (input.disabled)
      await tx.db
        .update(sessions)
        .set({ endedAt: tx.now() })
        .where(and(eq(sessions.userId, id), isNull(sessions.endedAt)));
    const after = await getUser(tx, id);
    await audit(tx, { action: 'user.update', objectType: 'user', objectId: id, before, after });
    return after;
  });
}

export async function setUserRoles(ctx: Ctx, id: string, codes: string[]): Promise<UserView> {
  return inTx(ctx, async (tx) => {
    const before = await getUser(tx, id);
    await checkRoleSet(tx, codes);
    await tx.db.delete(userRoles).where(eq(userRoles.userId, id));
    const unique = [...new Set(codes)];
    if (unique.length) await tx.db.insert(userRoles).values(unique.map((roleCode) => ({ userId: id, roleCode })));
    const after = await getUser(tx, id);
    await audit(tx, {
      action: 'user.roles',
      objectType: 'user',
      objectId: id,
      before: { roles: before.roles },
      after: { roles: after.roles },
    });
    return after;
  });
}

/** An admin reset: a new initial password the user must change at the next sign-in; ends their sessions. */
export async function resetPassword(ctx: Ctx, id: string, password: string): Promise<UserView> {
  assertStrong(password);
  return inTx(ctx, async (tx) => {
    const [u] = await tx.db.select().from(users).where(eq(users.id, id)).limit(1);
    if (!u) throw new NotFound('user.not_found', '用户不存在');
    await assertNotReused(tx, id, u.passwordHash, password);
    await rememberPassword(tx, id, u.passwordHash);
    const now = tx.now();
    await tx.db
      .update(users)
      .set({
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
        passwordChangedAt: now,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(eq(users.id, id));
    await tx.db
      .update(sessions)
      .set({ endedAt: now })
      .where(and(eq(sessions.userId, id), isNull(sessions.endedAt)));
    await audit(tx, { action: 'user.reset_password', objectType: 'user', objectId: id });
    return getUser(tx, id);
  });
}

export async function unlockUser(ctx: Ctx, id: string): Promise<UserView> {
  return inTx(ctx, async (tx) => {
    await getUser(tx, id);
    await tx.db.update(users).set({ failedLogins: 0, lockedUntil: null, updatedAt: tx.now() }).where(eq(users.id, id));
    await audit(tx, { action: 'user.unlock', objectType: 'user', objectId: id });
    return getUser(tx, id);
  });
}

/** Clears a user's TOTP so they enrol again (lost phone); system admin. */
export async function resetTotp(ctx: Ctx, id: string): Promise<UserView> {
  return inTx(ctx, async (tx) => {
    await getUser(tx, id);
    await tx.db.update(users).set({ totpEnabled: false, totpSecret: null, updatedAt: tx.now() }).where(eq(users.id, id));
    await tx.db
      .update(sessions)
      .set({ endedAt: tx.now() })
      .where(and(eq(sessions.userId, id), isNull(sessions.endedAt)));
    await audit(tx, { action: 'user.reset_totp', objectType: 'user', objectId: id });
    return getUser(tx, id);
  });
}
