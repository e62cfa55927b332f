// The contract's sums, computed exactly (fen as BigInt, one rounding half up at the end) from the
// business calendar. Pure: the calendar comes in, nothing is read or written. How each kind counts is
// argued in docs/contract-money.md; each answer's basis says the same in Chinese.
import type { z } from 'zod';
import type { BusinessCalendar } from '../../../common/calendar.ts';
import { addCalendarDays, calendarDaysBetween } from '../../../common/dates.ts';
import type { TBasis, TCalcResult, ZCalcInput } from '../../../common/money.ts';
import { Invalid } from '../../kernel/errors.ts';
import { CLAUSES, type Clause } from './clauses.ts';
import { addFrac, fenOf, frac, yuanOf, yuanOfFrac, type Fraction } from './decimal.ts';

export type CalcInput = z.output<typeof ZCalcInput>;

/** 第五条第2款: the penalty starts on this working day of the delay … */
export const LATE_FROM_WORKING_DAY = 31;
/** … at 0.5% (5‰) of the late amount per day … */
const LATE_PER_MILLE_PER_DAY = 5n;
/** … and stops growing at 5% (50‰): 10 days' worth. */
const LATE_CAP_PER_MILLE = 50n;

const basis = (c: Clause, explanation: string, dates: Record<string, string> = {}, days: Record<string, number> = {}): TBasis => ({
  ...c,
  explanation,
  dates,
  days,
});

/** The years the calendar knows (its first to its last listed day): outside them working days are guesses. */
export function calendarYears(cal: BusinessCalendar): [number, number] | null {
  const e = cal.entries;
  if (!e.length) return null;
  return [Number(e[0]!.date.slice(0, 4)), Number(e[e.length - 1]!.date.slice(0, 4))];
}

function checkDates(cal: BusinessCalendar, dates: Record<string, string>): void {
  const years = calendarYears(cal);
  const bad = Object.entries(dates).filter(([, d]) => !years || Number(d.slice(0, 4)) < years[0] || Number(d.slice(0, 4)) > years[1]);
  if (!bad.length) return;
  const span = years ? `${years[0]}–${years[1]} 年` : '（日历为空）';
  throw new Invalid(
    'money.date_out_of_calendar',
    `日期超出工作日历的年份范围 ${span}：${bad.map(([, d]) => d).join('、')}。请先由系统管理员导入该年度的节假日安排`,
    bad.map(([k]) => ({ path: `body.${k}`, message: `不在工作日历 ${span} 之内` })),
  );
}

function latePayment(cal: BusinessCalendar, i: Extract<CalcInput, { kind: 'late-payment' }>): TCalcResult {
  const { dueDate, paidOn } = i;
  checkDates(cal, { dueDate, paidOn });
  if (paidOn < dueDate)
    throw new Invalid('money.paid_before_due', `支付日期 ${paidOn} 早于应付日期 ${dueDate}，不存在逾期`, [
      { path: 'body.paidOn', message: '早于应付日期' },
    ]);
  const fen = fenOf(i.amount);
  const delayDays = calendarDaysBetween(dueDate, paidOn);
  const delayWorkingDays = cal.workingDaysBetween(dueDate, paidOn);
  const dates = { dueDate, paidOn };
  if (i.reason === 'fiscal-funding')
    return {
      kind: i.kind,
      amount: '0.00',
      basis: basis(
        CLAUSES.fiscal,
        `因财政资金未到位而影响甲方支付，不视为甲方违约，不计逾期违约金（第五条第2款不适用）。逾期 ${delayDays} 个日历日、${delayWorkingDays} 个工作日。`,
        dates,
        { delayDays, delayWorkingDays },
      ),
    };
  const startDay = cal.addWorkingDays(dueDate, LATE_FROM_WORKING_DAY);
  const allDates = { ...dates, firstDelayDay: addCalendarDays(dueDate, 1), penaltyFrom: startDay };
  if (paidOn < startDay)
    return {
      kind: i.kind,
      amount: '0.00',
      basis: basis(
        CLAUSES.late,
        `应付日 ${dueDate} 的次日起算逾期，逾期第 ${LATE_FROM_WORKING_DAY} 个工作日为 ${startDay}；${paidOn} 支付时逾期 ${delayWorkingDays} 个工作日，未到第 ${LATE_FROM_WORKING_DAY} 个工作日，不计违约金。`,
        allDates,
        { delayDays, delayWorkingDays, penaltyDays: 0, chargedDays: 0 },
      ),
    };
  // From the 31st working day of the delay to the paid date, both counted, every calendar day
  // ("每日"; the clause says 工作日 where it means working days).
  const penaltyDays = calendarDaysBetween(startDay, paidOn) + 1;
  const raw = fen * LATE_PER_MILLE_PER_DAY * BigInt(penaltyDays);
  const capped = raw > fen * LATE_CAP_PER_MILLE;
  const amount = yuanOfFrac(frac(capped ? fen * LATE_CAP_PER_MILLE : raw, 1000n));
  const chargedDays = capped ? Number(LATE_CAP_PER_MILLE / LATE_PER_MILLE_PER_DAY) : penaltyDays;
  return {
    kind: i.kind,
    amount,
    basis: basis(
      CLAUSES.late,
      `应付日 ${dueDate} 的次日起算逾期；逾期第 ${LATE_FROM_WORKING_DAY} 个工作日为 ${startDay}（按工作日历，节假日不计、调休上班日计入）。` +
        `自该日起至支付日 ${paidOn}（含两端）按日历日每日计 0.5%，共 ${penaltyDays} 日` +
        (capped ? `，超过 5% 上限，按 5% 计` : '') +
        `：${i.amount} 元 × 0.5% × ${chargedDays} = ${amount} 元（最后一步四舍五入到分）。`,
      allDates,
      { delayDays, delayWorkingDays, penaltyDays, chargedDays },
    ),
  };
}

