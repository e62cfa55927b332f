// The contract module's demo (演示数据): the 2021 contract entered from its text, and its renewal for
// the current service year, with service lines, staffing requirements and the staff assigned to them.
// The parties, places and people come from the org module's demo, found through org's reads.
import { inTx, type Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import * as contract from '../modules/contract/service.ts';
import * as org from '../modules/org/service.ts';
import { partiesByKind } from '../modules/org/api.ts';
import { contract2021 } from './contract2021.ts';
import { renewalFor } from './renewal.ts';
import { staffReviewDemo } from './staff-review.ts';
import { as } from './actors.ts';

export async function loadContractDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const base = contract2021;
  const today = env.today;
  await inTx(ctx, async (tx) => {
    const partyId: Record<string, string> = {};
    for (const kind of ['agency', 'contractor']) {
      const [p] = await partiesByKind(tx, kind);
      if (p) partyId[kind] = p.id;
    }
    const all = { page: 1, pageSize: 1000 };
    const siteId = Object.fromEntries((await org.siteStore.list(tx, all)).items.map((s) => [s.code, s.id]));
    const roomId = Object.fromEntries((await org.roomStore.list(tx, all)).items.map((r) => [r.code, r.id]));
    const byName = new Map((await org.personStore.list(tx, all)).items.map((p) => [p.name, p.id]));
    const personIds = base.people.flatMap((p) => (byName.has(p.name) ? [{ id: byName.get(p.name)!, p }] : []));
    let current = '';
    for (const c of [base, renewalFor(base, today)]) {
      const row = await contract.contractStore.create(tx, {
        number: c.number,
        title: c.title,
        signedAt: c.signedAt,
        signedPlace: c.signedPlace,
        procurementNumber: c.procurementNumber ?? '',
        agencyId: partyId.agency!,
        contractorId: partyId.contractor!,
        totalFee: c.totalFee,
        bondPercent: c.bondPercent,
        bondDueWorkingDays: c.bondDueWorkingDays,
        bondValidUntil: c.bondValidUntil,
        notes:
          c === base ? '依据 2021 年度合同原文录入（演示数据）' : '按第十三条续期：服务条款与 2021 年度合同相同，服务期顺延（演示数据）',
      });
      current = row.id;
      for (const l of c.serviceLines) {
        const line = await contract.lineStore.create(tx, {
          contractId: row.id,
          code: l.code,
          name: l.name,
          periodStart: l.periodStart,
          periodEnd: l.periodEnd,
          fee: l.fee,
          hoursProfile: l.hoursProfile,
          hotlineHours: l.hotlineHours,
          hotlinePhone: l.hotlinePhone,
          emergencyPhone: l.emergencyPhone,
          summary: l.summary,
          scope: l.scope,
          clause: l.clause,
          siteIds: l.siteKeys.map((k) => siteId[k]!).filter(Boolean),
          roomIds: l.roomKeys.map((k) => roomId[k]!).filter(Boolean),
        });
        let i = 0;
        for (const s of l.staffing) {
          const req = await contract.createStaffing(tx, line.id, {
            role: s.role,
            headcount: s.headcount,
            qualifications: s.qualifications,
            duties: s.duties,
            onsite: s.onsite,
            sort: i++,
          });
          // Staff fill the same roles in both years; the renewal starts from the same team.
          const since = l.periodStart;
          for (const { id, p } of personIds) {
            if (p.staffRole === s.role && p.serviceLines?.includes(l.code)) await contract.assignStaff(tx, req.id, { personId: id, since });
          }
        }
      }
    }
    // The project manager submits the staff list, the agency's contact reviews it (demo accounts of org's demo).
    await staffReviewDemo({ pm: await as(tx, 'pm'), contact: await as(tx, 'agency.contact') }, current, byName.get('吴磊'));
  });
}
