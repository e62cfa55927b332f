// The contract's money through the API on the demo: who may calculate, what every call leaves in the
// audit trail, bad input refused with nothing written, the dashboard of the 2021 contract, payments.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TContract } from '../../../common/contract.ts';
import type { TCalcResult, TMoneyDashboard, TPayment } from '../../../common/money.ts';
import type { TReport } from '../../../common/reports.ts';
import { auditLog } from '../../kernel/db/tables.ts';
import { json, testApp, Clock, type Agent, type TestApp } from '../../test/harness.ts';
import { moneyWithDependencies } from './test-modules.ts';
import { contractPaymentReports, contractPayments } from './tables.ts';

let t: TestApp;
let pm: Agent;
let eng: Agent;
let finance: Agent;
let contact: Agent;
let c2021: string;
const login = async (name: string) => {
  const a = t.agent();
  expect((await a.login(name, 'Test-Pass-1')).statusCode).toBe(200);
  return a;
};
const calcAudits = async (success: boolean) =>
  Number(
    (
      await t.ctx.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'money.calc'), eq(auditLog.success, success)))
    )[0]!.n,
  );
const paymentRows = async () => Number((await t.ctx.db.select({ n: count() }).from(contractPayments))[0]!.n);

beforeAll(async () => {
  // Only the modules money rests on (a full demo takes minutes on a busy machine).
  t = await testApp({ demo: true, modules: moneyWithDependencies(), clock: new Clock(new Date('2026-11-24T02:00:00Z')) });
  [pm, eng, finance, contact] = (await Promise.all(['pm', 'eng.net', 'agency.finance', 'agency.contact'].map(login))) as [
    Agent,
    Agent,
    Agent,
    Agent,
  ];
  const list = json<{ items: TContract[] }>(await pm.get('/api/contracts'));
  c2021 = list.items.find((c) => c.number === 'BJRBJ2021010')!.id;
}, 300_000);
afterAll(async () => {
  await t.close();
});

const LATE = { kind: 'late-payment', amount: '100000.00', dueDate: '2025-08-29', paidOn: '2025-10-20' };

describe('POST /api/contract/calc', () => {
  it('answers the project manager and the agency finance, audited each time', async () => {
    const before = await calcAudits(true);
    const r = await pm.post('/api/contract/calc', LATE);
    expect(r.statusCode).toBe(200);
    expect(json<TCalcResult>(r)).toMatchObject({
      kind: 'late-payment',
      amount: '2000.00',
      basis: { clause: '第五条第2款', dates: { penaltyFrom: '2025-10-17' }, days: { penaltyDays: 4 } },
    });
    const f = await finance.post('/api/contract/calc', { kind: 'breach-penalty', annualFee: 1550000, received: '775000.00' });
    expect(json<TCalcResult>(f).amount).toBe('1085000.00');
    expect(await calcAudits(true)).toBe(before + 2);
    const [row] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'money.calc')).orderBy(auditLog.seq).limit(1);
    expect(row).toMatchObject({ actorName: 'pm', objectId: 'late-payment' });
    expect(row!.detail).toMatchObject({ amount: '2000.00', clause: '第五条第2款' });
  });

  it('is refused to an engineer and to the agency contact (403)', async () => {
    for (const a of [eng, contact]) {
      const r = await a.post('/api/contract/calc', LATE);
      expect(r.statusCode).toBe(403);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });

  it.each([
    ['a negative amount', { ...LATE, amount: '-100' }, 'validation', '金额不能为负数'],
    ['a non-numeric amount', { ...LATE, amount: '十万' }, 'validation', '金额须为数字'],
    ['three decimals', { kind: 'acceptance-penalty', annualFee: '1.005' }, 'validation', '最多两位小数'],
    ['an unknown kind', { kind: 'bonus', amount: '1' }, 'validation', '请求参数有误'],
    ['a paid date before the due date', { ...LATE, paidOn: '2025-08-01' }, 'money.paid_before_due', '早于应付日期'],
    ['a date before the calendar', { ...LATE, dueDate: '2019-06-28' }, 'money.date_out_of_calendar', '超出工作日历'],
    ['an impossible date', { ...LATE, dueDate: '2025-02-30' }, 'validation', 'dueDate'],
  ])('refuses %s in Chinese, audited as refused, nothing written', async (_what, body, errCode, words) => {
    const [refused, rows] = [await calcAudits(false), await paymentRows()];
    const r = await pm.post('/api/contract/calc', body);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(json(r)).toMatchObject({ code: errCode });
    expect(json<{ detail: string }>(r).detail).toContain(words);
    expect(await calcAudits(false)).toBe(refused + 1);
    expect(await paymentRows()).toBe(rows);
  });
});

describe('the dashboard', () => {
  it("lists the 2021 contract's deadlines and sums with their clauses", async () => {
    const d = json<TMoneyDashboard>(await pm.get(`/api/contract/money?contractId=${c2021}`));
    expect(d.contract).toMatchObject({ number: 'BJRBJ2021010', totalFee: '1550000.00', signedAt: '2021-08-30' });
    const by = Object.fromEntries(d.deadlines.map((x) => [x.key, x]));
    expect(by['bond.due']).toMatchObject({ date: '2021-09-27', amount: '155000.00', clause: '第四条第2款第(2)项' });
    expect(by['payment.due']).toMatchObject({ date: '2021-12-31', amount: '1550000.00' });
    // The demo payment came in March 2022, after the fiscal funds: late, but no breach.
    expect(d.payments).toHaveLength(1);
    expect(d.payments[0]).toMatchObject({ paidOn: '2022-03-15', fiscalDelay: true, late: { amount: '0.00' } });
  });

  it('is not for an engineer', async () => {
    expect((await eng.get('/api/contract/money')).statusCode).toBe(403);
  });
});

