// Channel configs at rest: the SMTP password, a robot's signing secret and a robot's URL (WeCom's
// `key=`, DingTalk's `access_token=` are the credential) are sealed with the Keyring (AES-256-GCM,
// ARCHITECTURE.md security model) before they are stored, and opened just before delivery.
import type { Keyring } from '../crypto.ts';
import type { SmtpConfig, WebhookConfig } from './types.ts';

export type SealedSmtpConfig = Omit<SmtpConfig, 'password'> & { passwordBox?: string };
export type SealedWebhookConfig = Omit<WebhookConfig, 'url' | 'secret'> & {
  urlBox: string;
  secretBox?: string;
  /** Scheme, host and the start of the path, safe to show in the UI and in logs. */
  urlHint: string;
};

export function sealSmtp(keys: Keyring, cfg: SmtpConfig): SealedSmtpConfig {
  const { password, ...rest } = cfg;
  return { ...rest, ...(password ? { passwordBox: keys.encrypt(password) } : {}) };
}

export function openSmtp(keys: Keyring, cfg: SealedSmtpConfig): SmtpConfig {
  const { passwordBox, ...rest } = cfg;
  return { ...rest, ...(passwordBox ? { password: keys.decrypt(passwordBox) } : {}) };
}

export function sealWebhook(keys: Keyring, cfg: WebhookConfig): SealedWebhookConfig {
  return {
    kind: cfg.kind,
    urlBox: keys.encrypt(cfg.url),
    ...(cfg.secret ? { secretBox: keys.encrypt(cfg.secret) } : {}),
    urlHint: webhookUrlHint(cfg.url),
  };
}

export function openWebhook(keys: Keyring, cfg: SealedWebhookConfig): WebhookConfig {
  return {
    kind: cfg.kind,
    url: keys.decrypt(cfg.urlBox),
    ...(cfg.secretBox ? { secret: keys.decrypt(cfg.secretBox) } : {}),
  };
}

/** `https://open.feishu.cn/open-apis/bot/…`: no query, no credentials, never the last path segment. */
export function webhookUrlHint(url: string): string {
  try {
    const u = new URL(url);
    const segs = u.pathname.split('/').filter(Boolean);
    const shown = segs.slice(0, Math.min(3, Math.max(segs.length - 1, 0)));
    const path = `/${shown.join('/')}${shown.length < segs.length ? `${shown.length ? '/' : ''}…` : ''}`;
    return `${u.protocol}//${u.host}${path}${u.search ? '?…' : ''}`;
  } catch {
    return '(无效地址)';
  }
}
