// The staff list's review in the demo (R-STF-01/02): the current contract's list, version 1, approved
// by the agency; then 吴磊 left the NET post (a change the agency has not acknowledged yet, so the
// approved list is outdated) and version 2 awaits the agency's review.
import type { Ctx } from '../kernel/context.ts';
import { reviewStaffList, submitStaffList } from '../modules/contract/staff-review.ts';
import { getContract, unassignStaff } from '../modules/contract/service.ts';

export async function staffReviewDemo(tx: Ctx, contractId: string, leaverId: string | undefined): Promise<void> {
  if (!contractId) return;
  const v1 = await submitStaffList(tx, { contractId, note: '续期服务年度驻场及机动人员名单（演示数据）' });
  await reviewStaffList(tx, v1.id, { approve: true, comment: '同意' });
  const c = await getContract(tx, contractId);
  for (const s of c.serviceLines.flatMap((l) => l.staffing))
    for (const a of s.assigned) if (a.personId === leaverId) await unassignStaff(tx, s.id, a.id);
  await submitStaffList(tx, { contractId, note: '吴磊离岗后更新的人员名单（演示数据）' });
}
