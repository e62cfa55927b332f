// Change requests (R-CHG-01, R-CHG-05): what is changed on which devices and systems, why, on whose
// written basis, at what risk, in which window, how, and how it is rolled back. Read with their
// approval steps, devices (before/after versions), timeline and conflicts: another live change on a
// same device whose window overlaps is flagged, never refused (the people decide).
import { and, asc, count, desc, eq, exists, gt, ilike, inArray, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type {
  ChangeCategory,
  ChangeState,
  ChangeType,
  Risk,
  TChange,
  TChangeDetail,
  TChangeQuery,
  ZChangeInput,
} from '../../../common/changes.ts';
import { audit } from '../../kernel/audit.ts';
import { actorId, actorName, type Ctx, inTx } from '../../kernel/context.ts';
import { likeContains } from '../../kernel/db/like.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { devicesByIds } from '../configbackup/api.ts';
import { chgChangeDevices, chgChanges, chgEvents, chgTemplates } from './tables.ts';
import { dayRangeWhere } from '../../kernel/day-range.ts';

export type ChangeRow = typeof chgChanges.$inferSelect;
type DeviceRow = typeof chgChangeDevices.$inferSelect;
type Conflicts = Map<string, TChange['conflicts']>;

export const numberOf = (seq: number | null) => `BG-${String(seq ?? 0).padStart(4, '0')}`;
/** States in which a change still holds its window (conflicts count only these). */
const DEAD_STATES: ChangeState[] = ['cancelled', 'rejected'];

/** The role whose approval is awaited now: the first pending step, unless one was refused. */
export function awaitingRole(r: ChangeRow): string | null {
  if (r.approvals.some((s) => s.status === 'rejected' || s.status === 'returned')) return null;
  return r.approvals.find((s) => s.status === 'pending')?.role ?? null;
}
export const allApproved = (r: ChangeRow) => r.approvals.every((s) => s.status === 'approved');

function view(ctx: Ctx, r: ChangeRow, devices: DeviceRow[], conflicts: Conflicts): TChange {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const live = !DEAD_STATES.includes(r.state as ChangeState);
  return {
    id: r.id,
    number: numberOf(r.seq),
    type: r.type as ChangeType,
    templateId: r.templateId,
    title: r.title,
    category: r.category as ChangeCategory,
    risk: r.risk as Risk,
    reason: r.reason,
    basis: r.basis as TChange['basis'],
    basisText: r.basisText,
    systems: r.systems,
    plannedStart: r.plannedStart.toISOString(),
    plannedEnd: r.plannedEnd.toISOString(),
    steps: r.steps,
    rollback: r.rollback,
    state: r.state as ChangeState,
    approvals: r.approvals,
    awaiting: live && r.state !== 'draft' && r.state !== 'returned' ? awaitingRole(r) : null,
    approvalDueAt: iso(r.approvalDueAt),
    approvalOverdue: live && !!r.approvalDueAt && r.approvalDueAt < ctx.now() && !allApproved(r),
    devices: devices.map((d) => ({
      deviceId: d.deviceId,
      name: d.name,
      beforeVersionId: d.beforeVersionId,
      afterVersionId: d.afterVersionId,
      beforeError: d.beforeError,
      afterError: d.afterError,
    })),
    conflicts: live ? (conflicts.get(r.id) ?? []) : [],
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    confirmedByName: r.confirmedByName,
    confirmedAt: iso(r.confirmedAt),
  };
}

/** For each of these changes, the other live changes on a same device with an overlapping window. */
async function conflictsOf(ctx: Ctx, ids: string[]): Promise<Conflicts> {
  const out: Conflicts = new Map();
  if (!ids.length) return out;
  const d2 = alias(chgChangeDevices, 'd2');
  const c2 = alias(chgChanges, 'c2');
  const rows = await ctx.db
    .select({ changeId: chgChangeDevices.changeId, id: c2.id, seq: c2.seq, title: c2.title, deviceName: d2.name })
    .from(chgChangeDevices)
    .innerJoin(chgChanges, eq(chgChanges.id, chgChangeDevices.changeId))
    .innerJoin(d2, and(eq(d2.deviceId, chgChangeDevices.deviceId), ne(d2.changeId, chgChangeDevices.changeId)))
    .innerJoin(c2, eq(c2.id, d2.changeId))
    .where(
      and(
        inArray(chgChangeDevices.changeId, ids),
        lt(chgChanges.plannedStart, c2.plannedEnd),
        lt(c2.plannedStart, chgChanges.plannedEnd),
        notInArray(c2.state, DEAD_STATES),
      ),
    )
    .orderBy(asc(c2.seq));
  for (const r of rows) {
    const list = out.get(r.changeId) ?? [];
    list.push({ id: r.id, number: numberOf(r.seq), title: r.title, deviceName: r.deviceName });
    out.set(r.changeId, list);
  }
  return out;
}

async function devicesOf(ctx: Ctx, ids: string[]): Promise<Map<string, DeviceRow[]>> {
  const out = new Map<string, DeviceRow[]>();
  if (!ids.length) return out;
  const rows = await ctx.db
    .select()
    .from(chgChangeDevices)
    .where(inArray(chgChangeDevices.changeId, ids))
    .orderBy(asc(chgChangeDevices.name));
  for (const r of rows) out.set(r.changeId, [...(out.get(r.changeId) ?? []), r]);
  return out;
}

export async function views(ctx: Ctx, rows: ChangeRow[]): Promise<TChange[]> {
  const ids = rows.map((r) => r.id);
  const [devices, conflicts] = [await devicesOf(ctx, ids), await conflictsOf(ctx, ids)];
  return rows.map((r) => view(ctx, r, devices.get(r.id) ?? [], conflicts));
}

export async function listChanges(ctx: Ctx, q: TChangeQuery): Promise<{ items: TChange[]; total: number }> {
  const t = chgChanges;
  const c: SQL[] = [];
  if (q.state) c.push(eq(t.state, q.state));
  if (q.type) c.push(eq(t.type, q.type));
  if (q.risk) c.push(eq(t.risk, q.risk));
  c.push(...dayRangeWhere(t.createdAt, q.from, q.to));
  if (q.deviceId)
    c.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(chgChangeDevices)
          .where(and(eq(chgChangeDevices.changeId, t.id), eq(chgChangeDevices.deviceId, q.deviceId))),
      ),
    );
  if (q.q) c.push(or(ilike(t.title, likeContains(q.q)), ilike(t.systems, likeContains(q.q)), ilike(t.reason, likeContains(q.q)))!);
  const where = c.length ? and(...c) : undefined;
  const [n] = await ctx.db.select({ n: count() }).from(t).where(where);
  const rows = await ctx.db
    .select()
    .from(t)
    .where(where)
    .orderBy(desc(t.plannedStart), desc(t.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await views(ctx, rows), total: Number(n?.n ?? 0) };
}

