// The reports a payment rests on (第四条1: payment follows the monthly, quarterly and annual reports),
// by reference to the versions stored in the reports module (read through reports/api.ts). A payment
// may cite only monthly, quarterly and annual reports that exist; the old free text stays read-only.
import { asc, eq, inArray } from 'drizzle-orm';
import type { TPaymentReport } from '../../../common/money.ts';
import { audit } from '../../kernel/audit.ts';
import type { Ctx } from '../../kernel/context.ts';
import { Invalid } from '../../kernel/errors.ts';
import { findReportVersions, reportVersionsByIds, type ReportVersionRef } from '../reports/api.ts';
import { contractPaymentReports, PAYMENT_OBJECT } from './tables.ts';

/** The report kinds a payment rests on (第四条1). */
export const PAYABLE_KINDS: readonly string[] = ['monthly', 'quarterly', 'annual'];

const toView = (r: ReportVersionRef): TPaymentReport => ({
  reportId: r.reportId,
  version: r.version,
  number: r.number,
  kind: r.kind,
  title: r.title,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
});

const byPeriod = (a: ReportVersionRef, b: ReportVersionRef) =>
  a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd) || a.version - b.version;

/** Checks the chosen (report, version) pairs: each stored, each a monthly, quarterly or annual report. */
export async function resolveReports(ctx: Ctx, pairs: { reportId: string; version: number }[]): Promise<ReportVersionRef[]> {
  const unique = [...new Map(pairs.map((p) => [`${p.reportId}/${p.version}`, p])).values()];
  const found = await findReportVersions(ctx, unique);
  const key = (r: { reportId: string; version: number }) => `${r.reportId}/${r.version}`;
  const have = new Set(found.map(key));
  const missing = unique.filter((p) => !have.has(key(p)));
  if (missing.length)
    throw new Invalid(
      'money.report_not_found',
      `所选的付款依据报告不存在（${missing.map((m) => `第 ${m.version} 版`).join('、')}），请从已生成的报告中选择`,
    );
  const wrong = found.filter((r) => !PAYABLE_KINDS.includes(r.kind));
  if (wrong.length)
    throw new Invalid(
      'money.report_kind',
      `付款依据须为月度、季度或年度运维报告，${wrong.map((w) => `${w.title}（${w.number}）`).join('、')}不是`,
    );
  return found.sort(byPeriod);
}

/** Replaces a payment's reports (inside the caller's transaction), audited when they change. */
export async function setPaymentReports(tx: Ctx, paymentId: string, refs: ReportVersionRef[], before: TPaymentReport[]): Promise<void> {
  const label = (r: { number: string; version: number }) => `${r.number} 第${r.version}版`;
  if (before.map(label).join() === refs.map(label).join()) return;
  await tx.db.delete(contractPaymentReports).where(eq(contractPaymentReports.paymentId, paymentId));
  if (refs.length)
    await tx.db.insert(contractPaymentReports).values(refs.map((r, i) => ({ paymentId, versionId: r.versionId, position: i })));
  await audit(tx, {
    action: 'contract_payment.reports',
    objectType: PAYMENT_OBJECT,
    objectId: paymentId,
    before: { reports: before.map(label) },
    after: { reports: refs.map(label) },
  });
}

/** The reports each of these payments rests on, in period order. */
export async function reportsOfPayments(ctx: Ctx, paymentIds: string[]): Promise<Map<string, TPaymentReport[]>> {
  const out = new Map<string, TPaymentReport[]>(paymentIds.map((id) => [id, []]));
  if (!paymentIds.length) return out;
  const links = await ctx.db
    .select()
    .from(contractPaymentReports)
    .where(inArray(contractPaymentReports.paymentId, paymentIds))
    .orderBy(asc(contractPaymentReports.position));
  const refs = new Map((await reportVersionsByIds(ctx, [...new Set(links.map((l) => l.versionId))])).map((r) => [r.versionId, r]));
  for (const l of links) {
    const r = refs.get(l.versionId);
    if (r) out.get(l.paymentId)!.push(toView(r));
  }
  return out;
}
