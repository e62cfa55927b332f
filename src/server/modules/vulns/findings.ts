// Findings (R-SEC-04/05): the list (by address, state, severity, asset, overdue …), one finding, and
// the summary the board's chart shows. Overdue = still owing work past its due date (Shanghai today).
import { and, count, eq, ilike, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { dateOf } from '../../../common/dates.ts';
import {
  ACTIVE_STATES,
  SEVERITIES,
  SEVERITY_ZH,
  STATE_ZH,
  type TFinding,
  type TFindingQuery,
  type TSeverity,
  type TSummary,
} from '../../../common/vulns.ts';
import type { Ctx } from '../../kernel/context.ts';
import { dayRangeWhere } from '../../kernel/day-range.ts';
import { userNames } from '../../kernel/directory.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { NotFound } from '../../kernel/errors.ts';
import type { Column } from '../../kernel/office/xlsx.ts';
import { shanghaiTime } from '../../kernel/office/list-export.ts';
import { assetRefs } from '../assets/api.ts';
import { vulnFindings } from './tables.ts';

export type FindingRow = typeof vulnFindings.$inferSelect;

const active = inArray(vulnFindings.state, [...ACTIVE_STATES]);
export const overdueWhere = (ctx: Ctx): SQL => and(active, isNotNull(vulnFindings.dueDate), lt(vulnFindings.dueDate, dateOf(ctx.now())))!;

const SEVERITY_ORDER = sql`CASE ${vulnFindings.severity} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;

function where(ctx: Ctx, q: Partial<TFindingQuery>): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (q.address) c.push(eq(vulnFindings.address, q.address));
  if (q.state) c.push(eq(vulnFindings.state, q.state));
  if (q.severity) c.push(eq(vulnFindings.severity, q.severity));
  if (q.assetId) c.push(eq(vulnFindings.assetId, q.assetId));
  if (q.overdue === 'true') c.push(overdueWhere(ctx));
  if (q.unmatched === 'true') c.push(isNull(vulnFindings.assetId));
  if (q.pending === 'true') c.push(isNotNull(vulnFindings.requestKind));
  if (q.hardeningPlanId) c.push(eq(vulnFindings.hardeningId, q.hardeningPlanId));
  if (q.pentestId) c.push(eq(vulnFindings.pentestId, q.pentestId));
  if (q.dueBefore) c.push(lte(vulnFindings.dueDate, q.dueBefore));
  if (q.active === 'true') c.push(active);
  c.push(...dayRangeWhere(vulnFindings.firstSeen, q.seenFrom, q.seenTo, ['seenFrom', 'seenTo']));
  c.push(...dayRangeWhere(vulnFindings.fixedAt, q.fixedFrom, q.fixedTo, ['fixedFrom', 'fixedTo']));
  c.push(...dayRangeWhere(vulnFindings.verifiedAt, q.verifiedFrom, q.verifiedTo, ['verifiedFrom', 'verifiedTo']));
  if (q.q)
    c.push(
      or(
        ilike(vulnFindings.title, likeContains(q.q)),
        ilike(vulnFindings.address, likeContains(q.q)),
        ilike(sql`coalesce(${vulnFindings.cve}, '')`, likeContains(q.q)),
      ),
    );
  return c.length ? and(...c) : undefined;
}

async function views(ctx: Ctx, rows: FindingRow[]): Promise<TFinding[]> {
  const assets = await assetRefs(
    ctx,
    rows.map((r) => r.assetId).filter((x): x is string => !!x),
  );
  const names = await userNames(
    ctx,
    rows.map((r) => r.requestedBy),
  );
  const today = dateOf(ctx.now());
  return rows.map((r) => {
    const a = r.assetId ? assets.get(r.assetId) : undefined;
    return {
      id: r.id,
      address: r.address,
      assetId: r.assetId,
      assetNumber: a?.number ?? null,
      assetName: a?.name ?? null,
      port: r.port,
      protocol: r.protocol,
      pluginId: r.pluginId,
      cve: r.cve,
      title: r.title,
      severity: r.severity as TFinding['severity'],
      state: r.state as TFinding['state'],
      scanner: r.scanner,
      pentestId: r.pentestId,
      hardeningPlanId: r.hardeningId,
      description: r.description,
      solution: r.solution,
      firstSeen: r.firstSeen.toISOString(),
      lastSeen: r.lastSeen.toISOString(),
      notSeenAt: r.notSeenAt?.toISOString() ?? null,
      dueDate: r.dueDate,
      overdue: (ACTIVE_STATES as readonly string[]).includes(r.state) && !!r.dueDate && r.dueDate < today,
      fixedAt: r.fixedAt?.toISOString() ?? null,
      verifiedAt: r.verifiedAt?.toISOString() ?? null,
      request:
        r.requestKind && r.requestedAt
          ? {
              kind: r.requestKind as 'accepted_risk' | 'false_positive',
              reason: r.requestReason ?? '',
              by: (r.requestedBy && names.get(r.requestedBy)) || '',
              at: r.requestedAt.toISOString(),
            }
          : null,
      decisionNote: r.decisionNote,
    };
  });
}

export async function listFindings(ctx: Ctx, q: TFindingQuery): Promise<{ items: TFinding[]; total: number }> {
  const w = where(ctx, q);
  const order =
    q.sort === 'address'
      ? [vulnFindings.address, vulnFindings.port, SEVERITY_ORDER]
      : q.sort === 'severity'
        ? [SEVERITY_ORDER, sql`${vulnFindings.dueDate} NULLS LAST`]
        : [sql`${vulnFindings.dueDate} NULLS LAST`, SEVERITY_ORDER];
  const rows = await ctx.db
    .select()
    .from(vulnFindings)
    .where(w)
    .orderBy(...order, vulnFindings.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await ctx.db.select({ n: count() }).from(vulnFindings).where(w);
  return { items: await views(ctx, rows), total: Number(n?.n ?? 0) };
}

export async function findingRow(ctx: Ctx, id: string, lock = false): Promise<FindingRow> {
  const q = ctx.db.select().from(vulnFindings).where(eq(vulnFindings.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('vulns.finding_not_found', '漏洞记录不存在');
  return r;
}

export async function getFinding(ctx: Ctx, id: string): Promise<TFinding> {
  const [v] = await views(ctx, [await findingRow(ctx, id)]);
  return v!;
}

const inDays = (ctx: Ctx, days: number) => dateOf(new Date(ctx.now().getTime() + days * 86_400_000));

/** The board's two charts: what is due when, and the addresses carrying the most (R-SEC-04). */
async function boards(ctx: Ctx): Promise<Pick<TSummary, 'byDue' | 'byAsset'>> {
  const today = dateOf(ctx.now());
  const due = vulnFindings.dueDate;
  const n = (w: SQL) => sql<number>`count(*) FILTER (WHERE ${w})`.mapWith(Number);
  const [d] = await ctx.db
    .select({
      overdue: n(sql`${due} < ${today}`),
      week: n(sql`${due} >= ${today} AND ${due} <= ${inDays(ctx, 7)}`),
      month: n(sql`${due} > ${inDays(ctx, 7)} AND ${due} <= ${inDays(ctx, 30)}`),
      later: n(sql`${due} IS NULL OR ${due} > ${inDays(ctx, 30)}`),
    })
    .from(vulnFindings)
    .where(active);
  const sev = Object.fromEntries(SEVERITIES.map((s) => [s, n(sql`${vulnFindings.severity} = ${s}`)])) as Record<TSeverity, SQL<number>>;
  const rows = await ctx.db
    .select({ address: vulnFindings.address, assetId: vulnFindings.assetId, total: count(), ...sev })
    .from(vulnFindings)
    .where(active)
    .groupBy(vulnFindings.address, vulnFindings.assetId)
    .orderBy(sql`count(*) DESC`, vulnFindings.address)
    .limit(10);
  const assets = await assetRefs(
    ctx,
    rows.map((r) => r.assetId).filter((x): x is string => !!x),
  );
  return {
    byDue: { overdue: d?.overdue ?? 0, week: d?.week ?? 0, month: d?.month ?? 0, later: d?.later ?? 0 },
    byAsset: rows.map((r) => ({ ...r, total: Number(r.total), assetName: (r.assetId && assets.get(r.assetId)?.name) || null })),
  };
}

export async function summary(ctx: Ctx): Promise<TSummary> {
  const rows = await ctx.db
    .select({ severity: vulnFindings.severity, n: count() })
    .from(vulnFindings)
    .where(active)
    .groupBy(vulnFindings.severity);
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<TSeverity, number>;
  for (const r of rows) open[r.severity as TSeverity] = Number(r.n);
  const one = async (w: SQL | undefined) => Number((await ctx.db.select({ n: count() }).from(vulnFindings).where(w))[0]?.n ?? 0);
  return {
    open,
    overdue: await one(overdueWhere(ctx)),
    pending: await one(isNotNull(vulnFindings.requestKind)),
    unmatched: await one(and(active, isNull(vulnFindings.assetId))),
    ...(await boards(ctx)),
  };
}

/** The board's Excel: the columns a person reads, states and severities in Chinese. */
export function exportColumns(): Column<TFinding>[] {
  return [
    { header: '地址', width: 16, value: (f) => f.address },
    { header: '资产编号', width: 16, value: (f) => f.assetNumber ?? '未匹配' },
    { header: '资产名称', width: 20, value: (f) => f.assetName ?? '' },
    { header: '端口', width: 10, value: (f) => (f.port ? `${f.port}/${f.protocol}` : '') },
    { header: '漏洞', width: 40, value: (f) => f.title },
    { header: 'CVE', width: 16, value: (f) => f.cve ?? '' },
    { header: '风险等级', width: 8, value: (f) => SEVERITY_ZH[f.severity] },
    { header: '状态', width: 12, value: (f) => STATE_ZH[f.state] },
    { header: '整改期限', width: 12, value: (f) => f.dueDate ?? '' },
    { header: '已逾期', width: 8, value: (f) => (f.overdue ? '是' : '') },
    { header: '首次发现', width: 17, value: (f) => shanghaiTime(f.firstSeen) },
    { header: '最近发现', width: 17, value: (f) => shanghaiTime(f.lastSeen) },
    { header: '来源', width: 12, value: (f) => f.scanner },
  ];
}
