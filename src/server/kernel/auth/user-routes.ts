// Users (system admin) and their roles (security admin).
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../http.ts';
import { createUser, getUser, listUsers, resetPassword, resetTotp, setUserRoles, unlockUser, updateUser } from './users.ts';
import { usersApi } from '../../../common/auth.api.ts';

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['users'];
  defineRoute(app, {
    ...usersApi.list,
    summary: '用户列表 List users',
    tags,
    access: 'user.read',
    handler: async (ctx, { query }) => listUsers(ctx, query),
  });
  defineRoute(app, {
    ...usersApi.create,
    summary: '新建用户 Create a user',
    tags,
    access: 'user.write',
    handler: async (ctx, { body }) => createUser(ctx, body),
  });
  defineRoute(app, {
    ...usersApi.get,
    summary: '用户详情 A user',
    tags,
    access: 'user.read',
    handler: async (ctx, { params }) => getUser(ctx, params.id),
  });
  defineRoute(app, {
    ...usersApi.update,
    summary: '修改用户 Update a user',
    tags,
    access: 'user.write',
    handler: async (ctx, { params, body }) => updateUser(ctx, params.id, body),
  });
  defineRoute(app, {
    ...usersApi.setRoles,
    summary: "分配角色 Set a user's roles",
    tags,
    access: 'user.roles',
    handler: async (ctx, { params, body }) => setUserRoles(ctx, params.id, body.roles),
  });
  defineRoute(app, {
    ...usersApi.resetPassword,
    summary: '重置密码 Reset a password',
    tags,
    access: 'user.write',
    handler: async (ctx, { params, body }) => resetPassword(ctx, params.id, body.password),
  });
  defineRoute(app, {
    ...usersApi.unlock,
    summary: '解除锁定 Unlock an account',
    tags,
    access: 'user.write',
    handler: async (ctx, { params }) => unlockUser(ctx, params.id),
  });
  defineRoute(app, {
    ...usersApi.resetTotp,
    summary: '重置动态口令 Reset TOTP',
    tags,
    access: 'user.write',
    handler: async (ctx, { params }) => resetTotp(ctx, params.id),
  });
}
