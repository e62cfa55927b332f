// Contracts of sign-in and the session's steps, the current user and their API tokens, the users
// (system admin) and the roles with the permission catalogue (security admin).
import { z } from 'zod';
import { ZIdParams, paged } from './api.ts';
import {
  ZChangePasswordBody,
  ZLoginBody,
  ZLoginResult,
  ZMe,
  ZNextResult,
  ZPermissionList,
  ZResetPassword,
  ZRole,
  ZRoleCreate,
  ZRoleParams,
  ZRoleUpdate,
  ZToken,
  ZTokenCreate,
  ZTokenCreated,
  ZTotpCode,
  ZTotpEnroll,
  ZUser,
  ZUserCreate,
  ZUserQuery,
  ZUserRoles,
  ZUserUpdate,
} from './auth.ts';
import { ZOk, endpoint } from './endpoint.ts';

export const authApi = {
  login: endpoint({ method: 'POST', path: '/api/auth/login', body: ZLoginBody, response: ZLoginResult }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', response: ZOk }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', response: ZMe }),
  changePassword: endpoint({ method: 'POST', path: '/api/auth/password', body: ZChangePasswordBody, response: ZNextResult }),
  totpEnroll: endpoint({ method: 'POST', path: '/api/auth/totp/enroll', response: ZTotpEnroll }),
  totpConfirm: endpoint({ method: 'POST', path: '/api/auth/totp/confirm', body: ZTotpCode, response: ZNextResult }),
  totpVerify: endpoint({ method: 'POST', path: '/api/auth/totp/verify', body: ZTotpCode, response: ZNextResult }),
  listTokens: endpoint({
    method: 'GET',
    path: '/api/auth/tokens',
    response: z.object({ items: z.array(ZToken), total: z.number().int() }),
  }),
  createToken: endpoint({ method: 'POST', path: '/api/auth/tokens', body: ZTokenCreate, response: ZTokenCreated, status: 201 }),
  revokeToken: endpoint({ method: 'DELETE', path: '/api/auth/tokens/:id', params: ZIdParams, response: ZOk }),
};

export const usersApi = {
  list: endpoint({ method: 'GET', path: '/api/users', query: ZUserQuery, response: paged(ZUser) }),
  /** The list with the same filters as an .xlsx (issue 11 point 14). */
  export: endpoint({ method: 'GET', path: '/api/users/export', query: ZUserQuery, raw: true }),
  create: endpoint({ method: 'POST', path: '/api/users', body: ZUserCreate, response: ZUser, status: 201 }),
  get: endpoint({ method: 'GET', path: '/api/users/:id', params: ZIdParams, response: ZUser }),
  update: endpoint({ method: 'PATCH', path: '/api/users/:id', params: ZIdParams, body: ZUserUpdate, response: ZUser }),
  setRoles: endpoint({ method: 'PUT', path: '/api/users/:id/roles', params: ZIdParams, body: ZUserRoles, response: ZUser }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/users/:id/reset-password',
    params: ZIdParams,
    body: ZResetPassword,
    response: ZUser,
  }),
  unlock: endpoint({ method: 'POST', path: '/api/users/:id/unlock', params: ZIdParams, response: ZUser }),
  resetTotp: endpoint({ method: 'POST', path: '/api/users/:id/reset-totp', params: ZIdParams, response: ZUser }),
};

export const rolesApi = {
  permissions: endpoint({ method: 'GET', path: '/api/permissions', response: ZPermissionList }),
  list: endpoint({ method: 'GET', path: '/api/roles', response: z.object({ items: z.array(ZRole), total: z.number() }) }),
  get: endpoint({ method: 'GET', path: '/api/roles/:code', params: ZRoleParams, response: ZRole }),
  create: endpoint({ method: 'POST', path: '/api/roles', body: ZRoleCreate, response: ZRole, status: 201 }),
  update: endpoint({ method: 'PATCH', path: '/api/roles/:code', params: ZRoleParams, body: ZRoleUpdate, response: ZRole }),
  remove: endpoint({ method: 'DELETE', path: '/api/roles/:code', params: ZRoleParams, response: ZOk }),
};
