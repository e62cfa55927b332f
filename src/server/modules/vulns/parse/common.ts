// Pieces the parsers share: the finding cap, CVE and severity reading.
import { Invalid } from '../../../kernel/errors.ts';
import type { TSeverity } from '../../../../common/vulns.ts';
import type { ImportLimits, ParsedFinding, ParsedScan } from './types.ts';

export function addFinding(scan: ParsedScan, f: ParsedFinding, limits: ImportLimits): void {
  if (scan.findings.length >= limits.maxFindings)
    throw new Invalid('vulns.too_large', `一次最多导入 ${limits.maxFindings} 条漏洞，请拆分后分批导入`);
  scan.findings.push(f);
}

export function firstCve(s: string): string | null {
  const m = /\bCVE-\d{4}-\d{4,7}\b/i.exec(s);
  return m ? m[0].toUpperCase() : null;
}

/** A CVSS-like score (0–10) on our scale. */
export function severityOfScore(n: number): TSeverity {
  return n >= 9 ? 'critical' : n >= 7 ? 'high' : n >= 4 ? 'medium' : n > 0 ? 'low' : 'info';
}

const WORDS: Record<string, TSeverity> = {
  critical: 'critical',
  urgent: 'critical',
  紧急: 'critical',
  严重: 'critical',
  超危: 'critical',
  high: 'high',
  高: 'high',
  高危: 'high',
  高风险: 'high',
  medium: 'medium',
  moderate: 'medium',
  中: 'medium',
  中危: 'medium',
  中风险: 'medium',
  low: 'low',
  低: 'low',
  低危: 'low',
  低风险: 'low',
  info: 'info',
  information: 'info',
  log: 'info',
  none: 'info',
  信息: 'info',
  提示: 'info',
};

/** A severity word or a score; null when neither. */
export function severityOf(raw: string, extra: Record<string, TSeverity> = {}): TSeverity | null {
  const s = raw.trim();
  if (!s) return null;
  const w = extra[s] ?? WORDS[s.toLowerCase()];
  if (w) return w;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 && n <= 10 ? severityOfScore(n) : null;
}

/** "80/tcp", "general/tcp", "443" → port and protocol. */
export function portOf(raw: string): { port: number | null; protocol: string } {
  const m = /^(\d{1,5}|[a-z-]+)?(?:\/(tcp|udp|icmp))?/i.exec(raw.trim());
  const n = m?.[1] && /^\d+$/.test(m[1]) ? Number(m[1]) : null;
  return { port: n && n > 0 && n <= 65535 ? n : null, protocol: (m?.[2] ?? '').toLowerCase() };
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const IPV6 = /^[0-9a-f:.]{2,45}$/i;
/** An address we keep: IPv4 or IPv6, or a host name; anything else is skipped. */
export const isAddress = (s: string): boolean => IPV4.test(s) || (s.includes(':') && IPV6.test(s)) || /^[A-Za-z0-9.-]{1,253}$/.test(s);
