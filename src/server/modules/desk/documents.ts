// R-SD-05 fault flow documents (附件二 2 故障响应流程): 故障诊断报告 → 故障恢复方案 → 维护报告, each
// save a new version. Saving the maintenance report resolves the ticket and asks the agency to test.
import { and, asc, desc, eq, max } from 'drizzle-orm';
import { DOC_NAMES, DOC_SCHEMAS, type DocKind, type TTicketDocuments } from '../../../common/desk-flow.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { actorId, type Ctx, inTx } from '../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { clockMet } from './clocks.ts';
import { applyTicketEvent, readTicket } from './service.ts';
import { ticketClocks, ticketDocuments } from './tables.ts';
import { appendEvent, confirmBlocker, docVersions, notifyToConfirm } from './timeline.ts';
import { assertOpen, lockTicket } from './flow.ts';

type DocRow = typeof ticketDocuments.$inferSelect;

/** Validates a document body by its kind (the route cannot: the schema depends on the URL). */
export function parseDocument(kind: DocKind, body: unknown): Record<string, unknown> {
  const r = DOC_SCHEMAS[kind].safeParse(body ?? {});
  if (!r.success) {
    const errors = r.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message }));
    throw new Invalid('validation', `请求参数有误：${errors.map((e) => `${e.path} ${e.message}`).join('；')}`, errors);
  }
  return r.data;
}

/** The flow's order: a plan needs a diagnosis, a report a plan — unless in emergency mode. */
const NEEDS: Partial<Record<DocKind, DocKind>> = { plan: 'diagnosis', report: 'plan' };

export async function saveDocument(ctx: Ctx, id: string, kind: DocKind, content: Record<string, unknown>): Promise<DocRow> {
  const cal = await getCalendar(ctx);
  return inTx(ctx, async (tx) => {
    const t = await lockTicket(tx, id);
    assertOpen(t);
    const before = await docVersions(tx, id);
    const need = NEEDS[kind];
    if (need && !before[need] && !t.emergency)
      throw new Conflict('ticket.doc_order', `请先提交${DOC_NAMES[need]}，再提交${DOC_NAMES[kind]}（紧急处理模式下可先处理后补文档）`);
    const [m] = await tx.db
      .select({ v: max(ticketDocuments.version) })
      .from(ticketDocuments)
      .where(and(eq(ticketDocuments.ticketId, id), eq(ticketDocuments.kind, kind)));
    const version = Number(m?.v ?? 0) + 1;
    const now = tx.now();
    const [row] = await tx.db
      .insert(ticketDocuments)
      .values({
        ticketId: id,
        kind,
        version,
        content,
        createdBy: actorId(tx),
        createdByName: tx.actor?.displayName ?? '',
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await audit(tx, { action: 'ticket.document', objectType: 'ticket', objectId: id, detail: { kind, version, content } });
    await appendEvent(tx, id, 'document', `${version > 1 ? '修订' : '提交'}${DOC_NAMES[kind]}（第 ${version} 版）`, { kind, version });
    const after = { ...before, [kind]: version };
    if (kind === 'report' && (t.status === 'new' || t.status === 'in_progress')) {
      // Resolves exactly as POST /events {kind: 'resolve'} does (clock met, status, resolvedAt, docsDueAt).
      await applyTicketEvent(tx, t, { kind: 'resolve' }, now, cal);
    }
    if (kind === 'report') {
      // R-SD-04: the maintenance report, handed to the agency here, is the report of the fault and
      // its handling; it meets the report clock unless a report was already recorded.
      const [rc] = await tx.db
        .select()
        .from(ticketClocks)
        .where(and(eq(ticketClocks.ticketId, id), eq(ticketClocks.target, 'report')));
      if (rc && !clockMet(rc)) await applyTicketEvent(tx, t, { kind: 'report' }, now, cal);
    }
    if (t.status === 'resolved' && confirmBlocker(t, before) && !confirmBlocker(t, after)) {
      // The last missing document of a resolved ticket: now the agency can test and confirm.
      await notifyToConfirm(tx, t);
    }
    return row;
  });
}

export async function listDocuments(ctx: Ctx, id: string): Promise<TTicketDocuments> {
  await readTicket(ctx, id);
  const rows = await ctx.db
    .select()
    .from(ticketDocuments)
    .where(eq(ticketDocuments.ticketId, id))
    .orderBy(asc(ticketDocuments.kind), desc(ticketDocuments.version));
  const of = (k: DocKind) => rows.filter((r) => r.kind === k);
  const info = (r: DocRow) => ({ version: r.version, createdByName: r.createdByName, createdAt: r.createdAt });
  return {
    diagnosis: of('diagnosis')[0] ?? null,
    plan: of('plan')[0] ?? null,
    report: of('report')[0] ?? null,
    versions: { diagnosis: of('diagnosis').map(info), plan: of('plan').map(info), report: of('report').map(info) },
  } as unknown as TTicketDocuments;
}

/** One version, or the latest when `version` is omitted (null when there is none). */
export async function getDocument(ctx: Ctx, id: string, kind: DocKind, version?: number): Promise<DocRow> {
  await readTicket(ctx, id);
  const [row] = await ctx.db
    .select()
    .from(ticketDocuments)
    .where(
      and(eq(ticketDocuments.ticketId, id), eq(ticketDocuments.kind, kind), ...(version ? [eq(ticketDocuments.version, version)] : [])),
    )
    .orderBy(desc(ticketDocuments.version))
    .limit(1);
  if (!row) throw new NotFound('ticket.document_not_found', `${DOC_NAMES[kind]}${version ? `第 ${version} 版` : ''}不存在`);
  return row;
}
