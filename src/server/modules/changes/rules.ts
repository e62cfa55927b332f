// The approval rules of changes are data (issue 12: "approval rules as data"): each row says that a
// change of a type, at a risk or above, needs a role's approval at a step. Seeded with the contract's
// default: project manager → agency contact → agency manager when the risk is high. Standard changes
// need none (their template was approved once by the agency).
import { asc, count, eq } from 'drizzle-orm';
import { RISKS, type ChangeType, type Risk } from '../../../common/changes.ts';
import type { Ctx } from '../../kernel/context.ts';
import { getSetting } from '../../kernel/settings.ts';
import { chgApprovalRules, type ApprovalStepRow } from './tables.ts';

const DEFAULT_STEPS: { step: number; role: string; minRisk: Risk }[] = [
  { step: 1, role: 'contractor_pm', minRisk: 'low' },
  { step: 2, role: 'agency_contact', minRisk: 'low' },
  { step: 3, role: 'agency_manager', minRisk: 'high' },
];

/** Seeds the default rules once (a site that edited them keeps its own). */
export async function seedApprovalRules(ctx: Ctx): Promise<void> {
  const [n] = await ctx.db.select({ n: count() }).from(chgApprovalRules);
  if (Number(n?.n ?? 0) > 0) return;
  await ctx.db
    .insert(chgApprovalRules)
    .values((['normal', 'emergency'] as const).flatMap((changeType) => DEFAULT_STEPS.map((s) => ({ changeType, ...s }))));
}

export async function listRules(ctx: Ctx) {
  const rows = await ctx.db.select().from(chgApprovalRules).orderBy(asc(chgApprovalRules.changeType), asc(chgApprovalRules.step));
  return rows.map((r) => ({ ...r, changeType: r.changeType as ChangeType, minRisk: r.minRisk as Risk }));
}

/** The steps a change of this type and risk must pass, in order, all pending. */
export async function stepsFor(ctx: Ctx, type: ChangeType, risk: Risk): Promise<ApprovalStepRow[]> {
  if (type === 'standard') return [];
  const rows = await ctx.db
    .select()
    .from(chgApprovalRules)
    .where(eq(chgApprovalRules.changeType, type))
    .orderBy(asc(chgApprovalRules.step));
  return rows
    .filter((r) => RISKS.indexOf(risk) >= RISKS.indexOf(r.minRisk as Risk))
    .map((r) => ({ step: r.step, role: r.role, status: 'pending', by: null, byName: null, at: null, comment: null }));
}

/** Working days an emergency change's approval may follow its submission (setting; default 1). */
export async function emergencyDueDays(ctx: Ctx): Promise<number> {
  const v = (await getSetting(ctx, 'changes.emergency_due_days'))?.value;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 30 ? v : 1;
}
