// A vendor parser is data (issue 13 point 2): how to recognise the vendor's lines, how to read the
// body into fields, which field names mean which normalised field, and how to name the category.
import type { Fields } from './kv.ts';

export interface NormalKeys {
  srcIp: readonly string[];
  srcPort: readonly string[];
  dstIp: readonly string[];
  dstPort: readonly string[];
  protocol: readonly string[];
  user: readonly string[];
  action: readonly string[];
  rule: readonly string[];
  message: readonly string[];
  severity: readonly string[];
  category: readonly string[];
  /** Counters summed into the normalised bytes and packets (a session's two directions). */
  bytes: readonly string[];
  packets: readonly string[];
}

export interface VendorParser {
  id: string;
  product: string;
  /** Recognises the vendor's lines when the source names no vendor. */
  detect: RegExp;
  /** Body to fields (and what the line names besides, as `_module`, `_brief`, `_severity`, `_text`). */
  fields(message: string): Fields;
  keys: Partial<NormalKeys>;
  /** Category from the vendor's category fields (else the app and text); the first match wins, else `other`. */
  categories: readonly { when: RegExp; category: string }[];
  /** The vendor's words for severity onto the common scale (lower-case keys). */
  severityWords?: Readonly<Record<string, 'critical' | 'high' | 'medium' | 'low' | 'info'>>;
}

/** What vendors call a flood or a denial of service, in English and Chinese. */
export const FLOOD = /flood|\bd?dos\b|泛洪|洪水|拒绝服务/i;

/** Category rules every vendor shares. */
export const COMMON_CATEGORIES: VendorParser['categories'] = [
  // Floods and (D)DoS first (R-MON-04 traffic attacks): "SYN flood attack" is a flood before an attack.
  { when: FLOOD, category: 'flood' },
  { when: /virus|病毒|\bav\b/i, category: 'virus' },
  { when: /attack|\bips\b|threat|intrusion|攻击|入侵|注入|sql|xss|webshell/i, category: 'attack' },
  { when: /login|logon|logged in|logout|auth|认证|登录|登陆/i, category: 'auth' },
  { when: /policy|filter|deny|permit|session|traffic|flow|acl|策略|会话|流量/i, category: 'traffic' },
  { when: /config|cfg|cmd|command|配置|命令/i, category: 'config' },
];

/** Severity words of every vendor (English and Chinese) onto the common scale. */
export const WORDS: NonNullable<VendorParser['severityWords']> = {
  emergency: 'critical',
  emerg: 'critical',
  alert: 'critical',
  critical: 'critical',
  crit: 'critical',
  error: 'high',
  err: 'high',
  high: 'high',
  warning: 'medium',
  warn: 'medium',
  medium: 'medium',
  middle: 'medium',
  notice: 'low',
  notification: 'low',
  low: 'low',
  information: 'info',
  informational: 'info',
  info: 'info',
  debug: 'info',
  严重: 'critical',
  高: 'high',
  中: 'medium',
  低: 'low',
  信息: 'info',
  提示: 'info',
};
