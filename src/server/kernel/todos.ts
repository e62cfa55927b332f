// The home page's to-do list (issue 11 point 10): which sections a user gets, and the kernel's own
// sections, those of the three administrators (三员分立): accounts to unlock or to be given a role,
// recent permission changes, the audit chain's last verification and recent refused requests.
import { and, desc, eq, gt, inArray, notExists, or, sql } from 'drizzle-orm';
import type { Actor, Ctx } from './context.ts';
import { auditLog, userRoles, users } from './db/tables.ts';
import type { TodoItem, TodoProvider, TodoSection } from './module.ts';

/** How many items each section lists (the count says how many there are in all). */
export const TODO_ITEMS = 5;

/**
 * The section's total as a column of its first rows (`count(*) OVER ()` is computed before LIMIT), so
 * a section is one statement: select the rows with `total: totalOver()`, then `countedSection`.
 */
export const totalOver = () => sql<number>`count(*) OVER ()`.mapWith(Number);

/** A section from rows selected with `total: totalOver()`: their total, and each row as an item. */
export function countedSection<R extends { total: number }>(rows: readonly R[], item: (row: R) => TodoItem): TodoSection {
  return { count: rows[0]?.total ?? 0, items: rows.map(item) };
}

/** The providers whose permission the actor holds and, when they name roles, whose role the actor has. */
export function openTodos<T extends TodoProvider>(all: readonly T[], actor: Actor): T[] {
  return all.filter(
    (p) =>
      (p.access === 'user' || p.access.split('|').some((x) => actor.permissions.has(x))) &&
      (!p.roles || p.roles.some((r) => actor.roles.includes(r))),
  );
}

const DAY = 86_400_000;
const since = (ctx: Ctx, days: number) => new Date(ctx.now().getTime() - days * DAY);
const when = (d: Date) => d.toISOString();

/** System admin: accounts locked after failed sign-ins, or owing a new password. */
const accounts: TodoProvider = {
  id: 'kernel.accounts',
  title: { zh: '待解锁或待改密的账号', en: 'Accounts locked or owing a new password' },
  access: 'user.write',
  roles: ['system_admin'],
  order: 80,
  url: '/admin/users',
  empty: { zh: '没有被锁定或待改密的账号', en: 'No account is locked or owes a new password' },
  async read(ctx, limit) {
    const locked = gt(users.lockedUntil, ctx.now());
    const where = and(eq(users.disabled, false), or(locked, eq(users.mustChangePassword, true)));
    const rows = await ctx.db
      .select({
        username: users.username,
        name: users.displayName,
        lockedUntil: users.lockedUntil,
        isLocked: sql<boolean>`${locked}`,
        total: totalOver(),
      })
      .from(users)
      .where(where)
      .orderBy(desc(users.lockedUntil), users.username)
      .limit(limit);
    return countedSection(rows, (r) => ({
      title: `${r.name}（${r.username}）`,
      tag: r.isLocked ? '已锁定' : '待改密',
      ...(r.isLocked && r.lockedUntil ? { due: when(r.lockedUntil), risk: 'warning' as const } : {}),
      url: '/admin/users',
    }));
  },
};

/** Security admin: active accounts nobody has given a role yet (the system admin creates, the security admin authorises). */
const unassigned: TodoProvider = {
  id: 'kernel.unassigned',
  title: { zh: '待授权的账号', en: 'Accounts awaiting a role' },
  access: 'user.roles',
  roles: ['security_admin'],
  order: 80,
  url: '/admin/users',
  empty: { zh: '所有账号均已分配角色', en: 'Every account has a role' },
  async read(ctx, limit) {
    const where = and(
      eq(users.disabled, false),
      notExists(
        ctx.db
          .select({ one: sql`1` })
          .from(userRoles)
          .where(eq(userRoles.userId, users.id)),
      ),
    );
    const rows = await ctx.db
      .select({ username: users.username, name: users.displayName, at: users.createdAt, total: totalOver() })
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt))
      .limit(limit);
    return countedSection(rows, (r) => ({ title: `${r.name}（${r.username}）`, at: when(r.at), tag: '未分配角色', url: '/admin/users' }));
  },
};

