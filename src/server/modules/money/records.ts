// The written records beside the dashboard's deadlines: force majeure with the deadlines it moves,
// amendments (the dashboard keeps the current terms; agreed ones are listed in force from their date),
// the contractor's notices to cure with the termination right they open, and the agency's coordinators
// and inspections of the maintenance records (R-QA-05).
import { asc, eq } from 'drizzle-orm';
import type { TCureNotice, TMoneyRecords } from '../../../common/money-records.ts';
import type { TDeadline } from '../../../common/money.ts';
import type { Ctx } from '../../kernel/context.ts';
import { crud } from '../../kernel/crud.ts';
import { listAmendments } from './amendments.ts';
import { CLAUSES } from './clauses.ts';
import { extendDeadlines, listForceMajeure } from './majeure.ts';
import { contractCoordinators, contractCureNotices, contractPayments, contractRecordInspections } from './tables.ts';

export const coordinatorStore = crud(contractCoordinators, {
  objectType: 'contract_coordinator',
  label: '甲方协调人',
  order: [contractCoordinators.system, contractCoordinators.since],
});
export const inspectionStore = crud(contractRecordInspections, {
  objectType: 'contract_record_inspection',
  label: '维护记录检查',
  order: [contractRecordInspections.inspectedOn],
});

type NoticeRow = typeof contractCureNotices.$inferSelect;

export function toNotice(n: NoticeRow, p: { title: string; paidOn: string | null }, today: string): TCureNotice {
  const state = p.paidOn ? 'cured' : today > n.cureBy ? 'termination-right' : 'open';
  return {
    id: n.id,
    paymentId: n.paymentId,
    paymentTitle: p.title,
    noticeOn: n.noticeOn,
    cureBy: n.cureBy,
    text: n.text,
    createdByName: n.createdByName,
    state,
    clause: CLAUSES.contractorTermination.clause,
  };
}

async function listCureNotices(ctx: Ctx, contractId: string, today: string): Promise<TCureNotice[]> {
  const rows = await ctx.db
    .select({ n: contractCureNotices, title: contractPayments.title, paidOn: contractPayments.paidOn })
    .from(contractCureNotices)
    .innerJoin(contractPayments, eq(contractPayments.id, contractCureNotices.paymentId))
    .where(eq(contractCureNotices.contractId, contractId))
    .orderBy(asc(contractCureNotices.noticeOn))
    .limit(200);
  return rows.map((r) => toNotice(r.n, r, today));
}

/** A record without its bookkeeping times (the answers carry what the agency recorded, not when the row changed). */
export const strip = <T extends { createdAt: Date; updatedAt: Date }>({ createdAt: _c, updatedAt: _u, ...rest }: T) => rest;

export async function recordsOf(ctx: Ctx, contractId: string, today: string): Promise<TMoneyRecords> {
  const where = (col: typeof contractCoordinators.contractId | typeof contractRecordInspections.contractId) => eq(col, contractId);
  const [forceMajeure, amendments, cureNotices, coordinators, inspections] = await Promise.all([
    listForceMajeure(ctx, contractId, today),
    listAmendments(ctx, contractId),
    listCureNotices(ctx, contractId, today),
    coordinatorStore.list(ctx, { where: where(contractCoordinators.contractId), page: 1, pageSize: 200 }),
    inspectionStore.list(ctx, { where: where(contractRecordInspections.contractId), page: 1, pageSize: 200 }),
  ]);
  return { forceMajeure, amendments, cureNotices, coordinators: coordinators.items.map(strip), inspections: inspections.items.map(strip) };
}

/** The deadlines with force majeure's extensions, and the cure period or termination right of each notice. */
export function withRecords(deadlines: TDeadline[], r: TMoneyRecords): TDeadline[] {
  const out = extendDeadlines(deadlines, r.forceMajeure);
  for (const n of r.cureNotices) {
    if (n.state === 'cured') continue;
    const right = n.state === 'termination-right';
    out.push({
      key: `cure.${n.id}`,
      label: right ? '乙方有权解除合同（甲方逾期付款未纠正）' : '甲方纠正逾期付款期限',
      date: n.cureBy,
      amount: null,
      clause: n.clause,
      note: right
        ? `乙方于 ${n.noticeOn} 就“${n.paymentTitle}”发出书面纠正通知，30 天内未支付；乙方有权书面通知甲方立即解除合同`
        : `乙方于 ${n.noticeOn} 就“${n.paymentTitle}”发出书面纠正通知；此日前支付并赔偿损失即为纠正`,
      status: right ? 'past' : 'upcoming',
      extended: null,
    });
  }
  for (const a of r.amendments.filter((x) => x.status === 'agreed'))
    out.push({
      key: `amendment.${a.id}`,
      label: '合同变更生效',
      date: a.decidedOn,
      amount: null,
      clause: '第十一条第1款',
      note: `${a.clause}：${a.change}（自同意之日起按变更后的条款执行；上列期限与金额仍按合同记录计算）`,
      status: 'past',
      extended: null,
    });
  return out;
}
