// The contract's money: the calculator (every call audited, refusals too), the recorded payments with
// the late-payment penalty each has earned, and the dashboard of every deadline and sum with its clause.
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { dateOf } from '../../../common/dates.ts';
import {
  ZCalcInput,
  type TCalcResult,
  type TMoneyDashboard,
  type TPayment,
  type TPaymentReport,
  type ZPaymentInput,
} from '../../../common/money.ts';
import { auditAlone } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { crud } from '../../kernel/crud.ts';
import { AppError, Invalid } from '../../kernel/errors.ts';
import { contractTerms } from '../contract/api.ts';
import { calculate } from './calc.ts';
import { deadlinesOf } from './deadlines.ts';
import { reportsOfPayments, resolveReports, setPaymentReports } from './payment-reports.ts';
import { recordsOf, withRecords } from './records.ts';
import { contractPayments } from './tables.ts';

export const paymentStore = crud(contractPayments, {
  objectType: 'contract_payment',
  label: '付款记录',
  order: [contractPayments.dueDate, contractPayments.createdAt],
});

/** How many payments a contract's dashboard shows (a contract has a handful: one per instalment). */
const MAX_PAYMENTS = 200;

function validated(body: unknown) {
  const r = ZCalcInput.safeParse(body);
  if (r.success) return r.data;
  const errors = r.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message }));
  throw new Invalid('validation', `请求参数有误：${errors.map((e) => `${e.path} ${e.message}`).join('；')}`, errors);
}

/**
 * POST /api/contract/calc. Validates here rather than in the route so that a refused input is audited
 * too (action money.calc, success false, with the reason); nothing else is written either way.
 */
export async function runCalc(ctx: Ctx, body: unknown): Promise<TCalcResult> {
  const kind = typeof body === 'object' && body !== null && 'kind' in body ? String(body.kind).slice(0, 40) : null;
  try {
    const input = validated(body);
    const result = calculate(await getCalendar(ctx), input);
    await auditAlone(ctx, {
      action: 'money.calc',
      objectType: 'contract_calc',
      objectId: input.kind,
      detail: { input, amount: result.amount, clause: result.basis.clause },
    });
    return result;
  } catch (e) {
    if (e instanceof AppError)
      await auditAlone(ctx, {
        action: 'money.calc',
        objectType: 'contract_calc',
        objectId: kind,
        success: false,
        detail: { input: body as Record<string, unknown>, code: e.code, message: e.message },
      });
    throw e;
  }
}

type PaymentRow = typeof contractPayments.$inferSelect;

/**
 * A payment with the reports it rests on and the penalty the agency owes on it: to the paid date, or
 * to `today` while unpaid. `reports` when the caller has read them for several payments at once.
 */
export async function paymentView(ctx: Ctx, row: PaymentRow, today: string, reports?: TPaymentReport[]): Promise<TPayment> {
  const end = row.paidOn ?? (today > row.dueDate ? today : null);
  let late: TCalcResult | null = null;
  if (end && end > row.dueDate) {
    try {
      late = calculate(await getCalendar(ctx), {
        kind: 'late-payment',
        amount: row.amount,
        dueDate: row.dueDate,
        paidOn: end,
        ...(row.fiscalDelay ? { reason: 'fiscal-funding' as const } : {}),
      });
    } catch (e) {
      // A date the calendar does not cover: the row is shown without a penalty rather than guessed.
      if (!(e instanceof Invalid)) throw e;
    }
  }
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return { ...rest, reports: reports ?? (await reportsOfPayments(ctx, [row.id])).get(row.id)!, late };
}

export async function dashboard(ctx: Ctx, contractId: string | undefined): Promise<TMoneyDashboard> {
  const today = dateOf(ctx.now());
  const terms = await contractTerms(ctx, contractId);
  if (!terms) return { today, contract: null, deadlines: [], payments: [] };
  const rows = await ctx.db
    .select()
    .from(contractPayments)
    .where(eq(contractPayments.contractId, terms.id))
    .orderBy(asc(contractPayments.dueDate), asc(contractPayments.createdAt))
    .limit(MAX_PAYMENTS);
  const reports = await reportsOfPayments(
    ctx,
    rows.map((r) => r.id),
  );
  const payments = await Promise.all(rows.map((r) => paymentView(ctx, r, today, reports.get(r.id))));
  const { deadlines, totalFee } = deadlinesOf(await getCalendar(ctx), terms, today);
  const records = await recordsOf(ctx, terms.id, today);
  return {
    today,
    contract: { id: terms.id, number: terms.number, title: terms.title, signedAt: terms.signedAt, totalFee },
    deadlines: withRecords(deadlines, records),
    payments,
    records,
  };
}

type PaymentInput = z.output<typeof ZPaymentInput>;

export async function createPayment(ctx: Ctx, contractId: string, input: PaymentInput): Promise<TPayment> {
  const terms = await contractTerms(ctx, contractId);
  const { reports: pairs, ...fields } = input;
  const refs = await resolveReports(ctx, pairs);
  const row = await inTx(ctx, async (tx) => {
    const r = await paymentStore.create(tx, { ...fields, contractId: terms!.id });
    await setPaymentReports(tx, r.id, refs, []);
    return r;
  });
  return paymentView(ctx, row, dateOf(ctx.now()));
}

export async function updatePayment(ctx: Ctx, id: string, patch: Partial<PaymentInput>): Promise<TPayment> {
  const { reports: pairs, ...fields } = patch;
  const refs = pairs ? await resolveReports(ctx, pairs) : null;
  const row = await inTx(ctx, async (tx) => {
    const before = (await reportsOfPayments(tx, [id])).get(id)!;
    const r = Object.values(fields).some((v) => v !== undefined)
      ? await paymentStore.update(tx, id, fields)
      : await paymentStore.get(tx, id);
    if (refs) await setPaymentReports(tx, id, refs, before);
    return r;
  });
  return paymentView(ctx, row, dateOf(ctx.now()));
}
