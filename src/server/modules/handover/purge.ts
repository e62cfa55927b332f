// The confidential purge (R-CONF-03, 附件四3(5)): on the agency's written request after the contract
// ended, every confidential item the system holds or has handed out is listed — each module's own
// (its `purge` hook, counted with dryRun), the stored files, the lists, forms and reports exported
// (the audit log), the complete export packages, and the database backups kept outside — and each is
// destroyed or returned within 5 working days, with a note and an evidence file. When every item is
// done the certificate is issued (certificate.ts) and the agency confirms it.
import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { dateOf } from '../../../common/dates.ts';
import type { TPurge, TPurgeInput, TPurgeStatus } from '../../../common/handover.ts';
import { audit } from '../../kernel/audit.ts';
import { getCalendar } from '../../kernel/calendar/service.ts';
import { actorId, type Ctx, inTx } from '../../kernel/context.ts';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.ts';
import { storeFile } from '../../kernel/files/storage.ts';
import { countRecordedExports, countStoredFiles, deleteStoredFiles } from '../../kernel/purge.ts';
import type { Upload } from '../../kernel/files/upload.ts';
import type { Registry } from '../../kernel/registry.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { contractPeriod } from '../contract/api.ts';
import { hoPurgeItems, hoPurges } from './tables.ts';
import { ZItemDone } from '../../../common/handover.ts';

const DUE_WORKING_DAYS = 5;
/** The purge's own records (its evidence, the agreement) are kept: the files of `handover_*` objects. */
const OWN = 'handover';
const KIND_ZH: Record<string, string> = {
  exports: '完整导出包',
  config_versions: '配置备份版本',
  run_transcripts: '备份运行记录',
};

export async function purgeStatus(ctx: Ctx): Promise<TPurgeStatus> {
  const today = dateOf(ctx.now());
  const c = await contractPeriod(ctx);
  const contract = c ? { id: c.id, number: c.number, title: c.title, end: c.end } : null;
  if (!c?.end) return { today, contract, ended: false, reason: '系统中没有合同记录，无法确定合作结束日期' };
  if (today <= c.end)
    return {
      today,
      contract,
      ended: false,
      reason: `合同 ${c.number} 的服务期至 ${c.end} 结束。依据安全保密协议（附件四第3(5)项），合作结束后甲方方可书面要求销毁或归还保密资料，现在尚不能提出清除申请。`,
    };
  return { today, contract, ended: true, reason: null };
}

interface NewItem {
  kind: string;
  label: string;
  count: number | null;
}

/** What the system holds or handed out now, counted without removing anything. */
async function inventory(tx: Ctx, registry: Registry, before: Date): Promise<NewItem[]> {
  const items: NewItem[] = [];
  items.push({ kind: 'kernel.files', label: '系统中存储的文件（工单附件、现场照片、文档等）', count: await countStoredFiles(tx, OWN) });
  for (const m of registry.modules) {
    if (!m.purge) continue;
    const r = await m.purge(tx, { before, dryRun: true });
    const parts = Object.entries(r.counts).map(([k, n]) => `${KIND_ZH[k] ?? k} ${n}`);
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    items.push({ kind: `module.${m.id}`, label: `${m.name.zh}：${parts.join('，')}`, count: total });
  }
  items.push({
    kind: 'audit.exports',
    label: '从系统导出的列表、单据、报表及下载的导出包（按审计日志中的导出记录，副本由持有人销毁或归还）',
    count: await countRecordedExports(tx, ['handover.export_download']),
  });
  items.push({ kind: 'outside.backups', label: '数据库备份及其他系统外保存的副本（备份介质、本地拷贝）', count: null });
  return items;
}

type PurgeRow = typeof hoPurges.$inferSelect;
type ItemRow = typeof hoPurgeItems.$inferSelect;

function toPurge(p: PurgeRow, items: ItemRow[], today: string): TPurge {
  return {
    id: p.id,
    seq: p.seq,
    contractNumber: p.contractNumber,
    contractEnd: p.contractEnd,
    requestedOn: p.requestedOn,
    requestedByName: p.requestedByName,
    letter: p.letter,
    dueOn: p.dueOn,
    state: p.state as TPurge['state'],
    createdByName: p.createdByName,
    createdAt: p.createdAt.toISOString(),
    certifiedAt: p.certifiedAt?.toISOString() ?? null,
    confirmedAt: p.confirmedAt?.toISOString() ?? null,
    confirmedByName: p.confirmedByName,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      label: i.label,
      count: i.count,
      outcome: i.outcome as 'destroyed' | null,
      note: i.note,
      evidenceFileId: i.evidenceFileId,
      evidenceName: i.evidenceName,
      doneByName: i.doneByName,
      doneAt: i.doneAt?.toISOString() ?? null,
      overdue: !i.outcome && today > p.dueOn,
    })),
  };
}