const CHANGE_NAMES: Record<string, string> = {
  'role.create': '新建角色',
  'role.update': '修改角色权限',
  'role.delete': '删除角色',
  'user.roles': '调整用户角色',
};

/** Security admin: the permission changes of the last 30 days, to review (the log of their own domain). */
const permissionChanges: TodoProvider = {
  id: 'kernel.permission_changes',
  title: { zh: '近 30 天的权限变更', en: 'Permission changes, last 30 days' },
  access: 'role.write',
  roles: ['security_admin'],
  order: 81,
  url: '/admin/roles',
  empty: { zh: '近 30 天没有权限变更', en: 'No permission change in 30 days' },
  async read(ctx, limit) {
    const where = and(inArray(auditLog.action, Object.keys(CHANGE_NAMES)), gt(auditLog.at, since(ctx, 30)), eq(auditLog.success, true));
    const rows = await ctx.db
      .select({ action: auditLog.action, objectId: auditLog.objectId, actor: auditLog.actorName, at: auditLog.at, total: totalOver() })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at))
      .limit(limit);
    return countedSection(rows, (r) => ({
      title: `${CHANGE_NAMES[r.action] ?? r.action}${r.action.startsWith('role.') && r.objectId ? `：${r.objectId}` : ''}`,
      subtitle: r.actor,
      at: when(r.at),
      url: r.action === 'user.roles' ? '/admin/users' : '/admin/roles',
    }));
  },
};

/** Audit admin: the last verification of the hash chain; a to-do when it failed, or is older than 7 days, or never ran. */
const auditVerify: TodoProvider = {
  id: 'kernel.audit_verify',
  title: { zh: '审计日志完整性校验', en: 'Audit chain verification' },
  access: 'audit.read',
  roles: ['audit_admin'],
  order: 90,
  url: '/admin/audit',
  async read(ctx) {
    const [last] = await ctx.db
      .select({ at: auditLog.at, ok: auditLog.success, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, 'audit.verify'))
      .orderBy(desc(auditLog.at))
      .limit(1);
    if (!last) return { count: 1, items: [{ title: '尚未校验过审计日志的哈希链', tag: '未校验', risk: 'warning', url: '/admin/audit' }] };
    const stale = last.at < since(ctx, 7);
    const checked = typeof last.detail?.checked === 'number' ? `，共 ${last.detail.checked} 条` : '';
    const item: TodoItem = {
      title: last.ok ? `上次校验通过${checked}` : `上次校验发现记录被篡改或缺失${checked}`,
      at: when(last.at),
      tag: last.ok ? '通过' : '未通过',
      url: '/admin/audit',
    };
    if (!last.ok) item.risk = 'breached';
    else if (stale) Object.assign(item, { risk: 'warning', subtitle: '已超过 7 天，请重新校验' });
    return { count: !last.ok || stale ? 1 : 0, items: [item] };
  },
};

/** Audit admin: requests refused in the last 7 days (403, CSRF), newest first. */
const denied: TodoProvider = {
  id: 'kernel.denied',
  title: { zh: '近 7 天被拒绝的请求', en: 'Refused requests, last 7 days' },
  access: 'audit.read',
  roles: ['audit_admin'],
  order: 91,
  url: '/admin/audit',
  empty: { zh: '近 7 天没有被拒绝的请求', en: 'No refused request in 7 days' },
  async read(ctx, limit) {
    const where = and(eq(auditLog.action, 'auth.denied'), gt(auditLog.at, since(ctx, 7)));
    const rows = await ctx.db
      .select({ actor: auditLog.actorName, route: auditLog.objectId, at: auditLog.at, ip: auditLog.ip, total: totalOver() })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at))
      .limit(limit);
    return countedSection(rows, (r) => ({
      title: `${r.actor || r.ip || '未登录'}：${r.route ?? ''}`,
      at: when(r.at),
      url: '/admin/audit',
    }));
  },
};

export const KERNEL_TODOS: readonly TodoProvider[] = [accounts, unassigned, permissionChanges, auditVerify, denied];