export async function changeRow(ctx: Ctx, id: string, lock = false): Promise<ChangeRow> {
  const q = ctx.db.select().from(chgChanges).where(eq(chgChanges.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new NotFound('change.not_found', '变更不存在');
  return r;
}

export async function getChange(ctx: Ctx, id: string): Promise<TChangeDetail> {
  const r = await changeRow(ctx, id);
  const [v] = await views(ctx, [r]);
  const events = await ctx.db.select().from(chgEvents).where(eq(chgEvents.changeId, id)).orderBy(asc(chgEvents.seq));
  return {
    ...v!,
    events: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      fromState: e.fromState,
      toState: e.toState,
      actorName: e.actorName,
      comment: e.comment,
    })),
  };
}

/** Records one step of a change's life: the timeline entry and the audit record, in the caller's transaction. */
export async function record(
  tx: Ctx,
  r: ChangeRow,
  e: { kind: string; toState?: string; comment?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  const to = e.toState ?? r.state;
  await tx.db.insert(chgEvents).values({
    changeId: r.id,
    at: tx.now(),
    kind: e.kind,
    fromState: r.state,
    toState: to,
    actorName: actorName(tx),
    comment: e.comment || null,
  });
  await audit(tx, {
    action: `change.${e.kind}`,
    objectType: 'change',
    objectId: r.id,
    before: { state: r.state },
    after: { state: to },
    detail: { number: numberOf(r.seq), ...(e.comment ? { comment: e.comment } : {}), ...e.detail },
  });
}

type Input = z.output<typeof ZChangeInput>;

/** The template of a standard change: it must exist and be approved by the agency. */
async function checkTemplate(ctx: Ctx, input: Input): Promise<void> {
  if (input.type !== 'standard') return;
  if (!input.templateId)
    throw new Invalid('change.template_required', '标准变更须选择已批准的标准变更模板', [
      { path: 'body.templateId', message: '请选择模板' },
    ]);
  const [t] = await ctx.db.select().from(chgTemplates).where(eq(chgTemplates.id, input.templateId));
  if (!t) throw new Invalid('change.template_unknown', '标准变更模板不存在', [{ path: 'body.templateId', message: '模板不存在' }]);
  if (!t.approved) throw new Conflict('change.template_unapproved', `标准变更模板“${t.name}”尚未经甲方批准，请按一般变更申请`);
}

async function deviceRows(ctx: Ctx, input: Input): Promise<{ deviceId: string; name: string }[]> {
  const ids = [...new Set(input.deviceIds)];
  const found = await devicesByIds(ctx, ids);
  const missing = ids.filter((id) => !found.some((d) => d.id === id));
  if (missing.length) throw new Invalid('change.device_unknown', '所选设备不存在', [{ path: 'body.deviceIds', message: '设备不存在' }]);
  if (!ids.length && !input.systems) {
    throw new Invalid('change.nothing', '请选择设备或填写涉及的系统', [{ path: 'body.deviceIds', message: '请选择设备或填写系统' }]);
  }
  return found.map((d) => ({ deviceId: d.id, name: d.name }));
}

const fields = (input: Input) => ({
  type: input.type,
  templateId: input.type === 'standard' ? (input.templateId ?? null) : null,
  title: input.title,
  category: input.category,
  risk: input.risk,
  reason: input.reason,
  basis: input.basis,
  basisText: input.basisText,
  systems: input.systems,
  plannedStart: new Date(input.plannedStart),
  plannedEnd: new Date(input.plannedEnd),
  steps: input.steps,
  rollback: input.rollback,
});

/** A new change, as a draft (R-CHG-01: it is submitted for approval separately). */
export async function createChange(ctx: Ctx, input: Input): Promise<TChangeDetail> {
  await checkTemplate(ctx, input);
  const devices = await deviceRows(ctx, input);
  const id = await inTx(ctx, async (tx) => {
    const now = tx.now();
    const [r] = await tx.db
      .insert(chgChanges)
      .values({
        ...fields(input),
        state: 'draft',
        approvals: [],
        createdBy: actorId(tx),
        createdByName: actorName(tx),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (devices.length) await tx.db.insert(chgChangeDevices).values(devices.map((d) => ({ ...d, changeId: r!.id })));
    await record(tx, r!, { kind: 'create', toState: 'draft', detail: { title: r!.title, devices: devices.map((d) => d.name) } });
    return r!.id;
  });
  return getChange(ctx, id);
}

/** Edits a draft or a returned change (once submitted, it is what was approved). */
export async function updateChange(ctx: Ctx, id: string, input: Input): Promise<TChangeDetail> {
  await checkTemplate(ctx, input);
  const devices = await deviceRows(ctx, input);
  await inTx(ctx, async (tx) => {
    const r = await changeRow(tx, id, true);
    if (r.state !== 'draft' && r.state !== 'returned') throw new Conflict('change.not_editable', '只有草稿或已退回的变更可以修改');
    await tx.db
      .update(chgChanges)
      .set({ ...fields(input), updatedAt: tx.now() })
      .where(eq(chgChanges.id, id));
    await tx.db.delete(chgChangeDevices).where(eq(chgChangeDevices.changeId, id));
    if (devices.length) await tx.db.insert(chgChangeDevices).values(devices.map((d) => ({ ...d, changeId: id })));
    await record(tx, r, { kind: 'update', detail: { title: input.title } });
  });
  return getChange(ctx, id);
}

/**
 * The change that explains a configuration version (issue 12, registered with configbackup's
 * coverConfigChanges): an approved, implementing or implemented change on that device whose planned
 * window contains the version's time.
 */
export async function coveringChange(ctx: Ctx, v: { deviceId: string; takenAt: Date }): Promise<string | null> {
  const [r] = await ctx.db
    .select({ id: chgChanges.id })
    .from(chgChanges)
    .innerJoin(chgChangeDevices, eq(chgChangeDevices.changeId, chgChanges.id))
    .where(
      and(
        eq(chgChangeDevices.deviceId, v.deviceId),
        inArray(chgChanges.state, ['approved', 'implementing', 'implemented']),
        lt(chgChanges.plannedStart, v.takenAt),
        gt(chgChanges.plannedEnd, v.takenAt),
      ),
    )
    .orderBy(desc(chgChanges.plannedStart))
    .limit(1);
  return r?.id ?? null;
}
