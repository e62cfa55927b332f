// Importing a scan (issue 13 point 5; R-SEC-04): the whole file is parsed first (a malformed or
// hostile one stores nothing), then in one transaction the findings are matched to assets by
// management IP, deduplicated against earlier imports by key (DefectDojo reimport duplicates: #12849),
// and the covered addresses' findings this scan no longer shows are verified (if fixed) or recorded as
// not seen. Written in batches, so 100k findings stay bounded in memory and statements.
import { and, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { TImportFormat, TImportResult, TMapping } from '../../../common/vulns.ts';
import { audit } from '../../kernel/audit.ts';
import { actorId, type Ctx, inTx } from '../../kernel/context.ts';
import { Invalid, NotFound } from '../../kernel/errors.ts';
import { sanitizeFileName } from '../../kernel/files/check.ts';
import { assetsByManagementIp } from '../assets/api.ts';
import { dueDateFn } from './due.ts';
import { parseReport } from './parse/index.ts';
import type { ImportLimits, ParsedFinding } from './parse/types.ts';
import { findingKey } from './keys.ts';
import { advancePlan } from './plans.ts';
import { vulnFindings, vulnMappings, vulnScanPlans, vulnScans } from './tables.ts';

const BATCH = 1000;
const UNMATCHED_LISTED = 200;

export interface ImportInput {
  fileName: string;
  bytes: Buffer;
  format?: TImportFormat | undefined;
  scanner?: string | undefined;
  planId?: string | undefined;
  limits?: ImportLimits;
}

async function mappingOf(ctx: Ctx, scanner: string | undefined): Promise<TMapping | null> {
  if (!scanner) return null;
  const [m] = await ctx.db.select().from(vulnMappings).where(eq(vulnMappings.scanner, scanner));
  return (m?.mapping as TMapping | undefined) ?? null;
}

export async function importScan(ctx: Ctx, input: ImportInput): Promise<TImportResult> {
  if (input.planId) {
    const [plan] = await ctx.db.select({ id: vulnScanPlans.id }).from(vulnScanPlans).where(eq(vulnScanPlans.id, input.planId));
    if (!plan) throw new NotFound('vulns.plan_not_found', '扫描计划不存在');
  }
  const scannerName = input.scanner ?? 'csv';
  const { format, scan } = await parseReport(input.bytes, {
    format: input.format,
    mapping: await mappingOf(ctx, input.scanner),
    scanner: scannerName,
    ...(input.limits ? { limits: input.limits } : {}),
  });
  if (!scan.hosts.size) throw new Invalid('vulns.empty', '导入文件中没有扫描到的主机，未写入任何数据');
  // One finding per key: a report that repeats one keeps its last line.
  const byKey = new Map<string, ParsedFinding>();
  for (const f of scan.findings) byKey.set(findingKey(f, scan.scanner), f);
  scan.findings = [];
  const hosts = [...scan.hosts];
  const assetOf = await assetsByManagementIp(ctx, hosts);
  const due = await dueDateFn(ctx);
  const unmatched = hosts.filter((h) => !assetOf.has(h));

  return inTx(ctx, async (tx) => {
    const now = tx.now();
    const [row] = await tx.db
      .insert(vulnScans)
      .values({
        format,
        scanner: scan.scanner,
        fileName: sanitizeFileName(input.fileName).slice(0, 200) || 'scan',
        planId: input.planId ?? null,
        importedAt: now,
        importedBy: actorId(tx),
        hosts: hosts.length,
        findings: byKey.size,
        created: 0,
        updated: 0,
        closed: 0,
        unmatched: unmatched.slice(0, UNMATCHED_LISTED),
        unmatchedCount: unmatched.length,
      })
      .returning({ id: vulnScans.id });
    const scanId = row!.id;
    const counts = { new: 0, updated: 0, closed: 0, reopened: 0, notSeen: 0 };
    const entries = [...byKey];
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      // Each batch travels as one JSON parameter: thousands of bound parameters per statement are
      // what made PGlite slow (47 s for 100k findings), one jsonb document is not.
      const known = await tx.db
        .select({ id: vulnFindings.id, key: vulnFindings.key, state: vulnFindings.state })
        .from(vulnFindings)
        .where(sql`${vulnFindings.key} IN (SELECT jsonb_array_elements_text(${JSON.stringify(batch.map(([k]) => k))}::jsonb))`);
      const byKnown = new Map(known.map((k) => [k.key, k]));
      const fresh = batch
        .filter(([k]) => !byKnown.has(k))
        .map(([key, f]) => ({
          key,
          ...f,
          asset_id: assetOf.get(f.address)?.id ?? null,
          plugin_id: f.pluginId,
          due_date: due(f.severity, now),
        }));
      if (fresh.length)
        await tx.db.execute(sql`
          INSERT INTO vuln_findings (key, address, asset_id, port, protocol, plugin_id, cve, title, severity, description, solution,
            due_date, state, scanner, first_seen, last_seen, last_scan_id)
          SELECT x.key, x.address, x.asset_id, x.port, x.protocol, x.plugin_id, x.cve, x.title, x.severity, x.description, x.solution,
            x.due_date, 'open', ${scan.scanner}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, ${scanId}::uuid
          FROM jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) AS x(key text, address text, asset_id uuid, port int, protocol text,
            plugin_id text, cve text, title text, severity text, description text, solution text, due_date text)`);
      counts.new += fresh.length;
      const seen = batch.flatMap(([key, f]) => {
        const k = byKnown.get(key);
        if (!k) return [];
        // Reported again after a fix: open again, with a new due date (a fix that did not hold).
        const reopen = k.state === 'fixed' || k.state === 'verified';
        if (reopen) counts.reopened++;
        const { title, severity, description, solution } = f;
        return [
          {
            id: k.id,
            title,
            severity,
            description,
            solution,
            asset_id: assetOf.get(f.address)?.id ?? null,
            reopen,
            due: due(f.severity, now),
          },
        ];
      });
      counts.updated += seen.length;
      if (seen.length)
        await tx.db.execute(sql`
          UPDATE vuln_findings AS f SET title = v.title, severity = v.severity, description = v.description,
            solution = v.solution, asset_id = v.asset_id, scanner = ${scan.scanner}, last_seen = ${now.toISOString()}::timestamptz,
            last_scan_id = ${scanId}::uuid, not_seen_at = NULL,
            state = CASE WHEN v.reopen THEN 'open' ELSE f.state END,
            fixed_at = CASE WHEN v.reopen THEN NULL ELSE f.fixed_at END,
            verified_at = CASE WHEN v.reopen THEN NULL ELSE f.verified_at END,
            due_date = CASE WHEN v.reopen THEN v.due ELSE f.due_date END
          FROM jsonb_to_recordset(${JSON.stringify(seen)}::jsonb) AS v(id uuid, title text, severity text, description text,
            solution text, asset_id uuid, reopen boolean, due text)
          WHERE f.id = v.id`);
    }
    // Covered addresses: what this scanner reported before and not now.
    const verifiedIds: string[] = [];
    for (let i = 0; i < hosts.length; i += BATCH) {
      const gone = and(
        sql`${vulnFindings.address} IN (SELECT jsonb_array_elements_text(${JSON.stringify(hosts.slice(i, i + BATCH))}::jsonb))`,
        eq(vulnFindings.scanner, scan.scanner),
        or(isNull(vulnFindings.lastScanId), ne(vulnFindings.lastScanId, scanId)),
      );
      const verified = await tx.db
        .update(vulnFindings)
        .set({ state: 'verified', verifiedAt: now, notSeenAt: now })
        .where(and(gone, eq(vulnFindings.state, 'fixed')))
        .returning({ id: vulnFindings.id });
      verifiedIds.push(...verified.map((v) => v.id));
      const notSeen = await tx.db
        .update(vulnFindings)
        .set({ notSeenAt: now })
        .where(and(gone, inArray(vulnFindings.state, ['open', 'fixing']), isNull(vulnFindings.notSeenAt)))
        .returning({ id: vulnFindings.id });
      counts.notSeen += notSeen.length;
    }
    counts.closed = verifiedIds.length;
    await tx.db
      .update(vulnScans)
      .set({ created: counts.new, updated: counts.updated, closed: counts.closed })
      .where(eq(vulnScans.id, scanId));
    if (input.planId) await advancePlan(tx, input.planId, scanId);
    // One record for the import (not one per finding: 100k rows of audit would drown the log), with
    // the findings it verified named, since those are state changes.
    await audit(tx, {
      action: 'vulns.import',
      objectType: 'vuln_scan',
      objectId: scanId,
      after: { format, scanner: scan.scanner, hosts: hosts.length, findings: byKey.size, ...counts, unmatched: unmatched.length },
      detail: { verified: verifiedIds.slice(0, 1000) },
    });
    return {
      scanId,
      format,
      scanner: scan.scanner,
      ...counts,
      findings: byKey.size,
      hosts: hosts.length,
      unmatched: unmatched.slice(0, UNMATCHED_LISTED),
      unmatchedCount: unmatched.length,
    };
  });
}
