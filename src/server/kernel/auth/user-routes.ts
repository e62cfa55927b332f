// Users (system admin) and their roles (security admin).
import type { FastifyInstance } from 'fastify';
import { ZResetPassword, ZUser, ZUserCreate, ZUserQuery, ZUserRoles, ZUserUpdate } from '../../../common/auth.ts';
import { ZIdParams, paged } from '../../../common/api.ts';
import { defineRoute } from '../http.ts';
import { createUser, getUser, listUsers, resetPassword, resetTotp, setUserRoles, unlockUser, updateUser } from './users.ts';

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['users'];
  defineRoute(app, {
    method: 'GET',
    url: '/users',
    summary: '用户列表 List users',
    tags,
    access: 'user.read',
    query: ZUserQuery,
    response: paged(ZUser),
    handler: async (ctx, { query }) => listUsers(ctx, query),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/users',
    summary: '新建用户 Create a user',
    tags,
    access: 'user.write',
    body: ZUserCreate,
    response: ZUser,
    status: 201,
    handler: async (ctx, { body }) => createUser(ctx, body),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/users/:id',
    summary: '用户详情 A user',
    tags,
    access: 'user.read',
    params: ZIdParams,
    response: ZUser,
    handler: async (ctx, { params }) => getUser(ctx, params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/users/:id',
    summary: '修改用户 Update a user',
    tags,
    access: 'user.write',
    params: ZIdParams,
    body: ZUserUpdate,
    response: ZUser,
    handler: async (ctx, { params, body }) => updateUser(ctx, params.id, body),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/users/:id/roles',
    summary: "分配角色 Set a user's roles",
    tags,
    access: 'user.roles',
    params: ZIdParams,
    body: ZUserRoles,
    response: ZUser,
    handler: async (ctx, { params, body }) => setUserRoles(ctx, params.id, body.roles),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/users/:id/reset-password',
    summary: '重置密码 Reset a password',
    tags,
    access: 'user.write',
    params: ZIdParams,
    body: ZResetPassword,
    response: ZUser,
    handler: async (ctx, { params, body }) => resetPassword(ctx, params.id, body.password),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/users/:id/unlock',
    summary: '解除锁定 Unlock an account',
    tags,
    access: 'user.write',
    params: ZIdParams,
    response: ZUser,
    handler: async (ctx, { params }) => unlockUser(ctx, params.id),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/users/:id/reset-totp',
    summary: '重置动态口令 Reset TOTP',
    tags,
    access: 'user.write',
    params: ZIdParams,
    response: ZUser,
    handler: async (ctx, { params }) => resetTotp(ctx, params.id),
  });
}
