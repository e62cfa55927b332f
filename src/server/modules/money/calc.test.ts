// The calculator's arithmetic on the shipped holiday calendar (2021–2026). Expected dates were counted
// by hand against the State Council notices in /work/shared/data/holiday-cn (see each comment).
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../../common/calendar.ts';
import { ZCalcInput, type TCalcInput } from '../../../common/money.ts';
import { shippedEntries } from '../../kernel/calendar/service.ts';
import { AppError } from '../../kernel/errors.ts';
import { calculate } from './calc.ts';
import { deadlinesOf } from './deadlines.ts';
import { fenOf, frac, roundHalfUp, yuanOf } from './decimal.ts';

const cal = new BusinessCalendar(shippedEntries().flatMap((y) => y.entries));
const calc = (i: TCalcInput) => calculate(cal, ZCalcInput.parse(i));
const late = (amount: string, dueDate: string, paidOn: string) => calc({ kind: 'late-payment', amount, dueDate, paidOn });
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
};

describe('exact money', () => {
  it('reads and writes yuan as fen without floats, and rounds half up once', () => {
    expect(fenOf('1550000.00')).toBe(155000000n);
    expect(fenOf('0.1')).toBe(10n);
    expect(yuanOf(fenOf('12.5'))).toBe('12.50');
    expect(roundHalfUp(frac(5n, 10n))).toBe(1n); // 0.5 fen → 1 fen
    expect(roundHalfUp(frac(4999n, 10000n))).toBe(0n);
  });
});

describe('the 2021 contract (BJRBJ2021010)', () => {
  const terms = {
    id: 'x',
    number: 'BJRBJ2021010',
    title: '',
    signedAt: '2021-08-30',
    totalFee: 1550000,
    bondPercent: 10,
    bondDueWorkingDays: 20,
    bondValidUntil: '2022-09-03',
  };
  const d = Object.fromEntries(deadlinesOf(cal, terms, '2026-11-24').deadlines.map((x) => [x.key, x]));

  it('bond 155,000.00 due on the 20th working day after 2021-08-30: 2021-09-27', () => {
    // Aug 31–Sep 17 = 14 working days; Sat Sep 18 worked (中秋 make-up) = 15; Sep 19–21 off;
    // Sep 22–24 = 18; Sun Sep 26 worked (国庆 make-up) = 19; Mon Sep 27 = 20.
    expect(d['bond.due']).toMatchObject({ date: '2021-09-27', amount: '155000.00', clause: '第四条第2款第(2)项', status: 'past' });
    expect(d['bond.valid']).toMatchObject({ date: '2022-09-03', amount: '155000.00' });
  });

  it('full payment 1,550,000.00 within 2021; a penalty would start on 2022-02-18', () => {
    expect(d['payment.due']).toMatchObject({ date: '2021-12-31', amount: '1550000.00', clause: '第四条第2款第(1)项' });
    // Jan 1–3 off; Jan 4–28 = 19; Sat 29 and Sun 30 worked (春节) = 21; Jan 31–Feb 6 off; Feb 7–18 = 31.
    expect(d['late.from']).toMatchObject({ date: '2022-02-18', amount: '77500.00', clause: '第五条第2款' });
    expect(d.acceptance!.amount).toBe('46500.00');
    expect(d.breach!.amount).toBe('310000.00');
    expect(d['daily-fee']!.amount).toBe('4246.58'); // 1,550,000 / 365 = 4246.575… → half up
  });
});

describe('a renewal signed 2026-08-30', () => {
  it('says when a working-day count runs into a year the calendar does not hold yet', () => {
    const terms = {
      id: 'y',
      number: 'N',
      title: '',
      signedAt: '2026-08-30',
      totalFee: 1550000,
      bondPercent: 10,
      bondDueWorkingDays: 20,
      bondValidUntil: null,
    };
    const d = Object.fromEntries(deadlinesOf(cal, terms, '2026-11-24').deadlines.map((x) => [x.key, x]));
    expect(d['bond.due']!.note).not.toContain('尚未导入');
    expect(d['late.from']!.date! > '2027-01-01').toBe(true);
    expect(d['late.from']!.note).toContain('2027 年的节假日安排尚未导入工作日历');
  });
});

