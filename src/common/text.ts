// Text no field may hold (issue 11 point 4): what PostgreSQL refuses (NUL), what breaks the Word and
// Excel files the product writes (XML 1.0 allows no C0 control but tab, line feed and carriage
// return), lone UTF-16 surrogates (not text at all), and Unicode non-characters (U+FFFE, U+FFFF,
// U+FDD0–U+FDEF and the last two of every plane). Refused at the API's edge, once, for every string;
// removed from text that comes from files and headers, where refusing would lose the rest.
/* eslint-disable no-control-regex -- control characters are what these look for */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');
/* eslint-enable no-control-regex */

/** True when s holds a character no stored text may hold. */
export function hasForbiddenText(s: string): boolean {
  return !s.isWellFormed() || FORBIDDEN.test(s);
}

/** s without those characters (lone surrogates become U+FFFD by toWellFormed, then are dropped). */
export function cleanText(s: string): string {
  // toWellFormed keeps the length: a U+FFFD where s had none was a lone surrogate, and goes.
  return s
    .toWellFormed()
    .replace(/\uFFFD/g, (m: string, i: number) => (s[i] === m ? m : ''))
    .replace(FORBIDDEN_ALL, '');
}

/** The paths of every string (and object key) in a parsed request that holds such a character. */
export function forbiddenTextPaths(value: unknown, path: string, out: string[] = [], depth = 0): string[] {
  if (out.length >= 20 || depth > 20) return out;
  if (typeof value === 'string') {
    if (hasForbiddenText(value)) out.push(path);
  } else if (Array.isArray(value)) value.forEach((v, i) => forbiddenTextPaths(v, `${path}.${i}`, out, depth + 1));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (hasForbiddenText(k)) out.push(`${path}.${cleanText(k)}`);
      forbiddenTextPaths(v, `${path}.${cleanText(k)}`, out, depth + 1);
    }
  return out;
}

/**
 * A cell that a spreadsheet would run as a formula (issue 11 point 8: leading = + - @, tab or carriage
 * return) written as text: a leading apostrophe, the usual guard (OWASP CSV injection).
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
