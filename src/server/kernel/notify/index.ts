// kernel/notify: delivery of one notification to e-mail recipients and chat robots. Callers (a
// module's event, a scheduled job, the users' preferences) decide who gets what; this layer only sends, and reports
// per target. Network I/O: call it after the transaction commits, never inside one.
import type { OutboundPolicy } from '../net/outbound.ts';
import { sendEmail } from './email.ts';
import { sendWebhook } from './webhook.ts';
import { DeliveryError, type Notification, type SmtpConfig, type WebhookConfig } from './types.ts';

export * from './types.ts';
export { sendEmail, checkRecipients, emailSubject, isEmailAddress, type EmailResult } from './email.ts';
export { sendWebhook, checkWebhookConfig, type WebhookResult } from './webhook.ts';
export { buildWebhookRequest, dingtalkSign, feishuSign } from './formats.ts';
export {
  sealSmtp,
  openSmtp,
  sealWebhook,
  openWebhook,
  webhookUrlHint,
  type SealedSmtpConfig,
  type SealedWebhookConfig,
} from './secrets.ts';

export type DeliveryTarget =
  { channel: 'email'; smtp: SmtpConfig; to: string[]; ref?: string } | { channel: 'webhook'; webhook: WebhookConfig; ref?: string };

export interface DeliveryResult {
  channel: 'email' | 'webhook';
  /** The caller's own id for the target (a preference row, a robot id), echoed back. */
  ref?: string;
  ok: boolean;
  error?: string;
  /** Set on failure: whether trying again later can succeed. */
  retryable?: boolean;
  /** E-mail only: recipients the server refused while it accepted the others. */
  rejected?: string[];
}

export interface DeliverOptions {
  timeoutMs?: number;
  /** The outbound policy the administrator set (kernel/net/outbound.ts); default: public addresses only. */
  policy?: OutboundPolicy;
}

/** Sends to every target at once; never throws: one bad robot does not stop the e-mail. */
export async function deliver(n: Notification, targets: DeliveryTarget[], opts: DeliverOptions = {}): Promise<DeliveryResult[]> {
  const settled = await Promise.allSettled(
    targets.map(async (t): Promise<string[] | undefined> => {
      if (t.channel === 'email') {
        const r = await sendEmail(t.smtp, t.to, n, opts);
        return r.rejected;
      }
      await sendWebhook(t.webhook, n, opts);
      return undefined;
    }),
  );
  return settled.map((s, i) => {
    const t = targets[i]!;
    const base = { channel: t.channel, ...(t.ref === undefined ? {} : { ref: t.ref }) };
    if (s.status === 'fulfilled') return { ...base, ok: true, ...(s.value?.length ? { rejected: s.value } : {}) };
    const err: unknown = s.reason;
    if (err instanceof DeliveryError) return { ...base, ok: false, error: err.message, retryable: err.retryable };
    // Invalid (bad address, bad URL) and anything unexpected: retrying the same input cannot help.
    return { ...base, ok: false, error: err instanceof Error ? err.message : String(err), retryable: false };
  });
}