describe('late payment (第五条第2款)', () => {
  // Due Fri 2025-08-29. September: 22 weekdays + Sun 28 worked = 23; Oct 1–8 off (国庆、中秋);
  // Thu 9, Fri 10 = 25; Sat 11 worked = 26; Oct 13–16 = 30; Fri Oct 17 = the 31st working day.
  // An ordinary Monday–Friday count would have given Oct 13.
  it('starts on the 31st working day across 国庆 2025 and its make-up days', () => {
    expect(late('100000.00', '2025-08-29', '2025-10-16')).toMatchObject({
      amount: '0.00',
      basis: { dates: { penaltyFrom: '2025-10-17' }, days: { delayWorkingDays: 30, penaltyDays: 0 } },
    });
    const r = late('100000.00', '2025-08-29', '2025-10-17');
    expect(r.amount).toBe('500.00');
    expect(r.basis.days).toMatchObject({ delayWorkingDays: 31, penaltyDays: 1 });
  });

  it('counts every calendar day from then to the paid date, weekend included', () => {
    // Oct 17 (Fri), 18, 19 (weekend), 20 (Mon): 4 days × 0.5% of 100,000 = 2,000
    const r = late('100000.00', '2025-08-29', '2025-10-20');
    expect(r).toMatchObject({ amount: '2000.00', basis: { clause: '第五条第2款', days: { penaltyDays: 4, chargedDays: 4 } } });
    expect(r.basis.explanation).toContain('2025-10-17');
  });

  it('stops at 5% of the late amount: 10 days', () => {
    expect(late('100000.00', '2025-08-29', '2025-10-25').amount).toBe('4500.00'); // 9 days
    expect(late('100000.00', '2025-08-29', '2025-10-26').amount).toBe('5000.00'); // 10 days
    const long = late('100000.00', '2025-08-29', '2025-11-30');
    expect(long.amount).toBe('5000.00');
    expect(long.basis.days).toMatchObject({ penaltyDays: 45, chargedDays: 10 });
    expect(long.basis.explanation).toContain('5% 上限');
  });

  it('rounds half up once at the end, not each day', () => {
    // 1,234.57 × 0.5% = 6.17285 a day; 3 days (Oct 17–19) = 18.51855 → 18.52 (day by day: 6.17 × 3 = 18.51)
    expect(late('1234.57', '2025-08-29', '2025-10-19').amount).toBe('18.52');
    // 1.01 × 0.5% × 3 = 0.01515 → 0.02 (day by day 0.01 × 3 = 0.03)
    expect(late('1.01', '2025-08-29', '2025-10-19').amount).toBe('0.02');
  });

  it('is no breach when the fiscal funds were not allocated (第四条2(3))', () => {
    const r = calc({ kind: 'late-payment', amount: '100000.00', dueDate: '2025-08-29', paidOn: '2025-11-30', reason: 'fiscal-funding' });
    expect(r.amount).toBe('0.00');
    expect(r.basis.clause).toBe('第四条第2款第(3)项');
    expect(r.basis.explanation).toContain('不视为甲方违约');
  });

  it('refuses a paid date before the due date and dates outside the calendar', () => {
    expect(code(() => late('1.00', '2025-08-29', '2025-08-28'))).toBe('money.paid_before_due');
    expect(code(() => late('1.00', '2020-12-31', '2021-03-01'))).toBe('money.date_out_of_calendar');
    expect(code(() => late('1.00', '2026-12-31', '2027-03-01'))).toBe('money.date_out_of_calendar');
  });
});

describe('the other sums', () => {
  it('termination refund: annual fee / 365 per day after the termination date (第十二条第2款)', () => {
    // Jul 31 + Aug 31 + Sep 3 = 65 days; 1,550,000 × 65 / 365 = 276,027.397… → 276,027.40
    const r = calc({ kind: 'termination-refund', annualFee: '1550000.00', terminatedOn: '2022-06-30', paidThrough: '2022-09-03' });
    expect(r).toMatchObject({
      amount: '276027.40',
      basis: { clause: '第十二条第2款', days: { days: 65 }, dates: { refundBy: '2022-07-30' } },
    });
    expect(calc({ kind: 'termination-refund', annualFee: '1550000', terminatedOn: '2022-06-30', paidThrough: '2022-06-01' }).amount).toBe(
      '0.00',
    );
  });

  it('continuation: days served / days of the year × the total (第十三条)', () => {
    // Jan 1 – Mar 1 2022 = 60 days of 365: 1,550,000 × 60 / 365 = 254,794.520… → 254,794.52
    const r = calc({ kind: 'continuation', total: '1550000.00', expiredOn: '2021-12-31', newContractOn: '2022-03-01' });
    expect(r).toMatchObject({ amount: '254794.52', basis: { days: { days: 60, yearDays: 365 } } });
    // The year after 2023-12-31 is 2024, a leap year: 366 days.
    expect(calc({ kind: 'continuation', total: '366.00', expiredOn: '2023-12-31', newContractOn: '2024-01-10' }).amount).toBe('10.00');
    expect(code(() => calc({ kind: 'continuation', total: '1', expiredOn: '2022-03-01', newContractOn: '2022-01-01' }))).toBe(
      'money.new_contract_before_expiry',
    );
  });

  it('acceptance penalty 3% and breach penalty 20% plus the refund (第五条第1款)', () => {
    expect(calc({ kind: 'acceptance-penalty', annualFee: '1550000.00' }).amount).toBe('46500.00');
    // 1.50 × 3% = 0.045 → 0.05 half up (a float would say 0.04499… → 0.04)
    expect(calc({ kind: 'acceptance-penalty', annualFee: '1.50' }).amount).toBe('0.05');
    const b = calc({ kind: 'breach-penalty', annualFee: '1550000.00', received: '1550000.00' });
    expect(b).toMatchObject({ amount: '1860000.00', basis: { clause: '第五条第1款（第二、三段）' } });
    expect(b.basis.explanation).toContain('310000.00');
  });

  it('refuses negative and non-numeric sums', () => {
    for (const amount of ['-1', 'abc', '1.234', '', '1e5'])
      expect(ZCalcInput.safeParse({ kind: 'acceptance-penalty', annualFee: amount }).success, amount).toBe(false);
    expect(ZCalcInput.safeParse({ kind: 'acceptance-penalty', annualFee: 12.5 }).success).toBe(true);
  });
});
