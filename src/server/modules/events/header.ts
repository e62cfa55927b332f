// Syslog headers (issue 13 point 1): RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG`) and
// RFC 3164 in the forms devices really send: `Mmm dd hh:mm:ss host tag: msg`, Huawei's
// `Mmm dd yyyy hh:mm:ss`, H3C's `Mmm dd hh:mm:ss yyyy`, an ISO time, or no header at all (Fortinet
// sends key=value straight after the PRI). Times without a zone are Asia/Shanghai (the agency's
// devices); a time without a year takes the nearest year not more than a week ahead of the receive time.

export interface Header {
  facility: number | null;
  priority: number | null;
  occurredAt: Date | null;
  host: string | null;
  app: string | null;
  /** RFC 5424 structured data as text ('' when absent). */
  structured: string;
  message: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SHANGHAI_MS = 8 * 3600_000;

/** A wall-clock time in Shanghai (no daylight saving since 1991) as an instant. */
export function shanghai(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): Date | null {
  const t = Date.UTC(y, mo, d, h, mi, s, ms) - SHANGHAI_MS;
  const back = new Date(t + SHANGHAI_MS);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo || h > 23 || mi > 59 || s > 60) return null;
  return new Date(t);
}

/**
 * `Mmm dd hh:mm:ss` without a year: the latest year that does not put it more than FUTURE_MS ahead of the
 * receive time (a Dec 31 line read on Jan 1 is last year's; a Jan 1 line read seconds before midnight
 * on Dec 31, from a sender whose clock runs ahead, is next year's; a June line read in December is old).
 */
const FUTURE_MS = 7 * 86_400_000;
function nearestYear(mo: number, d: number, h: number, mi: number, s: number, received: Date): Date | null {
  const y = new Date(received.getTime() + SHANGHAI_MS).getUTCFullYear();
  for (const year of [y + 1, y, y - 1]) {
    const t = shanghai(year, mo, d, h, mi, s);
    if (t && t.getTime() - received.getTime() <= FUTURE_MS) return t;
  }
  return null;
}

/** An ISO 8601 time: with an offset as given, without one in Shanghai. */
export function isoTime(text: string): Date | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return null;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const local = shanghai(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, ms);
  if (!local || !m[8]) return local;
  const offMin = m[8] === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1) * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(-2)));
  return new Date(local.getTime() + SHANGHAI_MS - offMin * 60_000);
}

const BSD =
  /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (?:(\d{4}) )?(\d{2}):(\d{2}):(\d{2})(?:[.:]\d{1,6})?(?: (\d{4}))?(?: ([A-Z]{2,5}|[+-]\d{2}:?\d{2}))? /;
const ISO_START = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?) /;

function rfc5424(rest: string, h: Header): Header {
  // TIMESTAMP HOST APP PROCID MSGID, then SD ('-' or [..] groups with \] escapes), then MSG.
  const parts = rest.split(' ');
  const [time, host, app] = parts;
  let tail = parts.slice(5).join(' ');
  let structured = '';
  if (tail.startsWith('-')) tail = tail.slice(1);
  else {
    let i = 0;
    while (tail[i] === '[') {
      i++;
      while (i < tail.length && tail[i] !== ']') i += tail[i] === '\\' ? 2 : 1;
      i++;
    }
    structured = tail.slice(0, i);
    tail = tail.slice(i);
  }
  return {
    ...h,
    occurredAt: time && time !== '-' ? isoTime(time) : null,
    host: host && host !== '-' ? host : null,
    app: app && app !== '-' ? app : null,
    structured,
    // One space separates SD from MSG; rsyslog forwarding an RFC 3164 line (%msg%) adds another.
    message: tail.replace(/^ +/, '').replace(/^\uFEFF/, ''),
  };
}

/** Splits a decoded line; never throws (anything unreadable is message text). */
export function parseHeader(line: string, received: Date): Header {
  const h: Header = { facility: null, priority: null, occurredAt: null, host: null, app: null, structured: '', message: line };
  let rest = line;
  const pri = /^<(\d{1,3})>/.exec(rest);
  if (pri && Number(pri[1]) <= 191) {
    h.facility = Number(pri[1]) >> 3;
    h.priority = Number(pri[1]) & 7;
    rest = rest.slice(pri[0].length);
  }
  if (/^1 \S+ \S+ \S+ \S+ \S+ /.test(rest)) return rfc5424(rest.slice(2), h);
  let m = BSD.exec(rest);
  if (m) {
    const mo = MONTHS.indexOf(m[1]!);
    const [d, hh, mi, s] = [+m[2]!, +m[4]!, +m[5]!, +m[6]!];
    const year = m[3] ?? m[7];
    if (mo >= 0) h.occurredAt = year ? shanghai(+year, mo, d, hh, mi, s) : nearestYear(mo, d, hh, mi, s, received);
    if (h.occurredAt && m[8] && /^[+-]/.test(m[8])) h.occurredAt = shiftZone(h.occurredAt, m[8]);
    rest = rest.slice(m[0].length);
  } else if ((m = ISO_START.exec(rest))) {
    h.occurredAt = isoTime(m[1]!);
    rest = rest.slice(m[0].length);
  } else {
    h.message = rest;
    return h;
  }
  // HOSTNAME, then an optional TAG (`prog[pid]:`); Huawei and H3C put `%%` right after the host.
  const host = /^(\S+) ?/.exec(rest);
  if (host && !host[1]!.endsWith(':') && !/^%%/.test(host[1]!)) {
    h.host = host[1]!;
    rest = rest.slice(host[0].length);
  }
  const tag = /^([\w./-]{1,48})(?:\[(\d+)\])?: ?/.exec(rest);
  if (tag && !/^\d/.test(tag[1]!)) {
    h.app = tag[1]!;
    rest = rest.slice(tag[0].length);
  }
  h.message = rest;
  return h;
}

/** A Shanghai-read time corrected to the offset the line gave instead. */
function shiftZone(t: Date, off: string): Date {
  const min = (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(-2)));
  return new Date(t.getTime() + SHANGHAI_MS - min * 60_000);
}
