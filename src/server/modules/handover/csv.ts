// One exported row as a CSV line (RFC 4180) and as a JSON line: the same values in both. Instants are
// ISO 8601 in UTC; JSON and array columns are JSON text in the CSV; null is an empty field.
const plain = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  // Strings as they are; numbers, booleans and bigints in their usual form; the rest (JSON, arrays) as JSON.
  const s =
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: unknown[]): string => values.map((v) => field(plain(v))).join(',') + '\r\n';

export function jsonLine(row: Record<string, unknown>): string {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) o[k] = plain(v);
  return JSON.stringify(o) + '\n';
}
