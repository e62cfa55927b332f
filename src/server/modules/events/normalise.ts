// One received line to one normalised event (issue 13 point 2): decode, split the header, find the
// vendor (the source's, else the first parser that recognises the line), read the fields and map them
// onto the common names; severity from the vendor's own word or number, else the syslog priority.
import { hash } from 'node:crypto';
import type { TSeverity } from '../../../common/events.ts';
import { decodeLine } from './decode.ts';
import { isoTime, parseHeader } from './header.ts';
import { lower, pick, type Fields } from './vendors/kv.ts';
import { PARSERS, parserById } from './vendors/parsers.ts';
import { FLOOD, WORDS, type NormalKeys, type VendorParser } from './vendors/types.ts';

export interface SourceSetting {
  vendor: string | null;
  charset: string | null;
}

export interface EventRow {
  receivedAt: Date;
  occurredAt: Date | null;
  source: string;
  host: string;
  vendor: string;
  product: string;
  category: string;
  severity: TSeverity;
  srcIp: string | null;
  srcPort: number | null;
  dstIp: string | null;
  dstPort: number | null;
  protocol: string | null;
  user: string | null;
  action: string | null;
  rule: string | null;
  bytes: number | null;
  packets: number | null;
  message: string;
  raw: string;
  facility: number | null;
  fingerprint: string;
  truncated: boolean;
}

/** Syslog 0–7 onto the common scale: emerg/alert/crit, err, warning, notice, info/debug. */
export function severityOfPriority(p: number): TSeverity {
  if (p <= 2) return 'critical';
  if (p === 3) return 'high';
  if (p === 4) return 'medium';
  if (p === 5) return 'low';
  return 'info';
}

/** CEF 0–10: 0–3 low, 4–6 medium, 7–8 high, 9–10 critical. */
const severityOfCef = (n: number): TSeverity => (n >= 9 ? 'critical' : n >= 7 ? 'high' : n >= 4 ? 'medium' : 'low');

function severityOf(p: VendorParser, f: Fields, priority: number | null): TSeverity {
  if (f._cef) return severityOfCef(Number(f._cef));
  const word = pick(f, p.keys.severity ?? [])?.toLowerCase();
  if (word !== undefined) {
    if (/^[0-7]$/.test(word)) return severityOfPriority(Number(word));
    const w = p.severityWords?.[word] ?? WORDS[word];
    if (w) return w;
  }
  return priority === null ? 'info' : severityOfPriority(priority);
}

const FIELDS_CHARS = 16 * 1024;
const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+)$/;
const get = (p: VendorParser, f: Fields, k: keyof NormalKeys) => pick(f, p.keys[k] ?? []);
const ip = (v: string | null) => (v && IP.test(v) ? v : null);
const port = (v: string | null) => (v && /^\d{1,5}$/.test(v) && Number(v) <= 65535 ? Number(v) : null);
/** A login line names its peer in words (`logged in from 10.1.1.9`, `从 10.1.1.9 登录`): the source. */
const fromIp = (text: string) => /(?:\bfrom|从)\s*(\d{1,3}(?:\.\d{1,3}){3})\b/i.exec(text.slice(0, 1000))?.[1] ?? null;
/** The sum of the counters the line has among `keys` (a session's sent and received), null with none. */
function total(f: Fields, keys: readonly string[] | undefined): number | null {
  let sum: number | null = null;
  for (const k of keys ?? []) {
    const v = f[lower(k)];
    if (typeof v === 'string' && /^\d{1,15}$/.test(v)) sum = (sum ?? 0) + Number(v);
  }
  return sum;
}
const short = (v: string | null, n = 200) => (v === null ? null : v.slice(0, n));

function detect(message: string, vendor: string | null): VendorParser {
  const own = vendor ? parserById.get(vendor) : undefined;
  return own ?? PARSERS.find((p) => p.detect.test(message))!;
}

/** Time fields in the body (Fortinet `date= time=`, Huawei `time=`) when the header had none. */
function bodyTime(f: Fields): Date | null {
  const date = pick(f, ['date']);
  const time = pick(f, ['time']);
  if (date && time && /^\d/.test(time) && !time.includes(' ')) return isoTime(`${date} ${time}`);
  return time ? isoTime(time) : null;
}

export function normalise(
  bytes: Uint8Array,
  source: string,
  setting: SourceSetting | undefined,
  receivedAt: Date,
  truncated = false,
): EventRow {
  const line = decodeLine(bytes, setting?.charset ?? null).trim();
  const h = parseHeader(line, receivedAt);
  const p = detect(h.message, setting?.vendor ?? null);
  // Fields come from the first 16 KiB (a cut 64 KiB line is kept whole in `raw`).
  const f = p.fields(h.message.slice(0, FIELDS_CHARS));
  // The vendor's own category fields decide first; only without a match the app name and text.
  const named = (p.keys.category ?? [])
    .map((k) => pick(f, [k]))
    .filter(Boolean)
    .join(' ');
  const byRule = (text: string) => (text ? p.categories.find((c) => c.when.test(text))?.category : undefined);
  const head = h.message.slice(0, 300);
  const found = byRule(named) ?? byRule([h.app, head].filter(Boolean).join(' ')) ?? 'other';
  // An attack the line calls a flood or DoS (Huawei's ANTIATTACK module) is a flood (R-MON-04).
  const category = found === 'attack' && FLOOD.test(head) ? 'flood' : found;
  const row: EventRow = {
    receivedAt,
    occurredAt: h.occurredAt ?? bodyTime(f),
    source,
    host: (h.host ?? pick(f, ['devname', 'hostname']) ?? source).slice(0, 253),
    vendor: p.id === 'generic' ? (f._vendor ?? 'generic').slice(0, 60) : p.id,
    product: (f._product ?? p.product).slice(0, 60),
    category,
    severity: severityOf(p, f, h.priority),
    srcIp: ip(get(p, f, 'srcIp')) ?? ip(fromIp(h.message)),
    srcPort: port(get(p, f, 'srcPort')),
    dstIp: ip(get(p, f, 'dstIp')),
    dstPort: port(get(p, f, 'dstPort')),
    protocol: short(get(p, f, 'protocol'), 40),
    user: short(get(p, f, 'user'), 100),
    action: short(get(p, f, 'action'), 60),
    rule: short(get(p, f, 'rule')),
    bytes: total(f, p.keys.bytes),
    packets: total(f, p.keys.packets),
    message: (get(p, f, 'message') ?? h.message).slice(0, 4000),
    raw: line,
    facility: h.facility,
    truncated,
    fingerprint: '',
  };
  row.fingerprint = fingerprintOf(row);
  return row;
}

/** What makes two events identical for merging (issue 13 point 2): host, vendor, category, src, dst, rule, message. */
export function fingerprintOf(e: Pick<EventRow, 'host' | 'vendor' | 'category' | 'srcIp' | 'dstIp' | 'rule' | 'message'>): string {
  const key = JSON.stringify([e.host, e.vendor, e.category, e.srcIp, e.dstIp, e.rule, e.message]);
  // The one-shot hash (no Hash object per event); the same digest as before, so rows stored earlier still merge.
  return hash('sha256', key, 'base64url').slice(0, 22);
}
