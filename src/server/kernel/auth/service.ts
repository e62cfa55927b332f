// Sign-in, sessions and the steps a session may still owe (等保 2.0 8.1.4.1 身份鉴别).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens, sessions, userRoles, users } from '../db/tables.ts';
import { permissionsOf } from '../rbac.ts';
import { audit, auditAlone } from '../audit.ts';
import { inTx, type Actor, type Ctx } from '../context.ts';
import { randomToken, sha256 } from '../crypto.ts';
import { Conflict, Forbidden, Invalid, Locked, Unauthorized } from '../errors.ts';
import type { Db } from '../db/client.ts';
import { assertNotReused, assertStrong, burnVerify, hashPassword, rememberPassword, verifyPassword } from './passwords.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';
import { actorColumns, forgetSession, lookupSession } from './session-lookup.ts';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
export const IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3600_000;
export const PASSWORD_MAX_AGE_DAYS = 90;
// last_seen_at is written at most this often, so a busy session does not write on every request
const TOUCH_MS = 30_000;

export type PendingStep = 'change_password' | 'enroll_totp' | 'totp';

type UserRow = typeof users.$inferSelect;

export interface LoginResult {
  sessionToken: string;
  next: PendingStep | null;
  user: { id: string; username: string; displayName: string };
}

/** The user's roles and what they grant. */
async function roleInfo(db: Db, userId: string): Promise<{ roles: string[]; permissions: Set<string>; isAdmin: boolean }> {
  const rows = await db.select({ code: userRoles.roleCode }).from(userRoles).where(eq(userRoles.userId, userId));
  const codes = rows.map((r) => r.code).sort();
  return { roles: codes, ...(await permissionsOf(db, codes)) };
}

/** The step still owed after the password, given what this session has already proved. */
function nextStep(u: UserRow, isAdmin: boolean, totpDone: boolean, now: Date): PendingStep | null {
  if (u.totpEnabled && !totpDone) return 'totp';
  if (u.mustChangePassword) return 'change_password';
  if (!u.isDemo && u.passwordChangedAt && now.getTime() - u.passwordChangedAt.getTime() > PASSWORD_MAX_AGE_DAYS * 86_400_000)
    return 'change_password';
  if (isAdmin && !u.totpEnabled) return 'enroll_totp';
  return null;
}

