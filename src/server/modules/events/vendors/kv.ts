// The body forms vendors use (issue 13 point 1): key=value (quoted values, `,` `;` or space between
// pairs, H3C's `Key(1003)=value`), Chinese `键:值, ` pairs (Sangfor) and CEF
// (`CEF:0|vendor|product|version|id|name|severity|ext`). Keys are at most 64 characters, so a long
// line without any `=` costs linear time, not quadratic.

export type Fields = Record<string, string>;

/** key=value pairs anywhere in the text; keys are kept as written (lookups ignore case). */
export function keyValues(text: string): Fields {
  const out: Fields = {};
  const re = /([\p{L}\w.-]{1,64})(?:\(\d+\))?=("(?:[^"\\]|\\.)*"|[^,;\s]*)/gu;
  for (const m of text.matchAll(re)) {
    const v = m[2]!;
    out[m[1]!] = v.startsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v.replace(/[.,;]$/, '');
  }
  return out;
}

/** `键:值` pairs separated by commas (Sangfor writes its logs this way, in Chinese). */
export function colonPairs(text: string): Fields {
  const out: Fields = {};
  for (const part of text.split(/[,，]\s*/)) {
    const m = /^\s*([^:：]{1,20})[:：](.*)$/.exec(part);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
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
  const ext: Fields = {};
  const rest = text.slice(i);
  const keys = [...rest.matchAll(/(?:^|\s)([\w.]{1,64})=/g)];
  keys.forEach((k, n) => {
    const end = n + 1 < keys.length ? keys[n + 1]!.index : rest.length;
    ext[k[1]!] = rest
      .slice(k.index + k[0].length, end)
      .trim()
      .replace(/\\=/g, '=');
  });
  const sev = Number(parts[6]);
  return { vendor: parts[1]!, product: parts[2]!, signature: parts[4]!, name: parts[5]!, severity: Number.isFinite(sev) ? sev : null, ext };
}

const lowered = new WeakMap<Fields, Map<string, string>>();

/** The first of the keys present (case-insensitive). */
export function pick(f: Fields, keys: readonly string[]): string | null {
  // Built once per line's fields: normalise() picks a dozen fields from the same object.
  let lower = lowered.get(f);
  if (!lower) lowered.set(f, (lower = new Map(Object.entries(f).map(([k, v]) => [k.toLowerCase(), v]))));
  for (const k of keys) {
    const v = lower.get(k.toLowerCase());
    if (v !== undefined && v !== '' && v !== '-') return v;
  }
  return null;
}
