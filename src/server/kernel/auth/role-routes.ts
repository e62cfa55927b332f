// Roles and the permission catalogue (security admin).
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../http.ts';
import type { ModuleDeps } from '../module.ts';
import { createRole, deleteRole, getRole, listRoles, updateRole } from '../rbac.ts';
import { rolesApi } from '../../../common/auth.api.ts';

const KERNEL_GROUPS: Record<string, { zh: string; en: string }> = {
  system: { zh: '系统管理', en: 'System' },
  security: { zh: '安全管理', en: 'Security' },
  audit: { zh: '审计', en: 'Audit' },
};

export async function roleRoutes(app: FastifyInstance, { registry }: ModuleDeps): Promise<void> {
  const tags = ['roles'];
  defineRoute(app, {
    ...rolesApi.permissions,
    summary: '权限目录 The permission catalogue',
    tags,
    access: 'role.read',
    handler: async () => ({
      items: [...registry.permissions].map(([code, p]) => {
        // A kernel duty (system, security, audit) or the module that declares the group.
        const g = KERNEL_GROUPS[p.group] ?? registry.modules.find((m) => m.id === p.group)?.name ?? registry.module(p.module).name;
        return { code, zh: p.zh, en: p.en, group: p.group, groupZh: g.zh, groupEn: g.en, module: p.module };
      }),
    }),
  });
  defineRoute(app, {
    ...rolesApi.list,
    summary: '角色列表 List roles',
    tags,
    access: 'user.read',
    handler: async (ctx) => {
      const items = await listRoles(ctx);
      return { items, total: items.length };
    },
  });
  defineRoute(app, {
    ...rolesApi.get,
    summary: '角色详情 A role',
    tags,
    access: 'role.read',
    handler: async (ctx, { params }) => getRole(ctx, params.code),
  });
  defineRoute(app, {
    ...rolesApi.create,
    summary: '新建角色 Create a role',
    tags,
    access: 'role.write',
    handler: async (ctx, { body }) => createRole(ctx, body),
  });
  defineRoute(app, {
    ...rolesApi.update,
    summary: '修改角色 Update a role',
    tags,
    access: 'role.write',
    handler: async (ctx, { params, body }) => updateRole(ctx, params.code, body),
  });
  defineRoute(app, {
    ...rolesApi.remove,
    summary: '删除角色 Delete a role',
    tags,
    access: 'role.write',
    handler: async (ctx, { params }) => {
      await deleteRole(ctx, params.code);
      return { ok: true };
    },
  });
}
