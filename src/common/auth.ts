// Auth, users, roles and tokens: request/response schemas shared by server and web.
import { z } from 'zod';
import { TOTP_CODE } from './patterns.ts';
import { SERVICE_LINE_CODES } from './service-lines.ts';
import { ZTimestamp, text } from './api.ts';

export const ZPendingStep = z.enum(['change_password', 'enroll_totp', 'totp']);
export type TPendingStep = z.infer<typeof ZPendingStep>;

export const ZLoginBody = z.object({ username: text(64), password: z.string().min(1).max(256) });
export const ZLoginResult = z.object({
  next: ZPendingStep.nullable(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }),
});

export const ZMe = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  /** The names of the user's roles, as the home page shows them. */
  roleInfo: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), description: z.string() })),
  permissions: z.array(z.string()),
  serviceLines: z.array(z.string()),
  pending: ZPendingStep.nullable(),
  totpEnabled: z.boolean(),
  via: z.enum(['session', 'token', 'system']),
});
export type TMe = z.infer<typeof ZMe>;

export const ZChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export const ZNextResult = z.object({ next: ZPendingStep.nullable() });
export const ZTotpEnroll = z.object({ secret: z.string(), uri: z.string(), qr: z.string() });
export const ZTotpCode = z.object({
  code: z.string().trim().regex(TOTP_CODE.re, TOTP_CODE.message),
});

export const ZServiceLineCode = z.enum(SERVICE_LINE_CODES);

export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.string()),
  serviceLines: z.array(z.string()),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: ZTimestamp.nullable(),
  /** Locked now, by the server's clock (the browser's may differ). */
  locked: z.boolean(),
  lastLoginAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
});
export type TUser = z.infer<typeof ZUser>;

export const ZUsername = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z][a-zA-Z0-9._-]*$/, '用户名以字母开头，只含字母、数字、点、下划线和连字符');

export const ZUserCreate = z.object({
  username: ZUsername,
  displayName: text(64),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  password: z.string().min(1).max(256),
  roles: z.array(z.string().max(64)).max(20).default([]),
  serviceLines: z.array(ZServiceLineCode).max(4).default([]),
});
export const ZUserUpdate = z.object({
  displayName: text(64).optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  disabled: z.boolean().optional(),
  serviceLines: z.array(ZServiceLineCode).max(4).optional(),
});
export const ZUserRoles = z.object({ roles: z.array(z.string().max(64)).max(20) });
export const ZResetPassword = z.object({ password: z.string().min(1).max(256) });
export const ZUserQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: z.string().max(64).optional(),
  disabled: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** The permission catalogue: every module's permissions, grouped for the role editor. */
export const ZPermissionList = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      zh: z.string(),
      en: z.string(),
      group: z.string(),
      groupZh: z.string(),
      groupEn: z.string(),
      module: z.string(),
    }),
  ),
});
export type TPermissionList = z.infer<typeof ZPermissionList>;

export const ZRole = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string(),
  adminKind: z.enum(['system', 'security', 'audit']).nullable(),
  builtin: z.boolean(),
  permissions: z.array(z.string()),
  userCount: z.number().int(),
});
export type TRole = z.infer<typeof ZRole>;
export const ZRoleCreate = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,40}$/, '角色代码以小写字母开头，只含小写字母、数字和下划线'),
  nameZh: text(64),
  nameEn: text(64),
  description: z.string().trim().max(500).default(''),
  permissions: z.array(z.string().max(64)).max(200).default([]),
});
export const ZRoleUpdate = ZRoleCreate.omit({ code: true }).partial();
export const ZRoleParams = z.object({ code: z.string().max(64) });

export const ZTokenCreate = z.object({
  name: text(64),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export const ZToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: ZTimestamp,
  lastUsedAt: ZTimestamp.nullable(),
  expiresAt: ZTimestamp.nullable(),
  revokedAt: ZTimestamp.nullable(),
});
export const ZTokenCreated = ZToken.extend({ token: z.string() });
