// The ticket's timeline (ticket_events) and the document facts the flow checks everywhere. A leaf
// module: service.ts (createTicket, recordEvent) and the flow modules both write through it.
import { asc, eq, max } from 'drizzle-orm';
import { DOC_KINDS, DOC_NAMES, type DocKind } from '../../../common/desk-flow.ts';
import type { Ctx } from '../../kernel/context.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { ticketDocuments, ticketEvents, type tickets } from './tables.ts';

type TicketRow = typeof tickets.$inferSelect;

/** One row of the ticket's timeline, with who did it (R-SD-07: a clear record). */
export function eventValues(tx: Ctx, ticketId: string, kind: string, note = '', data: Record<string, unknown> | null = null, at?: Date) {
  const a = tx.actor;
  return {
    ticketId,
    at: at ?? tx.now(),
    kind,
    actorId: a && a.via !== 'system' ? a.id : null,
    actorName: a?.displayName ?? '',
    note,
    data,
  };
}

/** Appends one row to the ticket's timeline. Call it in the write's transaction. */
export async function appendEvent(
  tx: Ctx,
  ticketId: string,
  kind: string,
  note = '',
  data: Record<string, unknown> | null = null,
  at?: Date,
): Promise<void> {
  await tx.db.insert(ticketEvents).values(eventValues(tx, ticketId, kind, note, data, at));
}

export async function listTimeline(ctx: Ctx, ticketId: string) {
  return ctx.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
}

/** Latest version of each document kind (0: none yet). */
export async function docVersions(ctx: Ctx, ticketId: string): Promise<Record<DocKind, number>> {
  const rows = await ctx.db
    .select({ kind: ticketDocuments.kind, v: max(ticketDocuments.version) })
    .from(ticketDocuments)
    .where(eq(ticketDocuments.ticketId, ticketId))
    .groupBy(ticketDocuments.kind);
  const out: Record<DocKind, number> = { diagnosis: 0, plan: 0, report: 0 };
  for (const r of rows) if ((DOC_KINDS as readonly string[]).includes(r.kind)) out[r.kind as DocKind] = Number(r.v ?? 0);
  return out;
}

export const missingDocs = (v: Record<DocKind, number>): DocKind[] => DOC_KINDS.filter((k) => v[k] === 0);
export const docNames = (kinds: readonly DocKind[]): string => kinds.map((k) => DOC_NAMES[k]).join('、');

/**
 * Why the agency cannot confirm yet (null: it can): resolved, with a maintenance report, and in
 * emergency mode all three documents back-filled (R-SD-05, 附件二 2(3) and 说明).
 */
export function confirmBlocker(
  t: Pick<TicketRow, 'status' | 'emergency'>,
  v: Record<DocKind, number>,
): { code: string; message: string } | null {
  if (t.status !== 'resolved') return { code: 'ticket.not_resolved', message: '运维单尚未解决，不能确认' };
  if (t.emergency) {
    const miss = missingDocs(v);
    if (miss.length) return { code: 'ticket.docs_missing', message: `紧急处理的运维单须先补齐文档才能确认，尚缺：${docNames(miss)}` };
  }
  if (!v.report) return { code: 'ticket.no_report', message: '尚未提交维护报告，不能确认' };
  return null;
}

/** Tells the agency contacts a fix awaits their test and confirmation (R-SD-05). */
export async function notifyToConfirm(tx: Ctx, t: Pick<TicketRow, 'id' | 'number' | 'title'>): Promise<void> {
  await notifyUsers(tx, {
    userIds: await usersWithRoles(tx, ['agency_contact']),
    event: 'ticket.to_confirm',
    title: `运维单 ${t.number} 已处理完毕，请测试确认`,
    body: t.title,
    link: `/desk/${t.id}`,
    objectType: 'ticket',
    objectId: t.id,
    action: TICKET_ACTIONS.confirm,
  });
}

/**
 * What the desk's notices ask of their recipients (InAppNotice.action), cleared by resolveNotices
 * when done: take the ticket on (a new critical fault, an assignment: done at the first call-back,
 * arrival or resolution, or when someone else is assigned), confirm the fix (the agency: confirmed
 * or rejected), and rework a rejected fix (done when it is resolved again).
 */
export const TICKET_ACTIONS = { take: 'take', confirm: 'confirm', rework: 'rework' } as const;
/** The ask of an SLA warning or breach notice: meet that clock. */
export const slaAction = (target: string): string => `sla.${target}`;

/** Clears the ticket's open asks (all of them when `action` is omitted). Call it in the write's transaction. */
export async function ticketAsksDone(tx: Ctx, ticketId: string, action?: string | string[]): Promise<void> {
  await resolveNotices(tx, { entity: { type: 'ticket', id: ticketId }, ...(action ? { action } : {}) });
}
