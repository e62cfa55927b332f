// Every deadline and sum of a contract with its clause (the dashboard's list): the performance bond,
// the payment, when the late-payment penalty starts and its cap, and the sums the penalty clauses name.
import type { BusinessCalendar } from '../../../common/calendar.ts';
import type { TDeadline } from '../../../common/money.ts';
import type { ContractTerms } from '../contract/api.ts';
import { calendarYears, LATE_FROM_WORKING_DAY } from './calc.ts';
import { CLAUSES } from './clauses.ts';
import { fenOfNumber, frac, yuanOf, yuanOfFrac } from './decimal.ts';

export function deadlinesOf(cal: BusinessCalendar, terms: ContractTerms, today: string): { deadlines: TDeadline[]; totalFee: string } {
  const total = fenOfNumber(terms.totalFee);
  const pct = (per10000: bigint) => yuanOfFrac(frac(total * per10000, 10_000n));
  const years = calendarYears(cal);
  const known = (d: string) => !!years && Number(d.slice(0, 4)) >= years[0] && Number(d.slice(0, 4)) <= years[1];
  const status = (d: string | null): TDeadline['status'] => (d === null ? 'rule' : d < today ? 'past' : 'upcoming');
  const out: TDeadline[] = [];
  const add = (d: Omit<TDeadline, 'status'>) => out.push({ ...d, status: status(d.date) });
  // A working-day count that runs into a year the calendar does not hold yet is an ordinary-week guess.
  const guess = (d: string) => (known(d) ? '' : `；${d.slice(0, 4)} 年的节假日安排尚未导入工作日历，此日期按普通周推算，导入后自动更新`);
  const bond = pct(BigInt(Math.round(terms.bondPercent * 100)));
  if (terms.signedAt && known(terms.signedAt)) {
    const bondDue = cal.addWorkingDays(terms.signedAt, terms.bondDueWorkingDays);
    add({
      key: 'bond.due',
      label: '履约保函提交期限',
      date: bondDue,
      amount: bond,
      clause: CLAUSES.bond.clause,
      note: `合同总价的 ${terms.bondPercent}%，签订日 ${terms.signedAt} 后第 ${terms.bondDueWorkingDays} 个工作日（按工作日历）${guess(bondDue)}`,
    });
  }
  if (terms.bondValidUntil)
    add({ key: 'bond.valid', label: '履约保函有效期至', date: terms.bondValidUntil, amount: bond, clause: CLAUSES.bond.clause, note: '' });
  if (terms.signedAt) {
    const payDue = `${terms.signedAt.slice(0, 4)}-12-31`;
    add({
      key: 'payment.due',
      label: '合同全款支付期限',
      date: payDue,
      amount: yuanOf(total),
      clause: CLAUSES.payment.clause,
      note: `甲方收到乙方正式服务发票后于签约当年内支付；付款依据为月度、季度和年度运维报告（${CLAUSES.paymentBasis.clause}）；以财政资金到位情况为准（${CLAUSES.fiscal.clause}）`,
    });
    if (known(payDue)) {
      const from = cal.addWorkingDays(payDue, LATE_FROM_WORKING_DAY);
      add({
        key: 'late.from',
        label: '逾期违约金起算日（如未按期支付）',
        date: from,
        amount: pct(500n),
        clause: CLAUSES.late.clause,
        note: `逾期第 ${LATE_FROM_WORKING_DAY} 个工作日起每日 0.5%，上限为迟延支付金额的 5%（此处为全款的 5%）；财政资金未到位不视为违约${guess(from)}`,
      });
    }
  }
  add({
    key: 'acceptance',
    label: '年度验收不合格违约金',
    date: null,
    amount: pct(300n),
    clause: CLAUSES.acceptance.clause,
    note: '年度技术服务费的 3%',
  });
  add({
    key: 'breach',
    label: '违反保密义务或擅自终止/中断的违约金',
    date: null,
    amount: pct(2000n),
    clause: CLAUSES.breach.clause,
    note: '年度技术服务费的 20%，另退回已收取的全部年度服务费',
  });
  add({
    key: 'daily-fee',
    label: '甲方解除合同时的每日服务费',
    date: null,
    amount: yuanOfFrac(frac(total, 365n)),
    clause: CLAUSES.termination.clause,
    note: '年度技术服务费 ÷ 365；解除日之后的已收费用于收到解除通知后 30 日内返还',
  });
  add({
    key: 'cure',
    label: '甲方逾期付款的纠正期',
    date: null,
    amount: null,
    clause: CLAUSES.contractorTermination.clause,
    note: '乙方书面通知后 30 天内未纠正并赔偿损失的，乙方有权书面通知解除合同',
  });
  return { deadlines: out, totalFee: yuanOf(total) };
}