export async function login(ctx: Ctx, input: { username: string; password: string; userAgent?: string }): Promise<LoginResult> {
  const now = ctx.now();
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`)
    .limit(1);
  const failCtx: Ctx = { ...ctx, actor: u ? actorStub(u) : { ...anonymous(input.username) } };
  if (!u) {
    await burnVerify(input.password);
    await auditAlone(failCtx, { action: 'auth.login', success: false, detail: { reason: 'unknown_user' } });
    throw new Unauthorized('auth.invalid_credentials', '用户名或密码错误');
  }
  if (u.lockedUntil && u.lockedUntil > now) {
    await auditAlone(failCtx, { action: 'auth.login', objectType: 'user', objectId: u.id, success: false, detail: { reason: 'locked' } });
    throw new Locked('auth.locked', `连续登录失败次数过多，账号已锁定至 ${fmt(u.lockedUntil)}`, {
      lockedUntil: u.lockedUntil.toISOString(),
    });
  }
  const good = await verifyPassword(u.passwordHash, input.password);
  if (!good) {
    const failures = u.failedLogins + 1;
    const lock = failures >= MAX_FAILURES;
    await inTx(failCtx, async (tx) => {
      await tx.db
        .update(users)
        .set(lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) } : { failedLogins: failures })
        .where(eq(users.id, u.id));
      await audit(tx, {
        action: lock ? 'auth.lock' : 'auth.login',
        objectType: 'user',
        objectId: u.id,
        success: false,
        detail: { reason: 'bad_password', failures },
      });
    });
    // The same answer as for a name nobody holds (issue 11 point 3): the status, code and text do
    // not tell an account that exists from one that does not. Only the lock itself is told.
    if (lock)
      throw new Locked('auth.locked', `连续登录失败 ${MAX_FAILURES} 次，账号已锁定 15 分钟`, {
        lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString(),
      });
    throw new Unauthorized('auth.invalid_credentials', '用户名或密码错误');
  }
  if (u.disabled) {
    await auditAlone(failCtx, { action: 'auth.login', objectType: 'user', objectId: u.id, success: false, detail: { reason: 'disabled' } });
    throw new Forbidden('auth.disabled', '账号已停用，请联系系统管理员');
  }
  const info = await roleInfo(ctx.db, u.id);
  const next = nextStep(u, info.isAdmin, false, now);
  const token = randomToken();
  await inTx({ ...ctx, actor: actorStub(u) }, async (tx) => {
    await tx.db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, u.id));
    await tx.db.insert(sessions).values({
      idHash: sha256(token),
      userId: u.id,
      pending: next,
      ip: ctx.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
    });
    await audit(tx, { action: 'auth.login', objectType: 'user', objectId: u.id, detail: next ? { next } : {} });
  });
  return { sessionToken: token, next, user: { id: u.id, username: u.username, displayName: u.displayName } };
}

function fmt(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

function anonymous(username: string): Actor {
  return {
    id: '',
    username: username.slice(0, 64) || 'anonymous',
    displayName: '',
    roles: [],
    permissions: new Set(),
    serviceLines: [],
    via: 'session',
  };
}

function actorStub(u: Pick<UserRow, 'id' | 'username' | 'displayName' | 'serviceLines'>): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: [],
    permissions: new Set(),
    serviceLines: u.serviceLines,
    via: 'session',
  };
}

export interface ResolvedSession {
  actor: Actor;
  pending: PendingStep | null;
}

/** Looks up a session cookie; ends it when idle for 30 minutes or past its 12-hour life. */
export async function resolveSession(ctx: Ctx, token: string): Promise<ResolvedSession> {
  const now = ctx.now();
  const idHash = sha256(token);
  const row = await lookupSession(ctx.db, idHash);
  if (!row) throw new Unauthorized('auth.required', '请先登录');
  const s = row;
  const u = row; // the session's and the user's columns, read together
  const idle = now.getTime() - s.lastSeenAt.getTime() > IDLE_MS;
  if (idle || s.expiresAt <= now || u.disabled) {
    const reason = u.disabled ? 'disabled' : idle ? 'idle' : 'expired';
    forgetSession(ctx.db, idHash);
    await inTx({ ...ctx, actor: actorStub(u) }, async (tx) => {
      await tx.db.update(sessions).set({ endedAt: now }).where(eq(sessions.idHash, idHash));
      await audit(tx, { action: 'auth.session_end', objectType: 'user', objectId: u.id, detail: { reason } });
    });
    throw new Unauthorized('auth.session_expired', idle ? '长时间未操作，会话已超时，请重新登录' : '会话已结束，请重新登录');
  }
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_MS) {
    await ctx.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
    s.lastSeenAt = now; // and in the cached row
  }
  const { permissions } = await permissionsOf(ctx.db, u.roles);
  return {
    actor: {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      permissions,
      serviceLines: u.serviceLines,
      via: 'session',
      sessionId: idHash,
    },
    pending: (s.pending as PendingStep | null) ?? null,
  };
}

/** Bearer token of an integration: carries its user's permissions. */
export async function resolveApiToken(ctx: Ctx, token: string): Promise<Actor> {
  const now = ctx.now();
  const [row] = await ctx.db
    .select({
      t: { id: apiTokens.id, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt },
      u: actorColumns,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || row.u.disabled || (row.t.expiresAt && row.t.expiresAt <= now))
    throw new Unauthorized('auth.invalid_token', 'API 令牌无效、已撤销或已过期');
  if (!row.t.lastUsedAt || now.getTime() - row.t.lastUsedAt.getTime() > 60_000)
    await ctx.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.t.id));
  const { permissions } = await permissionsOf(ctx.db, row.u.roles);
  return {
    id: row.u.id,
    username: row.u.username,
    displayName: row.u.displayName,
    roles: row.u.roles,
    permissions,
    serviceLines: row.u.serviceLines,
    via: 'token',
    tokenId: row.t.id,
  };
}

export async function logout(ctx: Ctx): Promise<void> {
  const sid = ctx.actor?.sessionId;
  if (!sid) return;
  await inTx(ctx, async (tx) => {
    await tx.db
      .update(sessions)
      .set({ endedAt: ctx.now() })
      .where(and(eq(sessions.idHash, sid), isNull(sessions.endedAt)));
    await audit(tx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor?.id ?? null });
  });
}

async function currentUser(ctx: Ctx): Promise<UserRow> {
  if (!ctx.actor) throw new Unauthorized();
  const [u] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.id)).limit(1);
  if (!u) throw new Unauthorized();
  return u;
}

/** Recomputes the session's pending step after one is done. */
async function advance(tx: Ctx, u: UserRow, totpDone: boolean): Promise<PendingStep | null> {
  const info = await roleInfo(tx.db, u.id);
  const next = nextStep(u, info.isAdmin, totpDone, tx.now());
  if (tx.actor?.sessionId) await tx.db.update(sessions).set({ pending: next }).where(eq(sessions.idHash, tx.actor.sessionId));
  return next;
}

export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
): Promise<{ next: PendingStep | null }> {
  const u = await currentUser(ctx);
  if (!(await verifyPassword(u.passwordHash, input.currentPassword))) {
    // Guessing the current password from a session someone left open counts like a failed sign-in
    // (issue 11 point 3): the fifth locks the account for 15 minutes and ends its sessions.
    const failures = u.failedLogins + 1;
    const lock = failures >= MAX_FAILURES;
    const now = ctx.now();
    await inTx(ctx, async (tx) => {
      await tx.db
        .update(users)
        .set(lock ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) } : { failedLogins: failures })
        .where(eq(users.id, u.id));
      if (lock)
        await tx.db
          .update(sessions)
          .set({ endedAt: now })
          .where(and(eq(sessions.userId, u.id), isNull(sessions.endedAt)));
      await audit(tx, {
        action: lock ? 'auth.lock' : 'auth.password_change',
        objectType: 'user',
        objectId: u.id,
        success: false,
        detail: { reason: 'bad_current', failures },
      });
    });
    if (lock) throw new Locked('auth.locked', `当前密码连续输错 ${MAX_FAILURES} 次，账号已锁定 15 分钟，请稍后重新登录`);
    throw new Invalid('password.current_wrong', '当前密码不正确', [{ path: 'body.currentPassword', message: '当前密码不正确' }]);
  }
  assertStrong(input.newPassword, 'newPassword');
  return inTx(ctx, async (tx) => {
    await assertNotReused(tx, u.id, u.passwordHash, input.newPassword);
    const now = tx.now();
    await rememberPassword(tx, u.id, u.passwordHash);
    const [updated] = await tx.db
      .update(users)
      .set({
        passwordHash: await hashPassword(input.newPassword),
        mustChangePassword: false,
        passwordChangedAt: now,
        failedLogins: 0,
        updatedAt: now,
      })
      .where(eq(users.id, u.id))
      .returning();
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await tx.db
      .update(sessions)
      .set({ endedAt: now })
      .where(and(eq(sessions.userId, u.id), isNull(sessions.endedAt), sql`${sessions.idHash} <> ${tx.actor?.sessionId ?? ''}`));
    await audit(tx, { action: 'auth.password_change', objectType: 'user', objectId: u.id });
    const s = await tx.db
      .select({ pending: sessions.pending })
      .from(sessions)
      .where(eq(sessions.idHash, tx.actor?.sessionId ?? ''))
      .limit(1);
    const totpDone = !(s[0]?.pending === 'totp');
    return { next: await advance(tx, updated ?? u, totpDone) };
  });
}

export async function startTotpEnrollment(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  const u = await currentUser(ctx);
  if (u.totpEnabled) throw new Invalid('totp.already_enabled', '已启用动态口令；如需更换请联系系统管理员重置');
  const secret = newTotpSecret();
  await inTx(ctx, async (tx) => {
    await tx.db
      .update(users)
      .set({ totpSecret: ctx.keys.encrypt(secret), updatedAt: tx.now() })
      .where(eq(users.id, u.id));
    await audit(tx, { action: 'auth.totp_enroll_start', objectType: 'user', objectId: u.id });
  });
  return { secret, uri: totpUri(secret, u.username) };
}

export async function confirmTotp(ctx: Ctx, code: string): Promise<{ next: PendingStep | null }> {
  const u = await currentUser(ctx);
  if (u.totpEnabled) throw new Invalid('totp.already_enabled', '已启用动态口令');
  if (!u.totpSecret) throw new Invalid('totp.not_started', '请先生成动态口令密钥');
  if (!checkTotp(totpSecretOf(ctx, u.totpSecret), code, ctx.now())) {
    await auditAlone(ctx, { action: 'auth.totp_enroll', objectType: 'user', objectId: u.id, success: false });
    throw new Invalid('totp.invalid_code', '动态口令不正确', [{ path: 'body.code', message: '动态口令不正确' }]);
  }
  return inTx(ctx, async (tx) => {
    const [updated] = await tx.db.update(users).set({ totpEnabled: true, updatedAt: tx.now() }).where(eq(users.id, u.id)).returning();
    await audit(tx, { action: 'auth.totp_enroll', objectType: 'user', objectId: u.id });
    return { next: await advance(tx, updated ?? u, true) };
  });
}

export async function verifyTotpStep(ctx: Ctx, code: string): Promise<{ next: PendingStep | null }> {
  const u = await currentUser(ctx);
  if (!u.totpEnabled || !u.totpSecret) throw new Invalid('totp.not_enabled', '未启用动态口令');
  if (!checkTotp(totpSecretOf(ctx, u.totpSecret), code, ctx.now())) {
    await auditAlone(ctx, { action: 'auth.totp', objectType: 'user', objectId: u.id, success: false });
    throw new Invalid('totp.invalid_code', '动态口令不正确', [{ path: 'body.code', message: '动态口令不正确' }]);
  }
  return inTx(ctx, async (tx) => {
    await audit(tx, { action: 'auth.totp', objectType: 'user', objectId: u.id });
    return { next: await advance(tx, u, true) };
  });
}

function totpSecretOf(ctx: Ctx, box: string): string {
  try {
    return ctx.keys.decrypt(box);
  } catch {
    throw new Conflict('totp.key_mismatch', '无法读取动态口令密钥（系统密钥已更换），请联系系统管理员重置动态口令');
  }
}
