// The imported scans (newest first) and the CSV/Excel column mappings saved per scanner (R-SEC-04:
// 绿盟, 启明星辰 … export their own headers; the mapping is data, kept by scanner name).
import { count, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TPage } from '../../../common/api.ts';
import type { TImportFormat, TMapping, ZScan } from '../../../common/vulns.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { userNames } from '../../kernel/directory.ts';
import { vulnMappings, vulnScans } from './tables.ts';

export async function listScans(ctx: Ctx, q: TPage): Promise<{ items: z.infer<typeof ZScan>[]; total: number }> {
  const rows = await ctx.db
    .select()
    .from(vulnScans)
    .orderBy(desc(vulnScans.importedAt), vulnScans.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await ctx.db.select({ n: count() }).from(vulnScans);
  const names = await userNames(
    ctx,
    rows.map((r) => r.importedBy),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      format: r.format as TImportFormat,
      scanner: r.scanner,
      fileName: r.fileName,
      importedAt: r.importedAt.toISOString(),
      importedBy: (r.importedBy && names.get(r.importedBy)) || '系统',
      planId: r.planId,
      hosts: r.hosts,
      findings: r.findings,
      new: r.created,
      updated: r.updated,
      closed: r.closed,
      unmatchedCount: r.unmatchedCount,
    })),
    total: Number(n?.n ?? 0),
  };
}

export async function listMappings(ctx: Ctx): Promise<TMapping[]> {
  const rows = await ctx.db.select().from(vulnMappings).orderBy(vulnMappings.scanner).limit(200);
  return rows.map((r) => r.mapping as TMapping);
}

export async function putMapping(ctx: Ctx, m: TMapping): Promise<TMapping> {
  await inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(vulnMappings).where(eq(vulnMappings.scanner, m.scanner));
    await tx.db
      .insert(vulnMappings)
      .values({ scanner: m.scanner, mapping: m, updatedAt: tx.now() })
      .onConflictDoUpdate({ target: vulnMappings.scanner, set: { mapping: m, updatedAt: tx.now() } });
    await audit(tx, {
      action: 'vulns.mapping.put',
      objectType: 'vuln_mapping',
      objectId: m.scanner,
      before: before?.mapping ?? null,
      after: m,
    });
  });
  return m;
}
