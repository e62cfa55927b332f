// The flow of a finding (R-SEC-04/05): open → fixing → fixed, verified only by a later scan that no
// longer shows it (import.ts); accepted risk and false positive are asked by an engineer and decided by
// the agency (agency_contact / agency_manager hold vulns.approve). Every change audited with before/after.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { dateOf } from '../../../common/dates.ts';
import {
  STATE_ZH,
  type TFinding,
  type TSeverity,
  type ZExceptionDecision,
  type ZExceptionRequest,
  type ZFindingAction,
} from '../../../common/vulns.ts';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { Conflict } from '../../kernel/errors.ts';
import type { GlobalJob } from '../../kernel/jobs.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { resolveNotices } from '../../kernel/notify/resolve.ts';
import { dueDateFn } from './due.ts';
import { findingRow, getFinding, overdueWhere } from './findings.ts';
import { vulnFindings } from './tables.ts';

const ASK = 'approve_exception';
const KIND_ZH = { accepted_risk: '接受风险', false_positive: '误报' } as const;

/** Which action moves which states where. */
const MOVES: Record<z.infer<typeof ZFindingAction>['action'], { from: string[]; to: string }> = {
  start: { from: ['open'], to: 'fixing' },
  fixed: { from: ['open', 'fixing'], to: 'fixed' },
  reopen: { from: ['fixed', 'verified', 'accepted_risk', 'false_positive'], to: 'open' },
};

export async function moveFinding(ctx: Ctx, id: string, input: z.infer<typeof ZFindingAction>): Promise<TFinding> {
  const due = await dueDateFn(ctx);
  await inTx(ctx, async (tx) => {
    const r = await findingRow(tx, id, true);
    const m = MOVES[input.action];
    if (!m.from.includes(r.state))
      throw new Conflict('vulns.state_conflict', `当前状态为“${STATE_ZH[r.state as TFinding['state']]}”，不能执行该操作`);
    if (r.requestKind) throw new Conflict('vulns.request_pending', '该漏洞有待甲方审批的例外申请，请等待审批结果');
    const now = tx.now();
    const set = {
      state: m.to,
      ...(m.to === 'fixed' ? { fixedAt: now } : {}),
      ...(m.to === 'open' ? { fixedAt: null, verifiedAt: null, dueDate: due(r.severity as TSeverity, now), overdueNotifiedAt: null } : {}),
    };
    await tx.db.update(vulnFindings).set(set).where(eq(vulnFindings.id, id));
    await audit(tx, {
      action: `vulns.finding.${input.action}`,
      objectType: 'vuln_finding',
      objectId: id,
      before: { state: r.state },
      after: { state: m.to, ...(input.note ? { note: input.note } : {}) },
    });
  });
  return getFinding(ctx, id);
}

export async function requestException(ctx: Ctx, id: string, input: z.infer<typeof ZExceptionRequest>): Promise<TFinding> {
  await inTx(ctx, async (tx) => {
    const r = await findingRow(tx, id, true);
    if (r.state !== 'open' && r.state !== 'fixing') throw new Conflict('vulns.state_conflict', '只有未处理或整改中的漏洞可以申请例外');
    if (r.requestKind) throw new Conflict('vulns.request_pending', '该漏洞已有待审批的例外申请');
    await tx.db
      .update(vulnFindings)
      .set({
        requestKind: input.kind,
        requestReason: input.reason,
        requestedBy: tx.actor?.id ?? null,
        requestedAt: tx.now(),
        decisionNote: null,
      })
      .where(eq(vulnFindings.id, id));
    await audit(tx, { action: 'vulns.exception.request', objectType: 'vuln_finding', objectId: id, after: input });
    await notifyUsers(tx, {
      userIds: await usersWithRoles(tx, ['agency_contact', 'agency_manager']),
      event: 'vulns.exception_requested',
      title: `漏洞例外待审批（${KIND_ZH[input.kind]}）：${r.title}`.slice(0, 200),
      body: `${r.address}${r.port ? `:${r.port}` : ''} ${r.title}。理由：${input.reason}`.slice(0, 1000),
      link: `/vulns/findings/${id}`,
      objectType: 'vuln_finding',
      objectId: id,
      action: ASK,
    });
  });
  return getFinding(ctx, id);
}

export async function decideException(ctx: Ctx, id: string, input: z.infer<typeof ZExceptionDecision>): Promise<TFinding> {
  await inTx(ctx, async (tx) => {
    const r = await findingRow(tx, id, true);
    if (!r.requestKind) throw new Conflict('vulns.no_request', '该漏洞没有待审批的例外申请');
    const after = {
      ...(input.approve ? { state: r.requestKind } : {}),
      requestKind: null,
      requestReason: null,
      requestedBy: null,
      requestedAt: null,
      decisionNote: input.note || (input.approve ? '已批准' : '已驳回'),
    };
    await tx.db.update(vulnFindings).set(after).where(eq(vulnFindings.id, id));
    await audit(tx, {
      action: input.approve ? 'vulns.exception.approve' : 'vulns.exception.refuse',
      objectType: 'vuln_finding',
      objectId: id,
      before: { state: r.state, request: r.requestKind, reason: r.requestReason },
      after: { state: after.state ?? r.state, note: after.decisionNote },
    });
    await resolveNotices(tx, { entity: { type: 'vuln_finding', id }, action: ASK });
    if (r.requestedBy)
      await notifyUsers(tx, {
        userIds: [r.requestedBy],
        event: 'vulns.exception_decided',
        title: `漏洞例外申请${input.approve ? '已批准' : '被驳回'}：${r.title}`.slice(0, 200),
        body: after.decisionNote,
        link: `/vulns/findings/${id}`,
        objectType: 'vuln_finding',
        objectId: id,
      });
  });
  return getFinding(ctx, id);
}

/** Daily: findings past their due date, each told once to the security engineers and the project manager. */
export const overdueJob: GlobalJob = {
  name: 'vulns-overdue',
  scope: 'global',
  cron: '0 9 * * *',
  handler: async (ctx) => {
    await notifyOverdue(ctx);
  },
};

export async function notifyOverdue(ctx: Ctx): Promise<number> {
  return inTx(ctx, async (tx) => {
    const rows = await tx.db
      .select({ id: vulnFindings.id, severity: vulnFindings.severity, dueDate: vulnFindings.dueDate })
      .from(vulnFindings)
      .where(and(overdueWhere(tx), isNull(vulnFindings.overdueNotifiedAt)))
      .limit(10_000);
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.id);
    await tx.db.update(vulnFindings).set({ overdueNotifiedAt: tx.now() }).where(inArray(vulnFindings.id, ids));
    const critical = rows.filter((r) => r.severity === 'critical' || r.severity === 'high').length;
    await notifyUsers(tx, {
      userIds: [...(await usersWithRoles(tx, ['engineer'], { serviceLine: 'SEC' })), ...(await usersWithRoles(tx, ['contractor_pm']))],
      event: 'vulns.overdue',
      severity: critical ? 'warning' : 'info',
      title: `${rows.length} 个漏洞超过整改期限（截至 ${dateOf(tx.now())}）`,
      body: critical ? `其中紧急/高危 ${critical} 个，请尽快整改或申请例外。` : '请尽快整改或申请例外。',
      link: '/vulns?overdue=true',
    });
    await audit(tx, { action: 'vulns.overdue.notify', objectType: 'vuln_finding', detail: { findings: ids.length } });
    return rows.length;
  });
}
