// What an alert reading does (alerts.ts for devices, pair-alerts.ts for probe pairs): a condition first
// seen is `pending`; held for the threshold's minimum duration it opens, with a fault ticket on the
// subject's line through the desk (channel monitoring) and a notice to the line's engineers; once it
// clears the alert closes and the ticket is resolved with a note. One transaction per change.
import { and, eq } from 'drizzle-orm';
import { audit } from '../../kernel/audit.ts';
import { inTx, type Ctx } from '../../kernel/context.ts';
import { notifyUsers, usersWithRoles } from '../../kernel/notify/inbox.ts';
import { ALERT_RULE_ZH, type TAlertRule } from '../../../common/monitoring.ts';
import { openDetectedTicket, resolveDetectedTicket } from '../desk/api.ts';
import type { Reading } from './alerts.ts';
import { monAlerts, type monDevices, type monProbePairs, type monThresholds } from './tables.ts';

type Threshold = typeof monThresholds.$inferSelect;
type Alert = typeof monAlerts.$inferSelect;

/** What an alert is about: a device or a probe pair. */
export interface Subject {
  deviceId: string | null;
  pairId: string | null;
  name: string;
  serviceLine: string;
  /** The page the ticket and the notice point to. */
  link: string;
  objectType: 'mon_device' | 'mon_probe_pair';
}

export const deviceSubject = (d: typeof monDevices.$inferSelect): Subject => ({
  deviceId: d.id,
  pairId: null,
  name: d.name,
  serviceLine: d.serviceLine,
  link: `/monitoring/${d.id}`,
  objectType: 'mon_device',
});

export const pairSubject = (p: typeof monProbePairs.$inferSelect): Subject => ({
  deviceId: null,
  pairId: p.id,
  name: p.name,
  serviceLine: p.serviceLine,
  link: `/monitoring/pairs?focus=${p.id}`,
  objectType: 'mon_probe_pair',
});

/** Applies one reading to the subject's live alert (if any); a failure is logged and stops nothing else. */
export async function step(
  ctx: Ctx,
  s: Subject,
  r: Reading,
  t: Threshold,
  alert: Alert | undefined,
  tally: { opened: number; closed: number },
): Promise<void> {
  const now = ctx.now();
  try {
    if (r.raise && !alert) await inTx(ctx, (tx) => begin(tx, s, r, t)).then((o) => (tally.opened += o ? 1 : 0));
    else if (r.raise && alert?.state === 'pending' && now.getTime() - alert.since.getTime() >= t.minDurationSec * 1000)
      await inTx(ctx, (tx) => open(tx, s, alert, r, t)).then(() => tally.opened++);
    else if (r.clear && alert) await inTx(ctx, (tx) => close(tx, s, alert)).then(() => (tally.closed += alert.state === 'open' ? 1 : 0));
  } catch (err) {
    ctx.log.error({ err, deviceId: s.deviceId, pairId: s.pairId, rule: r.rule }, 'monitoring alert not updated');
  }
}

async function begin(tx: Ctx, s: Subject, r: Reading, t: Threshold): Promise<boolean> {
  const [a] = await tx.db
    .insert(monAlerts)
    .values({
      deviceId: s.deviceId,
      pairId: s.pairId,
      rule: r.rule,
      object: r.object,
      state: 'pending',
      since: tx.now(),
      value: r.value,
      message: r.message,
    })
    .onConflictDoNothing()
    .returning();
  if (!a || t.minDurationSec > 0) return false;
  await open(tx, s, a, r, t);
  return true;
}

async function open(tx: Ctx, s: Subject, a: Alert, r: Reading, t: Threshold): Promise<void> {
  const title = `${ALERT_RULE_ZH[r.rule]}：${s.name}`;
  const ticket = await openDetectedTicket(tx, {
    serviceLine: s.serviceLine,
    severity: t.severity as 'critical' | 'high' | 'medium' | 'low',
    title,
    description: `${r.message}。自 ${a.since.toISOString()} 起持续，达到告警阈值。详见 ${s.link}`,
    assetsText: s.name,
  });
  await tx.db
    .update(monAlerts)
    .set({ state: 'open', openedAt: tx.now(), ticketId: ticket.id, ticketNumber: ticket.number, value: r.value, message: r.message })
    .where(and(eq(monAlerts.id, a.id), eq(monAlerts.state, 'pending')));
  await audit(tx, {
    action: 'monitoring.alert.open',
    objectType: 'mon_alert',
    objectId: a.id,
    after: { rule: r.rule, object: r.object, ticketId: ticket.id },
  });
  await notifyUsers(tx, {
    userIds: await usersWithRoles(tx, ['engineer'], { serviceLine: s.serviceLine }),
    event: 'monitoring.alert',
    severity: t.severity === 'critical' || t.severity === 'high' ? 'critical' : 'warning',
    title,
    body: `${r.message}。已登记运维单 ${ticket.number}。`,
    link: s.link,
    objectType: s.objectType,
    objectId: (s.deviceId ?? s.pairId)!,
  });
}

/**
 * Closes a live alert whose threshold was switched off (its rule is no longer held for the subject, so
 * no reading would ever clear it): a pending one is dropped, an open one closed and its ticket resolved
 * with a note saying why. A failure is logged and stops nothing else.
 */
export async function silence(ctx: Ctx, s: Subject, a: Alert, tally: { opened: number; closed: number }): Promise<void> {
  try {
    const note = `告警阈值已停用（${ALERT_RULE_ZH[a.rule as TAlertRule]}，${s.name}），不再监测该条件，告警关闭，系统自动处理完毕。`;
    await inTx(ctx, (tx) => close(tx, s, a, note)).then(() => (tally.closed += a.state === 'open' ? 1 : 0));
  } catch (err) {
    ctx.log.error({ err, deviceId: s.deviceId, pairId: s.pairId, rule: a.rule }, 'monitoring alert not closed');
  }
}

async function close(tx: Ctx, s: Subject, a: Alert, note?: string): Promise<void> {
  if (a.state === 'pending') {
    // Cleared before it lasted long enough: nothing was raised, nothing to keep.
    await tx.db.delete(monAlerts).where(and(eq(monAlerts.id, a.id), eq(monAlerts.state, 'pending')));
    return;
  }
  await tx.db.update(monAlerts).set({ state: 'closed', closedAt: tx.now() }).where(eq(monAlerts.id, a.id));
  await audit(tx, {
    action: 'monitoring.alert.close',
    objectType: 'mon_alert',
    objectId: a.id,
    after: { rule: a.rule, object: a.object, ...(note ? { reason: 'threshold_disabled' } : {}) },
  });
  if (a.ticketId)
    await resolveDetectedTicket(
      tx,
      a.ticketId,
      note ?? `监控检测到告警条件已解除（${ALERT_RULE_ZH[a.rule as TAlertRule]}，${s.name}），系统自动处理完毕。`,
    );
}
