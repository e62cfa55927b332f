// Demo records of the contract's written workflows, dated in the past so that the dashboard shows
// their outcomes at start: a late instalment whose notice to cure ran out (the contractor's
// termination right), a typhoon that moved the payment deadline and passed ten days (renegotiation),
// an amendment the contractor still has to answer, and the agency's coordinators and one inspection.
import { addCalendarDays } from '../../common/dates.ts';
import { inTx, type Ctx } from '../kernel/context.ts';
import { storeFile } from '../kernel/files/storage.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { contractTerms } from '../modules/contract/api.ts';
import { AMENDMENT_OBJECT } from '../modules/money/amendments.ts';
import { FM_OBJECT, PROOF_DAYS } from '../modules/money/majeure.ts';
import { CURE_DAYS } from '../modules/money/payments.ts';
import { coordinatorStore, inspectionStore } from '../modules/money/records.ts';
import { paymentStore } from '../modules/money/service.ts';
import { contractAmendments, contractCureNotices, contractForceMajeure } from '../modules/money/tables.ts';

const text = (s: string) => Buffer.from(s, 'utf8');

export async function loadMoneyRecordsDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const terms = await contractTerms(ctx);
  if (!terms) return;
  const day = (n: number) => addCalendarDays(env.today, n);
  await inTx(ctx, async (tx) => {
    const late = await paymentStore.create(tx, {
      contractId: terms.id,
      title: '第三季度运维服务费（演示：逾期未付）',
      dueDate: day(-75),
      amount: '387500.00',
      invoiceNumber: 'No.DEMO0003',
      reportBasis: '第三季度运维报告；7–9 月月度运维报告',
      note: '（演示数据）',
    });
    const noticeOn = day(-40);
    await tx.db.insert(contractCureNotices).values({
      contractId: terms.id,
      paymentId: late.id,
      noticeOn,
      cureBy: addCalendarDays(noticeOn, CURE_DAYS),
      text: '贵方应于应付日期支付的第三季度运维服务费至今未付，请于本通知之日起 30 天内支付并赔偿损失。',
      createdByName: '项目经理（演示）',
    });
    const startedOn = day(-20);
    const fmId = crypto.randomUUID();
    const proof = await storeFile(tx, {
      objectType: FM_OBJECT,
      objectId: fmId,
      kind: 'document',
      name: '台风停电政府公告.txt',
      bytes: text('关于台风期间园区停电停运的公告（演示数据）'),
    });
    await tx.db.insert(contractForceMajeure).values({
      id: fmId,
      contractId: terms.id,
      party: 'contractor',
      description: '台风导致机房所在园区停电停运',
      startedOn,
      endedOn: day(-6),
      notifiedAt: new Date(`${startedOn}T02:30:00Z`),
      proofDueOn: addCalendarDays(startedOn, PROOF_DAYS),
      proofOn: day(-15),
      proofFileId: proof.id,
      proofFileName: proof.name,
      affects: ['payment.due', 'late.from'],
      createdByName: '项目经理（演示）',
    });
    const amId = crypto.randomUUID();
    const request = await storeFile(tx, {
      objectType: AMENDMENT_OBJECT,
      objectId: amId,
      kind: 'document',
      name: '合同变更申请书.txt',
      bytes: text('申请将系统管理热线服务时间调整为工作日 08:30–18:30（演示数据）'),
    });
    await tx.db.insert(contractAmendments).values({
      id: amId,
      contractId: terms.id,
      party: 'agency',
      clause: '附件一 3.2 热线服务时间',
      change: '系统管理热线由 5×9（09:00–18:00）调整为工作日 08:30–18:30',
      reason: '与机关上下班时间一致',
      requestedOn: day(-3),
      requestedByName: '甲方主管（演示）',
      fileId: request.id,
      fileName: request.name,
    });
    for (const [system, name, phone] of [
      ['网络系统', '王建国', '010-6800 1101'],
      ['视频会议系统', '李敏', '010-6800 1102'],
    ] as const)
      await coordinatorStore.create(tx, { contractId: terms.id, system, name, phone, since: terms.signedAt ?? day(-300) });
    await inspectionStore.create(tx, {
      contractId: terms.id,
      inspectedOn: day(-12),
      inspector: '王建国',
      scope: '抽查网络设备巡检记录与配置备份记录',
      findings: '记录完整；两台接入交换机的配置备份晚于变更 1 天，已要求改进',
    });
  });
}
