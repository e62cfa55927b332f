// What other modules may read of the reports module (ARCHITECTURE.md: a module uses another only
// through its read functions): the stored report versions a payment rests on (money, 第四条1).
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { ReportKind } from '../../../common/reports.ts';
import type { Ctx } from '../../kernel/context.ts';
import { reportView } from './service.ts';
import { rptReports, rptVersions } from './tables.ts';

export interface ReportVersionRef {
  versionId: string;
  reportId: string;
  version: number;
  number: string;
  kind: ReportKind;
  title: string;
  periodStart: string;
  periodEnd: string;
}

const refsOf = (rows: { r: typeof rptReports.$inferSelect; v: { id: string; version: number } }[]): ReportVersionRef[] =>
  rows.map(({ r, v }) => {
    const rep = reportView(r);
    return {
      versionId: v.id,
      reportId: r.id,
      version: v.version,
      number: rep.number,
      kind: rep.kind,
      title: rep.title,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
    };
  });

/** The stored versions named by (report, version) pairs; pairs that do not exist are left out. */
export async function findReportVersions(ctx: Ctx, pairs: { reportId: string; version: number }[]): Promise<ReportVersionRef[]> {
  if (!pairs.length) return [];
  const rows = await ctx.db
    .select({ r: rptReports, v: { id: rptVersions.id, version: rptVersions.version } })
    .from(rptVersions)
    .innerJoin(rptReports, eq(rptReports.id, rptVersions.reportId))
    .where(or(...pairs.map((p) => and(eq(rptVersions.reportId, p.reportId), eq(rptVersions.version, p.version)))));
  return refsOf(rows);
}

/** The stored versions with these ids (in no particular order). */
export async function reportVersionsByIds(ctx: Ctx, ids: string[]): Promise<ReportVersionRef[]> {
  if (!ids.length) return [];
  const rows = await ctx.db
    .select({ r: rptReports, v: { id: rptVersions.id, version: rptVersions.version } })
    .from(rptVersions)
    .innerJoin(rptReports, eq(rptReports.id, rptVersions.reportId))
    .where(inArray(rptVersions.id, ids));
  return refsOf(rows);
}

/** The latest versions of the newest reports of these kinds (newest period first), at most `limit`. */
export async function latestReportVersions(ctx: Ctx, kinds: ReportKind[], limit: number): Promise<ReportVersionRef[]> {
  if (!kinds.length) return [];
  const rows = await ctx.db
    .select({ r: rptReports, v: { id: rptVersions.id, version: rptVersions.version } })
    .from(rptReports)
    .innerJoin(rptVersions, and(eq(rptVersions.reportId, rptReports.id), eq(rptVersions.version, rptReports.versions)))
    .where(inArray(rptReports.kind, kinds))
    .orderBy(desc(rptReports.periodStart))
    .limit(limit);
  return refsOf(rows);
}
