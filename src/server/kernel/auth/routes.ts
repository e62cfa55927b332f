// Sign-in, the steps a session may owe, the current user and their API tokens.
import type { FastifyInstance, FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { eq, inArray } from 'drizzle-orm';
import { roles, users } from '../db/tables.ts';
import { defineRoute } from '../http.ts';
import { sha256, type Keyring } from '../crypto.ts';
import { Forbidden, TooManyRequests } from '../errors.ts';
import { RateLimiter } from '../ratelimit.ts';
import { auditAlone } from '../audit.ts';
import { changePassword, confirmTotp, login, logout, startTotpEnrollment, verifyTotpStep } from './service.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';
import { authApi } from '../../../common/auth.api.ts';

export const SESSION_COOKIE = 'yunwei_sid';
export const CSRF_COOKIE = 'yunwei_csrf';

/** The CSRF token of a session (its id hash): what the readable cookie holds and X-CSRF-Token echoes. */
export const csrfToken = (keys: Keyring, sessionIdHash: string): string => keys.mac('csrf', sessionIdHash);

export async function authRoutes(app: FastifyInstance, opts: { secureCookies: boolean }): Promise<void> {
  const limiter = new RateLimiter(20, 5 * 60_000); // sign-in attempts per IP per 5 minutes
  const cookieOpts = { path: '/', sameSite: 'strict' as const, secure: opts.secureCookies };
  // The CSRF token is bound to the session (a MAC of its id under the server's key): a cookie planted
  // by a neighbouring site, or a token from another session, does not pass (issue 11 point 7).
  const setCsrf = (reply: FastifyReply, keys: Keyring, sessionIdHash: string) =>
    reply.setCookie(CSRF_COOKIE, csrfToken(keys, sessionIdHash), { ...cookieOpts, httpOnly: false });

  defineRoute(app, {
    ...authApi.login,
    summary: '登录 Sign in',
    tags: ['auth'],
    access: 'public',
    handler: async (ctx, { body }, req, reply) => {
      if (!limiter.hit(req.ip, ctx.now().getTime())) {
        await auditAlone({ ...ctx, actor: null }, { action: 'auth.rate_limited', success: false, detail: { username: body.username } });
        throw new TooManyRequests('auth.rate_limited', '登录尝试过于频繁，请 5 分钟后再试');
      }
      const r = await login(ctx, { ...body, userAgent: req.headers['user-agent'] ?? '' });
      reply.setCookie(SESSION_COOKIE, r.sessionToken, { ...cookieOpts, httpOnly: true });
      setCsrf(reply, ctx.keys, sha256(r.sessionToken));
      return { next: r.next, user: r.user };
    },
  });

  defineRoute(app, {
    ...authApi.logout,
    summary: '退出登录 Sign out',
    tags: ['auth'],
    access: 'user',
    allowPending: true,
    handler: async (ctx, _i, _req, reply) => {
      await logout(ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  defineRoute(app, {
    ...authApi.me,
    summary: '当前用户 The signed-in user',
    tags: ['auth'],
    access: 'user',
    allowPending: true,
    handler: async (ctx, _i, req, reply) => {
      const a = ctx.actor!;
      if (a.via === 'session' && a.sessionId && req.cookies[CSRF_COOKIE] !== csrfToken(ctx.keys, a.sessionId))
        setCsrf(reply, ctx.keys, a.sessionId);
      const [u] = await ctx.db.select({ totpEnabled: users.totpEnabled }).from(users).where(eq(users.id, a.id));
      const roleInfo = a.roles.length
        ? await ctx.db
            .select({ code: roles.code, nameZh: roles.nameZh, nameEn: roles.nameEn, description: roles.description })
            .from(roles)
            .where(inArray(roles.code, a.roles))
        : [];
      return {
        id: a.id,
        username: a.username,
        displayName: a.displayName,
        roles: a.roles,
        roleInfo,
        permissions: [...a.permissions].sort(),
        serviceLines: a.serviceLines,
        pending: req.pending,
        totpEnabled: u?.totpEnabled ?? false,
        via: a.via,
      };
    },
  });

  defineRoute(app, {
    ...authApi.changePassword,
    summary: '修改本人密码 Change my password',
    tags: ['auth'],
    access: 'user',
    allowPending: true,
    handler: async (ctx, { body }, req) => {
      if (req.pending === 'totp') throw new Forbidden('totp', '请先输入动态口令', { next: 'totp' });
      return changePassword(ctx, body);
    },
  });

  defineRoute(app, {
    ...authApi.totpEnroll,
    summary: '生成动态口令密钥 Start TOTP enrolment',
    tags: ['auth'],
    access: 'user',
    allowPending: true,
    handler: async (ctx) => {
      const r = await startTotpEnrollment(ctx);
      return { ...r, qr: await QRCode.toDataURL(r.uri, { margin: 1, width: 220 }) };
    },
  });

  defineRoute(app, {
    ...authApi.totpConfirm,
    summary: '确认绑定动态口令 Confirm TOTP enrolment',
    tags: ['auth'],
    access: 'user',
    allowPending: true,
    handler: async (ctx, { body }) => confirmTotp(ctx, body.code),
  });

  defineRoute(app, {
    ...authApi.totpVerify,
    summary: '登录时校验动态口令 Verify TOTP at sign-in',
    tags: ['auth'],
    access: 'user',
    allowPending: true,
    handler: async (ctx, { body }) => verifyTotpStep(ctx, body.code),
  });

  defineRoute(app, {
    ...authApi.listTokens,
    summary: '我的 API 令牌 My API tokens',
    tags: ['auth'],
    access: 'user',
    handler: async (ctx) => {
      const items = await listTokens(ctx, ctx.actor!.id);
      return { items, total: items.length };
    },
  });

  defineRoute(app, {
    ...authApi.createToken,
    summary: '创建 API 令牌（仅显示一次）Create an API token',
    tags: ['auth'],
    access: 'user',
    handler: async (ctx, { body }) => createToken(ctx, ctx.actor!.id, body),
  });

  defineRoute(app, {
    ...authApi.revokeToken,
    summary: '撤销 API 令牌 Revoke an API token',
    tags: ['auth'],
    access: 'user',
    handler: async (ctx, { params }) => {
      await revokeToken(ctx, ctx.actor!.id, params.id);
      return { ok: true };
    },
  });
}
