// The security and audit administrators' part of the demo (三员分立, issue 11 point 15): the security
// admin creates a read-only role for the vendor's engineer and changes that account's roles; the
// audit admin verifies the audit chain. Both act through the kernel's own services, so the role
// editor, the users' roles and the audit log show what real use leaves behind.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../kernel/context.ts';
import { auditAlone, verifyAudit } from '../kernel/audit.ts';
import { setUserRoles } from '../kernel/auth/users.ts';
import { users } from '../kernel/db/tables.ts';
import { catalogue } from '../kernel/catalogue.ts';
import { createRole, updateRole } from '../kernel/rbac.ts';
import { as } from './actors.ts';

export const VENDOR_READONLY = 'vendor_readonly';

export async function loadAdminDemo(ctx: Ctx): Promise<void> {
  const sec = await as(ctx, 'sec.admin');
  await createRole(sec, {
    code: VENDOR_READONLY,
    nameZh: '厂商工程师-只读',
    nameEn: 'Vendor engineer (read-only)',
    description: '原厂售后工程师：经审批进场时查阅设备台账与知识库，不能登记或处理运维单',
    // Of these, those the site's modules declare (a site without assets still gets the role).
    permissions: ['asset.read', 'kb.read'].filter((p) => catalogue()?.permissions.has(p)),
  });
  // A second thought, as a real editor leaves it: the description names the approval it depends on.
  await updateRole(sec, VENDOR_READONLY, {
    description: '原厂售后工程师：经第三方访问审批进场时查阅设备台账与知识库，不能登记或处理运维单',
  });
  const [vendor] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'vendor')).limit(1);
  if (vendor) await setUserRoles(sec, vendor.id, ['third_party', VENDOR_READONLY]);

  // The audit admin checks that nobody has altered the log (the same check as 审计日志 → 校验).
  const auditor = await as(ctx, 'audit.admin');
  const r = await verifyAudit(auditor.db);
  await auditAlone(auditor, { action: 'audit.verify', success: r.ok, detail: { checked: r.checked, firstBad: r.firstBad } });
}
