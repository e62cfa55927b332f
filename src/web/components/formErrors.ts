// Maps a problem's errors[].path (body.newPassword, body.roles.0) onto antd form fields.
import type { FormInstance } from 'antd';
import { isApiError } from '../api/client.ts';

export function fieldName(path: string): (string | number)[] {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts each field error next to its field. Returns true when at least one matched a field the form
 * holds, so the caller can decide whether a toast is still needed.
 */
export function applyFieldErrors(form: FormInstance, e: unknown): boolean {
  if (!isApiError(e) || !e.errors.length) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const err of e.errors) {
    const name = fieldName(err.path);
    // Errors inside a list field (roles.0) belong to the list.
    while (name.length > 1 && typeof name[name.length - 1] === 'number') name.pop();
    if (!name.length || !known.has(String(name[0]))) continue;
    const key = name.join('.');
    const f = fields.get(key) ?? { name, errors: [] };
    f.errors.push(err.message);
    fields.set(key, f);
  }
  if (fields.size) form.setFields([...fields.values()]);
  return fields.size > 0;
}
