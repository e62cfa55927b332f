// The per-device security policy history (issue 13 point 4, R-SEC-09): on one asset, in time order,
// the responses recorded, every step of the changes that approved them, their verifications, and the
// signature updates (R-SEC-07).
import { asc, eq } from 'drizzle-orm';
import {
  RESPONSE_KIND_NAMES,
  VERIFY_RESULT_NAMES,
  type ResponseKind,
  type TDeviceHistory,
  type THistoryEntry,
} from '../../../common/secops.ts';
import { CHANGE_STATE_NAMES, type ChangeState } from '../../../common/changes.ts';
import type { Ctx } from '../../kernel/context.ts';
import { assetById } from '../assets/api.ts';
import { getChange } from '../changes/api.ts';
import { responseNumber } from './responses.ts';
import { secResponses, secSignatureUpdates } from './tables.ts';

const CHANGE_STEP: Record<string, string> = {
  create: '提出变更',
  update: '修改变更',
  submit: '提交审批',
  approve: '审批通过',
  reject: '驳回',
  return: '退回修改',
  start: '开始实施',
  finish: '完成实施',
  confirm: '甲方确认',
  cancel: '取消',
};

export async function deviceHistory(ctx: Ctx, assetId: string): Promise<TDeviceHistory> {
  const asset = await assetById(ctx, assetId);
  const items: THistoryEntry[] = [];
  const responses = await ctx.db.select().from(secResponses).where(eq(secResponses.assetId, assetId)).orderBy(asc(secResponses.doneAt));
  for (const r of responses) {
    const n = responseNumber(r.seq);
    items.push({
      at: r.doneAt.toISOString(),
      kind: 'response',
      title: `${n} ${RESPONSE_KIND_NAMES[r.kind as ResponseKind]}`,
      detail: r.detail,
      byName: r.doneByName,
      link: `/secops/alerts/${r.alertId}`,
    });
    if (r.verifiedAt)
      items.push({
        at: r.verifiedAt.toISOString(),
        kind: 'verify',
        title: `${n} 验证：${VERIFY_RESULT_NAMES[r.verifyResult as 'effective'] ?? r.verifyResult}`,
        detail: r.verifyNote ?? '',
        byName: r.verifiedByName ?? '',
        link: `/secops/alerts/${r.alertId}`,
      });
    if (!r.changeId) continue;
    const c = await getChange(ctx, r.changeId);
    for (const e of c.events)
      items.push({
        at: e.at,
        kind: 'change',
        title: `${c.number} ${CHANGE_STEP[e.kind] ?? e.kind}${e.toState ? `（${CHANGE_STATE_NAMES[e.toState as ChangeState] ?? e.toState}）` : ''}`,
        detail: e.comment ?? c.title,
        byName: e.actorName,
        link: `/changes/${c.id}`,
      });
  }
  const updates = await ctx.db.select().from(secSignatureUpdates).where(eq(secSignatureUpdates.assetId, assetId));
  for (const u of updates)
    items.push({
      at: u.updatedAt.toISOString(),
      kind: 'signature',
      title: '特征库更新',
      detail: [
        u.engineVersion && `引擎 ${u.engineVersion}`,
        u.signatureVersion && `特征库 ${u.signatureVersion}`,
        u.virusVersion && `病毒库 ${u.virusVersion}`,
      ]
        .filter(Boolean)
        .join('，'),
      byName: u.byName,
      link: null,
    });
  items.sort((a, b) => a.at.localeCompare(b.at));
  return { assetId: asset.id, assetNumber: asset.number, assetName: asset.name, items };
}
