// The life of a change (R-CHG-01..03), every transition recorded on its timeline and audited:
//   draft/returned → submitted → approved (or rejected / returned) → implementing → implemented → confirmed;
//   cancelled from any state before implementation.
// A standard change is approved on submission (its template was approved by the agency); a normal one
// passes its steps in order, each decided by a holder of the step's role; an emergency one may be
// implemented at once and is approved afterwards by the same steps, within a deadline in working days
// on the business calendar (jobs.ts tells the PM and the agency contact when it passes).
// Starting takes a configuration backup of every device, finishing another (R-CHG-02, backups.ts).
import { eq } from 'drizzle-orm';
import {
  APPROVER_ROLE_NAMES,
  CHANGE_STATE_NAMES,
  type ChangeState,
  type TChangeAction,
  type TChangeDetail,
} from '../../../common/changes.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { actorName, inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict, Forbidden } from '../../kernel/errors.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { takeBackups, type TakenBackups } from './backups.ts';
import { emergencyDueDays, stepsFor } from './rules.ts';
import { allApproved, awaitingRole, changeRow, getChange, numberOf, record, type ChangeRow } from './service.ts';
import { chgChanges } from './tables.ts';
import type { ChangeType, Risk } from '../../../common/changes.ts';

const PERMISSION: Record<TChangeAction['action'], string> = {
  submit: 'changes.write',
  approve: 'changes.approve',
  reject: 'changes.approve',
  return: 'changes.approve',
  start: 'changes.write',
  finish: 'changes.write',
  confirm: 'changes.confirm',
  cancel: 'changes.write',
};

function refuse(r: ChangeRow, what: string): never {
  throw new Conflict('change.state', `变更处于“${CHANGE_STATE_NAMES[r.state as ChangeState]}”状态，不能${what}`);
}

const link = (r: ChangeRow) => `/changes/${r.id}`;
const label = (r: ChangeRow) => `${numberOf(r.seq)} ${r.title}`;

/** Tells the holders of the awaited step's role (never the requester) and records it as an ask. */
async function askNext(tx: Ctx, r: ChangeRow): Promise<void> {
  const role = awaitingRole(r);
  if (!role) return;
  const ids = (await usersWithRoles(tx, [role])).filter((u) => u !== r.createdBy);
  await notifyUsers(tx, {
    userIds: ids,
    event: 'change.to_approve',
    title: `变更待审批：${label(r)}`,
    body: `${r.createdByName} 提出的${r.type === 'emergency' ? '紧急变更（已先行实施，须补办审批）' : '变更'}，请${APPROVER_ROLE_NAMES[role] ?? role}审批。`,
    link: link(r),
    objectType: 'change',
    objectId: r.id,
    action: 'approve',
  });
}

async function tellRequester(tx: Ctx, r: ChangeRow, title: string, body: string): Promise<void> {
  if (!r.createdBy || r.createdBy === tx.actor?.id) return;
  await notifyUsers(tx, {
    userIds: [r.createdBy],
    event: 'change.progress',
    title,
    body,
    link: link(r),
    objectType: 'change',
    objectId: r.id,
  });
}

async function setRow(tx: Ctx, r: ChangeRow, set: Partial<ChangeRow>): Promise<ChangeRow> {
  const [next] = await tx.db
    .update(chgChanges)
    .set({ ...set, updatedAt: tx.now() })
    .where(eq(chgChanges.id, r.id))
    .returning();
  return next!;
}

async function submit(tx: Ctx, r: ChangeRow): Promise<void> {
  if (r.state !== 'draft' && r.state !== 'returned') refuse(r, '提交');
  const approvals = await stepsFor(tx, r.type as ChangeType, r.risk as Risk);
  const now = tx.now();
  const due = r.type === 'emergency' ? (await getCalendar(tx)).addWorkingDaysDuration(now, await emergencyDueDays(tx)) : null;
  const state: ChangeState = approvals.length ? 'submitted' : 'approved';
  const next = await setRow(tx, r, { state, approvals, submittedAt: now, approvalDueAt: due, overdueNotifiedAt: null });
  await record(tx, r, {
    kind: 'submit',
    toState: state,
    detail: { steps: approvals.map((s) => s.role), ...(due ? { approvalDueAt: due.toISOString() } : {}) },
  });
  await askNext(tx, next);
}

