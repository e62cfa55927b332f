// Demo data: the 2021 contract's full payment, invoiced and paid in March 2022 after the fiscal funds
// arrived (第四条2(3): no penalty), recorded with the free text of its reports as payments were before
// they cited stored reports; and this service year's payment, invoiced and due at the year's end, resting
// on the demo's monthly report by reference (第四条1).
import { inTx, type Ctx } from '../kernel/context.ts';
import type { DemoEnv } from '../kernel/module.ts';
import { contractStore } from '../modules/contract/service.ts';
import { setPaymentReports } from '../modules/money/payment-reports.ts';
import { paymentStore } from '../modules/money/service.ts';
import { latestReportVersions } from '../modules/reports/api.ts';

export async function loadMoneyDemo(ctx: Ctx, env: DemoEnv): Promise<void> {
  const { items } = await contractStore.list(ctx, { page: 1, pageSize: 50 });
  await inTx(ctx, async (tx) => {
    for (const c of items) {
      if (!c.signedAt) continue;
      const year = c.signedAt.slice(0, 4);
      const dueDate = `${year}-12-31`;
      const past = dueDate < env.today;
      const p = await paymentStore.create(tx, {
        contractId: c.id,
        title: `${year} 年度合同全款`,
        dueDate,
        amount: c.totalFee.toFixed(2),
        paidOn: past ? `${Number(year) + 1}-03-15` : null,
        invoiceNumber: `${year}1100${c.number.slice(-3)}88`,
        reportBasis: past ? `${year} 年 9–11 月月度运维报告；${year} 年第三季度运维报告` : '',
        fiscalDelay: past,
        note: past ? `财政资金于 ${Number(year) + 1} 年 3 月到位后支付（演示数据）` : '（演示数据）',
      });
      if (!past) await setPaymentReports(tx, p.id, await latestReportVersions(tx, ['monthly', 'quarterly', 'annual'], 3), []);
    }
  });
}
