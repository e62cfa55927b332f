// Inspection sheets (R-INS-01): generated from the active templates on the business calendar, one
// entry per device of the line and kind and per item, assigned to the line's engineers in turn; read
// with the values entered, else those prefilled when the sheet last opened. Opening an open sheet
// reads the prefill again (prefill.ts); a submitted sheet keeps what it had.
import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { PrefillSource, Schedule, TEntry, TSheet, ZSheetQuery } from '../../../common/inspections.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { roleHoldersOnLine } from '../../kernel/directory.ts';
import { NotFound } from '../../kernel/errors.ts';
import { notifyUsers } from '../../kernel/notify/inbox.ts';
import { assetsInUse } from '../assets/api.ts';
import { isAnomaly, sheetDue } from './evaluate.ts';
import { currentPrefill, prefillKey } from './prefill.ts';
import { insEntries, insSheets, insTemplates } from './tables.ts';
import { dayRangeInstants } from '../../../common/day-range.ts';
import { dayRangeWhere } from '../../kernel/day-range.ts';

export type SheetRow = typeof insSheets.$inferSelect;
export type EntryRow = typeof insEntries.$inferSelect;

export const sheetNumber = (seq: number) => `XJ-${String(seq).padStart(4, '0')}`;

export function entryView(s: SheetRow, e: EntryRow): TEntry {
  const prefill = e.prefillSource && e.assetId ? (s.prefill[prefillKey(e.assetId, e.prefillSource)] ?? null) : null;
  const value = e.value ?? prefill?.value ?? null;
  return {
    id: e.id,
    assetId: e.assetId,
    assetNumber: e.assetNumber,
    assetName: e.assetName,
    key: e.itemKey,
    label: e.label,
    kind: e.kind as TEntry['kind'],
    unit: e.unit,
    min: e.min,
    max: e.max,
    evidence: e.evidence as TEntry['evidence'],
    prefill: prefill ? { ...prefill, source: prefill.source as PrefillSource } : null,
    entered: e.value,
    value,
    anomaly: isAnomaly(e, value),
    note: e.note,
    output: e.output,
    photoId: e.photoId,
    ticketId: e.ticketId,
    ticketNumber: e.ticketNumber,
    filledByName: e.filledByName,
    filledAt: e.filledAt?.toISOString() ?? null,
  };
}

export function sheetView(ctx: Ctx, s: SheetRow, entries: EntryRow[]): TSheet {
  const items = entries.map((e) => entryView(s, e));
  return {
    id: s.id,
    number: sheetNumber(s.seq),
    templateId: s.templateId,
    templateName: s.templateName,
    serviceLine: s.serviceLine,
    schedule: s.schedule as Schedule,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    dueAt: s.dueAt.toISOString(),
    state: s.state as TSheet['state'],
    overdue: s.state === 'open' && s.dueAt < ctx.now(),
    assigneeId: s.assigneeId,
    assigneeName: s.assigneeName,
    signedByName: s.signedByName,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    lateReason: s.lateReason,
    prefilledAt: s.prefilledAt?.toISOString() ?? null,
    anomalies: items.filter((i) => i.anomaly).length,
    items,
  };
}

const entriesOf = (ctx: Ctx, ids: string[]) =>
  ids.length ? ctx.db.select().from(insEntries).where(inArray(insEntries.sheetId, ids)).orderBy(asc(insEntries.ord)) : Promise.resolve([]);

/** The line's engineers by username: who sheets are assigned to in turn (the duty module will say who is on duty). */
async function engineersOf(ctx: Ctx, line: string): Promise<{ id: string; name: string }[]> {
  const people = await roleHoldersOnLine(ctx, ['engineer'], line);
  return people.sort((x, y) => x.username.localeCompare(y.username)).map((p) => ({ id: p.id, name: p.displayName }));
}

/** Creates the sheets due by `date` that do not exist yet; answers how many. Idempotent. */
export async function generateSheets(ctx: Ctx, date: string): Promise<number> {
  const cal = await getCalendar(ctx);
  const templates = await ctx.db.select().from(insTemplates).where(eq(insTemplates.active, true)).orderBy(asc(insTemplates.name));
  let created = 0;
  for (const t of templates) {
    const due = sheetDue(cal, t.schedule as Schedule, date);
    if (!due) continue;
    const devices = t.deviceKinds.length ? await assetsInUse(ctx, t.serviceLine, t.deviceKinds) : [{ id: null, number: '', name: '系统' }];
    if (!devices.length) continue;
    created += await inTx(ctx, async (tx) => {
      const [n] = await tx.db.select({ n: count() }).from(insSheets).where(eq(insSheets.templateId, t.id));
      const people = await engineersOf(tx, t.serviceLine);
      const who = people.length ? people[Number(n?.n ?? 0) % people.length]! : null;
      const [s] = await tx.db
        .insert(insSheets)
        .values({
          templateId: t.id,
          templateName: t.name,
          serviceLine: t.serviceLine,
          schedule: t.schedule,
          periodStart: due.start,
          periodEnd: due.end,
          dueAt: due.dueAt,
          state: 'open',
          assigneeId: who?.id ?? null,
          assigneeName: who?.name ?? '未指派',
          prefill: {},
          createdAt: tx.now(),
        })
        .onConflictDoNothing()
        .returning();
      if (!s) return 0;
      let ord = 0;
      const rows = devices.flatMap((d) =>
        t.items.map((i) => ({
          sheetId: s.id,
          ord: ord++,
          assetId: d.id,
          assetNumber: d.number,
          assetName: d.name,
          itemKey: i.key,
          label: i.label,
          kind: i.kind,
          unit: i.unit,
          min: i.min,
          max: i.max,
          evidence: i.evidence,
          prefillSource: i.prefill,
        })),
      );
      for (let k = 0; k < rows.length; k += 500) await tx.db.insert(insEntries).values(rows.slice(k, k + 500));
      await audit(tx, {
        action: 'inspection.sheet_generate',
        objectType: 'inspection_sheet',
        objectId: s.id,
        detail: { template: t.name, period: `${due.start}..${due.end}`, assignee: s.assigneeName, entries: rows.length },
      });
      if (who)
        await notifyUsers(tx, {
          userIds: [who.id],
          event: 'inspection.assigned',
          title: `巡检任务：${t.name}（${due.start === due.end ? due.start : `${due.start} 至 ${due.end}`}）`,
          body: `请于 ${due.dueAt.toISOString()} 前完成并签字提交。`,
          link: `/inspections/sheets/${s.id}`,
          objectType: 'inspection_sheet',
          objectId: s.id,
          action: 'fill',
        });
      return 1;
    });
  }
  return created;
}

