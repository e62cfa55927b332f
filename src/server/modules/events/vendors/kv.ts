// The body forms vendors use (issue 13 point 1): key=value (quoted values, `,` `;` or space between
// pairs, H3C's `Key(1003)=value`), Chinese `键:值, ` pairs (Sangfor) and CEF
// (`CEF:0|vendor|product|version|id|name|severity|ext`). Keys are at most 64 characters, so a long
// line without any `=` costs linear time, not quadratic.

/** A line's fields by lower-cased key, on an object without a prototype (a line's `constructor=` is just a field). */
export type Fields = Record<string, string>;

export const fields = (): Fields => Object.create(null) as Fields;

const KV = /([\p{L}\w.-]{1,64})(?:\(\d+\))?=("(?:[^"\\]|\\.)*"|[^,;\s]*)/gu;

/** key=value pairs anywhere in the text into `out` (keys lower-cased: lookups ignore case). */
export function keyValues(text: string, out: Fields = fields()): Fields {
  if (!text.includes('=')) return out;
  KV.lastIndex = 0;
  for (let m = KV.exec(text); m; m = KV.exec(text)) {
    const v = m[2]!;
    const last = v.charCodeAt(v.length - 1);
    out[m[1]!.toLowerCase()] =
      v.charCodeAt(0) === 34 // "
        ? v.includes('\\')
          ? v.slice(1, -1).replace(/\\(.)/g, '$1')
          : v.slice(1, -1)
        : last === 46 || last === 44 || last === 59 // . , ;
          ? v.slice(0, -1)
          : v;
  }
  return out;
}

/** `键:值` pairs separated by commas (Sangfor writes its logs this way, in Chinese). */
export function colonPairs(text: string): Fields {
  const out = fields();
  for (const part of text.split(/[,，]\s*/)) {
    const m = /^\s*([^:：]{1,20})[:：](.*)$/.exec(part);
    if (m) out[m[1]!.trim().toLowerCase()] = m[2]!.trim();
  }
  return out;
}

export interface Cef {
  vendor: string;
  product: string;
  signature: string;
  name: string;
  severity: number | null;
  ext: Fields;
}

/** A CEF body, or null. Header fields escape `|` as `\|`; extension values run to the next key=. */
export function cef(text: string): Cef | null {
  const at = text.indexOf('CEF:');
  if (at < 0) return null;
  const parts: string[] = [];
  let cur = '';
  let i = at + 4;
  for (; i < text.length && parts.length < 7; i++) {
    if (text[i] === '\\' && i + 1 < text.length) cur += text[++i];
    else if (text[i] === '|') {
      parts.push(cur);
      cur = '';
    } else cur += text[i];
  }
  if (parts.length < 7) return null;
  const ext = fields();
  const rest = text.slice(i);
  const keys = [...rest.matchAll(/(?:^|\s)([\w.]{1,64})=/g)];
  keys.forEach((k, n) => {
    const end = n + 1 < keys.length ? keys[n + 1]!.index : rest.length;
    ext[k[1]!.toLowerCase()] = rest
      .slice(k.index + k[0].length, end)
      .trim()
      .replace(/\\=/g, '=');
  });
  const sev = Number(parts[6]);
  return { vendor: parts[1]!, product: parts[2]!, signature: parts[4]!, name: parts[5]!, severity: Number.isFinite(sev) ? sev : null, ext };
}

const lowerOf = new Map<string, string>();
/** A parser's key lower-cased (parsers name a few hundred keys: remembered). */
export function lower(k: string): string {
  let l = lowerOf.get(k);
  if (l === undefined) lowerOf.set(k, (l = k.toLowerCase()));
  return l;
}

/** The first of the keys present (case-insensitive), not empty or `-`. */
export function pick(f: Fields, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = f[lower(k)];
    if (typeof v === 'string' && v !== '' && v !== '-') return v;
  }
  return null;
}
