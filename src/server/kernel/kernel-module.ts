// The kernel's own manifest: first in every registry. It declares what every site has whatever modules
// it runs — accounts, roles and the three administrators, the audit log, the business calendar,
// notifications and saved views, the global search — in the same shape a module uses.
import { auditRoutes } from './audit-routes.ts';
import { authRoutes } from './auth/routes.ts';
import { roleRoutes } from './auth/role-routes.ts';
import { CONTRACT_ROLES } from './auth/roles.ts';
import { userRoutes } from './auth/user-routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { auditLog, calendarDays, files, rolePermissions, roles, userRoles, users } from './db/tables.ts';
import { kernelJobs } from './jobs.ts';
import { defineModule } from './module.ts';
import { outboundRoutes } from './net/routes.ts';
import { inboxRoutes } from './notify/inbox-routes.ts';
import { savedViewRoutes } from './saved-views.ts';
import { systemRoutes } from './system-routes.ts';
import { KERNEL_TODOS } from './todos.ts';

const ADMINS = ['system_admin', 'security_admin', 'audit_admin'] as const;

export const kernelModule = defineModule({
  id: 'kernel',
  name: { zh: '平台', en: 'Platform' },
  summary: {
    zh: '账号与三员分立、哈希链审计日志、法定节假日工作日历、站内/邮件/机器人通知',
    en: 'Accounts with separated administrators, a hash-chained audit log, the statutory business calendar, notifications',
  },
  roles: CONTRACT_ROLES,
  permissions: {
    'user.read': { zh: '查看用户', en: 'View users', group: 'system', grants: ADMINS },
    'user.write': { zh: '管理用户账号', en: 'Manage user accounts', group: 'system', grants: ['system_admin'] },
    'user.roles': { zh: '分配用户角色', en: 'Assign roles to users', group: 'security', grants: ['security_admin'] },
    'role.read': { zh: '查看角色与权限', en: 'View roles and permissions', group: 'security', grants: ['security_admin'] },
    'role.write': { zh: '管理角色与权限', en: 'Manage roles and permissions', group: 'security', grants: ['security_admin'] },
    'audit.read': { zh: '查阅审计日志', en: 'Read the audit log', group: 'audit', grants: ['audit_admin'] },
    'calendar.write': { zh: '维护工作日历', en: 'Maintain the business calendar', group: 'system', grants: ['system_admin'] },
    'notify.admin': {
      zh: '配置邮件服务器（通知）',
      en: 'Configure the mail server (notifications)',
      group: 'system',
      grants: ['system_admin'],
    },
  },
  routes: [systemRoutes, authRoutes, userRoutes, roleRoutes, auditRoutes, calendarRoutes, inboxRoutes, outboundRoutes, savedViewRoutes],
  jobs: kernelJobs,
  todos: KERNEL_TODOS,
  // Accounts without their credentials (kernel/export.ts drops those columns), the audit trail, the
  // calendar and the files' records; not settings or preferences, which hold sealed secrets.
  exportTables: [users, roles, rolePermissions, userRoles, auditLog, calendarDays, files],
  // Roles and the calendar are seeded by bootstrap itself, before any module's seed.
});
