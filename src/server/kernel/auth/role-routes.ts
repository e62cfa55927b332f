// Roles and the permission catalogue (security admin).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZPermissionList, ZRole, ZRoleCreate, ZRoleParams, ZRoleUpdate } from '../../../common/auth.ts';
import { defineRoute } from '../http.ts';
import type { ModuleDeps } from '../module.ts';
import { createRole, deleteRole, getRole, listRoles, updateRole } from '../rbac.ts';

const KERNEL_GROUPS: Record<string, { zh: string; en: string }> = {
  system: { zh: '系统管理', en: 'System' },
  security: { zh: '安全管理', en: 'Security' },
  audit: { zh: '审计', en: 'Audit' },
};

export async function roleRoutes(app: FastifyInstance, { registry }: ModuleDeps): Promise<void> {
  const tags = ['roles'];
  defineRoute(app, {
    method: 'GET',
    url: '/permissions',
    summary: '权限目录 The permission catalogue',
    tags,
    access: 'role.read',
    response: ZPermissionList,
    handler: async () => ({
      items: [...registry.permissions].map(([code, p]) => {
        // A kernel duty (system, security, audit) or the module that declares the group.
        const g = KERNEL_GROUPS[p.group] ?? registry.modules.find((m) => m.id === p.group)?.name ?? registry.module(p.module).name;
        return { code, zh: p.zh, en: p.en, group: p.group, groupZh: g.zh, groupEn: g.en, module: p.module };
      }),
    }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/roles',
    summary: '角色列表 List roles',
    tags,
    access: 'user.read',
    response: z.object({ items: z.array(ZRole), total: z.number() }),
    handler: async (ctx) => {
      const items = await listRoles(ctx);
      return { items, total: items.length };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/roles/:code',
    summary: '角色详情 A role',
    tags,
    access: 'role.read',
    params: ZRoleParams,
    response: ZRole,
    handler: async (ctx, { params }) => getRole(ctx, params.code),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/roles',
    summary: '新建角色 Create a role',
    tags,
    access: 'role.write',
    body: ZRoleCreate,
    response: ZRole,
    status: 201,
    handler: async (ctx, { body }) => createRole(ctx, body),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/roles/:code',
    summary: '修改角色 Update a role',
    tags,
    access: 'role.write',
    params: ZRoleParams,
    body: ZRoleUpdate,
    response: ZRole,
    handler: async (ctx, { params, body }) => updateRole(ctx, params.code, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/roles/:code',
    summary: '删除角色 Delete a role',
    tags,
    access: 'role.write',
    params: ZRoleParams,
    handler: async (ctx, { params }) => {
      await deleteRole(ctx, params.code);
      return { ok: true };
    },
  });
}
