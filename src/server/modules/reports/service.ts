// Reports (R-RPT-01): generate a kind for an ended period from the evidence providers as a new
// version (earlier versions kept), list them, read one version, edit a version's narrative. Every
// write audited; the pm and engineers write (reports.write), the agency reads (reports.read).
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import {
  NARRATIVE_KEYS,
  REPORT_KIND_NAMES,
  type ReportKind,
  type TGenerateInput,
  type TNarrativeInput,
  type TReport,
  type TReportDetail,
  type TReportQuery,
} from '../../../common/reports.ts';
import { audit } from '../../kernel/audit.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { NotFound } from '../../kernel/errors.ts';
import type { Registry } from '../../kernel/registry.ts';
import { endedPeriod, titleOf } from './periods.ts';
import { computeSections } from './sections.ts';
import { rptReports, rptVersions } from './tables.ts';

type ReportRow = typeof rptReports.$inferSelect;
type VersionRow = typeof rptVersions.$inferSelect;

const PREFIX: Record<ReportKind, string> = { daily: 'RD', weekly: 'RW', monthly: 'RM', quarterly: 'RQ', annual: 'RA' };

export function reportView(r: ReportRow): TReport {
  const kind = r.kind as ReportKind;
  return {
    id: r.id,
    number: `${PREFIX[kind]}-${String(r.seq).padStart(5, '0')}`,
    kind,
    title: titleOf(kind, { start: r.periodStart, end: r.periodEnd }),
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    versions: r.versions,
    latestAt: r.latestAt.toISOString(),
    latestByName: r.latestByName,
  };
}

export async function listReports(ctx: Ctx, q: TReportQuery): Promise<{ items: TReport[]; total: number }> {
  const c: SQL[] = [];
  if (q.kind) c.push(eq(rptReports.kind, q.kind));
  if (q.from) c.push(gte(rptReports.periodEnd, q.from));
  if (q.to) c.push(lte(rptReports.periodStart, q.to));
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(rptReports).where(where);
  const rows = await ctx.db
    .select()
    .from(rptReports)
    .where(where)
    .orderBy(desc(rptReports.periodStart), desc(rptReports.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(reportView), total: Number(n?.n ?? 0) };
}

async function reportRow(ctx: Ctx, id: string): Promise<ReportRow> {
  const [r] = await ctx.db.select().from(rptReports).where(eq(rptReports.id, id));
  if (!r) throw new NotFound('reports.not_found', '报告不存在');
  return r;
}

async function versionRow(ctx: Ctx, reportId: string, version: number): Promise<VersionRow> {
  const [v] = await ctx.db
    .select()
    .from(rptVersions)
    .where(and(eq(rptVersions.reportId, reportId), eq(rptVersions.version, version)));
  if (!v) throw new NotFound('reports.version_not_found', `该报告没有第 ${version} 版`);
  return v;
}

/** One version of a report (the latest when `version` is omitted) with the list of all versions. */
export async function getReport(ctx: Ctx, id: string, version?: number): Promise<TReportDetail> {
  const r = await reportRow(ctx, id);
  const v = await versionRow(ctx, id, version ?? r.versions);
  const history = await ctx.db
    .select({
      id: rptVersions.id,
      version: rptVersions.version,
      generatedAt: rptVersions.generatedAt,
      generatedByName: rptVersions.generatedByName,
    })
    .from(rptVersions)
    .where(eq(rptVersions.reportId, id))
    .orderBy(desc(rptVersions.version));
  return {
    ...reportView(r),
    version: {
      id: v.id,
      version: v.version,
      generatedAt: v.generatedAt.toISOString(),
      generatedByName: v.generatedByName,
      narrative: v.narrative,
      narrativeAt: v.narrativeAt?.toISOString() ?? null,
      narrativeByName: v.narrativeByName,
      sections: v.sections,
    },
    history: history.map((h) => ({ ...h, generatedAt: h.generatedAt.toISOString() })),
  };
}

/**
 * Computes the report of the period containing `date` as a new version. The evidence is read before
 * the transaction (it may take a while on a large database); the new version carries the narrative
 * of the one before it, so re-generating after a correction does not lose what people wrote.
 */
export async function generateReport(ctx: Ctx, registry: Registry, input: TGenerateInput): Promise<TReportDetail> {
  const p = endedPeriod(input.kind, input.date, ctx.now());
  const sections = await computeSections(ctx, registry, input.kind, p);
  const id = await inTx(ctx, async (tx) => {
    const now = tx.now();
    const [inserted] = await tx.db
      .insert(rptReports)
      .values({
        kind: input.kind,
        periodStart: p.start,
        periodEnd: p.end,
        versions: 0,
        latestAt: now,
        latestByName: actorName(tx),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: rptReports.id });
    const [r] = await tx.db
      .select()
      .from(rptReports)
      .where(inserted ? eq(rptReports.id, inserted.id) : and(eq(rptReports.kind, input.kind), eq(rptReports.periodStart, p.start)))
      .for('update');
    const prior = r!.versions ? await versionRow(tx, r!.id, r!.versions) : null;
    const version = r!.versions + 1;
    const narrative = prior?.narrative ?? Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, '']));
    await tx.db.insert(rptVersions).values({
      reportId: r!.id,
      version,
      sections,
      narrative,
      generatedBy: tx.actor?.id ?? null,
      generatedByName: actorName(tx),
      generatedAt: now,
    });
    await tx.db
      .update(rptReports)
      .set({ versions: version, latestAt: now, latestByName: actorName(tx) })
      .where(eq(rptReports.id, r!.id));
    await audit(tx, {
      action: 'reports.generate',
      objectType: 'report',
      objectId: r!.id,
      after: {
        kind: input.kind,
        title: `${REPORT_KIND_NAMES[input.kind]} ${p.start}–${p.end}`,
        version,
        sections: sections.map((s) => s.id),
      },
    });
    return r!.id;
  });
  return getReport(ctx, id);
}

/** Replaces the narrative sections given (the others stay) of one version. */
export async function editNarrative(ctx: Ctx, id: string, version: number, input: TNarrativeInput): Promise<TReportDetail> {
  await inTx(ctx, async (tx) => {
    await reportRow(tx, id);
    const v = await versionRow(tx, id, version);
    const next = { ...v.narrative };
    for (const k of NARRATIVE_KEYS) if (input[k] !== undefined) next[k] = input[k];
    await tx.db
      .update(rptVersions)
      .set({ narrative: next, narrativeAt: tx.now(), narrativeByName: actorName(tx) })
      .where(eq(rptVersions.id, v.id));
    await audit(tx, {
      action: 'reports.narrative',
      objectType: 'report',
      objectId: id,
      before: v.narrative,
      after: next,
      detail: { version },
    });
  });
  return getReport(ctx, id, version);
}
