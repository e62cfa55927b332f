// Valid-looking requests built from a route's own Zod schema (through its JSON Schema), and the same
// request with every string (or number) in it replaced: the hostile-input suite's generator. Enums
// take their first value, formats a value of the format, objects every property, arrays one item.
import { z, type ZodType } from 'zod';

type Json = Record<string, unknown>;
type Leaf = 'string' | 'number';

const FORMATS: Record<string, string> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  date: '2026-03-02',
  'date-time': '2026-03-02T09:00:00+08:00',
  email: 'ops@agency.example.cn',
  uri: 'https://example.cn/',
  ipv4: '10.1.2.3',
};

function sampleOf(s: Json | undefined, depth = 0): unknown {
  if (!s || depth > 6) return undefined;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const alt = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (alt) return sampleOf(alt.find((a) => a.type !== 'null') ?? alt[0], depth + 1);
  if (Array.isArray(s.allOf)) return sampleOf((s.allOf as Json[])[0], depth + 1);
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : (s.type as string | undefined);
  switch (type) {
    case 'object': {
      const out: Json = {};
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
        const val = sampleOf(v, depth + 1);
        if (val !== undefined) out[k] = val;
      }
      return out;
    }
    case 'array': {
      const item = sampleOf(s.items as Json | undefined, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'string': {
      if (typeof s.format === 'string' && FORMATS[s.format]) return FORMATS[s.format];
      if (typeof s.pattern === 'string') return undefined; // left out: a pattern's value is the route's own business
      const min = typeof s.minLength === 'number' ? s.minLength : 1;
      return '测试'.padEnd(Math.max(min, 2), '试');
    }
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 1;
    case 'boolean':
      return true;
    default:
      return undefined;
  }
}

/** A value the schema would likely accept (its JSON Schema's enums, formats and minima). */
export function sampleFor(schema: ZodType | undefined): unknown {
  if (!schema) return undefined;
  try {
    return sampleOf(z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }));
  } catch {
    return {};
  }
}

/** `value` with every leaf of the kind replaced by `by` (arrays and objects walked). */
export function replaceLeaves(value: unknown, kind: Leaf, by: unknown): unknown {
  if (typeof value === kind) return by;
  if (Array.isArray(value)) return value.map((v) => replaceLeaves(v, kind, by));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceLeaves(v, kind, by)]));
  return value;
}

/** How many leaves of the kind a value holds. */
export function countLeaves(value: unknown, kind: Leaf): number {
  if (typeof value === kind) return 1;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countLeaves(v, kind), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + countLeaves(v, kind), 0);
  return 0;
}

/** A query string of flat values (arrays repeated), as a browser would send it. */
export function queryString(q: unknown): string {
  if (!q || typeof q !== 'object') return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const x of [v].flat()) if (x !== undefined && x !== null) sp.append(k, String(x));
  const s = sp.toString();
  return s ? `?${s}` : '';
}