function terminationRefund(cal: BusinessCalendar, i: Extract<CalcInput, { kind: 'termination-refund' }>): TCalcResult {
  const { terminatedOn, paidThrough } = i;
  checkDates(cal, { terminatedOn, paidThrough });
  const days = Math.max(0, calendarDaysBetween(terminatedOn, paidThrough));
  const refundBy = addCalendarDays(terminatedOn, 30);
  const amount = yuanOfFrac(frac(fenOf(i.annualFee) * BigInt(days), 365n));
  const why =
    days === 0
      ? `已收取的服务费截至 ${paidThrough}，不晚于解除日 ${terminatedOn}，无需返还。`
      : `每日服务费 = ${i.annualFee} 元 ÷ 365；解除日 ${terminatedOn} 之后至已付至 ${paidThrough}（含）共 ${days} 日：${i.annualFee} × ${days} ÷ 365 = ${amount} 元（最后一步四舍五入到分）。`;
  return {
    kind: i.kind,
    amount,
    basis: basis(
      CLAUSES.termination,
      `${why}返还期限：收到解除通知后 30 日内（按解除日当日收到通知计，至 ${refundBy}）。`,
      { terminatedOn, paidThrough, refundBy },
      { days },
    ),
  };
}

/** The same day one year later (29 February → 28 February). */
function oneYearAfter(date: string): string {
  const y = Number(date.slice(0, 4)) + 1;
  const md = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return `${y}${md}`;
}

function continuation(cal: BusinessCalendar, i: Extract<CalcInput, { kind: 'continuation' }>): TCalcResult {
  const { expiredOn, newContractOn } = i;
  checkDates(cal, { expiredOn, newContractOn });
  if (newContractOn < expiredOn)
    throw new Invalid('money.new_contract_before_expiry', `新合同签署日期 ${newContractOn} 早于本合同到期日 ${expiredOn}，不存在延续服务`, [
      { path: 'body.newContractOn', message: '早于到期日' },
    ]);
  const days = calendarDaysBetween(expiredOn, newContractOn);
  const yearEnd = oneYearAfter(expiredOn);
  const yearDays = calendarDaysBetween(expiredOn, yearEnd);
  const amount = yuanOfFrac(frac(fenOf(i.total) * BigInt(days), BigInt(yearDays)));
  return {
    kind: i.kind,
    amount,
    basis: basis(
      CLAUSES.continuation,
      `服务时间：到期日 ${expiredOn} 次日至新合同签署日 ${newContractOn}（含）共 ${days} 日；全年服务时间：到期后一年（至 ${yearEnd}）共 ${yearDays} 日。` +
        `${i.total} 元 × ${days} ÷ ${yearDays} = ${amount} 元（最后一步四舍五入到分），由新服务商支付。`,
      { expiredOn, newContractOn, yearEnd },
      { days, yearDays },
    ),
  };
}

function percentOf(fee: string, percent: bigint): Fraction {
  return frac(fenOf(fee) * percent, 100n);
}

function acceptancePenalty(i: Extract<CalcInput, { kind: 'acceptance-penalty' }>): TCalcResult {
  const amount = yuanOfFrac(percentOf(i.annualFee, 3n));
  return {
    kind: i.kind,
    amount,
    basis: basis(CLAUSES.acceptance, `年度运维服务质量验收不合格：${i.annualFee} 元 × 3% = ${amount} 元。另有损失的赔偿不在此数内。`),
  };
}

function breachPenalty(i: Extract<CalcInput, { kind: 'breach-penalty' }>): TCalcResult {
  const penalty = percentOf(i.annualFee, 20n);
  const amount = yuanOfFrac(addFrac(penalty, frac(fenOf(i.received))));
  return {
    kind: i.kind,
    amount,
    basis: basis(
      CLAUSES.breach,
      `违反保密义务或擅自终止/中断合同：违约金 ${i.annualFee} 元 × 20% = ${yuanOfFrac(penalty)} 元，加退回已收取的全部年度服务费 ${yuanOf(fenOf(i.received))} 元，` +
        `合计 ${amount} 元。赔偿金按实际损失另计，不在此数内。`,
    ),
  };
}

export function calculate(cal: BusinessCalendar, input: CalcInput): TCalcResult {
  switch (input.kind) {
    case 'late-payment':
      return latePayment(cal, input);
    case 'termination-refund':
      return terminationRefund(cal, input);
    case 'continuation':
      return continuation(cal, input);
    case 'acceptance-penalty':
      return acceptancePenalty(input);
    case 'breach-penalty':
      return breachPenalty(input);
  }
}
