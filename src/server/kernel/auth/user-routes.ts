// Users (system admin) and their roles (security admin).
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../http.ts';
import { createUser, getUser, listUsers, resetPassword, resetTotp, setUserRoles, unlockUser, updateUser } from './users.ts';
import { usersApi } from '../../../common/auth.api.ts';
import { lineLabel } from '../../../common/service-lines.ts';
import { listXlsx, shanghaiTime } from '../office/list-export.ts';
import { listRoles } from '../rbac.ts';

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
    ...usersApi.export,
    summary: '导出用户列表（Excel，筛选同列表）Export users',
    tags,
    access: 'user.read',
    handler: async (ctx, { query }) => {
      const roleName = new Map((await listRoles(ctx)).map((r) => [r.code, r.nameZh]));
      return listXlsx(ctx, {
        title: '用户',
        objectType: 'user',
        query,
        list: (page, pageSize) => listUsers(ctx, { ...query, page, pageSize }),
        columns: [
          { header: '用户名', width: 16, value: (u) => u.username },
          { header: '姓名', width: 12, value: (u) => u.displayName },
          { header: '角色', width: 30, value: (u) => u.roles.map((c) => roleName.get(c) ?? c).join('、') },
          { header: '服务项目', width: 20, value: (u) => u.serviceLines.map(lineLabel).join('、') },
          {
            header: '状态',
            width: 16,
            value: (u) =>
              [
                u.disabled ? '已停用' : '正常',
                u.locked ? '已锁定' : '',
                u.mustChangePassword ? '须改密码' : '',
                u.totpEnabled ? 'TOTP' : '',
              ]
                .filter(Boolean)
                .join('、'),
          },
          { header: '电子邮箱', width: 24, value: (u) => u.email ?? '' },
          { header: '手机', width: 14, value: (u) => u.phone ?? '' },
          { header: '最近登录', width: 17, value: (u) => shanghaiTime(u.lastLoginAt) },
        ],
      });
    },
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