/** approve / reject / return by the holder of the awaited step's role. */
async function decide(tx: Ctx, r: ChangeRow, action: 'approve' | 'reject' | 'return', comment: string): Promise<void> {
  const open = r.type === 'emergency' ? ['submitted', 'implementing', 'implemented'] : ['submitted'];
  if (!open.includes(r.state)) refuse(r, '审批');
  const role = awaitingRole(r);
  if (!role) throw new Conflict('change.no_step', '该变更没有待审批的步骤');
  if (!tx.actor?.roles.includes(role))
    throw new Forbidden('change.not_your_step', `当前审批步骤须由${APPROVER_ROLE_NAMES[role] ?? role}审批`);
  if (r.createdBy && r.createdBy === tx.actor.id) throw new Forbidden('change.own', '不能审批本人提出的变更');
  if (action === 'return' && r.state !== 'submitted') refuse(r, '退回');
  const status = ({ approve: 'approved', reject: 'rejected', return: 'returned' } as const)[action];
  const at = tx.now().toISOString();
  const idx = r.approvals.findIndex((s) => s.status === 'pending');
  const approvals = r.approvals.map((s, i) =>
    i === idx ? { ...s, status, by: tx.actor!.id, byName: actorName(tx), at, comment: comment || null } : s,
  );
  const done = approvals.every((s) => s.status === 'approved');
  let state = r.state as ChangeState;
  if (r.state === 'submitted') {
    if (action === 'approve' && done) state = 'approved';
    if (action === 'reject') state = r.type === 'emergency' ? state : 'rejected';
    if (action === 'return') state = 'returned';
  }
  const next = await setRow(tx, r, { approvals, state });
  await resolveNotices(tx, { entity: { type: 'change', id: r.id }, action: 'approve' });
  await record(tx, r, { kind: action, toState: state, comment, detail: { step: approvals[idx]!.step, role } });
  if (action === 'approve' && !done) return askNext(tx, next);
  const verdict = { approve: '已批准', reject: '被驳回', return: '被退回修改' }[action];
  await tellRequester(tx, next, `变更${verdict}：${label(r)}`, comment || `${actorName(tx)}（${APPROVER_ROLE_NAMES[role] ?? role}）`);
}

async function confirm(tx: Ctx, r: ChangeRow, comment: string): Promise<void> {
  if (r.state !== 'implemented') refuse(r, '确认');
  if (!allApproved(r)) throw new Conflict('change.unapproved', '该变更的审批尚未全部通过，不能确认关闭');
  const now = tx.now();
  await setRow(tx, r, { state: 'confirmed', confirmedBy: tx.actor?.id ?? null, confirmedByName: actorName(tx), confirmedAt: now });
  await resolveNotices(tx, { entity: { type: 'change', id: r.id }, action: 'confirm' });
  await record(tx, r, { kind: 'confirm', toState: 'confirmed', comment });
  await tellRequester(tx, r, `变更已由甲方确认：${label(r)}`, comment || actorName(tx));
}

async function cancel(tx: Ctx, r: ChangeRow, comment: string): Promise<void> {
  if (!['draft', 'returned', 'submitted', 'approved'].includes(r.state)) refuse(r, '取消');
  await setRow(tx, r, { state: 'cancelled' });
  await resolveNotices(tx, { entity: { type: 'change', id: r.id } });
  await record(tx, r, { kind: 'cancel', toState: 'cancelled', comment });
}

/** May implementation start? Approved, or an emergency change at once (approval follows). */
function mayStart(r: ChangeRow): boolean {
  return r.state === 'approved' || (r.type === 'emergency' && r.state === 'submitted');
}

/** Records the start or the end of the implementation with the backups taken, in the caller's transaction. */
export async function applyImplementation(
  tx: Ctx,
  id: string,
  action: 'start' | 'finish',
  comment: string,
  taken: TakenBackups,
): Promise<void> {
  const r = await changeRow(tx, id, true);
  if (action === 'start' ? !mayStart(r) : r.state !== 'implementing') refuse(r, action === 'start' ? '开始实施' : '完成实施');
  await taken.save(tx);
  const now = tx.now();
  const state: ChangeState = action === 'start' ? 'implementing' : 'implemented';
  const next = await setRow(tx, r, action === 'start' ? { state, startedAt: now } : { state, finishedAt: now });
  await record(tx, r, { kind: action, toState: state, comment, detail: { backups: taken.summary } });
  if (action === 'finish') {
    // R-CHG-03: the agency confirms the result.
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, ['agency_contact', 'agency_manager']),
      event: 'change.to_confirm',
      title: `变更已实施，待确认：${label(next)}`,
      body: `${actorName(tx)} 已完成实施，请核对变更前后的配置差异并确认。`,
      link: link(next),
      objectType: 'change',
      objectId: next.id,
      action: 'confirm',
    });
  }
}

/** Starts (backups before) or finishes (backups after) the implementation. */
async function implement(ctx: Ctx, id: string, action: 'start' | 'finish', comment: string): Promise<void> {
  const before = await changeRow(ctx, id);
  if (action === 'start' ? !mayStart(before) : before.state !== 'implementing')
    refuse(before, action === 'start' ? '开始实施' : '完成实施');
  // Network I/O outside any transaction (PGlite); the state is checked again when it is recorded.
  const taken = await takeBackups(ctx, id, action === 'start' ? 'before' : 'after');
  await inTx(ctx, (tx) => applyImplementation(tx, id, action, comment, taken));
}

export async function actOnChange(
  ctx: Ctx,
  id: string,
  input: { action: TChangeAction['action']; comment: string },
): Promise<TChangeDetail> {
  if (!ctx.actor?.permissions.has(PERMISSION[input.action])) throw new Forbidden();
  const { action, comment } = input;
  if (action === 'start' || action === 'finish') await implement(ctx, id, action, comment);
  else
    await inTx(ctx, async (tx) => {
      const r = await changeRow(tx, id, true);
      if (action === 'submit') return submit(tx, r);
      if (action === 'confirm') return confirm(tx, r, comment);
      if (action === 'cancel') return cancel(tx, r, comment);
      return decide(tx, r, action, comment);
    });
  return getChange(ctx, id);
}