describe('payments with invoices', () => {
  it('records a payment, computes its late penalty when paid, audited', async () => {
    const r = await pm.post(`/api/contracts/${c2021}/payments`, {
      title: '补充服务费',
      dueDate: '2025-08-29',
      amount: '100000',
      invoiceNumber: 'No.25110001',
    });
    expect(r.statusCode).toBe(201);
    const p = json<TPayment>(r);
    // Unpaid on 2026-11-24: far past the 5% cap.
    expect(p).toMatchObject({ amount: '100000.00', paidOn: null, late: { amount: '5000.00' } });
    const paid = json<TPayment>(await finance.patch(`/api/contract-payments/${p.id}`, { paidOn: '2025-10-20' }));
    expect(paid.late).toMatchObject({ amount: '2000.00', basis: { clause: '第五条第2款' } });
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.objectId, p.id));
    expect(audits.map((a) => a.action)).toEqual(['contract_payment.create', 'contract_payment.update']);
    expect(p.reports).toEqual([]);
  });

  it('refuses an engineer and a bad amount, writing nothing', async () => {
    const rows = await paymentRows();
    const body = { title: 'x', dueDate: '2025-08-29', amount: '100' };
    expect((await eng.post(`/api/contracts/${c2021}/payments`, body)).statusCode).toBe(403);
    const bad = await pm.post(`/api/contracts/${c2021}/payments`, { ...body, amount: '-3' });
    expect(bad.statusCode).toBe(400);
    expect(json<{ detail: string }>(bad).detail).toContain('金额不能为负数');
    expect(await paymentRows()).toBe(rows);
  });
});

describe('payments rest on stored reports (第四条1)', () => {
  const reportsOf = async (kind: string) => json<{ items: TReport[] }>(await pm.get(`/api/reports?kind=${kind}`)).items;
  const links = async () => Number((await t.ctx.db.select({ n: count() }).from(contractPaymentReports))[0]!.n);

  it('keeps the free text of a payment recorded before, read-only, beside no linked report', async () => {
    const d = json<TMoneyDashboard>(await finance.get(`/api/contract/money?contractId=${c2021}`));
    expect(d.payments[0]).toMatchObject({ reportBasis: '2021 年 9–11 月月度运维报告；2021 年第三季度运维报告', reports: [] });
  });

  it('cites a monthly report version by reference; a patch without reports keeps them, [] clears them', async () => {
    const [monthly] = await reportsOf('monthly');
    expect(monthly).toBeDefined();
    const r = await pm.post(`/api/contracts/${c2021}/payments`, {
      title: '十月服务费',
      dueDate: '2026-11-30',
      amount: '129166.67',
      reports: [{ reportId: monthly!.id, version: 1 }],
      reportBasis: 'ignored: free text is no longer written',
    });
    expect(r.statusCode).toBe(201);
    const p = json<TPayment>(r);
    expect(p.reportBasis).toBe('');
    expect(p.reports).toEqual([
      {
        reportId: monthly!.id,
        version: 1,
        number: monthly!.number,
        kind: 'monthly',
        title: monthly!.title,
        periodStart: monthly!.periodStart,
        periodEnd: monthly!.periodEnd,
      },
    ]);
    const paid = json<TPayment>(await finance.patch(`/api/contract-payments/${p.id}`, { paidOn: '2026-11-20' }));
    expect(paid.reports.map((x) => x.number)).toEqual([monthly!.number]);
    const d = json<TMoneyDashboard>(await finance.get(`/api/contract/money?contractId=${c2021}`));
    expect(d.payments.find((x) => x.id === p.id)!.reports.map((x) => x.number)).toEqual([monthly!.number]);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, p.id), eq(auditLog.action, 'contract_payment.reports')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toMatchObject({ before: { reports: [] }, after: { reports: [`${monthly!.number} 第1版`] } });
    const cleared = json<TPayment>(await pm.patch(`/api/contract-payments/${p.id}`, { reports: [] }));
    expect(cleared).toMatchObject({ reports: [], paidOn: '2026-11-20', title: '十月服务费' });
  });

  it('refuses a weekly sheet, a version that does not exist and a malformed id, writing nothing', async () => {
    const [weekly] = await reportsOf('weekly');
    const [monthly] = await reportsOf('monthly');
    const [rows, linked] = [await paymentRows(), await links()];
    const body = { title: '依据有误', dueDate: '2026-11-30', amount: '100' };
    const cases: [unknown, string][] = [
      [[{ reportId: weekly!.id, version: 1 }], '付款依据须为月度、季度或年度运维报告'],
      [[{ reportId: monthly!.id, version: 99 }], '所选的付款依据报告不存在'],
      [[{ reportId: 'not-a-uuid', version: 1 }], '报告编号无效'],
    ];
    for (const [reports, message] of cases) {
      const res = await pm.post(`/api/contracts/${c2021}/payments`, { ...body, reports });
      expect(res.statusCode).toBe(400);
      expect(json<{ detail: string }>(res).detail).toContain(message);
    }
    // A patch citing a weekly sheet leaves the payment as it was.
    const demoPayment = json<TMoneyDashboard>(await finance.get(`/api/contract/money?contractId=${c2021}`)).payments[0]!;
    const res = await pm.patch(`/api/contract-payments/${demoPayment.id}`, {
      note: '改了',
      reports: [{ reportId: weekly!.id, version: 1 }],
    });
    expect(res.statusCode).toBe(400);
    const after = json<TMoneyDashboard>(await finance.get(`/api/contract/money?contractId=${c2021}`)).payments[0]!;
    expect(after.note).toBe(demoPayment.note);
    expect([await paymentRows(), await links()]).toEqual([rows, linked]);
  });
});