export async function lockSheet(ctx: Ctx, id: string): Promise<SheetRow> {
  const [s] = await ctx.db.select().from(insSheets).where(eq(insSheets.id, id)).for('update');
  if (!s) throw new NotFound('inspection.sheet_not_found', '巡检单不存在');
  return s;
}

/**
 * One sheet; an open one reads its prefill again now (monitoring, configuration backup). The stored
 * prefill of an open sheet is neither read nor returned by the update (it is replaced: at 200 devices
 * it is some 200 kB of JSON, which each open would otherwise move three times).
 */
export async function getSheet(ctx: Ctx, id: string): Promise<TSheet> {
  const { prefill: _stored, ...head } = getTableColumns(insSheets);
  const [h] = await ctx.db.select(head).from(insSheets).where(eq(insSheets.id, id));
  if (!h) throw new NotFound('inspection.sheet_not_found', '巡检单不存在');
  const entries = await entriesOf(ctx, [id]);
  if (h.state === 'open') {
    const devices = new Map<string, string>();
    const sources = new Set<PrefillSource>();
    for (const e of entries)
      if (e.prefillSource && e.assetId) {
        devices.set(e.assetId, e.assetName);
        sources.add(e.prefillSource as PrefillSource);
      }
    if (sources.size) {
      const read = await currentPrefill().read(
        ctx,
        [...devices].map(([assetId, name]) => ({ assetId, name })),
        sources,
      );
      const prefill = Object.fromEntries(read);
      const prefilledAt = ctx.now();
      const [u] = await ctx.db
        .update(insSheets)
        .set({ prefill, prefilledAt })
        .where(and(eq(insSheets.id, id), eq(insSheets.state, 'open')))
        .returning({ id: insSheets.id });
      if (u) return sheetView(ctx, { ...h, prefill, prefilledAt }, entries);
    }
  }
  // Submitted (or submitted meanwhile), or nothing to prefill: as stored.
  const [s] = await ctx.db.select().from(insSheets).where(eq(insSheets.id, id));
  if (!s) throw new NotFound('inspection.sheet_not_found', '巡检单不存在');
  return sheetView(ctx, s, entries);
}

/** The filters a report's inspection numbers link with: the same predicates as evidence.ts. */
function outcomeWhere(q: z.output<typeof ZSheetQuery>): SQL[] {
  const c: SQL[] = [];
  if (q.schedule) c.push(eq(insSheets.schedule, q.schedule));
  c.push(...dayRangeWhere(insSheets.dueAt, q.dueFrom, q.dueTo, ['dueFrom', 'dueTo']));
  const end = dayRangeInstants(undefined, q.dueTo).to?.toISOString();
  const byEnd = (x: SQL) => (end ? sql`(${x} AND ${insSheets.submittedAt} < ${end}::timestamptz)` : x);
  if (q.outcome === 'on_time') c.push(sql`${insSheets.submittedAt} <= ${insSheets.dueAt}`);
  else if (q.outcome === 'late') c.push(byEnd(sql`${insSheets.submittedAt} > ${insSheets.dueAt}`));
  else if (q.outcome === 'missing')
    c.push(
      end
        ? sql`(${insSheets.submittedAt} IS NULL OR ${insSheets.submittedAt} >= ${end}::timestamptz)`
        : sql`${insSheets.submittedAt} IS NULL`,
    );
  return c;
}

export async function listSheets(ctx: Ctx, q: z.output<typeof ZSheetQuery>): Promise<{ items: TSheet[]; total: number }> {
  const c: SQL[] = [];
  if (q.date) c.push(lte(insSheets.periodStart, q.date), gte(insSheets.periodEnd, q.date));
  if (q.line) c.push(eq(insSheets.serviceLine, q.line));
  if (q.state === 'overdue') c.push(eq(insSheets.state, 'open'), lt(insSheets.dueAt, ctx.now()));
  else if (q.state) c.push(eq(insSheets.state, q.state));
  if (q.mine && ctx.actor) c.push(eq(insSheets.assigneeId, ctx.actor.id));
  c.push(...outcomeWhere(q));
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(insSheets).where(where);
  const rows = await ctx.db
    .select()
    .from(insSheets)
    .where(where)
    .orderBy(desc(insSheets.periodStart), asc(insSheets.templateName))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const entries = await entriesOf(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      sheetView(
        ctx,
        r,
        entries.filter((e) => e.sheetId === r.id),
      ),
    ),
    total: Number(n?.n ?? 0),
  };
}