async function purgeRow(ctx: Ctx, id: string, lock = false): Promise<PurgeRow> {
  const q = ctx.db.select().from(hoPurges).where(eq(hoPurges.id, id));
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw new NotFound('handover.purge_not_found', '清除申请不存在');
  return p;
}
const itemsOf = (ctx: Ctx, ids: string[]) =>
  ids.length
    ? ctx.db.select().from(hoPurgeItems).where(inArray(hoPurgeItems.purgeId, ids)).orderBy(asc(hoPurgeItems.sort))
    : Promise.resolve([]);

export async function getPurge(ctx: Ctx, id: string): Promise<TPurge> {
  const p = await purgeRow(ctx, id);
  return toPurge(p, await itemsOf(ctx, [id]), dateOf(ctx.now()));
}

export async function listPurges(ctx: Ctx, q: { page: number; pageSize: number }) {
  const rows = await ctx.db
    .select()
    .from(hoPurges)
    .orderBy(desc(hoPurges.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const items = await itemsOf(
    ctx,
    rows.map((r) => r.id),
  );
  const [n] = await ctx.db.select({ n: count() }).from(hoPurges);
  const today = dateOf(ctx.now());
  return {
    items: rows.map((r) =>
      toPurge(
        r,
        items.filter((i) => i.purgeId === r.id),
        today,
      ),
    ),
    total: Number(n?.n ?? 0),
  };
}

/** Records the agency's written request: refused (409) before the contract has ended, or while one is open. */
export async function createPurge(ctx: Ctx, registry: Registry, input: TPurgeInput & { letter: string }): Promise<TPurge> {
  const status = await purgeStatus(ctx);
  if (!status.ended || !status.contract?.end) throw new Conflict('handover.contract_not_ended', status.reason ?? '合同尚未结束');
  const today = status.today;
  if (input.requestedOn > today)
    throw new Invalid('handover.request_in_future', '书面要求的日期不能晚于今天', [{ path: 'body.requestedOn', message: '晚于今天' }]);
  if (input.requestedOn <= status.contract.end)
    throw new Invalid('handover.request_before_end', `书面要求应在合同结束（${status.contract.end}）之后提出`, [
      { path: 'body.requestedOn', message: '早于合同结束' },
    ]);
  const contract = status.contract;
  return inTx(ctx, async (tx) => {
    await tx.db.execute(sql`LOCK TABLE ${hoPurges} IN SHARE ROW EXCLUSIVE MODE`);
    const [open] = await tx.db.select({ id: hoPurges.id }).from(hoPurges).where(eq(hoPurges.state, 'open'));
    if (open) throw new Conflict('handover.purge_open', '已有一份清除申请正在办理，请在其完成后再提出');
    const cal = await getCalendar(tx);
    const [p] = await tx.db
      .insert(hoPurges)
      .values({
        contractId: contract.id,
        contractNumber: contract.number,
        contractEnd: contract.end!,
        requestedOn: input.requestedOn,
        requestedByName: input.requestedByName,
        letter: input.letter,
        dueOn: cal.addWorkingDays(input.requestedOn, DUE_WORKING_DAYS),
        state: 'open',
        createdBy: actorId(tx),
        createdByName: tx.actor?.displayName ?? '系统',
        createdAt: tx.now(),
      })
      .returning();
    const items = await inventory(tx, registry, tx.now());
    await tx.db.insert(hoPurgeItems).values(items.map((i, sort) => ({ ...i, purgeId: p!.id, sort })));
    await audit(tx, {
      action: 'handover.purge_request',
      objectType: 'handover_purge',
      objectId: p!.id,
      detail: { requestedOn: input.requestedOn, dueOn: p!.dueOn, items: items.map((i) => ({ kind: i.kind, count: i.count })) },
    });
    return getPurge(tx, p!.id);
  });
}

/** Destroys what the system itself holds of an item (its module's purge hook, or the stored files). */
async function destroyInSystem(tx: Ctx, registry: Registry, kind: string): Promise<Record<string, number>> {
  if (kind === 'kernel.files') return { files: await deleteStoredFiles(tx, OWN) };
  const m = kind.startsWith('module.') ? registry.modules.find((x) => `module.${x.id}` === kind) : undefined;
  if (m?.purge) return (await m.purge(tx, { before: tx.now(), dryRun: false })).counts;
  return {};
}

/** One item destroyed or returned, with its note and evidence file; the last one issues the certificate. */
export async function completeItem(ctx: Ctx, registry: Registry, purgeId: string, itemId: string, up: Upload): Promise<TPurge> {
  const parsed = ZItemDone.safeParse(up.fields);
  if (!parsed.success)
    throw new Invalid(
      'validation',
      '请选择处理方式（销毁或归还）并填写处理说明',
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  const { outcome, note } = parsed.data;
  return inTx(ctx, async (tx) => {
    const p = await purgeRow(tx, purgeId, true);
    if (p.state !== 'open') throw new Conflict('handover.purge_closed', '该清除申请已办结');
    const [item] = await tx.db
      .select()
      .from(hoPurgeItems)
      .where(and(eq(hoPurgeItems.id, itemId), eq(hoPurgeItems.purgeId, purgeId)));
    if (!item) throw new NotFound('handover.item_not_found', '清除事项不存在');
    if (item.outcome) throw new Conflict('handover.item_done', '该事项已登记处理结果');
    const removed = outcome === 'destroyed' ? await destroyInSystem(tx, registry, item.kind) : {};
    const f = await storeFile(tx, {
      objectType: 'handover_purge',
      objectId: purgeId,
      kind: 'document',
      name: up.filename,
      bytes: up.bytes,
    });
    await tx.db
      .update(hoPurgeItems)
      .set({ outcome, note, evidenceFileId: f.id, evidenceName: f.name, doneByName: tx.actor?.displayName ?? '系统', doneAt: tx.now() })
      .where(eq(hoPurgeItems.id, itemId));
    await audit(tx, {
      action: `handover.item_${outcome}`,
      objectType: 'handover_purge',
      objectId: purgeId,
      detail: { item: item.kind, label: item.label, count: item.count, note, evidence: { id: f.id, sha256: f.sha256 }, removed },
    });
    const [left] = await tx.db
      .select({ n: count() })
      .from(hoPurgeItems)
      .where(and(eq(hoPurgeItems.purgeId, purgeId), isNull(hoPurgeItems.outcome)));
    if (Number(left?.n ?? 0) === 0) {
      await tx.db.update(hoPurges).set({ state: 'done', certifiedAt: tx.now() }).where(eq(hoPurges.id, purgeId));
      await audit(tx, { action: 'handover.certificate_issued', objectType: 'handover_purge', objectId: purgeId });
      await notifyUsers(tx, {
        userIds: await usersWithRoles(tx, ['agency_manager', 'agency_contact']),
        event: 'handover.certificate',
        severity: 'info',
        title: `保密资料清除已完成，请确认清除证明（合同 ${p.contractNumber}）`,
        body: `书面要求日期 ${p.requestedOn}，全部事项已销毁或归还。`,
        link: '/handover/purge',
        objectType: 'handover_purge',
        objectId: purgeId,
      });
    }
    return getPurge(tx, purgeId);
  });
}

/** The agency confirms the certificate. */
export async function confirmPurge(ctx: Ctx, id: string): Promise<TPurge> {
  return inTx(ctx, async (tx) => {
    const p = await purgeRow(tx, id, true);
    if (p.state === 'open') throw new Conflict('handover.purge_not_done', '尚有事项未销毁或归还，清除证明尚未出具');
    if (p.state === 'confirmed') throw new Conflict('handover.purge_confirmed', '清除证明已经确认过');
    await tx.db
      .update(hoPurges)
      .set({ state: 'confirmed', confirmedAt: tx.now(), confirmedByName: tx.actor?.displayName ?? '' })
      .where(eq(hoPurges.id, id));
    await audit(tx, { action: 'handover.certificate_confirm', objectType: 'handover_purge', objectId: id });
    return getPurge(tx, id);
  });
}

/** Notices for purges past their 5 working days with items left, once each; answers how many. */
export async function checkPurgesOverdue(ctx: Ctx): Promise<number> {
  const today = dateOf(ctx.now());
  const late = await ctx.db
    .select()
    .from(hoPurges)
    .where(and(eq(hoPurges.state, 'open'), lt(hoPurges.dueOn, today), isNull(hoPurges.overdueNotifiedAt)));
  for (const p of late) {
    await inTx(ctx, async (tx) => {
      const left = (await itemsOf(tx, [p.id])).filter((i) => !i.outcome);
      await tx.db.update(hoPurges).set({ overdueNotifiedAt: tx.now() }).where(eq(hoPurges.id, p.id));
      await notifyUsers(tx, {
        userIds: await usersWithRoles(tx, ['contractor_pm', 'security_admin', 'agency_contact']),
        event: 'handover.purge_overdue',
        severity: 'warning',
        title: `保密资料清除已逾期：应于 ${p.dueOn} 前完成`,
        body: `尚有 ${left.length} 项未销毁或归还：${left.map((i) => i.label).join('；')}`,
        link: '/handover/purge',
        objectType: 'handover_purge',
        objectId: p.id,
      });
      await audit(tx, {
        action: 'handover.purge_overdue',
        objectType: 'handover_purge',
        objectId: p.id,
        detail: { dueOn: p.dueOn, left: left.length },
      });
    });
  }
  return late.length;
}
