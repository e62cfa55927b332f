// The staff list's review in the demo (R-STF-01/02): the current contract's list, version 1, submitted
// by the project manager and approved by the agency's contact; then 吴磊 left the NET post (a change
// the agency has not acknowledged yet, so the approved list is outdated) and version 2, submitted by
// the project manager, awaits the agency's review. Each step acts as the person who takes it, so the
// lists show who submitted and who reviewed (not 系统).
import type { Ctx } from '../kernel/context.ts';
import { reviewStaffList, submitStaffList } from '../modules/contract/staff-review.ts';
import { getContract, unassignStaff } from '../modules/contract/service.ts';

export async function staffReviewDemo(who: { pm: Ctx; contact: Ctx }, contractId: string, leaverId: string | undefined): Promise<void> {
  if (!contractId) return;
  const { pm, contact } = who;
  const v1 = await submitStaffList(pm, { contractId, note: '续期服务年度驻场及机动人员名单（演示数据）' });
  await reviewStaffList(contact, v1.id, { approve: true, comment: '同意' });
  const c = await getContract(pm, contractId);
  for (const s of c.serviceLines.flatMap((l) => l.staffing))
    for (const a of s.assigned) if (a.personId === leaverId) await unassignStaff(pm, s.id, a.id);
  await submitStaffList(pm, { contractId, note: '吴磊离岗后更新的人员名单（演示数据）' });
}
